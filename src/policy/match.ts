import type { ActionKind, Channel, Relationship } from '../vocabulary';
import type { Selector } from './schema/selector';

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
