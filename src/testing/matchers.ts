import { didYouMean } from '../conditions/suggest';
import type { Decision, Proposal } from '../engine/types';
import { ArrearsError, type Issue } from '../errors';
import { unreadableIssue, unreadableIssues } from '../input-guard';
import { DEFAULT_LIMITS } from '../limits';
import { formatLocal, parseInstant } from '../time';
import { CHANNELS, REASON_CODES, type Channel, type ReasonCode } from '../vocabulary';
import { checkOptions, describeValue, optionKeys } from './options';
import type { InstantLike } from './time';

// A misspelt filter (`{ chanel: 'sms' }`) would silently widen the check: refused, like any option.
const FILTER = optionKeys(['contact', 'channel']);
const DEFER = optionKeys(['contact', 'channel', 'until', 'code']);
const BLOCK = optionKeys(['contact', 'channel', 'code']);

/** Narrows the proposals of an action: a contact (its id or its relationship) and/or a channel. */
export interface ProposalFilter {
  readonly contact?: string;
  readonly channel?: Channel;
}

/** Options of `toDefer`: until when (the earliest deferred proposal's `allowedFrom`), and a reason code it carries. */
export interface DeferOptions extends ProposalFilter {
  readonly until?: InstantLike;
  readonly code?: ReasonCode;
}

/** Options of `toBlock`: a reason code every matching proposal carries. */
export interface BlockOptions extends ProposalFilter {
  readonly code?: ReasonCode;
}

/**
 * The verdict of one expectation on a decision, as data: whether it holds, and the words of the
 * message (`expected <subject> [not ]to <wanted>, but <actual>`).
 */
export interface Verdict {
  readonly pass: boolean;
  readonly subject: string;
  readonly wanted: string;
  readonly actual: string;
  /** The decision, when the value was one (its explanation goes into failure messages). */
  readonly decision: Decision | null;
  /**
   * Set when the expectation cannot be checked: the value is not a Decision (`decision` is then
   * null), or an argument is wrong — a reason code or channel that does not exist, an `until` that
   * is not an instant, an action that is not an id. `pass` is then false and means "not checked",
   * not "does not hold": never read it as the negation's success. The vitest matchers throw this
   * error under `.not` (and, for a wrong argument, always).
   */
  readonly error?: ArrearsError;
}

/** The words of a verdict that its message is made of. */
const WORDS = ['subject', 'wanted', 'actual'] as const;

/**
 * The message of a verdict, for the positive or the negated expectation. Throws `ArrearsError`
 * (`OPTIONS_INVALID`, at `verdict` or `negated`) for anything but a verdict an `expect*` function
 * returned and a boolean: a message made of `undefined`s would hide the failure it reports.
 *
 * @example
 * verdictMessage(expectAllowed(decision, 'call_self'), false);
 * // "expected call_self to be allowed, but it is deferred until 2026-11-24 08:00 (…) [OUTSIDE_CONTACT_WINDOW]"
 */
export function verdictMessage(v: Verdict, negated: boolean): string {
  const usage = 'verdictMessage(verdict, negated) writes what expectAllowed, expectDeferred, expectBlocked, expectNeedsApproval or expectNext returned';
  if (v === null || typeof v !== 'object') {
    throw new ArrearsError('OPTIONS_INVALID', [{ code: 'invalid_type', path: ['verdict'], message: `must be a verdict { pass, subject, wanted, actual, … }: ${usage}; received ${describeValue(v)}` }]);
  }
  const issues: Issue[] = [];
  const words: Partial<Record<(typeof WORDS)[number], string>> = {};
  for (const key of WORDS) {
    let word: unknown;
    try {
      word = v[key];
    } catch (error) {
      issues.push(unreadableIssue(['verdict', key], error));
      continue;
    }
    if (typeof word === 'string') words[key] = word;
    else issues.push({ code: 'invalid_type', path: ['verdict', key], message: `must be a string, as in every verdict: ${usage}; received ${describeValue(word)}` });
  }
  if (typeof negated !== 'boolean') {
    issues.push({ code: 'invalid_type', path: ['negated'], message: `must be true (the expectation is negated, \`.not\`) or false; received ${describeValue(negated)}` });
  }
  if (issues.length > 0) throw new ArrearsError('OPTIONS_INVALID', issues);
  return `expected ${words.subject} ${negated ? 'not ' : ''}to ${words.wanted}, but ${words.actual}`;
}

function isDecision(value: unknown): value is Decision {
  return value !== null && typeof value === 'object' && (value as { ok?: unknown }).ok === true && Array.isArray((value as { proposals?: unknown }).proposals);
}

/**
 * What an expectation was given, read once: a Decision, a failed decideMany result (with its
 * message), anything else — or a value that throws when read (a getter, a Proxy), which can no
 * more be checked than `undefined` can.
 */
type Received =
  | { readonly kind: 'decision'; readonly decision: Decision }
  | { readonly kind: 'failed'; readonly failure: string | undefined }
  | { readonly kind: 'other' }
  | { readonly kind: 'unreadable'; readonly issues: readonly Issue[] };

function receivedOf(value: unknown): Received {
  try {
    if (isDecision(value)) {
      // Its proposals and trace are read next, outside any guard: every value must read.
      const issues = unreadableIssues(value, DEFAULT_LIMITS);
      return issues.length > 0 ? { kind: 'unreadable', issues } : { kind: 'decision', decision: value };
    }
    if (value === null || typeof value !== 'object' || (value as { ok?: unknown }).ok !== false) return { kind: 'other' };
    const message: unknown = (value as { error?: { message?: unknown } }).error?.message;
    return { kind: 'failed', failure: message === undefined ? undefined : typeof message === 'string' ? message : describeValue(message) };
  } catch (error) {
    return { kind: 'unreadable', issues: [unreadableIssue([], error, 'reading the value given to expect')] };
  }
}

function notADecision(received: Exclude<Received, { kind: 'decision' }>, value: unknown, subject: string, wanted: string): Verdict {
  const what = `"${subject} to ${wanted}"`;
  if (received.kind === 'unreadable') {
    const error = new ArrearsError('OPTIONS_INVALID', received.issues);
    return { pass: false, subject, wanted, actual: `the value cannot be read: ${received.issues.map((i) => i.message).join('; ')}`, decision: null, error };
  }
  const failure = received.kind === 'failed' ? received.failure : undefined;
  const actual = failure !== undefined ? `the decision failed: ${failure}` : `the value is not a Decision (engine.decide(...) returns one): ${safeJson(value).slice(0, 200)}`;
  const message =
    received.kind === 'failed'
      ? `expect(value) got a failed decideMany result (ok: false${failure === undefined ? '' : `: ${failure}`}), not a Decision: ${what} cannot be checked either way; assert result.ok first`
      : `expect(value) must be a Decision returned by engine.decide (or a successful decideMany result) for ${what} to be checked either way; received ${describeValue(value)}`;
  const error = new ArrearsError('OPTIONS_INVALID', [{ code: 'invalid_type', path: [], message }]);
  return { pass: false, subject, wanted, actual, decision: null, error };
}

/** JSON of a value for a message, or its kind when it has none (a bigint, a cycle). */
function safeJson(value: unknown): string {
  try {
    return String(JSON.stringify(value));
  } catch {
    return typeof value;
  }
}

/**
 * A wrong argument of an expectation: the issue the matchers throw, and the words of the verdict.
 * Checked before any proposal is looked at, since a wrong argument makes any answer meaningless
 * (and a typo would make the negation pass).
 */
interface Problem {
  readonly issue: Issue;
  readonly actual: string;
}

const problem = (code: string, path: readonly (string | number)[], message: string, actual = `'${path.join('.')}' ${message}`): Problem => ({ issue: { code, path, message }, actual });

/**
 * The action argument: an id some rule of the decision's policy proposes (the trace lists every
 * rule's actions), or `null` where nothing may be expected. A misspelt id is never proposed, so
 * `.not.toAllow('call_slef')` would pass without checking anything.
 */
function actionProblems(action: unknown, nullable: boolean, d: Decision): Problem[] {
  if (nullable && action === null) return [];
  if (typeof action !== 'string' || action === '') {
    return [problem('invalid_type', ['action'], `must be an action id of the policy${nullable ? ', or null for nothing next' : ''}; received ${describeValue(action)}`)];
  }
  // A decision without its trace (hand-built), or stored before the trace listed the actions of
  // rules that did not fire (a rule proposes one at least, so an empty list is that), cannot tell:
  // the id is taken.
  const rules: unknown = (d as { trace?: { rules?: unknown } }).trace?.rules;
  if (!Array.isArray(rules) || rules.some((r: { actions?: unknown }) => !Array.isArray(r?.actions) || r.actions.length === 0)) return [];
  const proposable = [...new Set((rules as readonly { actions: string[] }[]).flatMap((r) => r.actions))];
  if (proposable.includes(action)) return [];
  const message = `'${action}' is not proposed by any rule of policy '${d.policy.id}' (its rules propose: ${proposable.join(', ') || 'nothing'})${didYouMean(action, proposable)}`;
  return [problem('invalid_value', ['action'], message, message)];
}

/** An argument that must be one of `known` when given (a channel, a reason code), with a did-you-mean. */
function oneOfProblems(key: string, value: unknown, known: readonly string[], what: string): Problem[] {
  if (value === undefined || (known as readonly unknown[]).includes(value)) return [];
  const hint = typeof value === 'string' ? didYouMean(value, known) : '';
  const message = `${typeof value === 'string' ? `'${value}'` : describeValue(value)} is not ${what} (known: ${known.join(', ')})${hint}`;
  return [problem('invalid_value', [key], message, message)];
}

/** The filter's values: a channel that exists, a contact given as a string (its id or its relationship). */
function filterProblems(filter: ProposalFilter): Problem[] {
  const { channel, contact } = filter as { channel?: unknown; contact?: unknown };
  const out = oneOfProblems('channel', channel, CHANNELS, 'a channel');
  if (contact !== undefined && (typeof contact !== 'string' || contact === '')) {
    out.push(problem('invalid_type', ['contact'], `must be a contact id or a relationship; received ${describeValue(contact)}`));
  }
  return out;
}

/** `code` when given: one of the reason codes (a block's own `code` is one of them too). */
const codeProblems = (value: unknown): Problem[] => oneOfProblems('code', value, REASON_CODES, 'a reason code');

/** `until` when given: an instant (ISO 8601 with Z or an offset, or a valid Date). */
function untilProblems(until: unknown): Problem[] {
  if (until === undefined) return [];
  const parsed = parseInstant(until as InstantLike);
  if (parsed.ok) return [];
  const code = parsed.reason === 'missing_offset' ? 'missing_offset' : 'invalid_instant';
  return [problem(code, ['until'], parsed.message, `'until' is not an instant: ${parsed.message}`)];
}

/** The verdict of an expectation whose arguments are wrong: not checked, whatever the value. */
function refused(problems: readonly Problem[], d: Decision, subject: string, wanted: string): Verdict {
  const error = new ArrearsError('OPTIONS_INVALID', problems.map((p) => p.issue));
  const actual = problems.map((p) => p.actual).join('; ');
  return { pass: false, subject, wanted, actual, decision: d, error };
}

/** An argument as given, for the words of a verdict: any value can be named, none may throw. */
const named = (value: unknown): string => (typeof value === 'string' ? value : describeValue(value));

function describeSubject(action: unknown, filter: ProposalFilter): string {
  const parts = [filter.contact === undefined ? null : `contact '${named(filter.contact)}'`, filter.channel === undefined ? null : `channel ${named(filter.channel)}`].filter((x) => x !== null);
  return `${action === null ? 'nothing' : named(action)}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

function matches(p: Proposal, action: string, filter: ProposalFilter): boolean {
  if (p.action !== action) return false;
  if (filter.channel !== undefined && p.channel !== filter.channel) return false;
  if (filter.contact !== undefined && p.contactId !== filter.contact && p.relationship !== filter.contact) return false;
  return true;
}

const local = (iso: string | null, p: Proposal, d: Decision): string => {
  const parsed = iso === null ? null : parseInstant(iso);
  return parsed?.ok ? formatLocal(parsed.ms, p.zones[0] ?? d.timeZone) : String(iso);
};

const codes = (p: Proposal): string => (p.reasons.length === 0 ? '' : ` [${[...new Set(p.reasons.map((r) => r.code))].join(', ')}]`);

function who(p: Proposal): string {
  return p.channel === null ? 'internal' : `${p.channel} to ${p.relationship ?? 'nobody'}${p.contactId === null ? '' : ` '${p.contactId}'`}`;
}

/**
 * What a proposal's status is, in words, with its reason codes.
 *
 * @example
 * describeStatus(decision.proposals[0]!, decision); // 'deferred until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00) [OUTSIDE_CONTACT_WINDOW]'
 */
export function describeStatus(p: Proposal, d: Decision): string {
  switch (p.status) {
    case 'allowed':
      return `allowed${codes(p)}`;
    case 'deferred':
      return `deferred until ${local(p.allowedFrom, p, d)}${codes(p)}`;
    case 'needs_approval':
      return `needs approval${codes(p)}`;
    case 'blocked':
      return `blocked${codes(p)}`;
  }
}

function describeMatches(found: readonly Proposal[], d: Decision, action: string): string {
  if (found.length === 0) {
    const proposed = [...new Set(d.proposals.map((p) => p.action))];
    const also = d.proposals.some((p) => p.action === action) ? `; ${action} is proposed as ${d.proposals.filter((p) => p.action === action).map(who).join(', ')}` : '';
    return `it is not proposed (proposed: ${proposed.length > 0 ? proposed.join(', ') : 'nothing'}${also})`;
  }
  if (found.length === 1) return `it is ${describeStatus(found[0] as Proposal, d)}`;
  return found.map((p) => `${who(p)} is ${describeStatus(p, d)}`).join('; ');
}

function evaluate(
  received: unknown,
  action: string,
  filter: ProposalFilter,
  wanted: string,
  problems: readonly Problem[],
  test: (found: Proposal[], d: Decision) => boolean | string,
): Verdict {
  const subject = describeSubject(action, filter);
  const given = receivedOf(received);
  if (given.kind !== 'decision') return notADecision(given, received, subject, wanted);
  const d = given.decision;
  const wrong = [...actionProblems(action, false, d), ...filterProblems(filter), ...problems];
  if (wrong.length > 0) return refused(wrong, d, subject, wanted);
  const found = d.proposals.filter((p) => matches(p, action, filter));
  const result = test(found, d);
  const actual = typeof result === 'string' ? result : describeMatches(found, d, action);
  return { pass: result === true, subject, wanted, actual, decision: d };
}

/**
 * Some proposal of `action` (to that contact, on that channel) is allowed now.
 *
 * @example
 * expectAllowed(engine.decide(account, { now }), 'call_self', { channel: 'phone' }).pass; // true
 */
export function expectAllowed(received: unknown, action: string, filter: ProposalFilter = {}): Verdict {
  // The plain copy from now on: a getter or a Proxy could answer differently the next time.
  filter = checkOptions(FILTER, filter, 'expectAllowed(decision, action, { contact?, channel? })') as ProposalFilter;
  return evaluate(received, action, filter, 'be allowed', [], (found) => found.some((p) => p.status === 'allowed'));
}

/**
 * No proposal of `action` is allowed now and one is deferred — until `until` (the earliest
 * `allowedFrom`, compared as instants) and with a reason of `code`, when given.
 *
 * @example
 * expectDeferred(decision, 'call_self', { until: '2026-11-24T08:00:00+08:00', code: 'OUTSIDE_CONTACT_WINDOW' });
 */
export function expectDeferred(received: unknown, action: string, options: DeferOptions = {}): Verdict {
  options = checkOptions(DEFER, options, 'expectDeferred(decision, action, { until?, code?, contact?, channel? })') as DeferOptions;
  const problems = [...untilProblems(options.until), ...codeProblems(options.code)];
  const until = problems.length === 0 && options.until !== undefined ? parseInstant(options.until) : null;
  const wanted = `be deferred${options.until === undefined ? '' : ` until ${describeInstant(options.until)}`}${options.code === undefined ? '' : ` by ${named(options.code)}`}`;
  return evaluate(received, action, options, wanted, problems, (found, d) => {
    if (found.some((p) => p.status === 'allowed')) return false;
    const deferred = found.filter((p) => p.status === 'deferred').sort((a, b) => ms(a.allowedFrom) - ms(b.allowedFrom));
    const first = deferred[0];
    if (first === undefined) return false;
    if (until?.ok && ms(first.allowedFrom) !== until.ms) return `it is ${describeStatus(first, d)}`;
    if (options.code !== undefined && !first.reasons.some((r) => r.code === options.code)) return `it is ${describeStatus(first, d)}`;
    return true;
  });
}

/** An instant as the user wrote it: text as is, a valid Date as ISO, anything else described. */
function describeInstant(value: unknown): string {
  if (typeof value === 'string') return value;
  const parsed = parseInstant(value as InstantLike);
  return parsed.ok ? new Date(parsed.ms).toISOString() : describeValue(value);
}

const ms = (iso: string | null): number => {
  const parsed = iso === null ? null : parseInstant(iso);
  return parsed?.ok ? parsed.ms : Number.POSITIVE_INFINITY;
};

/**
 * `action` is proposed and every matching proposal is blocked (each with a reason of `code`, when given).
 *
 * @example
 * expectBlocked(decision, 'call_self', 'FREQUENCY_CAP').pass;
 */
export function expectBlocked(received: unknown, action: string, codeOrOptions: ReasonCode | BlockOptions = {}): Verdict {
  const given: BlockOptions = typeof codeOrOptions === 'string' ? { code: codeOrOptions } : codeOrOptions;
  const options = checkOptions(BLOCK, given, 'expectBlocked(decision, action, code | { code?, contact?, channel? })') as BlockOptions;
  const wanted = `be blocked${options.code === undefined ? '' : ` by ${named(options.code)}`}`;
  return evaluate(
    received,
    action,
    options,
    wanted,
    codeProblems(options.code),
    (found) => found.length > 0 && found.every((p) => p.status === 'blocked' && (options.code === undefined || p.reasons.some((r) => r.code === options.code))),
  );
}

/**
 * Some proposal of `action` waits for an approval recorded on the account.
 *
 * @example
 * expectNeedsApproval(decision, 'litigation').pass;
 */
export function expectNeedsApproval(received: unknown, action: string, filter: ProposalFilter = {}): Verdict {
  filter = checkOptions(FILTER, filter, 'expectNeedsApproval(decision, action, { contact?, channel? })') as ProposalFilter;
  return evaluate(received, action, filter, 'need approval', [], (found) => found.some((p) => p.status === 'needs_approval'));
}

/**
 * The decision's `next` is `action` (to that contact, on that channel), or nothing when `action` is null.
 *
 * @example
 * expectNext(decision, 'sms_reminder').pass;
 * expectNext(decision, null).pass; // nothing to do
 */
export function expectNext(received: unknown, action: string | null, filter: ProposalFilter = {}): Verdict {
  filter = checkOptions(FILTER, filter, 'expectNext(decision, action, { contact?, channel? })') as ProposalFilter;
  const subject = describeSubject(action, filter);
  const wanted = 'be chosen next';
  const given = receivedOf(received);
  if (given.kind !== 'decision') return notADecision(given, received, subject, wanted);
  const d = given.decision;
  const wrong = [...actionProblems(action, true, d), ...filterProblems(filter)];
  if (wrong.length > 0) return refused(wrong, d, subject, wanted);
  const next = d.next;
  const pass = action === null ? next === null : next !== null && matches(next, action, filter);
  const actual = next === null ? 'nothing is next' : `next is ${next.action} (${who(next)}), ${describeStatus(next, d)}`;
  return { pass, subject, wanted, actual, decision: d };
}
