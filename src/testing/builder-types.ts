import type { Channel, Flag, LegalStage, Outcome, Relationship, Weekday } from '../vocabulary';
import type { DateLike, InstantLike } from './time';

/** The fields of one contact method, besides its channel (see the account schema). */
export interface MethodFields {
  readonly address?: string;
  readonly verified?: boolean;
  readonly optedOut?: boolean;
  readonly invalid?: boolean;
  readonly workplace?: boolean;
  readonly timeZone?: string;
  readonly consentUntil?: InstantLike;
  readonly consentGivenAt?: InstantLike;
}

/** `true` (a plain method), its fields, or several methods of the channel in order of preference. */
export type MethodSpec = true | MethodFields | readonly MethodFields[];

/** Options of `withContact`: the contact, and one key per channel it can be reached on (in order of preference). */
export interface ContactOptions extends Partial<Record<Channel, MethodSpec>> {
  /** Default: the relationship (`'employer'`), or `'employer-2'`… when taken. */
  readonly id?: string;
  readonly name?: string;
  /** Identity verified. */
  readonly verified?: boolean;
  /** The contact's own zone, when it differs from the debtor's. */
  readonly timeZone?: string;
  /** Every method of the contact reaches them at work. */
  readonly workplace?: boolean;
}

interface AttemptFields {
  /** Default `'no_answer'`. */
  readonly outcome?: Outcome;
  /** A contact id or a relationship (the first contact with it). Default: the debtor (`self`). */
  readonly contact?: string;
  /** Default `'phone'`. */
  readonly channel?: Channel;
  /** The policy action the attempts carried out, if any. */
  readonly action?: string;
  readonly address?: string;
  /** Made with the consumer's prior consent. */
  readonly consented?: boolean;
}

/**
 * Options of `called`: either the exact instants (`at`), or an anchor `before` (exclusive, required:
 * nothing reads the clock) and a period `within` (default `'P1D'`) to spread the attempts in.
 */
export type CalledOptions = AttemptFields &
  (
    | { readonly at: InstantLike | readonly InstantLike[]; readonly before?: never; readonly within?: never }
    | { readonly before: InstantLike; readonly within?: string; readonly at?: never }
  );

/** A raw attempt, as in the account schema (instants may be `Date`s). */
export interface AttemptSpec {
  readonly at: InstantLike;
  readonly outcome: Outcome;
  readonly id?: string;
  readonly action?: string;
  readonly channel?: Channel;
  readonly contactId?: string;
  readonly address?: string;
  readonly direction?: 'outbound' | 'inbound';
  readonly consented?: boolean;
}

/** Options of `overdueDays`: the date (or instant) at which the account is that many days overdue. */
export interface OverdueOptions {
  /** `YYYY-MM-DD`, or an instant read as its date in the debtor's (primary) zone. */
  readonly asOf: DateLike;
}

/** Options of `promised`. */
export interface PromiseOptions {
  /** The promised date (`YYYY-MM-DD`, or an instant read in the debtor's zone). */
  readonly on: DateLike;
  /** Default: the amount due. */
  readonly amount?: number;
  /** When the promise was made; give it when replaying logs (a promise counts from then). */
  readonly madeAt?: InstantLike;
  readonly status?: 'open' | 'kept' | 'broken' | 'cancelled';
  readonly id?: string;
}

/** Options of `paid`. */
export interface PaymentOptions {
  readonly at: InstantLike;
  /** Default: the amount due. */
  readonly amount?: number;
}

/** Options of `flag`: when the flag started (required: nothing reads the clock) and ended. */
export interface FlagOptions {
  readonly since: DateLike;
  readonly until?: DateLike;
  readonly note?: string;
}

/** Options of `approved`. */
export interface ApprovalOptions {
  readonly at: InstantLike;
  readonly by?: string;
  readonly expiresAt?: InstantLike;
}

/** Options of `prefers`: a window the debtor said is convenient, in their own zone. */
export interface PreferenceOptions {
  readonly from: string;
  readonly to: string;
  readonly days?: readonly Weekday[];
  readonly channels?: readonly Channel[];
}

/** Options of `instalment`. */
export interface InstalmentOptions {
  readonly dueDate: string;
  readonly amount: number;
  readonly paid?: number;
  readonly id?: string;
}

export type { Channel, Flag, LegalStage, Outcome, Relationship };
