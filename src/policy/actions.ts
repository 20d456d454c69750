import { type ActionKind, type Channel, CHANNELS, type Relationship, RELATIONSHIPS } from '../vocabulary';
import { rankOf } from './ranks';
import type { ContactOrderConstraint } from './schema/constraints';
import type { Action, Policy, Target } from './schema/policy';

/**
 * Kinds an action with a channel may have: it reaches a person. The others (internal, legal,
 * credit_report) reach no one and take no channel; a notice without one is posted, not sent.
 */
export const REACHING_KINDS: readonly ActionKind[] = ['communication', 'notice'];

/**
 * The kind of an action: its own, or `communication` when it has a channel, else `internal`.
 *
 * @example
 * actionKind({ channel: 'sms', requiresApproval: false }); // 'communication'
 */
export function actionKind(action: Action): ActionKind {
  return action.kind ?? (action.channel === undefined ? 'internal' : 'communication');
}

/**
 * The channels of an action, in order of preference (empty: it reaches no one).
 *
 * @example
 * actionChannels({ channel: ['app', 'sms'], requiresApproval: false }); // ['app', 'sms']
 */
export function actionChannels(action: Action): readonly Channel[] {
  if (action.channel === undefined) return NO_CHANNELS;
  return typeof action.channel === 'string' ? channelList(action.channel) : action.channel;
}

// Shared frozen lists: every decision asks for the channels of every attempt and its action.
const NO_CHANNELS: readonly Channel[] = Object.freeze([]);
const CHANNEL_LISTS: Readonly<Record<Channel, readonly Channel[]>> = Object.freeze(
  Object.fromEntries(CHANNELS.map((c) => [c, Object.freeze([c])])) as Record<Channel, readonly Channel[]>,
);

/**
 * `[channel]`, one shared frozen list per channel.
 *
 * @example
 * channelList('sms') === channelList('sms'); // true
 */
export function channelList(channel: Channel): readonly Channel[] {
  return CHANNEL_LISTS[channel];
}

/**
 * The target of an action with a channel: its own, or the debtor.
 *
 * @example
 * actionTarget({ channel: 'phone', requiresApproval: false }); // 'self'
 */
export function actionTarget(action: Action): Target {
  return action.target ?? ('self' satisfies Relationship);
}

/**
 * The contact orders of a policy, by id.
 *
 * @example
 * contactOrdersOf(policy).get('family-order')?.ranks; // [['spouse'], ['family']]
 */
export function contactOrdersOf(policy: Policy): ReadonlyMap<string, ContactOrderConstraint> {
  return new Map(policy.compliance.flatMap((l) => l.constraints.flatMap((c) => (c.kind === 'contactOrder' ? [[c.id, c] as const] : []))));
}

/**
 * The relationships an action may reach, as the engine resolves its `target`: its relationship,
 * its list, or every relationship its contact order lets through (ranked, or unranked with
 * `unranked: 'last'`); none for an order the policy does not define (refused at parse).
 *
 * @example
 * reachedRelationships({ channel: 'phone', target: ['spouse', 'family'], requiresApproval: false }, new Map()); // ['spouse', 'family']
 */
export function reachedRelationships(action: Action, orders: ReadonlyMap<string, ContactOrderConstraint>): readonly Relationship[] {
  const target = actionTarget(action);
  if (typeof target === 'string') return [target];
  if (Array.isArray(target)) return target;
  const order = orders.get(target.order);
  return order === undefined ? [] : RELATIONSHIPS.filter((r) => rankOf(order, r) !== null);
}
