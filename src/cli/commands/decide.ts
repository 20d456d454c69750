import { parseArgs } from 'node:util';
import { createEngine, type Decision, type DecisionFailure, type Engine, explain } from '../../index';
import { parseCommand } from '../args';
import { isNdjsonName, type NumberedLine, readDocument, readRecords, readStdinOnce, STDIN } from '../files';
import { HELP } from '../help';
import { chooseInstant, type ChosenInstant, clockNote } from '../instant';
import type { Context } from '../io';
import { loadPolicies } from '../policies';
import { EXIT, findingsOf, formatFinding, sortFindings, UsageError } from '../report';
import { type JsonDocument, ONE_DOCUMENT_PER_FILE, parseJson } from '../source';

/** Light emphasis of an explanation on a terminal: the answer stands out. */
function paint(ctx: Context, text: string): string {
  const { c } = ctx.out;
  if (!c.enabled) return text;
  return text
    .split('\n')
    .map((line) => (line.startsWith('Next:') ? c.bold(line) : line.startsWith('Account ') ? c.dim(line) : line))
    .join('\n')
    .replace(/— (allowed now)/g, `— ${c.green('$1')}`)
    .replace(/— (deferred until)/g, `— ${c.yellow('$1')}`)
    .replace(/— (blocked|needs approval)/g, `— ${c.red('$1')}`);
}

function printFailure(ctx: Context, failure: DecisionFailure, document: JsonDocument, index: number | null): void {
  const which = index === null ? 'The account' : `Account #${index + 1}${failure.accountId === null ? '' : ` '${failure.accountId}'`}`;
  ctx.err.line(`${which} could not be decided: ${failure.error.code === 'ACCOUNT_INVALID' ? 'it is invalid' : failure.error.message}`);
  const prefix = index === null ? [] : [index];
  for (const f of sortFindings(findingsOf(document, failure.error.issues, 'error', prefix))) ctx.err.line(formatFinding(f, ctx.err.c));
}

async function decideDocument(ctx: Context, engine: Engine, document: JsonDocument, instant: ChosenInstant, json: boolean): Promise<number> {
  const many = Array.isArray(document.value);
  const inputs: unknown[] = many ? (document.value as unknown[]) : [document.value];
  const results = [...engine.decideMany(inputs, { now: instant.iso })];
  if (json) {
    if (instant.fromClock) ctx.err.line(clockNote(instant, 'at'));
    await ctx.out.json(`${JSON.stringify(many ? results : results[0], null, 2)}\n`);
    results.forEach((r, i) => {
      if (!r.ok) printFailure(ctx, r, document, many ? i : null);
    });
  } else {
    if (instant.fromClock) ctx.out.line(clockNote(instant, 'at'));
    results.forEach((r, i) => {
      if (i > 0 || instant.fromClock) ctx.out.line();
      if (r.ok) ctx.out.line(paint(ctx, explain(r)));
      else printFailure(ctx, r, document, many ? i : null);
    });
  }
  return results.every((r) => r.ok) ? EXIT.ok : EXIT.invalid;
}

/** A `decideMany` failure record, or the CLI's own for an NDJSON line that is not JSON (`JSON_INVALID`, with its line). */
type LineFailure = Omit<DecisionFailure, 'error'> & { readonly line: number; readonly error: Omit<DecisionFailure['error'], 'code'> & { readonly code: 'JSON_INVALID' } };

/** The failure record of an NDJSON line that is not JSON, with the first syntax error's position. */
function unreadableLine(name: string, line: number, text: string): LineFailure {
  const parsed = parseJson(name, text, { jsonc: false, firstLine: line, bom: 'refuse', afterEnd: 'a second value on the line' });
  const problem = parsed.ok ? null : parsed.errors[0];
  const why = problem?.message ?? 'invalid JSON';
  const message = `line ${line}, column ${problem?.column ?? 1}: ${why} (NDJSON: one account per line)`;
  return { ok: false, accountId: null, line, error: { code: 'JSON_INVALID', message, issues: [{ code: problem?.code ?? 'invalid_json', path: [], message: why }] } };
}

/**
 * Decides accounts one at a time, as they are handed in, through one `decideMany` for the whole
 * stream: `now` is parsed and the options checked once, not per account (a `decideMany` of one
 * account per line costs a fifth of the throughput). `decideMany` is a generator that takes the
 * next account only when asked for the next result, so its input is an endless iterable that
 * gives whatever account was handed in last.
 */
function accountDecider(engine: Engine, instant: ChosenInstant): (account: unknown) => Decision | DecisionFailure {
  let pending: unknown;
  const results = engine.decideMany({ [Symbol.iterator]: () => ({ next: () => ({ done: false, value: pending }) }) }, { now: instant.iso });
  return (account) => {
    pending = account;
    const next = results.next();
    if (next.done === true) throw new Error('decideMany stopped before its input did');
    return next.value;
  };
}

/**
 * NDJSON in, NDJSON out, in order, in constant memory; an unreadable line becomes a failure
 * record in place. Each line is decided and written as soon as it is read, never held back to
 * fill a batch: in a pipeline the input may pause for minutes between accounts, and a decision
 * in a batch would wait for the next accounts, or for the end of the input.
 */
async function decideStream(ctx: Context, engine: Engine, path: string, lines: AsyncIterable<NumberedLine>, instant: ChosenInstant): Promise<number> {
  if (instant.fromClock) ctx.err.line(clockNote(instant, 'at'));
  const name = path === STDIN ? '<stdin>' : path;
  const decideOne = accountDecider(engine, instant);
  let decided = 0;
  let failed = 0;
  const emit = (record: Decision | DecisionFailure | LineFailure) => {
    if (record.ok) decided++;
    else failed++;
    return ctx.out.json(`${JSON.stringify(record)}\n`);
  };
  for await (const { line, text } of lines) {
    if (text.trim() === '') continue;
    let account: unknown;
    try {
      account = JSON.parse(text);
    } catch {
      await emit(unreadableLine(name, line, text));
      continue;
    }
    const result = decideOne(account);
    await emit(result.ok ? result : { ok: false, accountId: result.accountId, line, error: result.error });
  }
  if (failed > 0) ctx.err.line(`${decided + failed} account${decided + failed === 1 ? '' : 's'} read from ${name}: ${decided} decided, ${failed} could not be decided (their lines say why).`);
  return failed === 0 ? EXIT.ok : EXIT.invalid;
}

/** The options `decide` and `explain` share, as parseArgs returns them. */
interface DecisionValues {
  readonly policy?: string[] | undefined;
  readonly account?: string | undefined;
  readonly at?: string | undefined;
}

/** What both commands do before deciding: check the options, read the clock or `--at`, compile the policies. */
async function prepare(ctx: Context, command: 'decide' | 'explain', values: DecisionValues): Promise<{ engine: Engine; instant: ChosenInstant; account: string }> {
  if (values.policy === undefined) throw new UsageError('missing --policy <file | preset:id>', command);
  if (values.account === undefined) throw new UsageError('missing --account <file | ->', command);
  readStdinOnce(command, [
    ['--policy', values.policy],
    ['--account', values.account],
  ]);
  const instant = chooseInstant(ctx, values.at, command, 'at');
  const policy = await loadPolicies(ctx, values.policy, command);
  return { engine: createEngine(policy), instant, account: values.account };
}

const DECISION_OPTIONS = {
  policy: { type: 'string', multiple: true },
  account: { type: 'string' },
  at: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `arrears decide --policy <p>… --account <a> [--at <instant>] [--json]` */
export async function decide(ctx: Context, args: readonly string[]): Promise<number> {
  const options = { ...DECISION_OPTIONS, json: { type: 'boolean' } } as const;
  const { values } = parseCommand('decide', options, args, (argv) => parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  if (values.help) {
    ctx.out.line(HELP.decide);
    return EXIT.ok;
  }
  const { engine, instant, account } = await prepare(ctx, 'decide', values);
  if (account === STDIN || isNdjsonName(account)) {
    const records = await readRecords(ctx, account);
    // Standard input holding one pretty-printed document is decided as that file would be.
    if (records.kind === 'document') return decideDocument(ctx, engine, records.document, instant, values.json === true);
    return decideStream(ctx, engine, account, records.lines, instant);
  }
  const document = await readDocument(ctx, account, ONE_DOCUMENT_PER_FILE);
  return decideDocument(ctx, engine, document, instant, values.json === true);
}

/**
 * `arrears explain --policy <p>… --account <a> [--at <instant>]`: what `decide` prints by default,
 * for one account (or a JSON array of them), and nothing else: no JSON, no NDJSON stream, whose
 * answers are records for programs rather than text to read.
 */
export async function explainCommand(ctx: Context, args: readonly string[]): Promise<number> {
  const options = DECISION_OPTIONS;
  const { values } = parseCommand('explain', options, args, (argv) => parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  if (values.help) {
    ctx.out.line(HELP.explain);
    return EXIT.ok;
  }
  const { engine, instant, account } = await prepare(ctx, 'explain', values);
  const document = await readDocument(ctx, account, 'explain reads one account, or a JSON array of them; for NDJSON use arrears decide');
  return decideDocument(ctx, engine, document, instant, false);
}
