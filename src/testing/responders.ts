import type { Proposal } from '../engine/types';
import type { Account } from '../model';
import type { Channel, Outcome, Relationship } from '../vocabulary';
import { isoDate } from './time';

/**
 * Scripted debtors for `simulate`:
 * - `never`: calls and visits go unanswered (`no_answer`); SMS, e-mail, letters and app pushes are
 *   `delivered`; internal actions are `completed`.
 * - `answers`: every call or visit is answered (`right_party_contact` by the debtor,
 *   `third_party_contact` by anyone else); the rest as `never`.
 * - `answers-on-2nd`, `answers-on-3rd`: every 2nd (3rd) call or visit to the same contact is answered.
 * - `promises-then-breaks`: the debtor answers every call or visit with a promise to pay the whole
 *   amount 3 local days later, and never pays; others as `answers`.
 */
export const RESPONDERS = ['never', 'answers', 'answers-on-2nd', 'answers-on-3rd', 'promises-then-breaks'] as const;
export type ResponderName = (typeof RESPONDERS)[number];

/** What a responder is told about the attempt it answers. */
export interface RespondContext {
  /** The instant of the attempt (ISO, UTC). */
  readonly at: string;
  /** The debtor's local date at that instant (`YYYY-MM-DD`, primary zone). */
  readonly localDate: string;
  /** The local day number of `localDate` (days since 1970-01-01), for date arithmetic. */
  readonly localDay: number;
  readonly action: string;
  readonly channel: Channel | null;
  readonly contactId: string | null;
  readonly relationship: Relationship | null;
  /** 1-based: attempts of this simulation to this contact on this channel, this one included. */
  readonly attemptNumber: number;
  /** The proposal being carried out (a frozen copy). */
  readonly proposal: Proposal;
  /**
   * The account before the attempt: a deep-frozen copy, so writing to it throws (in strict mode,
   * as in every ES module) rather than changing the simulation unseen. To change what the debtor
   * owes, answer `'paid'` (or `{ outcome: 'paid', payment: { amount } }`).
   */
  readonly account: Account;
}

/**
 * An outcome, with a promise to pay when the outcome is one, or a payment. The outcome `'paid'`
 * alone pays everything due at that instant; `{ outcome: 'paid', payment: { amount } }` pays part
 * of it (more than 0, at most the amount due). Either way the payment joins the account's
 * `payments` at the attempt's instant and `amountDue` goes down by it (instalments are paid
 * oldest first), so a strategy stops once the account is settled.
 */
export interface Response {
  readonly outcome: Outcome;
  /** A promise made on this attempt: the date promised (`YYYY-MM-DD`) and the amount (default: all that is due). */
  readonly promise?: { readonly on: string; readonly amount?: number };
  /** With the outcome `'paid'` only: the amount paid (minor units), when it is not all that is due. */
  readonly payment?: { readonly amount: number };
}

/** A scripted debtor by name, or your own function. */
export type Responder = ResponderName | ((context: RespondContext) => Outcome | Response);

const spoken = (channel: Channel | null): boolean => channel === 'phone' || channel === 'visit';

function unanswered(channel: Channel | null): Outcome {
  if (channel === null) return 'completed';
  return spoken(channel) ? 'no_answer' : 'delivered';
}

const answered = (relationship: Relationship | null): Outcome => (relationship === 'self' ? 'right_party_contact' : 'third_party_contact');

/**
 * The response of a responder to one attempt.
 *
 * @example
 * respondWith('never', context); // { outcome: 'no_answer' } for a call
 */
export function respondWith(responder: Responder, ctx: RespondContext): Response {
  if (typeof responder === 'function') {
    const r = responder(ctx);
    return typeof r === 'string' ? { outcome: r } : r;
  }
  if (!spoken(ctx.channel) || responder === 'never') return { outcome: unanswered(ctx.channel) };
  switch (responder) {
    case 'answers':
      return { outcome: answered(ctx.relationship) };
    case 'answers-on-2nd':
    case 'answers-on-3rd': {
      const every = responder === 'answers-on-2nd' ? 2 : 3;
      return { outcome: ctx.attemptNumber % every === 0 ? answered(ctx.relationship) : 'no_answer' };
    }
    case 'promises-then-breaks':
      return ctx.relationship === 'self' ? { outcome: 'promise_to_pay', promise: { on: isoDate(ctx.localDay + 3) } } : { outcome: answered(ctx.relationship) };
  }
}
