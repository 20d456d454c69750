import type { Issue } from '../errors';
import { type Channel, RELATIONSHIPS } from '../vocabulary';
import { quoteAll } from '../zod-issues';
import { actionChannels, actionKind, actionTarget, contactOrdersOf, reachedRelationships, REACHING_KINDS } from './actions';
import { appliesToProposal, matchesSelector } from './match';
import { actionProposals, type ActionShape, type Possible, possibleProposals } from './possible-proposals';
import type { BlockConstraint, CapConstraint, Constraint } from './schema/constraints';
import type { Policy } from './schema/policy';
import type { Selector } from './schema/selector';

type Path = (string | number)[];
type Shapes = ReadonlyMap<string, ActionShape>;

/** The fields of a selector, in the order one is blamed when it alone keeps the selector from matching. */
const FIELDS = ['actions', 'kinds', 'channels', 'relationships', 'workplace'] as const satisfies readonly (keyof Selector)[];
type Field = (typeof FIELDS)[number];


/** A selector in words: `kinds 'legal', channels 'phone'`. */
const described = (s: Selector): string =>
  FIELDS.flatMap((f) => {
    const v = s[f];
    if (v === undefined) return [];
    return [typeof v === 'boolean' ? `workplace ${v}` : `${f} ${quoteAll(v)}`];
  }).join(', ');

const without = (s: Selector, field: Field): Selector => Object.fromEntries(Object.entries(s).filter(([k]) => k !== field)) as Selector;

/** Whether two selectors select the same proposals field by field, reading lists as sets. */
function sameSelector(a: Selector, b: Selector): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Selector)[]);
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y)) {
      const xs = new Set<string>(x);
      const ys = new Set<string>(y);
      if (xs.size !== ys.size || [...xs].some((v) => !ys.has(v))) return false;
    } else if (x !== y) return false;
  }
  return true;
}

/** An action as selectors see it: `'sue' (legal, no channel)`, `'call' (communication, on phone)`. */
function actionInWords(policy: Policy, id: string): string {
  const action = policy.actions[id];
  if (action === undefined) return `'${id}'`;
  const channels = actionChannels(action);
  return `'${id}' (${actionKind(action)}, ${channels.length === 0 ? 'no channel' : `on ${channels.join(', ')}`})`;
}

/** Why nothing matches, and what to change, when the field blamed is `kinds` or `actions` and a reason is known. */
function whyNone(c: Constraint, s: Selector, field: Field | undefined, policy: Policy): string | undefined {
  const holdsReachingOnly = c.kind === 'window' || c.kind === 'contactOrder';
  const noun = c.kind === 'contactOrder' ? 'contact orders' : `${c.kind}s`;
  // What, beside the field, asks for a person reached on a channel.
  const needs =
    s.channels !== undefined
      ? `yet it selects the channels ${quoteAll(s.channels)}; select 'communication' or 'notice', or remove \`channels\``
      : s.relationships !== undefined || s.workplace === true
        ? `yet it selects whom they reach; select 'communication' or 'notice', or remove \`${s.relationships !== undefined ? 'relationships' : 'workplace'}\``
        : holdsReachingOnly
          ? `and ${noun} hold only proposals that reach a person; select 'communication' or 'notice', or remove the ${c.kind === 'contactOrder' ? 'contact order' : c.kind}`
          : undefined;
  if (field === 'kinds' && s.kinds !== undefined && !s.kinds.some((k) => REACHING_KINDS.includes(k)) && needs !== undefined) {
    return `the kinds ${quoteAll(s.kinds)} never have a channel (only 'communication' and 'notice' do), ${needs}`;
  }
  if (field === 'actions' && s.actions !== undefined) {
    const actions = s.actions.map((a) => actionInWords(policy, a)).join(', ');
    const rest = without(s, 'actions');
    const noChannel = s.actions.every((a) => policy.actions[a] !== undefined && actionChannels(policy.actions[a]).length === 0);
    if (holdsReachingOnly && noChannel) return `none of its actions (${actions}) reaches a person, and ${noun} hold only proposals that do; list the actions it is meant for, or remove the ${c.kind === 'contactOrder' ? 'contact order' : c.kind}`;
    return `none of its actions (${actions}) matches the rest of its \`appliesTo\` (${described(rest)}); list the actions it is meant for, or change the rest`;
  }
  return undefined;
}

/**
 * A constraint whose `appliesTo` holds none of the proposals any action could make (see
 * `possibleProposals`): kinds that have no channel with `channels`, actions none of which has its
 * `channels` or `kinds`, a window, contact order or timed constraint that can only meet proposals
 * it does not hold (see `appliesToProposal`). Reported on the list that, removed, would let it
 * apply (actions first, then kinds…), or on `appliesTo` when no one list does.
 */
function selectsNothing(c: Constraint, at: Path, policy: Policy, shapes: Shapes): Issue[] {
  const s = c.appliesTo;
  if (s === undefined) return [];
  const holds = (selector: Selector) => possibleProposals(shapes, selector).some((p) => appliesToProposal({ kind: c.kind, appliesTo: selector }, p, p.reaches));
  if (holds(s)) return [];
  const field = FIELDS.find((f) => s[f] !== undefined && holds(without(s, f)));
  const name = c.kind === 'contactOrder' ? 'contact order' : c.kind;
  const why = whyNone(c, s, field, policy) ?? `no proposal any action could make matches its \`appliesTo\` (${described(s)})${c.kind === 'window' || c.kind === 'contactOrder' ? ' and reaches a person' : ''}; change ${field === undefined ? 'it' : `\`${field}\``}`;
  return [{ code: 'constraint_never_applies', path: [...at, 'appliesTo', ...(field === undefined ? [] : [field])], message: `${name} '${c.id}' never applies: ${why}` }];
}

/**
 * A block whose `except` selects every proposal its `appliesTo` selects: it never blocks. The
 * same selectors get their own message; a wider exception is reported on its one list when it has
 * only one.
 */
function exceptsAll(c: BlockConstraint, at: Path, shapes: Shapes): Issue[] {
  const { except } = c;
  if (except === undefined) return [];
  if (sameSelector(except, c.appliesTo ?? {})) {
    return [{ code: 'constraint_never_applies', path: [...at, 'except'], message: `block '${c.id}' excepts exactly what it applies to: it never blocks anything` }];
  }
  const selected = possibleProposals(shapes, c.appliesTo, except.actions).filter((p) => matchesSelector(c.appliesTo, p));
  // Selecting nothing is reported on `appliesTo` (see selectsNothing).
  if (selected.length === 0 || !selected.every((p) => matchesSelector(except, p))) return [];
  const fields = FIELDS.filter((f) => except[f] !== undefined);
  const only = fields.length === 1 ? fields[0] : undefined;
  return [
    {
      code: 'constraint_never_applies',
      path: [...at, 'except', ...(only === undefined ? [] : [only])],
      message:
        c.appliesTo === undefined
          ? `block '${c.id}' excepts everything: it has no \`appliesTo\` and its \`except\` (${described(except)}) selects every proposal, so it never blocks anything; narrow the \`except\``
          : `block '${c.id}' excepts everything it applies to: its \`except\` (${described(except)}) selects every proposal its \`appliesTo\` (${described(c.appliesTo)}) does, so it never blocks anything; narrow the \`except\``,
    },
  ];
}

/**
 * Warnings on one constraint's selectors (see `selectsNothing`, `exceptsAll`). A contact order an
 * action targets is left to `ordersNotApplied`: its ranks still choose whom that action reaches.
 *
 * @example
 * selectorWarnings(constraint, ['compliance', 0, 'constraints', 2], policy, actionShapes(policy), targetedOrders(policy));
 */
export function selectorWarnings(c: Constraint, at: Path, policy: Policy, shapes: Shapes, targeted: ReadonlySet<string>): Issue[] {
  if (c.kind === 'contactOrder' && targeted.has(c.id)) return [];
  const none = selectsNothing(c, at, policy, shapes);
  if (none.length > 0 || c.kind !== 'block') return none;
  return exceptsAll(c, at, shapes);
}

/**
 * The ids of the contact orders the policy's actions target (`target: { order }`).
 *
 * @example
 * targetedOrders(policy); // Set { 'family-order' }
 */
export function targetedOrders(policy: Policy): Set<string> {
  return new Set(
    Object.values(policy.actions).flatMap((a) => {
      const target = actionTarget(a);
      return typeof target === 'object' && !Array.isArray(target) ? [target.order] : [];
    }),
  );
}

/**
 * Actions whose `target` is a contact order that does not apply to them on any of their channels
 * (whoever is reached, at the workplace or not): the order picks and sorts the contacts, but holds
 * none back, so every contact it ranks may be reached at once.
 *
 * @example
 * ordersNotApplied(policy).map((w) => w.path); // [['actions', 'call_family', 'target', 'order']]
 */
export function ordersNotApplied(policy: Policy): Issue[] {
  const orders = contactOrdersOf(policy);
  return Object.entries(policy.actions).flatMap(([id, action]): Issue[] => {
    const target = actionTarget(action);
    if (typeof target !== 'object' || Array.isArray(target)) return [];
    const order = orders.get(target.order);
    const channels: readonly Channel[] = actionChannels(action);
    if (order === undefined || channels.length === 0) return [];
    const kind = actionKind(action);
    const applies = channels.some((channel) =>
      RELATIONSHIPS.some((relationship) => [false, true].some((workplace) => matchesSelector(order.appliesTo, { action: id, kind, channel, relationship, workplace }))),
    );
    if (applies) return [];
    return [
      {
        code: 'target_order_not_applied',
        path: ['actions', id, 'target', 'order'],
        message: `'${id}' reaches the contacts of order '${order.id}', but that order's \`appliesTo\` (${described(order.appliesTo ?? {})}) does not select '${id}' on ${channels.join(' or ')}: the order never holds back its proposals, so every contact it ranks may be reached at once; widen the order's \`appliesTo\` to '${id}', or target relationships instead`,
      },
    ];
  });
}

/**
 * Whom a cap holds of the people an action may reach on one channel, in words: nothing when it
 * holds them all, else ` (to self, guarantor)`, ` (at the workplace)`, ` (to self, not at the
 * workplace)`. A selector is read field by field, so what it holds is some relationships, at the
 * workplace or not.
 */
function forWhom(held: readonly Possible[], reached: readonly Possible[]): string {
  if (held.length === reached.length) return '';
  const relationships = [...new Set(held.map((p) => p.relationship))];
  const ofThose = reached.filter((p) => relationships.includes(p.relationship));
  const parts = [
    ...(relationships.length < new Set(reached.map((p) => p.relationship)).size ? [`to ${relationships.join(', ')}`] : []),
    ...(held.length < ofThose.length ? [held[0]?.workplace === true ? 'at the workplace' : 'not at the workplace'] : []),
  ];
  return ` (${parts.join(', ')})`;
}

/**
 * What a cap of `max: 0` blocks: every action of the policy with a proposal the cap holds (see
 * `actionProposals`, `appliesToProposal`), on the channels where it does, and for whom when only
 * some of the people the action may reach there: `'call' on phone, sms (to self)`; an action
 * without a channel by its id alone.
 *
 * @example
 * blockedByZeroCap(cap, policy, actionShapes(policy)); // ["'call_self' on phone (to self)", "'sue'"]
 */
export function blockedByZeroCap(c: CapConstraint, policy: Policy, shapes: Shapes): string[] {
  const orders = contactOrdersOf(policy);
  return Object.entries(policy.actions).flatMap(([id, action]) => {
    // Only the people the action's `target` reaches: a cap on the others blocks nothing of it.
    const whom = reachedRelationships(action, orders);
    const proposals = actionProposals(shapes, id).filter((p) => !p.reaches || (p.relationship !== undefined && whom.includes(p.relationship)));
    const held = proposals.filter((p) => appliesToProposal(c, p, p.reaches));
    if (held.length === 0) return [];
    // Channels the cap holds alike are named together.
    const channelsByWhom = new Map<string, Channel[]>();
    for (const channel of new Set(held.map((p) => p.channel))) {
      if (channel === undefined) return [`'${id}'`];
      const reachedOn = (list: readonly Possible[]) => list.filter((p) => p.channel === channel && p.reaches);
      const whom = forWhom(reachedOn(held), reachedOn(proposals));
      channelsByWhom.set(whom, [...(channelsByWhom.get(whom) ?? []), channel]);
    }
    return [...channelsByWhom].map(([whom, channels]) => `'${id}' on ${channels.join(', ')}${whom}`);
  });
}
