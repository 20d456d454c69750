import type { ActionKind, Channel, Relationship } from '../vocabulary';
import type { Selector } from './schema/selector';
import type { ConstraintKind } from './schema/constraints';

/** What a selector looks at: a proposal, or a past attempt seen through the policy. */
export interface Subject {
  readonly action: string | undefined;
  readonly kind: ActionKind | undefined;
  readonly channel: Channel | undefined;
  readonly relationship: Relationship | undefined;
  readonly workplace: boolean;
}

/**
 * Whether a selector matches a subject. Every field given must match; an unknown attribute of the
 * subject (an attempt whose action the policy does not define) matches only selectors that do not
 * ask about it.
 *
 * @example
 * matchesSelector({ channels: ['phone'] }, { action: 'call', kind: 'communication', channel: 'phone', relationship: 'self', workplace: false }); // true
 */
export function matchesSelector(selector: Selector | undefined, subject: Subject): boolean {
  if (selector === undefined) return true;
  if (selector.actions && (subject.action === undefined || !selector.actions.includes(subject.action))) return false;
  if (selector.kinds && (subject.kind === undefined || !selector.kinds.includes(subject.kind))) return false;
  if (selector.channels && (subject.channel === undefined || !selector.channels.includes(subject.channel))) return false;
  if (selector.relationships && (subject.relationship === undefined || !selector.relationships.includes(subject.relationship))) return false;
  if (selector.workplace !== undefined && selector.workplace !== subject.workplace) return false;
  return true;
}

/**
 * Whether a constraint's `appliesTo` holds a proposal: the selector matches it, and the
 * constraint's kind holds proposals like it. Windows and contact orders hold only proposals that
 * reach a person (a channel and a contact); caps, cool-downs and promise holds also hold those
 * that reach no one (internal actions: a credit report, a suit) when `appliesTo` names them by
 * action or kind; blocks and approvals hold whatever the selector matches. A block's `except` is
 * not read here.
 *
 * @example
 * appliesToProposal({ kind: 'window' }, { action: 'sue', kind: 'legal', channel: undefined, relationship: undefined, workplace: false }, false); // false
 */
export function appliesToProposal(c: { readonly kind: ConstraintKind; readonly appliesTo?: Selector | undefined }, subject: Subject, reaches: boolean): boolean {
  if (!matchesSelector(c.appliesTo, subject)) return false;
  if (reaches || c.kind === 'block' || c.kind === 'approval') return true;
  if (c.kind === 'window' || c.kind === 'contactOrder') return false;
  return c.appliesTo?.actions !== undefined || c.appliesTo?.kinds !== undefined;
}
