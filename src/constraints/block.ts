import { type Subject, matchesSelector } from '../policy/match';
import type { BlockConstraint, Layer } from '../policy/schema/constraints';
import { type Candidate, type ReasonDraft, provenance } from './types';

/** A candidate as selectors see it. */
export function subjectOf(c: Candidate): Subject {
  return { action: c.action, kind: c.kind, channel: c.channel ?? undefined, relationship: c.relationship ?? undefined, workplace: c.workplace };
}

/**
 * The reason a block gives a candidate, or null when it does not apply: its condition holds now
 * (`holds`, evaluated once per decision), the candidate matches `appliesTo` and not `except`.
 */
export function blockReason(block: BlockConstraint, layer: Layer, candidate: Candidate, holds: boolean): ReasonDraft | null {
  if (!holds) return null;
  const subject = subjectOf(candidate);
  if (!matchesSelector(block.appliesTo, subject)) return null;
  if (block.except && matchesSelector(block.except, subject)) return null;
  return { ...provenance(block, layer), code: block.code, message: block.message };
}
