import { parseArgs } from 'node:util';
import { ArrearsError, formatPath, type Issue } from '../../index';
import { checkCompliance, type Timeline, type Violation } from '../../testing';
import { parseCommand } from '../args';
import { isNdjsonName, readDocument, readStdinOnce, readText, refuseTooDeep, STDIN } from '../files';
import { HELP } from '../help';
import type { Context } from '../io';
import { loadPolicies } from '../policies';
import { EXIT, type Finding, findingsOf, InputError, syntaxFindings, UsageError } from '../report';
import { type JsonDocument, ONE_DOCUMENT_PER_FILE, parseJson, type Position } from '../source';

/** The log as read: its attempts (or a simulation timeline), and where each attempt is in the file. */
interface Log {
  readonly name: string;
  readonly input: readonly unknown[] | Timeline;
  /** Position of attempt `i` in the file. */
  where(i: number): Position | null;
  /** Located findings for issues whose path starts at one attempt. */
  findings(i: number, issues: readonly Issue[]): Finding[];
}

const isTimeline = (value: unknown): value is Timeline =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Array.isArray((value as { attempts?: unknown }).attempts);

function ndjsonLog(name: string, text: string): Log {
  const entries: { line: number; text: string; value: unknown }[] = [];
  const syntax: Finding[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const parsed = parseJson(name, line, { jsonc: false, firstLine: i + 1, bom: 'refuse', afterEnd: 'NDJSON: one attempt per line' });
    if (parsed.ok) entries.push({ line: i + 1, text: line, value: parsed.document.value });
    else syntax.push(...syntaxFindings(name, parsed.errors));
  });
  if (syntax.length > 0) throw new InputError(syntax);
  return {
    name,
    input: entries.map((e) => e.value),
    where: (i) => (entries[i] === undefined ? null : { line: (entries[i] as { line: number }).line, column: 1 }),
    findings: (i, issues) => {
      const e = entries[i];
      const parsed = e === undefined ? null : parseJson(name, e.text, { jsonc: false, firstLine: e.line, bom: 'refuse' });
      return parsed?.ok === true ? findingsOf(parsed.document, issues, 'error') : [];
    },
  };
}

/**
 * The log: NDJSON (by its name), a JSON array, or a simulation timeline. Standard input may be
 * any of them: a whole JSON document first, else NDJSON.
 */
async function readLog(ctx: Context, path: string): Promise<Log> {
  if (isNdjsonName(path)) return ndjsonLog(path, (await readText(ctx, path)).text);
  if (path === STDIN) {
    const { name, text } = await readText(ctx, path);
    const whole = parseJson(name, text, { jsonc: false, bom: 'refuse' });
    refuseTooDeep(name, whole);
    if (!whole.ok || !(Array.isArray(whole.document.value) || isTimeline(whole.document.value))) return ndjsonLog(name, text);
    return documentLog(whole.document);
  }
  return documentLog(await readDocument(ctx, path, ONE_DOCUMENT_PER_FILE));
}

function documentLog(document: JsonDocument): Log {
  const value = document.value;
  if (isTimeline(value)) {
    return {
      name: document.name,
      input: value,
      where: (i) => document.locate(['attempts', i]),
      findings: (i, issues) => findingsOf(document, issues, 'error', ['attempts', i]),
    };
  }
  if (!Array.isArray(value)) {
    throw new InputError([
      {
        severity: 'error',
        file: document.name,
        position: document.locate([]),
        path: null,
        code: 'not_a_log',
        message: 'expected a log of attempts: a JSON array, NDJSON (.ndjson, one attempt per line) or the JSON of `arrears simulate --json`',
      },
    ]);
  }
  return {
    name: document.name,
    input: value,
    where: (i) => document.locate([i]),
    findings: (i, issues) => findingsOf(document, issues, 'error', [i]),
  };
}

/** Issues of `checkCompliance` located in the file they come from: the log (`['log', i, …]`) or the account. */
function locate(issues: readonly Issue[], log: Log, account: JsonDocument | null): Finding[] {
  return issues.flatMap((issue): Finding[] => {
    const [head, index, ...rest] = issue.path;
    if (head === 'log' && typeof index === 'number') {
      const found = log.findings(index, [{ ...issue, path: rest }]);
      if (found.length > 0) return found;
    }
    if (account !== null && head !== 'log') return findingsOf(account, [issue], 'error');
    return [{ severity: 'error', file: head === 'log' ? log.name : (account?.name ?? log.name), position: null, path: formatPath(issue.path), code: issue.code, message: issue.message }];
  });
}

function printViolations(ctx: Context, log: Log, violations: readonly Violation[]): void {
  const { c } = ctx.out;
  const byAttempt = new Map<number, Violation[]>();
  for (const v of violations) byAttempt.set(v.index, [...(byAttempt.get(v.index) ?? []), v]);
  for (const [index, list] of byAttempt) {
    const first = list[0] as Violation;
    const at = log.where(index);
    const where = at === null ? `${log.name} #${index + 1}` : `${log.name}:${at.line}`;
    const what = [first.action, first.channel === null ? 'internal' : `${first.channel} → ${first.contactId ?? '(any contact)'}`].filter((x) => x !== null).join(' ');
    ctx.out.line(`${c.red('✗')} ${c.bold(where)}  ${first.local}  ${what}`);
    for (const v of list) {
      const source = [v.constraint, v.citation].filter((x) => x !== null && x !== undefined).join(', ');
      ctx.out.line(`    ${c.red(v.code)}${source === '' ? '' : ` [${source}]`}: ${v.message}`);
    }
  }
}

/** `arrears check --policy <p>… --log <attempts> [--account <a>] [--json]` */
export async function check(ctx: Context, args: readonly string[]): Promise<number> {
  const options = {
    policy: { type: 'string', multiple: true },
    log: { type: 'string' },
    account: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  } as const;
  const { values } = parseCommand('check', options, args, (argv) => parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  if (values.help) {
    ctx.out.line(HELP.check);
    return EXIT.ok;
  }
  if (values.policy === undefined) throw new UsageError('missing --policy <file | preset:id>', 'check');
  if (values.log === undefined) throw new UsageError('missing --log <attempts.ndjson | ->', 'check');
  readStdinOnce('check', [
    ['--policy', values.policy],
    ['--log', values.log],
    ['--account', values.account],
  ]);
  const policy = await loadPolicies(ctx, values.policy, 'check');
  const log = await readLog(ctx, values.log);
  const account = values.account === undefined ? null : await readDocument(ctx, values.account, '--account takes one account, as one JSON document');
  if (account === null && !isTimeline(log.input)) {
    throw new UsageError('missing --account <file>: the account gives the contacts, time zones and flags the attempts are judged with', 'check');
  }
  // A file holding null (or a number, or an array) is invalid input (exit 1), not a missing option.
  if (account !== null && (account.value === null || typeof account.value !== 'object' || Array.isArray(account.value))) {
    const held = account.value === null ? 'null' : Array.isArray(account.value) ? 'an array' : `a ${typeof account.value}`;
    throw new InputError([{ severity: 'error', file: account.name, position: account.locate([]), path: null, code: 'not_one_account', message: `--account takes one account (a JSON object); this file holds ${held}` }]);
  }

  let violations: Violation[];
  try {
    violations = checkCompliance(log.input, policy, account === null ? {} : { account: account.value });
  } catch (error) {
    if (!(error instanceof ArrearsError)) throw error;
    if (error.code === 'OPTIONS_INVALID') throw new UsageError(error.message, 'check');
    throw new InputError(locate(error.issues, log, account));
  }

  const attempts = isTimeline(log.input) ? log.input.attempts.length : log.input.length;
  if (values.json) {
    await ctx.out.json(`${JSON.stringify(violations, null, 2)}\n`);
  } else {
    printViolations(ctx, log, violations);
    const failing = new Set(violations.map((v) => v.index)).size;
    const of = `${attempts} attempt${attempts === 1 ? '' : 's'} checked against policy ${policy.id} v${policy.version}`;
    if (violations.length === 0) ctx.out.line(`${ctx.out.c.green('✓')} No violations: ${of}.`);
    else ctx.out.line(`${violations.length} violation${violations.length === 1 ? '' : 's'} in ${failing} of ${of}.`);
  }
  return violations.length === 0 ? EXIT.ok : EXIT.invalid;
}

