import { z } from 'zod';
import { type Engine, createEngine } from '../engine/create-engine';
import type { Decision, Proposal } from '../engine/types';
import { ArrearsError, type Issue } from '../errors';
import { describeThrown, unreadableIssues } from '../input-guard';
import { DEFAULT_LIMITS } from '../limits';
import type { Account, Attempt, Payment, PromiseToPay } from '../model';
import { dueBeforeMade } from '../model/account';
import { parseAccount } from '../model/parse';
import { isoDateSchema, minorUnitsSchema, strictObject } from '../model/primitives';
import { formatInstant, ZoneClocks } from '../time';
import { OUTCOMES, type Channel, type ProposalStatus, type ReasonCode } from '../vocabulary';
import { fromZodIssues, missingValueError } from '../zod-issues';
import { deepFreeze } from '../presets/deep-freeze';
import { payInstalments } from './build-account';
import { accountOf } from './builder';
import { RESPONDERS, type RespondContext, type Responder, type Response, respondWith } from './responders';
import { checkOptions, describeValue, optionKeys } from './options';
import { durationOf, type InstantLike, isoDate, shift, toMs } from './time';

/** Options of `simulate`. */
export interface SimulateOptions {
  /** Start (inclusive): a `Date` or ISO 8601 with an offset. */
  readonly from: InstantLike;
  /** End (exclusive). */
  readonly to: InstantLike;
  /** How the debtor responds: a scripted name or a function. Default `'never'`. */
  readonly respond?: Responder;
  /** At most this many decisions (default 1000); the timeline says when it stopped there. */
  readonly maxSteps?: number;
  /** The longest jump between two decisions when nothing is allowed (ISO duration). Default: to the next local midnight of the debtor. */
  readonly step?: string;
  /** Time an attempt takes: after one, decide again this much later (ISO duration). Default: at the same instant. */
  readonly pause?: string;
}

/** What a decision of the simulation chose, in short. */
export interface StepSummary {
  readonly action: string;
  readonly channel: Channel | null;
  readonly contactId: string | null;
  readonly address: string | null;
  readonly status: ProposalStatus;
  readonly allowedFrom: string | null;
  readonly codes: readonly ReasonCode[];
}

/**
 * One decision of the simulation and the attempt made on it — `null` when nothing was carried out
 * (the next action is deferred, nothing is proposed, or everything allowed was already carried out
 * at this instant).
 */
export interface SimulationStep {
  readonly at: string;
  readonly next: StepSummary | null;
  readonly attempt: Attempt | null;
}

/** What `simulate` returns: plain JSON. */
export interface Timeline {
  readonly from: string;
  readonly to: string;
  readonly steps: readonly SimulationStep[];
  /** The attempts made, in order (ids `sim-1`, `sim-2`…). */
  readonly attempts: readonly Attempt[];
  /**
   * The account at the end: its history holds the attempts, its promises the promises made, its
   * payments what the debtor paid (`'paid'`), and `amountDue` what is left to pay.
   */
  readonly account: Account;
  /** `'end'` when `to` was reached, `'maxSteps'` when the step budget ran out first. */
  readonly stopped: 'end' | 'maxSteps';
}

const invalid = (path: string, message: string) => new ArrearsError('OPTIONS_INVALID', [{ code: 'invalid_option', path: [path], message }]);

const USAGE = 'simulate(policy, account, { from, to, respond?, maxSteps?, step?, pause? })';
const optionsSchema = optionKeys(['from', 'to', 'respond', 'maxSteps', 'step', 'pause']);

/** What a responder returned, for the message refusing it: the outcome it gave, or the value itself. */
function returned(response: unknown): string {
  const outcome = response !== null && typeof response === 'object' ? (response as { outcome?: unknown }).outcome : undefined;
  return outcome === undefined ? describeValue(response) : describeValue(outcome);
}

/**
 * What a responder may return besides its outcome (checked on its own, with the message above):
 * a promise whose date and amount would be refused by the account schema. Checked here, where the
 * responder is to blame, rather than by the next decision, which would call the account invalid.
 */
const responseSchema = strictObject({
  outcome: z.string(),
  promise: strictObject({ on: isoDateSchema, amount: minorUnitsSchema.optional() }).optional(),
  payment: strictObject({ amount: minorUnitsSchema }).optional(),
});

/** The value at `path` inside what the responder returned, for the message refusing it. */
function valueAt(response: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), response);
}

/**
 * Issues (under `respond`) with what a responder returned for an attempt, each naming the value
 * refused and the attempt it answered; none when it is a valid `{ outcome, promise? }`. A promise
 * is held to the account's own checks here (a date, an amount, a due date not before the day it is
 * made), so that what the account would refuse is blamed on the responder, at its value.
 */
function responseIssues(response: Response, next: Proposal, at: string, account: Account): Issue[] {
  const result = responseSchema.safeParse(response, { error: missingValueError });
  const said = (issue: Issue, message: string): Issue => ({
    ...issue,
    message: `the responder returned ${describeValue(valueAt(response, issue.path.slice(1)))} (answering ${next.action} at ${at}): ${message}`,
  });
  if (!result.success) {
    return fromZodIssues(result.error.issues, ['respond']).map((issue) => {
      const inside = issue.path.slice(1).join('.');
      // zod's own words for these name types and bounds, not what a responder should return.
      const message =
        issue.code === 'too_small'
          ? 'must be 0 or more (minor units)'
          : issue.code === 'invalid_type' && inside === 'promise'
            ? "must be { on: 'YYYY-MM-DD', amount? }, or left out"
            : issue.code === 'invalid_type' && inside === 'payment'
              ? "must be { amount } with the outcome 'paid', or left out (then 'paid' pays everything due)"
              : inside === 'payment.amount' && valueAt(response, issue.path.slice(1)) === undefined
                ? "a payment needs its `amount` (minor units); leave `payment` out for 'paid' to pay everything due"
                : issue.message;
      return said(issue, message);
    });
  }
  const { promise, payment } = result.data;
  const issue = (path: string[], code: string, message: string) => said({ code, path: ['respond', ...path], message }, message);
  // As a payment comes with 'paid': an unanswered call that leaves a promise on the account would
  // hold the chase for a debtor who never spoke.
  if (promise !== undefined && response.outcome !== 'promise_to_pay') {
    return [issue(['promise'], 'invalid_option', `a promise comes with the outcome 'promise_to_pay', not '${response.outcome}'`)];
  }
  // Made at the attempt: the account's due_before_made, which the next decision would report at
  // `promises[i].dueDate`, a path inside the simulated account the test author never wrote.
  const made = promise === undefined ? null : dueBeforeMade(account.debtor.timeZone, at, promise.on);
  if (made !== null) {
    const message = `is before the day the promise is made (the attempt is on ${made.date} in ${made.zone}, where the debtor's dates are read): a promise falls due on or after the day it is made; give ${made.date} or later`;
    return [issue(['promise', 'on'], 'due_before_made', message)];
  }
  if (payment === undefined) return [];
  const amountDue = account.amountDue;
  if (response.outcome !== 'paid') return [issue(['payment'], 'invalid_option', `a payment comes with the outcome 'paid', not '${response.outcome}'`)];
  if (payment.amount === 0) return [issue(['payment', 'amount'], 'too_small', "must be more than 0 (minor units); leave `payment` out for 'paid' to pay everything due")];
  if (payment.amount > amountDue) return [issue(['payment', 'amount'], 'too_big', `is more than the amount due (${amountDue}): a payment pays at most what is due`)];
  return [];
}

/** A deep-frozen copy of `value`, made the first time `get` is called. */
function frozenCopy<T>(value: T): () => T {
  let copy: T | undefined;
  return () => (copy ??= deepFreeze(structuredClone(value)));
}

/**
 * A `pause` or `step` checked before anything runs: an ISO 8601 duration longer than zero. Zero
 * would silently mean something else (no pause; the default jump), a sign is not a duration.
 */
function positiveDuration(value: unknown, name: 'pause' | 'step'): string | undefined {
  if (value === undefined) return undefined;
  const omit = name === 'pause' ? 'leave `pause` out to decide again at the same instant' : "leave `step` out to jump at most to the debtor's next local midnight";
  if (typeof value !== 'string') throw invalid(name, `must be an ISO 8601 duration such as 'PT2H'; received ${describeValue(value)}`);
  if (/^[-+]/.test(value)) throw invalid(name, `must be a positive ISO 8601 duration such as 'PT2H'; received ${JSON.stringify(value)} (a duration has no sign)`);
  const duration = durationOf(value, [name]);
  if (Object.values(duration).every((n) => n === 0)) throw invalid(name, `must be longer than zero; received ${JSON.stringify(value)} (${omit})`);
  return value;
}

/**
 * An `Engine` as given, or one compiled from a policy.
 *
 * @example
 * engineOf(policyJson).decide(account, { now });
 */
export function engineOf(policy: unknown): Engine {
  return isEngine(policy) ? policy : createEngine(policy);
}

/**
 * Whether a value is an `Engine` (what `createEngine` returns) rather than a policy. One that
 * throws when read (a Proxy) is not: `createEngine` then says so (`unreadable`).
 *
 * @example
 * isEngine(createEngine(policy)); // true
 * isEngine(policyJson); // false
 */
export function isEngine(value: unknown): value is Engine {
  try {
    const e = value as Partial<Engine> | null;
    return e !== null && typeof e === 'object' && typeof e.decide === 'function' && typeof e.hash === 'string' && e.policy !== undefined;
  } catch {
    return false;
  }
}

const keyOf = (p: Proposal): string => JSON.stringify([p.action, p.channel, p.contactId, p.address]);

const summary = (p: Proposal): StepSummary => ({
  action: p.action,
  channel: p.channel,
  contactId: p.contactId,
  address: p.address,
  status: p.status,
  allowedFrom: p.allowedFrom,
  // Two layers can stop a proposal for the same reason; the summary names each reason once.
  codes: [...new Set(p.reasons.map((r) => r.code))],
});

/** What the run has added to the account so far: its attempts, its promises and the attempt that made the last one. */
interface RunSoFar {
  readonly attempts: number;
  readonly promises: number;
  readonly lastPromise: { readonly action: string; readonly at: string } | null;
}

/**
 * `engine.decide` on the simulated account. The engine refuses a history over its
 * `limits.maxAttempts`; when the simulation's own attempts took it there, that is not the
 * account's fault (whose message says to archive old attempts) but the run's: refused at
 * `maxSteps`, saying how many attempts it made and how to stay under the limit. The previous
 * decision took one attempt less, so the limit is the history's length minus one. Likewise a list
 * of promises over the account's limit (or the engine's `limits.maxArrayLength`) that the
 * responder's promises took there is the responder's: refused at `respond.promise`.
 */
function decideOrBlameSteps(engine: Engine, account: Account, at: string, run: RunSoFar): Decision {
  const made = run.attempts;
  try {
    return engine.decide(account, { now: at });
  } catch (error) {
    blamePromises(error, account, run);
    // The history is one list: over `maxAttempts`, or over `maxArrayLength` when that is lower.
    const issue = error instanceof ArrearsError && error.code === 'LIMIT_EXCEEDED' ? error.issues.find((i) => i.path.length === 1 && i.path[0] === 'history') : undefined;
    if (issue === undefined || made === 0) throw error;
    const name = issue.code === 'too_many_items' ? 'maxArrayLength' : 'maxAttempts';
    const limit = account.history.length - 1;
    const own = account.history.length - made;
    const failed = new ArrearsError('LIMIT_EXCEEDED', [
      {
        code: 'too_many_attempts',
        path: ['maxSteps'],
        message: `the simulation made ${made} attempts (the account had ${own}), and the engine takes at most ${limit} in a history (limits.${name}), reached at ${at}: give a smaller \`maxSteps\` (each step makes at most one attempt), an earlier \`to\` or a longer \`pause\`, or simulate with an engine that takes more: createEngine(policy, { limits: { ${name} } })`,
      },
    ]);
    failed.cause = error;
    throw failed;
  }
}

/** Throws, as the responder's, an engine's refusal of a list of promises the responder's own promises made too long. */
function blamePromises(error: unknown, account: Account, run: RunSoFar): void {
  if (!(error instanceof ArrearsError) || run.lastPromise === null) return;
  const issue = error.issues.find((i) => i.path.length === 1 && i.path[0] === 'promises');
  if (issue === undefined) return;
  const count = account.promises.length;
  const limit =
    issue.code === 'too_many_items'
      ? `the engine takes lists of at most ${count - 1} items (limits.maxArrayLength)`
      : `an account holds at most ${count - 1} promises`;
  const more = issue.code === 'too_many_items' ? ', or simulate with an engine that takes more: createEngine(policy, { limits: { maxArrayLength } })' : '';
  const { action, at } = run.lastPromise;
  const failed = new ArrearsError('OPTIONS_INVALID', [
    {
      code: issue.code,
      path: ['respond', 'promise'],
      message: `the responder returned a promise (answering ${action} at ${at}) the account cannot hold: with it the account would list ${count} promises (${run.promises} made by the simulation), and ${limit}; make the responder promise less often, or give a smaller \`maxSteps\` or an earlier \`to\`${more}`,
    },
  ]);
  failed.cause = error;
  throw failed;
}

/**
 * Runs a policy forward in time on one account: at each instant it decides; when the next action
 * is allowed it carries it out (the attempt, with the outcome `respond` gives, joins the history)
 * and decides again at the same instant; when it is deferred it jumps to when it is allowed; when
 * nothing is proposed it moves to the debtor's next local midnight (rules read daily facts) — never
 * further than `step`, never past `to`. A debtor who answers `'paid'` pays everything due at that
 * instant (or `payment.amount` of it): the payment joins `payments` and `amountDue` goes down, so a
 * strategy stops once nothing is due. `respond` is shown frozen copies of the account and the
 * proposal. Deterministic, bounded by `maxSteps`. Throws `ArrearsError` for an invalid policy,
 * account or option, a responder that throws (`responder_threw`), and a run whose own attempts
 * take the history over the engine's `limits.maxAttempts` (`LIMIT_EXCEEDED` at `maxSteps`).
 *
 * @example
 * const timeline = simulate(policy, anAccount().overdueDays(8, { asOf: '2026-11-23' }), {
 *   from: '2026-11-23T00:00:00+08:00', to: '2026-11-30T00:00:00+08:00', respond: 'answers-on-3rd',
 * });
 * timeline.attempts.map((a) => `${a.at} ${a.action} ${a.outcome}`);
 */
export function simulate(policy: unknown, account: unknown, options: SimulateOptions): Timeline {
  if (options === undefined) {
    throw new ArrearsError('OPTIONS_INVALID', [{ code: 'invalid_type', path: [], message: `simulate needs its options: \`from\` and \`to\` are required (nothing reads the clock): ${USAGE}` }]);
  }
  options = checkOptions(optionsSchema, options, USAGE) as unknown as SimulateOptions;
  const engine = engineOf(policy);
  const from = toMs(options.from, ['from']);
  const to = toMs(options.to, ['to']);
  if (to <= from) {
    const how = to < from ? `is before \`from\` (${formatInstant(from)})` : 'equals `from`: `to` is exclusive, so nothing would be simulated';
    throw new ArrearsError('OPTIONS_INVALID', [{ code: 'ends_before_start', path: ['to'], message: `\`to\` (${formatInstant(to)}) ${how}; give a \`to\` after \`from\`` }]);
  }
  const maxSteps = options.maxSteps ?? 1000;
  if (!Number.isInteger(maxSteps) || maxSteps < 1) throw invalid('maxSteps', '`maxSteps` must be a positive integer');
  const pause = positiveDuration(options.pause, 'pause');
  const step = positiveDuration(options.step, 'step');
  const respond = options.respond ?? 'never';
  if (typeof respond !== 'function' && !RESPONDERS.includes(respond)) throw invalid('respond', `unknown responder ${describeValue(respond)}; use a function or one of ${RESPONDERS.join(', ')}`);
  let current = parseAccount(accountOf(account));
  const zone = typeof current.debtor.timeZone === 'string' ? current.debtor.timeZone : (current.debtor.timeZone[0] as string);
  const clock = new ZoneClocks().get(zone);
  const nextDay = (t: number) => clock.startOfDay(clock.dayNumber(t) + 1);

  const steps: SimulationStep[] = [];
  const attempts: Attempt[] = [];
  let promisesMade = 0;
  let lastPromise: RunSoFar['lastPromise'] = null;
  const carryOut = (next: Proposal, t: number, at: string): Attempt => {
    const attemptNumber = 1 + attempts.filter((a) => (a.contactId ?? null) === next.contactId && (a.channel ?? null) === next.channel).length;
    const localDay = clock.dayNumber(t);
    const contact = current.contacts.find((c) => c.id === next.contactId);
    // The responder sees frozen copies (made only when it reads them): writing to the account it
    // is shown must not change the simulation unseen.
    const proposal = frozenCopy(next);
    const before = frozenCopy(current);
    const context: RespondContext = Object.freeze({
      at,
      localDate: isoDate(localDay),
      localDay,
      action: next.action,
      channel: next.channel,
      contactId: next.contactId,
      relationship: contact?.relationship ?? next.relationship,
      attemptNumber,
      get proposal() {
        return proposal();
      },
      get account() {
        return before();
      },
    });
    let response: Response;
    try {
      response = respondWith(respond, context);
    } catch (error) {
      // The test author's code failed, as a custom operator can (CONDITION_FAILED, operator_threw):
      // an ArrearsError naming the option and the attempt, the responder's own error as `cause`.
      const failed = new ArrearsError('OPTIONS_INVALID', [
        {
          code: 'responder_threw',
          path: ['respond'],
          message: `the responder threw "${describeThrown(error)}" answering ${next.action} at ${at} (step ${steps.length + 1}, attempt sim-${attempts.length + 1}); make it return an outcome or { outcome, promise?, payment? } for every attempt`,
        },
      ]);
      failed.cause = error;
      throw failed;
    }
    // What it returned is read below, and may be a getter or a Proxy that throws when read.
    const unreadable = unreadableIssues(response, DEFAULT_LIMITS, ['respond']);
    if (unreadable.length > 0) throw new ArrearsError('OPTIONS_INVALID', unreadable);
    if (!(OUTCOMES as readonly string[]).includes(response?.outcome)) {
      throw invalid('respond', `the responder returned ${returned(response)}, not an outcome (${OUTCOMES.join(', ')}) or { outcome, promise?, payment? }`);
    }
    const problems = responseIssues(response, next, at, current);
    if (problems.length > 0) throw new ArrearsError('OPTIONS_INVALID', problems);
    const attempt: Attempt = {
      id: `sim-${attempts.length + 1}`,
      at,
      action: next.action,
      ...(next.channel === null ? {} : { channel: next.channel }),
      ...(next.contactId === null ? {} : { contactId: next.contactId }),
      ...(next.address === null ? {} : { address: next.address }),
      direction: 'outbound',
      outcome: response.outcome,
      consented: false,
    };
    const promises: PromiseToPay[] = response.promise
      ? [...current.promises, { madeAt: at, dueDate: response.promise.on, amount: response.promise.amount ?? current.amountDue }]
      : current.promises;
    if (response.promise) {
      promisesMade += 1;
      lastPromise = { action: next.action, at };
    }
    // 'paid': everything due at this instant, or the part the responder names; nothing when
    // nothing is due any more.
    const paid = response.outcome === 'paid' ? (response.payment?.amount ?? current.amountDue) : 0;
    const payments: Payment[] = paid > 0 ? [...current.payments, { at, amount: paid }] : current.payments;
    const instalments = paid > 0 && current.instalments.length > 0 ? payInstalments(current.instalments, paid) : current.instalments;
    current = { ...current, history: [...current.history, attempt], promises, payments, instalments, amountDue: current.amountDue - paid };
    attempts.push(attempt);
    return attempt;
  };

  let stopped: Timeline['stopped'] = 'end';
  let t = from;
  let doneNow = new Set<string>();
  while (t < to) {
    if (steps.length >= maxSteps) {
      stopped = 'maxSteps';
      break;
    }
    const at = formatInstant(t);
    const decision = decideOrBlameSteps(engine, current, at, { attempts: attempts.length, promises: promisesMade, lastPromise });
    // The engine's choice, skipping what this instant already carried out (a proposal no cap
    // limits would otherwise repeat forever at one instant).
    const next = decision.next?.status === 'allowed' ? decision.proposals.find((p) => p.status === 'allowed' && !doneNow.has(keyOf(p))) ?? null : decision.next;
    if (next !== null && next.status === 'allowed') {
      const attempt = carryOut(next, t, at);
      doneNow.add(keyOf(next));
      steps.push({ at, next: summary(next), attempt });
      const after = pause === undefined ? t : shift(t, pause, clock, 1, ['pause']);
      if (after > t) {
        t = after;
        doneNow = new Set();
      }
      continue;
    }
    steps.push({ at, next: next === null ? (decision.next === null ? null : summary(decision.next)) : summary(next), attempt: null });
    let later = step === undefined ? nextDay(t) : shift(t, step, clock, 1, ['step']);
    // The engine's own ISO output, which may lie past the last instant accepted as input.
    for (const p of decision.proposals) if (p.status === 'deferred' && p.allowedFrom !== null) later = Math.min(later, Date.parse(p.allowedFrom));
    t = later > t ? later : nextDay(t);
    doneNow = new Set();
  }
  return { from: formatInstant(from), to: formatInstant(to), steps, attempts, account: current, stopped };
}
