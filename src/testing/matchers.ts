import type { Decision, Proposal } from '../engine/types';
import { formatLocal, parseInstant } from '../time';
import { REASON_CODES, type Channel, type ReasonCode } from '../vocabulary';
import { checkOptions, optionKeys } from './options';
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
}

/**
 * The message of a verdict, for the positive or the negated expectation.
 *
 * @example
 * verdictMessage(expectAllowed(decision, 'call_self'), false);
 * // "expected call_self to be allowed, but it is deferred until 2026-11-24 08:00 (…) [OUTSIDE_CONTACT_WINDOW]"
 */
export function verdictMessage(v: Verdict, negated: boolean): string {
  return `expected ${v.subject} ${negated ? 'not ' : ''}to ${v.wanted}, but ${v.actual}`;
}

function isDecision(value: unknown): value is Decision {
  return value !== null && typeof value === 'object' && (value as { ok?: unknown }).ok === true && Array.isArray((value as { proposals?: unknown }).proposals);
}

function notADecision(value: unknown, subject: string, wanted: string): Verdict {
  const failure = value !== null && typeof value === 'object' && (value as { ok?: unknown }).ok === false ? (value as { error?: { message?: string } }).error?.message : undefined;
  const actual = failure !== undefined ? `the decision failed: ${failure}` : `the value is not a Decision (engine.decide(...) returns one): ${String(JSON.stringify(value))?.slice(0, 200)}`;
  return { pass: false, subject, wanted, actual, decision: null };
}

function describeSubject(action: string | null, filter: ProposalFilter): string {
  const parts = [filter.contact === undefined ? null : `contact '${filter.contact}'`, filter.channel === undefined ? null : `channel ${filter.channel}`].filter((x) => x !== null);
  return `${action ?? 'nothing'}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
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
 * describeStatus(decision.proposals[0], decision); // 'deferred until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00) [OUTSIDE_CONTACT_WINDOW]'
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

function evaluate(received: unknown, action: string, filter: ProposalFilter, wanted: string, test: (found: Proposal[], d: Decision) => boolean | string): Verdict {
  const subject = describeSubject(action, filter);
  if (!isDecision(received)) return notADecision(received, subject, wanted);
  const found = received.proposals.filter((p) => matches(p, action, filter));
  const result = test(found, received);
  const actual = typeof result === 'string' ? result : describeMatches(found, received, action);
  return { pass: result === true, subject, wanted, actual, decision: received };
}

/**
 * Some proposal of `action` (to that contact, on that channel) is allowed now.
 *
 * @example
 * expectAllowed(engine.decide(account, { now }), 'call_self', { channel: 'phone' }).pass; // true
 */
export function expectAllowed(received: unknown, action: string, filter: ProposalFilter = {}): Verdict {
  checkOptions(FILTER, filter, 'expectAllowed(decision, action, { contact?, channel? })');
  return evaluate(received, action, filter, 'be allowed', (found) => found.some((p) => p.status === 'allowed'));
}

/**
 * No proposal of `action` is allowed now and one is deferred — until `until` (the earliest
 * `allowedFrom`, compared as instants) and with a reason of `code`, when given.
 *
 * @example
 * expectDeferred(decision, 'call_self', { until: '2026-11-24T08:00:00+08:00', code: 'OUTSIDE_CONTACT_WINDOW' });
 */
export function expectDeferred(received: unknown, action: string, options: DeferOptions = {}): Verdict {
  checkOptions(DEFER, options, 'expectDeferred(decision, action, { until?, code?, contact?, channel? })');
  const until = options.until === undefined ? null : parseInstant(options.until);
  const wanted = `be deferred${options.until === undefined ? '' : ` until ${typeof options.until === 'string' ? options.until : options.until.toISOString()}`}${options.code === undefined ? '' : ` by ${options.code}`}`;
  return evaluate(received, action, options, wanted, (found, d) => {
    if (until !== null && !until.ok) return `'until' is not an instant: ${until.message}`;
    const bad = unknownCode(options.code);
    if (bad !== null) return bad;
    if (found.some((p) => p.status === 'allowed')) return false;
    const deferred = found.filter((p) => p.status === 'deferred').sort((a, b) => ms(a.allowedFrom) - ms(b.allowedFrom));
    const first = deferred[0];
    if (first === undefined) return false;
    if (until !== null && until.ok && ms(first.allowedFrom) !== until.ms) return `it is ${describeStatus(first, d)}`;
    if (options.code !== undefined && !first.reasons.some((r) => r.code === options.code)) return `it is ${describeStatus(first, d)}`;
    return true;
  });
}

/** A message when `code` is not a reason code (a typo in a JSON fixture), else null. */
function unknownCode(code: string | undefined): string | null {
  if (code === undefined || (REASON_CODES as readonly string[]).includes(code)) return null;
  return `'${code}' is not a reason code (known: ${REASON_CODES.join(', ')})`;
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
  const options: BlockOptions = typeof codeOrOptions === 'string' ? { code: codeOrOptions } : codeOrOptions;
  checkOptions(BLOCK, options, 'expectBlocked(decision, action, code | { code?, contact?, channel? })');
  const wanted = `be blocked${options.code === undefined ? '' : ` by ${options.code}`}`;
  return evaluate(
    received,
    action,
    options,
    wanted,
    (found) => unknownCode(options.code) ?? (found.length > 0 && found.every((p) => p.status === 'blocked' && (options.code === undefined || p.reasons.some((r) => r.code === options.code)))),
  );
}

/**
 * Some proposal of `action` waits for an approval recorded on the account.
 *
 * @example
 * expectNeedsApproval(decision, 'litigation').pass;
 */
export function expectNeedsApproval(received: unknown, action: string, filter: ProposalFilter = {}): Verdict {
  checkOptions(FILTER, filter, 'expectNeedsApproval(decision, action, { contact?, channel? })');
  return evaluate(received, action, filter, 'need approval', (found) => found.some((p) => p.status === 'needs_approval'));
}

/**
 * The decision's `next` is `action` (to that contact, on that channel), or nothing when `action` is null.
 *
 * @example
 * expectNext(decision, 'sms_reminder').pass;
 * expectNext(decision, null).pass; // nothing to do
 */
export function expectNext(received: unknown, action: string | null, filter: ProposalFilter = {}): Verdict {
  checkOptions(FILTER, filter, 'expectNext(decision, action, { contact?, channel? })');
  const subject = describeSubject(action, filter);
  const wanted = 'be chosen next';
  if (!isDecision(received)) return notADecision(received, subject, wanted);
  const next = received.next;
  const pass = action === null ? next === null : next !== null && matches(next, action, filter);
  const actual = next === null ? 'nothing is next' : `next is ${next.action} (${who(next)}), ${describeStatus(next, received)}`;
  return { pass, subject, wanted, actual, decision: received };
}
