import type { IndexedAttempt } from '../facts/context';
import type { Selector } from '../policy/schema/selector';
import type { Candidate } from './types';

export type Scope = 'account' | 'contact' | 'channel' | 'method';

/**
 * Whether a past attempt is counted together with a candidate under a scope. An attempt that does
 * not say whom it reached counts against every contact: under-counting would be the unsafe error.
 * The contact scope is a person, so the debtor's contacts (relationship 'self') share theirs.
 */
export function sameScope(scope: Scope, attempt: IndexedAttempt, candidate: Candidate): boolean {
  const a = attempt.attempt;
  // Every 'self' contact is the debtor: one person, however many rows the account lists them in.
  const sameContact =
    a.contactId === undefined || candidate.contact === null || a.contactId === candidate.contact.id || (candidate.contact.relationship === 'self' && attempt.relationship === 'self');
  const sameChannel = attempt.channels.length === 0 ? candidate.channel === null : candidate.channel !== null && attempt.channels.includes(candidate.channel);
  switch (scope) {
    case 'account':
      return true;
    case 'contact':
      return sameContact;
    case 'channel':
      return sameChannel;
    case 'method':
      return (
        sameContact &&
        sameChannel &&
        (a.address === undefined || candidate.method?.address === undefined || a.address === candidate.method.address)
      );
  }
}

/**
 * Whether a past attempt falls under a selector. What the attempt does not tell (no action id, no
 * contact, which of a contact's numbers) matches: a constraint must never miss an attempt it might cover.
 */
export function attemptMatches(selector: Selector | undefined, attempt: IndexedAttempt): boolean {
  if (selector === undefined) return true;
  const a = attempt.attempt;
  if (selector.actions && a.action !== undefined && !selector.actions.includes(a.action)) return false;
  if (selector.kinds && attempt.kind !== undefined && !selector.kinds.includes(attempt.kind)) return false;
  if (selector.channels && !attempt.channels.some((c) => selector.channels?.includes(c))) return false;
  if (selector.relationships && attempt.relationship !== undefined && !selector.relationships.includes(attempt.relationship)) return false;
  if (selector.workplace !== undefined && attempt.workplace !== undefined && selector.workplace !== attempt.workplace) return false;
  return true;
}
