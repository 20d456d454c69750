import type { IndexedAttempt } from '../facts/context';
import { sameAddress } from '../model/address';
import { actionChannels } from '../policy/actions';
import type { Policy } from '../policy/schema/policy';
import type { Selector } from '../policy/schema/selector';
import type { Channel } from '../vocabulary';
import type { Candidate } from './types';

export type Scope = 'account' | 'contact' | 'channel' | 'method';

/**
 * Whether a past attempt is counted together with a candidate under a scope. An attempt that does
 * not say whom it reached counts against every contact: under-counting would be the unsafe error.
 * The contact scope is a person, so the debtor's contacts (relationship 'self') share theirs.
 */
export function sameScope(scope: Scope, attempt: IndexedAttempt, candidate: Candidate): boolean {
  switch (scope) {
    case 'account':
      return true;
    case 'contact':
      return sameContact(attempt, candidate);
    case 'channel':
      return sameChannel(attempt, candidate);
    case 'method':
      return (
        sameContact(attempt, candidate) &&
        sameChannel(attempt, candidate) &&
        (attempt.address === undefined || candidate.method?.address === undefined || sameAddress(attempt.address, candidate.method.address))
      );
  }
}

/** Whether an attempt may have reached the candidate's person. Every 'self' contact is the debtor: one person, however many rows the account lists them in. */
function sameContact(attempt: IndexedAttempt, candidate: Candidate): boolean {
  const id = attempt.attempt.contactId;
  return id === undefined || candidate.contact === null || id === candidate.contact.id || (candidate.contact.relationship === 'self' && attempt.relationship === 'self');
}

/** Whether an attempt may have been on the candidate's channel. */
function sameChannel(attempt: IndexedAttempt, candidate: Candidate): boolean {
  return attempt.anyChannel || (attempt.channels.length === 0 ? candidate.channel === null : candidate.channel !== null && attempt.channels.includes(candidate.channel));
}

/** Kinds of action that reach someone on a channel: what an attempt logged with a channel can be. */
const CHANNEL_KINDS: readonly string[] = ['communication', 'notice'];

/**
 * Whether a past attempt falls under a selector. What the attempt does not tell (no action id or
 * one the policy does not know, no contact, which of a contact's numbers) matches: a constraint
 * must never miss an attempt it might cover. What it does tell still counts: an attempt logged on a channel without an action id can
 * only have been an action on that channel (a dialer's call is not a lawsuit or a letter).
 */
export function attemptMatches(selector: Selector | undefined, attempt: IndexedAttempt, actions: Policy['actions']): boolean {
  if (selector === undefined) return true;
  const unlabelledOnChannel = attempt.attempt.action === undefined && attempt.channels.length > 0;
  if (selector.actions && !mayBeAction(attempt, selector.actions, actions)) return false;
  if (selector.kinds) {
    if (attempt.kind !== undefined && !selector.kinds.includes(attempt.kind)) return false;
    if (attempt.kind === undefined && unlabelledOnChannel && !selector.kinds.some((k) => CHANNEL_KINDS.includes(k))) return false;
  }
  if (selector.channels && !mayBeOn(attempt, selector.channels)) return false;
  if (selector.relationships && attempt.relationship !== undefined && !selector.relationships.includes(attempt.relationship)) return false;
  if (selector.workplace !== undefined && attempt.workplace !== undefined && selector.workplace !== attempt.workplace) return false;
  return true;
}

/**
 * Whether a past attempt may have been made on one of `channels`: its own channel, else its
 * action's (a dialer may log only the action); any, when neither says.
 *
 * @example
 * mayBeOn(attempt, ['phone']); // true for a call, and for an attempt logged under an unknown action without a channel
 */
export function mayBeOn(attempt: IndexedAttempt, channels: readonly Channel[]): boolean {
  if (attempt.anyChannel) return true;
  // A loop, not `some` with a closure: caps and cool-downs ask this of every recent attempt.
  const own = attempt.channels;
  for (let i = 0; i < own.length; i++) if (channels.includes(own[i] as Channel)) return true;
  return false;
}

/**
 * Whether a past attempt may have been one of the policy's actions `ids`: its own action when the
 * policy knows it; else (none logged, or an id the policy does not know: renamed since, another
 * system's) any of them that could have been made on its channels.
 *
 * @example
 * mayBeAction(attempt, ['call_self'], policy.actions); // true for a call logged as 'call_self_v1'
 */
export function mayBeAction(attempt: IndexedAttempt, ids: readonly string[], actions: Policy['actions']): boolean {
  const logged = attempt.attempt.action;
  if (logged !== undefined && Object.hasOwn(actions, logged)) return ids.includes(logged);
  return attempt.channels.length === 0 || ids.some((id) => couldBe(actions, id, attempt.channels));
}

/** Whether the policy's action `id` could have been an attempt made on one of `channels`. */
function couldBe(actions: Policy['actions'], id: string, channels: readonly Channel[]): boolean {
  const action = Object.hasOwn(actions, id) ? actions[id] : undefined;
  // An id the policy does not define (a selector naming another policy's action) may be anything.
  if (action === undefined) return true;
  return actionChannels(action).some((c) => channels.includes(c));
}
