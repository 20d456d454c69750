/**
 * Contact orders that contradict each other: one ranks the employer before the debtor, another
 * (a second layer, a composed rule book) the debtor before the employer. A contact is tried only
 * once every earlier rank is exhausted, so an account with both may never be contacted by the
 * action the two orders share. A warning, not an error: a contact every proposal to which another
 * constraint blocks (China forbids calling the employer) counts as exhausted, which ends the
 * deadlock — the lint cannot tell.
 */
import type { Issue, IssuePath } from '../errors';
import { RELATIONSHIPS, type Relationship } from '../vocabulary';
import { actionChannels, actionKind, actionTarget } from './actions';
import { matchesSelector, type Subject } from './match';
import { rankOf } from './ranks';
import type { ContactOrderConstraint } from './schema/constraints';
import type { Action, Policy } from './schema/policy';

/** The relationships an action may reach. */
function targetsOf(action: Action, orders: ReadonlyMap<string, ContactOrderConstraint>): readonly Relationship[] {
  const target = actionTarget(action);
  if (typeof target === 'string') return [target];
  if (Array.isArray(target)) return target;
  const order = orders.get(target.order);
  return order === undefined ? [] : RELATIONSHIPS.filter((r) => rankOf(order, r) !== null);
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
  if (orders.length < 2) return [];
  const byId = new Map(orders.map(({ order }) => [order.id, order]));
  const issues: Issue[] = [];
  const reported = new Set<string>();
  for (const [id, action] of Object.entries(policy.actions)) {
    const targets = targetsOf(action, byId);
    const kind = actionKind(action);
    for (const channel of actionChannels(action)) {
      // A selector may ask whether the method is a workplace one: an employer always is; anyone
      // else may be reached either way.
      const applies = (order: ContactOrderConstraint, relationship: Relationship) =>
        (relationship === 'employer' ? [true] : [false, true]).some((workplace) =>
          matchesSelector(order.appliesTo, { action: id, kind, channel, relationship, workplace } satisfies Subject),
        );
      for (let x = 0; x < orders.length; x++) {
        for (let y = x + 1; y < orders.length; y++) {
          const a = orders[x] as (typeof orders)[number];
          const b = orders[y] as (typeof orders)[number];
          const key = `${x}|${y}`;
          if (reported.has(key)) continue;
          for (const first of targets) {
            for (const second of targets) {
              if (first === second) continue;
              // `a` holds back `second` until `first` is exhausted; `b` holds back `first` until `second` is.
              const ranks = [rankOf(a.order, first), rankOf(a.order, second), rankOf(b.order, first), rankOf(b.order, second)];
              if (ranks.some((r) => r === null)) continue;
              const [a1, a2, b1, b2] = ranks as number[];
              if (!((a1 as number) < (a2 as number) && (b2 as number) < (b1 as number))) continue;
              if (!applies(a.order, second) || !applies(b.order, first)) continue;
              reported.add(key);
              issues.push({
                code: 'contact_order_deadlock',
                path: [...b.path, 'ranks'],
                message: `contact order '${b.order.id}' tries ${second} before ${first}, and '${a.order.id}' tries ${first} before ${second}: '${id}' on ${channel} reaches neither on an account that lists both, unless another constraint always blocks one of them; give the two orders the same sequence, or narrow one's appliesTo`,
              });
              break;
            }
            if (reported.has(key)) break;
          }
        }
      }
    }
  }
  return issues;
}
