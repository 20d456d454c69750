import type { Contact, ContactMethod } from '../model';
import { sameAddress } from '../model/address';
import { instantToMs, isoDateToDayNumber } from '../time/instant';
import type { Channel, Outcome } from '../vocabulary';
import type { EvaluationContext, IndexedAttempt } from './context';
import { midnightOf, startOf } from './context';

/** Outcomes that mean the debtor was spoken to. */
export const RIGHT_PARTY_OUTCOMES: readonly Outcome[] = ['right_party_contact', 'promise_to_pay', 'refused', 'dispute', 'cease_request', 'paid'];

/** Outcomes after which a method is known not to work, until a later attempt on it succeeds. */
const DEAD_OUTCOMES: readonly Outcome[] = ['wrong_number', 'bounced'];

/**
 * Why a contact method cannot be used, or undefined when it can. Remembered for the decision:
 * resolving targets, contact order and facts ask about the same methods again and again.
 */
export function methodProblem(ctx: EvaluationContext, contact: Contact, method: ContactMethod): 'OPTED_OUT' | 'INVALID_CONTACT_METHOD' | undefined {
  if (method.optedOut) return 'OPTED_OUT';
  if (method.invalid) return 'INVALID_CONTACT_METHOD';
  // Most histories hold no opt-out and no dead number: then no method is disabled by one, and
  // the scan per method (and its memo) is skipped.
  if (!(ctx.memo.historyDisables ??= ctx.attempts.some((a) => a.attempt.outcome === 'opt_out' || DEAD_OUTCOMES.includes(a.attempt.outcome)))) return undefined;
  const memo = (ctx.memo.methodProblems ??= new Map());
  let byMethod = memo.get(contact);
  if (byMethod === undefined) {
    byMethod = new Map();
    memo.set(contact, byMethod);
  }
  if (byMethod.has(method)) return byMethod.get(method);
  const problem = findMethodProblem(ctx, contact, method);
  byMethod.set(method, problem);
  return problem;
}

function findMethodProblem(ctx: EvaluationContext, contact: Contact, method: ContactMethod): 'OPTED_OUT' | 'INVALID_CONTACT_METHOD' | undefined {
  let last: IndexedAttempt | undefined;
  // The latest word on the method's number from any channel that reaches it (see `numberVerdict`).
  let numberSaid: IndexedAttempt | undefined;
  const number = method.address !== undefined && NUMBER_CHANNELS.includes(method.channel) ? method.address : undefined;
  for (const a of ctx.attempts) {
    if (number !== undefined && numberVerdict(a, contact, number)) numberSaid = a;
    const anonymous = a.attempt.contactId === undefined;
    // Its channels are its own, else its action's (a dialer may log only the action).
    if ((!anonymous && a.attempt.contactId !== contact.id) || !a.channels.includes(method.channel)) continue;
    if (a.address !== undefined && method.address !== undefined && !sameAddress(a.address, method.address)) continue;
    if (a.attempt.outcome === 'opt_out') return 'OPTED_OUT';
    // An attempt that may have been to another method — logged without a contact (a STOP reply
    // matched by number only), to an address the contact does not list, or by an action on
    // several channels — can opt this one out or mark it dead, but never revive it.
    const unsure = anonymous || (a.attempt.address !== undefined && a.address === undefined) || a.channels.length > 1;
    if (!unsure || DEAD_OUTCOMES.includes(a.attempt.outcome)) last = a;
  }
  if (last !== undefined && DEAD_OUTCOMES.includes(last.attempt.outcome)) return 'INVALID_CONTACT_METHOD';
  return numberSaid?.attempt.outcome === 'wrong_number' ? 'INVALID_CONTACT_METHOD' : undefined;
}

/** Channels that reach a phone number. */
const NUMBER_CHANNELS: readonly Channel[] = ['phone', 'sms'];

/**
 * Whether an attempt says whose `number` (one of `contact`'s) is, on any channel that reaches it:
 * a wrong number is someone else's phone, so a text to it would tell a stranger about the debt
 * (a bounce, by contrast, is the channel's: a landline takes no texts). A conversation with the
 * debtor on it says it is theirs again. The attempt must name the contact and, by its address or
 * by the contact listing a single number on its channels, the number.
 */
function numberVerdict(a: IndexedAttempt, contact: Contact, number: string): boolean {
  const outcome = a.attempt.outcome;
  if (outcome !== 'wrong_number' && !RIGHT_PARTY_OUTCOMES.includes(outcome)) return false;
  if (a.attempt.contactId !== contact.id || a.channels.length === 0 || !a.channels.every((c) => NUMBER_CHANNELS.includes(c))) return false;
  if (a.attempt.address !== undefined) return a.address !== undefined && sameAddress(a.address, number);
  let only: string | undefined;
  for (const m of contact.channels) {
    if (!a.channels.includes(m.channel)) continue;
    if (m.address === undefined || (only !== undefined && !sameAddress(only, m.address))) return false;
    only = m.address;
  }
  return only !== undefined && sameAddress(only, number);
}

/** Whether a contact has a method that may be used on one of `channels` (any channel when omitted). */
export function isReachable(ctx: EvaluationContext, contact: Contact, channels?: readonly string[]): boolean {
  return contact.channels.some((m) => (channels === undefined || channels.includes(m.channel)) && methodProblem(ctx, contact, m) === undefined);
}

/** Whether a flag holds at `now`. */
export function flagActive(ctx: EvaluationContext, flag: keyof EvaluationContext['account']['debtor']['flags']): boolean {
  const state = ctx.account.debtor.flags[flag];
  if (!state) return false;
  if (startOf(state.since, ctx) > ctx.now) return false;
  return state.until === undefined || ctx.now < startOf(state.until, ctx, false);
}

/** `future`: made after `now` — it does not exist yet at the instant of evaluation. */
export type PromiseStatus = 'open' | 'kept' | 'broken' | 'cancelled' | 'future';

/**
 * The status of each promise: `broken`, `cancelled` or `kept` as recorded, else derived — kept
 * when payments made from the promise (`madeAt`; without it, any earlier payment) until the end of
 * its date cover it, broken once that date has passed, else open. A promise recorded `open` is
 * open until its date has passed, then broken. The date ends when it has ended in every zone of
 * the debtor. Each payment is used once: promises take what they need the earliest due first
 * (one payment of 500 keeps one promise of 500, not two), and one recorded kept takes its share.
 */
export function promiseStatuses(ctx: EvaluationContext): readonly PromiseStatus[] {
  // Most accounts have no promise: nothing to allocate payments to.
  return (ctx.memo.promiseStatuses ??= ctx.account.promises.length === 0 ? NO_STATUSES : allocate(ctx));
}

const NO_STATUSES: readonly PromiseStatus[] = Object.freeze([]);

function allocate(ctx: EvaluationContext): PromiseStatus[] {
  const payments = ctx.account.payments
    .map((p) => ({ ms: ms(p.at), left: p.amount }))
    .filter((p) => p.ms <= ctx.now)
    .sort((a, b) => a.ms - b.ms);
  const promises = ctx.account.promises;
  const out = new Array<PromiseStatus>(promises.length);
  const order = promises
    .map((promise, i) => ({ promise, i, made: promise.madeAt === undefined ? Number.NEGATIVE_INFINITY : ms(promise.madeAt) }))
    .sort((a, b) => (a.promise.dueDate < b.promise.dueDate ? -1 : a.promise.dueDate > b.promise.dueDate ? 1 : a.made - b.made || a.i - b.i));
  for (const { promise, i, made } of order) {
    if (made > ctx.now) {
      out[i] = 'future';
      continue;
    }
    if (promise.status === 'broken' || promise.status === 'cancelled') {
      out[i] = promise.status;
      continue;
    }
    const due = midnightOf(dayOf(promise.dueDate) + 1, ctx, false);
    let paid = 0;
    if (promise.status !== 'open') {
      for (const p of payments) {
        if (paid >= promise.amount) break;
        if (p.ms < made || p.ms >= due || p.left <= 0) continue;
        const take = Math.min(p.left, promise.amount - paid);
        p.left -= take;
        paid += take;
      }
    }
    out[i] = promise.status === 'kept' || paid >= promise.amount ? 'kept' : ctx.now >= due ? 'broken' : 'open';
  }
  return out;
}

/** Day number of a YYYY-MM-DD date (validated upstream). */
export function dayOf(date: string): number {
  return isoDateToDayNumber(date) ?? Number.NaN;
}

function ms(instant: string): number {
  return instantToMs(instant);
}

/** Parses an instant already validated by the schema. */
export const instantMs = ms;
