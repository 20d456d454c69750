import type { EngineOptions } from '../engine/create-engine';
import type { Proposal, Reason } from '../engine/types';
import { ArrearsError, type Issue, type IssuePath } from '../errors';
import { readGuarded, screenInput, unreadableIssue } from '../input-guard';
import { type Limits, resolveLimits } from '../limits';
import { type Account, type Attempt, attemptSchema } from '../model';
import { parseAccount } from '../model/parse';
import { parsePolicy } from '../policy/parse';
import type { Constraint } from '../policy/schema/constraints';
import type { Policy } from '../policy/schema/policy';
import { formatInstant, formatLocal, parseInstant } from '../time';
import type { Channel, ReasonCode } from '../vocabulary';
import { fromZodIssues, missingValueError, quoteAll } from '../zod-issues';
import { accountOf } from './builder';
import { checkOptions, describeValue, optionKeys } from './options';
import { ProbeEngines, accountBefore, narrowedAction, proposalFor } from './probe';
import { isEngine, type Timeline } from './simulate';

/** One way an attempt broke the policy: which attempt, which constraint, why. */
export interface Violation {
  /** The attempt as parsed (defaults filled in). */
  readonly attempt: Attempt;
  /** Its index in the log you gave. */
  readonly index: number;
  /** Its instant (ISO, UTC). */
  readonly at: string;
  /** Its instant on the wall clock of the person reached, with the zone. */
  readonly local: string;
  readonly action: string | null;
  readonly channel: Channel | null;
  readonly contactId: string | null;
  readonly code: ReasonCode;
  /** The constraint (null for built-in checks such as an opted-out channel) and its layer. */
  readonly constraint: string | null;
  readonly layer: string | null;
  readonly citation?: string;
  readonly message: string;
}

/** Options of `checkCompliance`. */
export interface CheckComplianceOptions extends EngineOptions {
  /**
   * The account the attempts belong to (raw, parsed or a builder): contacts, zones, flags, promises…
   * Its own history counts as earlier attempts too (an attempt in both is counted once). Required
   * unless the log is a `Timeline` (whose final account is used).
   */
  readonly account?: unknown;
}

/** Reasons whose constraint is judged over time: they may hold at the attempt or only later. */
const TIMED: readonly ReasonCode[] = ['OUTSIDE_CONTACT_WINDOW', 'HOLIDAY', 'FREQUENCY_CAP', 'COOLDOWN', 'PROMISE_PENDING'];

const USAGE = 'checkCompliance(log, policy, { account, operators?, horizonDays?, limits? })';
const optionsSchema = optionKeys(['account', 'operators', 'horizonDays', 'limits']);

function policyOf(policy: unknown, options: EngineOptions): Policy {
  if (isEngine(policy)) return policy.policy;
  return parsePolicy(policy, options.operators ? { operators: options.operators } : {});
}

/**
 * The attempts of a log (the log itself, or a timeline's `attempts`) and a timeline's account.
 * Issues of an attempt are at `['log', i, …]` either way, its index as in `Violation.index` (the
 * CLI locates them in the file so).
 */
interface GivenLog {
  readonly entries: readonly unknown[];
  readonly account: unknown;
}

const notALog = (received: string) =>
  new ArrearsError('ACCOUNT_INVALID', [{ code: 'invalid_type', path: ['log'], message: `must be an array of attempts or a simulate() timeline; received ${received}` }]);

/**
 * The log as given: an array, or a timeline (an object whose `attempts` is an array). Every read
 * is guarded — a getter or a Proxy may throw — and refused as unreadable at the log's path.
 */
function logOf(log: unknown): GivenLog {
  if (log === null || typeof log !== 'object') throw notALog(describeValue(log));
  const read = (path: IssuePath, f: () => unknown): unknown => readGuarded('ACCOUNT_INVALID', path, f);
  if (read(['log'], () => Array.isArray(log))) return { entries: log as readonly unknown[], account: undefined };
  const attempts = read(['log', 'attempts'], () => (log as Partial<Timeline>).attempts);
  if (!Array.isArray(attempts)) throw notALog('an object that is neither');
  return { entries: attempts, account: read(['log', 'account'], () => (log as Partial<Timeline>).account) };
}

/**
 * The log's attempts, validated as the account's history is: screened first (limits, cycles,
 * values that throw when read; see input-guard), then each entry by the attempt schema — a hole of
 * a sparse array is a missing attempt, as it is in `history`. Throws `ArrearsError` listing every
 * problem at its path in the log.
 */
function parseLog(given: GivenLog, account: Account, limits: Limits): Attempt[] {
  const at = (issues: readonly Issue[]): Issue[] => issues.map((i) => ({ ...i, path: ['log', ...i.path] }));
  const screening = screenInput(given.entries, limits);
  if (screening.verdict === 'limit') throw new ArrearsError('LIMIT_EXCEEDED', at(screening.issues));
  if (screening.verdict === 'invalid') throw new ArrearsError('ACCOUNT_INVALID', at(screening.issues));
  const issues: Issue[] = at(screening.issues);
  const ids = account.contacts.map((c) => c.id);
  const out: Attempt[] = [];
  try {
    // An index loop, not map: map skips the holes of a sparse array, which must be reported.
    for (let i = 0; i < given.entries.length; i++) {
      const r = attemptSchema.safeParse(given.entries[i], { error: missingValueError });
      if (!r.success) issues.push(...fromZodIssues(r.error.issues, ['log', i], true));
      else if (r.data.contactId !== undefined && !ids.includes(r.data.contactId)) {
        issues.push({ code: 'unknown_contact', path: ['log', i, 'contactId'], message: `unknown contact '${r.data.contactId}'; the account's contacts are ${quoteAll(ids) || '(none)'}` });
      }
      if (r.success) out.push(r.data);
    }
  } catch (error) {
    // The screening read every value once; only a Proxy whose traps change their mind gets here.
    throw new ArrearsError('ACCOUNT_INVALID', [unreadableIssue(['log'], error, 'validating this log')]);
  }
  if (issues.length > 0) throw new ArrearsError('ACCOUNT_INVALID', issues);
  return out;
}

const ms = (iso: string): number => {
  const p = parseInstant(iso);
  return p.ok ? p.ms : Number.NaN;
};

/**
 * What makes an attempt of the log the same as one of the account's history: every field, with
 * the instant as its millisecond value — `16:00:00Z`, `16:00:00.000Z`, `10:00:00-06:00` and a
 * `Date` are one instant, and an attempt recorded in both places must count once, not twice.
 * The other fields in key order, so the order they were written in does not matter either.
 *
 * @example
 * sameAttemptKey(parsed('2026-11-23T16:00:00Z')) === sameAttemptKey(parsed('2026-11-23T10:00:00-06:00')); // true
 */
function sameAttemptKey(attempt: Attempt): string {
  const { at, ...rest } = attempt;
  // A key written with `undefined` is a key left out.
  const fields = Object.entries(rest)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([ms(at), fields]);
}

/**
 * Replays a log of attempts (a production call log, or a `simulate` timeline) against a policy and
 * returns every violation, in time order. Each outbound attempt is judged as the policy would have
 * judged it at that instant, with the history before it (in time order; same-instant attempts in
 * log order) — whether or not the strategy would have proposed it: a probe proposes exactly that
 * action (or, for an attempt naming no known action, a plain communication) on that channel to that
 * contact, under every compliance layer. Anything but `allowed` is a violation, one per constraint
 * that refused at that instant (a window that would have opened later, a cap that frees later…).
 * Throws `ArrearsError` for an invalid policy, account or log.
 *
 * @example
 * const violations = checkCompliance(callLog, composePolicies(presets.usRegulationF, strategy), { account });
 * for (const v of violations) console.log(`${v.local} ${v.code} [${v.constraint}] ${v.message}`);
 */
export function checkCompliance(log: readonly unknown[] | Timeline, policy: unknown, options: CheckComplianceOptions = {}): Violation[] {
  options = checkOptions(optionsSchema, options, USAGE) as CheckComplianceOptions;
  const given = logOf(log);
  const { account: accountInput, ...engineOptions } = options;
  const limits = resolveLimits(engineOptions.limits);
  const parsedPolicy = policyOf(policy, engineOptions);
  const source = accountInput ?? given.account;
  if (source === undefined) {
    throw new ArrearsError('OPTIONS_INVALID', [{ code: 'missing_account', path: ['account'], message: 'give the account the attempts belong to: checkCompliance(log, policy, { account })' }]);
  }
  const account: Account = parseAccount(accountOf(source));
  const attempts = parseLog(given, account, limits);
  const keys = new Set(attempts.map(sameAttemptKey));
  const merged = [
    ...account.history.filter((a) => !keys.has(sameAttemptKey(a))).map((attempt) => ({ attempt, index: -1 })),
    ...attempts.map((attempt, index) => ({ attempt, index })),
  ]
    .map((x, order) => ({ ...x, ms: ms(x.attempt.at), order }))
    .sort((a, b) => a.ms - b.ms || a.order - b.order);

  const probes = new ProbeEngines(parsedPolicy, engineOptions);
  const violations: Violation[] = [];
  merged.forEach((entry, k) => {
    if (entry.index < 0 || entry.attempt.direction !== 'outbound') return;
    const before = accountBefore(account, merged.slice(0, k).map((x) => x.attempt), entry.attempt, entry.ms);
    const found = judge(probes, parsedPolicy, before, entry.attempt, entry.ms);
    if (found === null || found.proposal.status === 'allowed') return;
    const { proposal } = found;
    const local = formatLocal(entry.ms, proposal.zones[0] ?? (typeof account.debtor.timeZone === 'string' ? account.debtor.timeZone : account.debtor.timeZone[0] ?? 'UTC'));
    for (const r of refusingAt(probes, parsedPolicy, before, entry.attempt, entry.ms, found)) {
      violations.push({
        attempt: entry.attempt,
        index: entry.index,
        at: formatInstant(entry.ms),
        local,
        action: entry.attempt.action ?? null,
        channel: entry.attempt.channel ?? null,
        contactId: entry.attempt.contactId ?? null,
        code: r.code,
        constraint: r.constraint,
        layer: r.layer,
        ...(r.citation === undefined ? {} : { citation: r.citation }),
        message: r.message,
      });
    }
  });
  return violations;
}

interface Judged {
  readonly proposal: Proposal;
  readonly action: ReturnType<typeof narrowedAction> | { readonly id: string; readonly definition: null };
}

/** The policy's judgement of the attempt: its own action as the policy defines it, else narrowed to the attempt. */
function judge(probes: ProbeEngines, policy: Policy, account: Account, attempt: Attempt, at: number): Judged | null {
  const now = formatInstant(at);
  if (attempt.action !== undefined && Object.hasOwn(policy.actions, attempt.action)) {
    const action = { id: attempt.action, definition: null };
    const proposal = proposalFor(probes.get(action, { all: true }).decide(account, { now }).proposals, attempt);
    if (proposal !== undefined) return { proposal, action };
  }
  const action = narrowedAction(policy, attempt, account);
  const proposal = proposalFor(probes.get(action, { all: true }).decide(account, { now }).proposals, attempt);
  return proposal === undefined ? null : { proposal, action };
}

/**
 * A proposal blocked at the instant is never timed (a block that never lifts ends the engine's
 * search), so the windows, caps, cool-downs and promise holds that refused it too went unreported:
 * a call at 23:00 over the weekly cap to a debtor who asked to cease broke three rules, not one.
 * Each is judged alone at the attempt's instant (a layer's windows together: they are a union),
 * as `refusingAt` re-judges a timed reason.
 */
function timedWhileBlocked(probes: ProbeEngines, policy: Policy, account: Account, attempt: Attempt, now: string, judged: Judged, known: readonly Reason[]): Reason[] {
  const out: Reason[] = [];
  for (const layer of policy.compliance) {
    const windows = layer.constraints.filter((c) => c.kind === 'window');
    // In policy order, the windows where the first one is.
    const groups = layer.constraints.flatMap((c): Constraint[][] => (c.kind === 'window' ? (c === windows[0] ? [windows] : []) : c.kind === 'cap' || c.kind === 'cooldown' || c.kind === 'promiseHold' ? [[c]] : []));
    for (const constraints of groups) {
      const alone = proposalFor(probes.get(judged.action, { layer, constraints }).decide(account, { now }).proposals, attempt);
      if (alone === undefined || alone.status === 'allowed') continue;
      // Only what refuses at this instant: each constraint's first reason, not what it would meet next.
      for (const c of constraints) {
        const r = alone.reasons.find((x) => x.constraint === c.id);
        if (r !== undefined && TIMED.includes(r.code) && ![...known, ...out].some((x) => x.constraint === r.constraint && x.code === r.code)) out.push(r);
      }
    }
  }
  return out;
}

/**
 * The reasons that refuse the attempt at its own instant. Static ones (blocks, contact order,
 * approvals, opted-out channels) are judged at that instant already; a timed one (window, cap,
 * cool-down, promise hold) may have been met on the way to a later instant, so its constraint is
 * re-judged alone at the attempt's instant.
 */
function refusingAt(probes: ProbeEngines, policy: Policy, account: Account, attempt: Attempt, at: number, judged: Judged): Reason[] {
  const now = formatInstant(at);
  const out = judged.proposal.reasons.filter((r) => {
    if (r.code === 'BEYOND_HORIZON' || !TIMED.includes(r.code)) return r.code !== 'BEYOND_HORIZON';
    const layer = policy.compliance.find((l) => l.id === r.layer);
    const constraint = layer?.constraints.find((c) => c.id === r.constraint);
    if (layer === undefined || constraint === undefined) return true;
    const constraints = constraint.kind === 'window' ? layer.constraints.filter((c) => c.kind === 'window') : [constraint];
    const alone = proposalFor(probes.get(judged.action, { layer, constraints }).decide(account, { now }).proposals, attempt);
    // Only what refuses at this instant: a window's first reason (outside its hours now), not the
    // holiday it would meet next; a constraint's later reasons describe the wait, not the attempt.
    return alone !== undefined && alone.reasons.find((x) => x.constraint === r.constraint)?.code === r.code;
  });
  if (judged.proposal.status === 'blocked') out.push(...timedWhileBlocked(probes, policy, account, attempt, now, judged, out));
  if (out.length > 0) return out;
  const horizon = judged.proposal.reasons.filter((r) => r.code === 'BEYOND_HORIZON');
  return horizon.length > 0 ? horizon : [...judged.proposal.reasons];
}
