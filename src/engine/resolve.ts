import type { Contact, ContactMethod } from '../model';
import type { EvaluationContext } from '../facts/context';
import { methodProblem } from '../facts/history';
import { actionChannels, actionKind, actionTarget } from '../policy/actions';
import type { ContactOrderConstraint } from '../policy/schema/constraints';
import type { Action } from '../policy/schema/policy';
import type { Candidate, ReasonDraft } from '../constraints/types';
import { exhausted } from '../constraints/contact-order';
import { rankOf } from '../policy/ranks';
import type { ActionKind, Channel, Relationship } from '../vocabulary';

/** A candidate with the built-in problems found while resolving it (no contact, opted out…). */
export interface Resolved {
  readonly candidate: Candidate;
  readonly problem: ReasonDraft | null;
}

function zonesOf(ctx: EvaluationContext, contact: Contact | null, methodZone: string | undefined): string[] {
  const zones: string[] = [];
  if (methodZone !== undefined) zones.push(methodZone);
  if (contact?.timeZone !== undefined && !zones.includes(contact.timeZone)) zones.push(contact.timeZone);
  // The debtor's own location always counts for the debtor. A third party without a zone of their
  // own is taken to be where the debtor is (model.md); a number's zone (an area code) adds to
  // where the person may be, it does not say where they are.
  if (contact === null || contact.relationship === 'self' || contact.timeZone === undefined) for (const zone of ctx.debtorZones) if (!zones.includes(zone)) zones.push(zone);
  return zones;
}

/** A candidate, always built with the same fields in the same order (one object shape). */
function candidateOf(
  action: string,
  definition: Action,
  kind: ActionKind,
  channel: Channel | null,
  contact: Contact | null,
  method: ContactMethod | null,
  workplace: boolean,
  zones: readonly string[],
): Candidate {
  return { action, definition, kind, channel, contact, method, relationship: contact === null ? null : contact.relationship, workplace, zones };
}

/** The candidate of an action on one of a contact's methods. */
function methodCandidate(ctx: EvaluationContext, id: string, action: Action, kind: ActionKind, channel: Channel, contact: Contact, method: ContactMethod): Candidate {
  return candidateOf(id, action, kind, channel, contact, method, contact.relationship === 'employer' || method.workplace, zonesOf(ctx, contact, method.timeZone));
}

function targetContacts(ctx: EvaluationContext, action: Action, orders: ReadonlyMap<string, ContactOrderConstraint>): Contact[] {
  const target = actionTarget(action);
  if (typeof target === 'object' && !Array.isArray(target)) {
    const order = orders.get(target.order) as ContactOrderConstraint;
    // Contacts already exhausted stay proposed (as fallbacks) but after those still to try.
    const channels = actionChannels(action);
    const ranked = ctx.account.contacts
      .map((contact, i) => ({ contact, i, rank: rankOf(order, contact.relationship), done: exhausted(order, contact, channels, ctx, false) !== null }))
      .filter((x): x is { contact: Contact; i: number; rank: number; done: boolean } => x.rank !== null)
      .sort((a, b) => Number(a.done) - Number(b.done) || a.rank - b.rank || a.i - b.i);
    return ranked.map((x) => x.contact);
  }
  const rels: readonly Relationship[] = typeof target === 'string' ? [target] : target;
  // Loops, not flatMap and filter: every proposed action of every decision comes here.
  const contacts: Contact[] = [];
  for (const rel of rels) for (const c of ctx.account.contacts) if (c.relationship === rel) contacts.push(c);
  return contacts;
}

/** Whom an action's target selects, as a reason says it finds none. */
function wantedBy(action: Action): string {
  const target = actionTarget(action);
  if (typeof target === 'object' && !Array.isArray(target)) return `contact of order '${target.order}'`;
  return `contact with relationship ${(typeof target === 'string' ? [target] : target).join(' or ')}`;
}

/**
 * Turns one proposed action into concrete candidates: for each contact its target selects (in
 * target order, see `targetContacts`), on each of the action's channels the contact has (in the
 * action's order), one candidate per usable method of that channel, in the contact's order — a
 * contact with two phone numbers gives two candidates for a call. A method is usable when
 * `methodProblem` finds nothing: not `optedOut`/`invalid`, no `opt_out` recorded on it, last
 * attempt not a dead outcome (`wrong_number`, `bounced`). What cannot be used is kept, with the
 * built-in reason: one candidate for no contact (`NO_CONTACT`), one per contact without any of the
 * channels (`NO_CHANNEL`), and, when no method of a channel is usable, one with its first method
 * (`OPTED_OUT` or `INVALID_CONTACT_METHOD`). An action without a channel gives one candidate with
 * no contact.
 */
export function resolveAction(ctx: EvaluationContext, id: string, action: Action, orders: ReadonlyMap<string, ContactOrderConstraint>): Resolved[] {
  const kind = actionKind(action);
  const channels = actionChannels(action);
  if (channels.length === 0) {
    return [{ candidate: candidateOf(id, action, kind, null, null, null, false, [...ctx.debtorZones]), problem: null }];
  }
  const contacts = targetContacts(ctx, action, orders);
  if (contacts.length === 0) {
    return [
      {
        candidate: candidateOf(id, action, kind, channels[0] ?? null, null, null, false, [...ctx.debtorZones]),
        problem: { code: 'NO_CONTACT', constraint: null, layer: null, message: `the account has no ${wantedBy(action)}` },
      },
    ];
  }
  const out: Resolved[] = [];
  for (const contact of contacts) {
    let present = false;
    for (let i = 0; i < channels.length; i++) {
      const channel = channels[i] as Channel;
      // A channel listed twice is the same preference (lint says `duplicate_channel`): one proposal.
      if (channels.indexOf(channel) !== i) continue;
      // One candidate per usable method (an office line may be blocked where the mobile is not);
      // when none is usable, one candidate saying why, with the first method of the channel.
      let first: ContactMethod | undefined;
      let usable = false;
      for (const method of contact.channels) {
        if (method.channel !== channel) continue;
        first ??= method;
        if (methodProblem(ctx, contact, method) !== undefined) continue;
        usable = true;
        out.push({ candidate: methodCandidate(ctx, id, action, kind, channel, contact, method), problem: null });
      }
      if (first === undefined) continue;
      present = true;
      if (usable) continue;
      const problem = methodProblem(ctx, contact, first) as 'OPTED_OUT' | 'INVALID_CONTACT_METHOD';
      out.push({
        candidate: methodCandidate(ctx, id, action, kind, channel, contact, first),
        problem: {
          code: problem,
          constraint: null,
          layer: null,
          message: problem === 'OPTED_OUT' ? `contact '${contact.id}' opted out of ${channel}` : `every ${channel} of contact '${contact.id}' is known not to work`,
        },
      });
    }
    if (!present) {
      out.push({
        candidate: candidateOf(id, action, kind, channels[0] ?? null, contact, null, contact.relationship === 'employer', zonesOf(ctx, contact, undefined)),
        problem: { code: 'NO_CHANNEL', constraint: null, layer: null, message: `contact '${contact.id}' has no ${channels.join(' or ')}` },
      });
    }
  }
  return out;
}
