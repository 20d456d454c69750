import type { ActionKind, Channel, Relationship } from '../vocabulary';
import type { Action, Target } from './schema/policy';

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
  if (action.channel === undefined) return [];
  return typeof action.channel === 'string' ? [action.channel] : action.channel;
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
