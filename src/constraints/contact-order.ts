import type { Contact } from '../model';
import type { EvaluationContext } from '../facts/context';
import { isReachable } from '../facts/history';
import { matchesSelector } from '../policy/match';
import { rankOf } from '../policy/ranks';
import type { ContactOrderConstraint, Layer } from '../policy/schema/constraints';
import { subjectOf } from './block';
import { type Candidate, type ReasonDraft, provenance } from './types';

/**
 * Whether a contact no longer holds up later ranks for an action: it cannot be reached on the
 * action's channels, every proposal of the action to it is blocked by another constraint, an
 * attempt to it ended with an `exhaustedBy` outcome, or enough attempts were made.
 */
export function exhausted(order: ContactOrderConstraint, contact: Contact, channels: readonly string[], ctx: EvaluationContext, blockedElsewhere: boolean): string | null {
  if (!isReachable(ctx, contact, channels)) return 'it has no usable channel';
  if (blockedElsewhere) return 'every proposal to it is blocked';
  const attempts = ctx.attempts.filter((a) => a.attempt.direction === 'outbound' && a.attempt.contactId === contact.id);
  const final = attempts.find((a) => order.exhaustedBy.includes(a.attempt.outcome));
  if (final) return `it ended with ${final.attempt.outcome}`;
  const needed = order.exhaustedAfter?.attempts ?? 1;
  const outcomes = order.exhaustedAfter?.outcomes;
  const counted = attempts.filter((a) => outcomes === undefined || outcomes.includes(a.attempt.outcome)).length;
  return counted >= needed ? `${counted} attempt(s) made` : null;
}

/**
 * The reason contact order gives a candidate, or null: a forbidden relationship, or an earlier
 * rank whose contacts are not all exhausted. Needs to know, for other contacts, whether every
 * proposal of the same action to them is blocked by other constraints.
 */
export function contactOrderReason(
  order: ContactOrderConstraint,
  layer: Layer,
  candidate: Candidate,
  ctx: EvaluationContext,
  blockedElsewhere: (contactId: string) => boolean,
): ReasonDraft | null {
  if (candidate.contact === null || candidate.channel === null || !matchesSelector(order.appliesTo, subjectOf(candidate))) return null;
  const base = provenance(order, layer);
  const rank = rankOf(order, candidate.contact.relationship);
  if (rank === null) {
    return { ...base, code: 'RELATIONSHIP_FORBIDDEN', message: `contacting a ${candidate.contact.relationship} is not allowed by contact order '${order.id}'` };
  }
  const channels = candidate.definition.channel === undefined ? [] : typeof candidate.definition.channel === 'string' ? [candidate.definition.channel] : candidate.definition.channel;
  for (const other of ctx.account.contacts) {
    const r = rankOf(order, other.relationship);
    if (r === null || r >= rank || other.id === candidate.contact.id) continue;
    if (exhausted(order, other, channels, ctx, blockedElsewhere(other.id)) === null) {
      return { ...base, code: 'CONTACT_ORDER', message: `${other.relationship} '${other.id}' (rank ${r + 1}) must be tried first; this is rank ${rank + 1}` };
    }
  }
  return null;
}
