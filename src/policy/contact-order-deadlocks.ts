/**
 * Contact orders that contradict each other: one ranks the employer before the debtor, another
 * (a second layer, a composed rule book) the debtor before the employer. A contact is tried only
 * once every earlier rank is exhausted, so an account with both may never be contacted by the
 * action the two orders share. A warning, not an error: a contact every proposal to which another
 * constraint blocks (China forbids calling the employer) counts as exhausted, which ends the
 * deadlock — the lint cannot tell.
 */
import type { Issue, IssuePath } from '../errors';
import type { Relationship } from '../vocabulary';
import { actionChannels, actionKind, reachedRelationships } from './actions';
import { matchesSelector, type Subject } from './match';
import { rankOf } from './ranks';
import type { ContactOrderConstraint } from './schema/constraints';
import type { Policy } from './schema/policy';

/** Whether an order tries `earlier` before `later` (both ranked or unranked-last). */
function before(order: ContactOrderConstraint, earlier: Relationship, later: Relationship): boolean {
  const i = rankOf(order, earlier);
  const j = rankOf(order, later);
  return i !== null && j !== null && i < j;
}

/**
 * The first action, channel and two relationships it reaches for which `a` holds back `second`
 * until `first` is exhausted while `b` holds back `first` until `second` is; undefined when none.
 */
function firstDeadlock(policy: Policy, orders: ReadonlyMap<string, ContactOrderConstraint>, a: ContactOrderConstraint, b: ContactOrderConstraint) {
  for (const [id, action] of Object.entries(policy.actions)) {
    const targets = reachedRelationships(action, orders);
    const kind = actionKind(action);
    for (const channel of actionChannels(action)) {
      // A selector may ask whether the method is a workplace one: an employer always is; anyone
      // else may be reached either way.
      const applies = (order: ContactOrderConstraint, relationship: Relationship) =>
        (relationship === 'employer' ? [true] : [false, true]).some((workplace) =>
          matchesSelector(order.appliesTo, { action: id, kind, channel, relationship, workplace } satisfies Subject),
        );
      for (const first of targets) {
        for (const second of targets) {
          if (first !== second && before(a, first, second) && before(b, second, first) && applies(a, second) && applies(b, first)) return { id, channel, first, second };
        }
      }
    }
  }
  return undefined;
}

/**
 * Pairs of contact orders that, for an action both apply to, rank two relationships the action
 * reaches in opposite orders. One warning per pair, at the later order's `ranks`.
 *
 * @example
 * findContactOrderDeadlocks(policy); // [{ code: 'contact_order_deadlock', path: ['compliance', 1, 'constraints', 0, 'ranks'], message: "…" }]
 */
export function findContactOrderDeadlocks(policy: Policy): Issue[] {
  const orders: { order: ContactOrderConstraint; path: IssuePath }[] = [];
  policy.compliance.forEach((layer, l) =>
    layer.constraints.forEach((c, k) => {
      if (c.kind === 'contactOrder') orders.push({ order: c, path: ['compliance', l, 'constraints', k] });
    }),
  );
  const byId = new Map(orders.map(({ order }) => [order.id, order]));
  const issues: Issue[] = [];
  orders.forEach((a, x) => {
    for (const b of orders.slice(x + 1)) {
      const found = firstDeadlock(policy, byId, a.order, b.order);
      if (found === undefined) continue;
      const { id, channel, first, second } = found;
      issues.push({
        code: 'contact_order_deadlock',
        path: [...b.path, 'ranks'],
        message: `contact order '${b.order.id}' tries ${second} before ${first}, and '${a.order.id}' tries ${first} before ${second}: '${id}' on ${channel} reaches neither on an account that lists both, unless another constraint always blocks one of them; give the two orders the same sequence, or narrow one's appliesTo`,
      });
    }
  });
  return issues;
}
