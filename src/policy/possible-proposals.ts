import { ACTION_KINDS, CHANNELS, type Channel, RELATIONSHIPS, type ActionKind } from '../vocabulary';
import { actionChannels, actionKind, REACHING_KINDS } from './actions';
import type { Subject } from './match';
import type { Policy } from './schema/policy';
import type { Selector } from './schema/selector';

/** A kind of proposal as selectors see it, and whether it reaches a person (a channel and a contact). */
export interface Possible extends Subject {
  readonly reaches: boolean;
}

/**
 * Whom a proposal on a channel may reach: each relationship, at the workplace or not (an employer
 * always is), or no one (the account lists no contact the action targets, `NO_CONTACT`).
 */
function onChannel(action: string | undefined, kind: ActionKind, channel: Channel): Possible[] {
  const nobody: Possible = { action, kind, channel, relationship: undefined, workplace: false, reaches: false };
  return [
    nobody,
    ...RELATIONSHIPS.flatMap((relationship) =>
      (relationship === 'employer' ? [true] : [false, true]).map((workplace): Possible => ({ action, kind, channel, relationship, workplace, reaches: true })),
    ),
  ];
}

/** The proposals of one action definition: one per channel and person reached, or one reaching no one. */
function proposalsOf(action: string | undefined, kind: ActionKind, channels: readonly Channel[]): Possible[] {
  if (channels.length === 0) return [{ action, kind, channel: undefined, relationship: undefined, workplace: false, reaches: false }];
  return channels.flatMap((channel) => onChannel(action, kind, channel));
}

/**
 * The proposals of an action the policy does not define (`action: undefined`): of every kind, on
 * every channel that kind may go by (`communication` and `notice`), or on none. It stands for what a
 * policy composed with this one may add: a selector that names no action must be read against any
 * action, not only today's.
 */
const ANY_ACTION: readonly Possible[] = Object.freeze(
  ACTION_KINDS.flatMap((kind) => [...proposalsOf(undefined, kind, []), ...(REACHING_KINDS.includes(kind) ? proposalsOf(undefined, kind, CHANNELS) : [])]),
);

/** An action as selectors see it: its kind and channels, and a key that says which actions select alike. */
export interface ActionShape {
  readonly kind: ActionKind;
  readonly channels: readonly Channel[];
  readonly key: string;
}

/**
 * The shape of each action of a policy, worked out once for every selector read against it.
 *
 * @example
 * actionShapes(policy).get('call'); // { kind: 'communication', channels: ['phone'], key: 'communication|phone' }
 */
export function actionShapes(policy: Policy): ReadonlyMap<string, ActionShape> {
  return new Map(
    Object.entries(policy.actions).map(([id, action]) => {
      const kind = actionKind(action);
      const channels = [...new Set(actionChannels(action))].sort();
      return [id, { kind, channels, key: `${kind}|${channels.join()}` }];
    }),
  );
}

/**
 * Every kind of proposal a selector may match, as selectors see it: each action it names on each
 * of its channels, reaching each relationship or no one; naming none, any action (see
 * `ANY_ACTION`: an action the policy defines selects as any action of its kind and channels does).
 * Of actions with the same kind and channels, only the first is read — they select alike — unless
 * `apart` names one and not the other (a block's `except` listing actions).
 *
 * Wider than what accounts make (an action's `target` is not read: any relationship may be
 * reached), so a selector found to match none of these matches no proposal.
 *
 * @example
 * const legalByPhone = { kinds: ['legal'], channels: ['phone'] } satisfies Selector;
 * possibleProposals(actionShapes(policy), legalByPhone).some((p) => matchesSelector(legalByPhone, p)); // false
 */
export function possibleProposals(shapes: ReadonlyMap<string, ActionShape>, selector: Selector | undefined, apart: readonly string[] = []): readonly Possible[] {
  if (selector?.actions === undefined) return ANY_ACTION;
  const seen = new Set<string>();
  const out: Possible[] = [];
  for (const id of selector.actions) {
    const shape = shapes.get(id);
    if (shape === undefined) continue;
    const key = `${shape.key}|${apart.includes(id)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(...actionProposals(shapes, id));
  }
  return out;
}

/**
 * Every proposal one action of the policy may make, as selectors see it: on each of its channels,
 * reaching each relationship (at the workplace or not) or no one; one reaching no one when it has
 * no channel. None for an action the policy does not define. Wider than what accounts make, as
 * `possibleProposals` is (the action's `target` is not read).
 *
 * @example
 * actionProposals(actionShapes(policy), 'call').filter((p) => p.relationship === 'self');
 * // [{ action: 'call', kind: 'communication', channel: 'phone', relationship: 'self', workplace: false, reaches: true }, … workplace: true …]
 */
export function actionProposals(shapes: ReadonlyMap<string, ActionShape>, action: string): readonly Possible[] {
  const shape = shapes.get(action);
  return shape === undefined ? [] : proposalsOf(action, shape.kind, shape.channels);
}
