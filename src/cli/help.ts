/** The help texts: `arrears --help` and `arrears <command> --help`. Kept in step with docs/cli.md. */

export const COMMANDS = ['validate', 'decide', 'explain', 'simulate', 'check', 'schema', 'presets', 'help'] as const;
export type CommandName = (typeof COMMANDS)[number];

const EXIT_CODES = `Exit codes:
  0  success (warnings may have been printed)
  1  invalid input: bad JSON, an invalid policy or account, an account that could not be
     decided, or compliance violations found by 'check'
  2  usage error: unknown command or option, missing argument, unreadable file
  3  internal error (a bug: please report it with the command and its output)`;

const POLICY_OPTION = `  --policy <file | preset:id>   A policy file (.json, or .jsonc with comments). Repeat it to
                                compose several, in order: regulation, company rules, strategy
                                (composePolicies). 'preset:us-regulation-f' names a built-in
                                preset (see 'arrears presets').`;

export const TOP_HELP = `arrears — decide the next collection action for overdue accounts, with compliance
layers that can only restrict, and explain why.

Usage: arrears <command> [options]

Commands:
  validate <policy.json…>     Check policies (or --account files): every problem with file:line:column
  decide                      Decide what to do next for an account, or a stream of accounts
  explain                     Explain in plain text what to do next for an account, and why
  simulate                    Play an account forward day by day under a policy
  check                       Find compliance violations in a log of attempts
  schema                      Print the policy JSON Schema (for editors and CI)
  presets [id]                List the regulation presets and what they cite, or print one

Options:
  -h, --help                  Show help (also: arrears <command> --help, arrears help <command>)
  -v, --version               Show the version

Examples:
  arrears validate policy.json
  arrears decide --policy preset:us-regulation-f --policy policy.json --account account.json
  arrears decide --policy policy.json --account accounts.ndjson --at 2026-11-23T09:00:00-05:00

Files ending in .jsonc may hold comments and trailing commas; other files are strict
JSON. Colours are used only when the output is a terminal and NO_COLOR is not set.

${EXIT_CODES}

Documentation: docs/cli.md and docs/getting-started.md in the arrears repository.`;

export const HELP: Record<Exclude<CommandName, 'help'>, string> = {
  validate: `Usage: arrears validate <file…> [--account] [--json]

Validates policy files: their shape, every cross-reference (actions, facts, operators, named
conditions, contact orders, holiday calendars) and windows that could never open. Every problem
is reported, not only the first, as 'file:line:column: error: path: message [code]', pointing at
the offending value. Warnings (legal but suspicious) are listed and do not fail the command.

Options:
  --account      The files hold accounts instead: one account, a JSON array of accounts, or
                 NDJSON (.ndjson / .jsonl, one account per line)
  --json         Print the results as JSON: [{ file, kind, valid, errors, warnings }]
  -h, --help     Show this help

'-' reads standard input.

Examples:
  arrears validate policies/*.json
  arrears validate --account accounts.ndjson

${EXIT_CODES}`,

  decide: `Usage: arrears decide --policy <file | preset:id>… --account <file | -> [--at <instant>] [--json]

Decides what to do next for one account, or for every account of a file or stream, at one
instant. Prints the explanation (why this action, why not the others) by default.

Options:
${POLICY_OPTION}
  --account <file | ->          One account (JSON), a JSON array of accounts, or NDJSON: a file
                                ending in .ndjson / .jsonl, or '-' for standard input. NDJSON is
                                streamed in constant memory and answered with one JSON decision
                                per line, in input order; an account that cannot be decided gets
                                { "ok": false, "line": n, "error": … } in its place.
  --at <instant>                The instant of the decision: ISO 8601 with Z or an offset, e.g.
                                2026-11-23T21:05:00+08:00. Default: the current time, which is
                                then stated in the output.
  --json                        Print the decision as JSON (the Decision object: an audit record)
  -h, --help                    Show this help

Examples:
  arrears decide --policy policy.json --account account.json --at 2026-11-23T21:05:00+08:00
  arrears decide --policy preset:us-regulation-f --policy strategy.json --account a.json --json
  cat accounts.ndjson | arrears decide --policy policy.json --account - > decisions.ndjson

${EXIT_CODES}`,

  explain: `Usage: arrears explain --policy <file | preset:id>… --account <file | -> [--at <instant>]

Explains in plain text what to do next for one account (or each account of a JSON array) at one
instant: the next action and when, then every candidate in order of preference with the reasons
it is not allowed now. The same text 'arrears decide' prints by default; for JSON or NDJSON, use
'arrears decide'.

Options:
${POLICY_OPTION}
  --account <file | ->          One account (JSON) or a JSON array of accounts; '-' reads it from
                                standard input
  --at <instant>                The instant of the decision: ISO 8601 with Z or an offset, e.g.
                                2026-11-23T21:05:00+08:00. Default: the current time, which is
                                then stated in the output.
  -h, --help                    Show this help

Example:
  arrears explain --policy preset:us-regulation-f --policy policy.json --account account.json

${EXIT_CODES}`,

  simulate: `Usage: arrears simulate --policy <file | preset:id>… --account <file> [--days N] [--from <instant>]
                        [--respond <script>] [--pause <duration>] [--step <duration>] [--max-steps N] [--json]

Plays an account forward: whenever the engine's next action becomes allowed it is carried out,
its outcome (from --respond) goes into the history, and the engine decides again. Prints a
day-by-day timeline.

Options:
${POLICY_OPTION}
  --account <file>              The account to start from (JSON)
  --days <N>                    How many days to simulate (default 30, at most 3660)
  --from <instant>              Start instant (default: the current time, stated in the output)
  --respond <script>            How the debtor responds:
                                  never (default)   calls and visits go unanswered, messages
                                                    are delivered
                                  answers           every call or visit is answered
                                  answers-on-2nd    every 2nd call to a contact is answered
                                  answers-on-3rd    every 3rd call to a contact is answered
                                  promises-then-breaks  answers with a promise to pay in 3
                                                    days, and never pays
  --pause <duration>            Time an attempt takes: decide again this much later (ISO 8601,
                                e.g. PT2H; default: at the same instant)
  --step <duration>             Longest jump when nothing is allowed (default: to the debtor's
                                next local midnight; PT1H for rules on the local hour)
  --max-steps <N>               Stop after N decisions (default 5000)
  --json                        Print the timeline as JSON
  -h, --help                    Show this help

Example:
  arrears simulate --policy policy.json --account account.json --days 120 --respond never

${EXIT_CODES}`,

  check: `Usage: arrears check --policy <file | preset:id>… --log <file | -> [--account <file>] [--json]

Replays a log of attempts (your production call log, or a simulation's) against a policy and
reports every violation: which attempt, which constraint, why. Exits 1 when there is one.

Options:
${POLICY_OPTION}
  --log <file | ->              The attempts: NDJSON (.ndjson / .jsonl or '-', one attempt per
                                line, as in an account's history: { "at", "action", "channel",
                                "contactId", "outcome" }), a JSON array, or a simulation
  --account <file>              The account the attempts belong to (contacts, zones, flags).
                                Its own history counts as earlier attempts (an attempt in both
                                is counted once). Not needed when --log is the JSON of
                                'arrears simulate --json', which carries its account.
  --json                        Print the violations as JSON
  -h, --help                    Show this help

Example:
  arrears check --policy preset:us-regulation-f --log calls.ndjson --account account.json

${EXIT_CODES}`,

  schema: `Usage: arrears schema

Prints the JSON Schema (draft 2020-12) of policy documents, generated from the same schema that
validates them. Point your editor at it for completion and inline errors:
  arrears schema > policy.schema.json        then, in a policy: "$schema": "./policy.schema.json"
(The package also ships it: "$schema": "./node_modules/arrears/policy.schema.json".)

Options:
  -h, --help     Show this help

${EXIT_CODES}`,

  presets: `Usage: arrears presets [id] [--json]

Without an id: lists the built-in regulation presets, each constraint with the clause it cites.
With an id: prints that preset's policy JSON, to read or to copy into your own policy.
Use one in other commands with --policy preset:<id>. Presets are not legal advice.

Options:
  --json         List as JSON
  -h, --help     Show this help

Examples:
  arrears presets
  arrears presets us-regulation-f > reg-f.json

${EXIT_CODES}`,
};
