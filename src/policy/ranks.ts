import type { Relationship } from '../vocabulary';
import type { ContactOrderConstraint } from './schema/constraints';

/**
 * The rank of a relationship in a contact order: its index, `ranks.length` when unranked and
 * last, null when forbidden.
 *
 * @example
 * rankOf({ ranks: [['employer'], ['self']], unranked: 'last', … }, 'self'); // 1
 * rankOf({ ranks: [['self']], unranked: 'forbidden', … }, 'family'); // null
 */
export function rankOf(order: ContactOrderConstraint, relationship: Relationship): number | null {
  const i = order.ranks.findIndex((rank) => rank.includes(relationship));
  if (i >= 0) return i;
  return order.unranked === 'last' ? order.ranks.length : null;
}
