import type { ErrorCode, Issue } from '../errors';
import type { ActionKind, Channel, ProposalStatus, ReasonCode, Relationship } from '../vocabulary';

/** Why a proposal is not allowed now (or what it is subject to). Plain JSON. */
export interface Reason {
  /** Stable, machine-readable code. */
  readonly code: ReasonCode;
  /** Id of the constraint that produced it (null for built-in checks such as opted-out channels). */
  readonly constraint: string | null;
  /** Id of the compliance layer of that constraint. */
  readonly layer: string | null;
  readonly message: string;
  /** The clause the constraint encodes, when it cites one. */
  readonly citation?: string;
  /** When this reason stops applying on its own (ISO, UTC); null when it does not expire by time. */
  readonly until: string | null;
}

/** One concrete candidate: an action, to one contact, on one channel, with its status. */
export interface Proposal {
  readonly action: string;
  readonly label: string | null;
  readonly kind: ActionKind;
  /** The rule that proposed it, and that rule's priority. */
  readonly rule: string;
  readonly priority: number;
  readonly channel: Channel | null;
  readonly contactId: string | null;
  readonly relationship: Relationship | null;
  /** The number or address to use, when the contact's method has one. */
  readonly address: string | null;
  readonly status: ProposalStatus;
  /** Earliest instant every constraint allows it at once (ISO, UTC); null when blocked. */
  readonly allowedFrom: string | null;
  /** When the allowance ends if nothing else happens (window close); null when open-ended or blocked. */
  readonly allowedUntil: string | null;
  /** The zones whose local time the constraints read. */
  readonly zones: readonly string[];
  readonly reasons: readonly Reason[];
}

/** How one strategy rule fared. */
export interface RuleTrace {
  readonly id: string;
  readonly priority: number;
  readonly fired: boolean;
  /** The actions it proposes when it fires (listed whether it fired or not). */
  readonly actions: readonly string[];
}

/** The answer for one account at one instant. Plain JSON: store it as an audit record. */
export interface Decision {
  readonly ok: true;
  /** The instant of evaluation (ISO, UTC). */
  readonly now: string;
  readonly accountId: string;
  /** The debtor's primary zone, where calendar facts are read. */
  readonly timeZone: string;
  readonly policy: { readonly id: string; readonly version: string; readonly hash: string };
  /** What to do next: the first proposal allowed now, else the one allowed soonest, else null. */
  readonly next: Proposal | null;
  /** Every proposal, in the order of preference (rule priority, then rule order, then target order). */
  readonly proposals: readonly Proposal[];
  /** The facts the policy's conditions used, by name (with params when they have some). */
  readonly facts: Readonly<Record<string, unknown>>;
  readonly trace: { readonly rules: readonly RuleTrace[] };
}

/** An account `decideMany` could not decide: it comes back in place, nothing is dropped. */
export interface DecisionFailure {
  readonly ok: false;
  readonly accountId: string | null;
  /**
   * The `ArrearsError`'s code (`ACCOUNT_INVALID`, `LIMIT_EXCEEDED`…), or `UNEXPECTED` for anything
   * else thrown while deciding this account (a bug: please report it).
   */
  readonly error: { readonly code: ErrorCode | 'UNEXPECTED'; readonly message: string; readonly issues: readonly Issue[] };
}
