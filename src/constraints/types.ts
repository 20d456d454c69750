import type { Contact, ContactMethod } from '../model';
import type { Action } from '../policy/schema/policy';
import type { ActionKind, Channel, ReasonCode, Relationship } from '../vocabulary';
import type { Interval } from './intervals';

/** A proposal while it is being evaluated: one action, to one contact, on one channel. */
export interface Candidate {
  readonly action: string;
  readonly definition: Action;
  readonly kind: ActionKind;
  readonly channel: Channel | null;
  readonly contact: Contact | null;
  readonly method: ContactMethod | null;
  readonly relationship: Relationship | null;
  readonly workplace: boolean;
  /** Zones local time is read in for this person: every one must allow. */
  readonly zones: readonly string[];
}

/** A reason before it is dated: what stops a proposal, and which constraint says so. */
export interface ReasonDraft {
  readonly code: ReasonCode;
  readonly constraint: string | null;
  readonly layer: string | null;
  readonly message: string;
  readonly citation?: string;
}

/**
 * What one constraint says of a candidate at one instant: allowed (until when, if it ends by
 * itself), or not — with the earliest later instant it could allow (`from`), or `null` for never.
 */
export type CheckResult =
  | { readonly ok: true; readonly until: number | null }
  | { readonly ok: false; readonly from: number | null; readonly reason: ReasonDraft };

/** A time-dependent constraint bound to one candidate. `from` of a refusal is always > `t`. */
export interface Check {
  at(t: number): CheckResult;
  /**
   * The instants in [a, b) this check allows, sorted and merged — only for checks that depend on
   * nothing but the instant (contact windows). The solver uses it to find where such checks meet,
   * rather than stepping between them one opening at a time.
   */
  open?(a: number, b: number): readonly Interval[];
}

/** "Allowed, with no end of its own": one shared, frozen answer instead of one per question. */
export const ALLOWED: CheckResult = Object.freeze({ ok: true, until: null });

/** A check that allows every instant (a cool-down with nothing to cool down from). */
export const ALWAYS_ALLOWED: Check = Object.freeze({ at: () => ALLOWED });

/** Constraint provenance shared by reasons. */
export function provenance(
  constraint: { id: string; citation?: string | undefined },
  layer: { id: string; citation?: string | undefined },
): Pick<ReasonDraft, 'constraint' | 'layer' | 'citation'> {
  const citation = constraint.citation ?? layer.citation;
  return citation === undefined ? { constraint: constraint.id, layer: layer.id } : { constraint: constraint.id, layer: layer.id, citation };
}
