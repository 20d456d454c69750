import { describe, expect, it } from 'vitest';
import { safeParseAccount, safeParsePolicy } from '../src/index';
import { policyWhen } from './support/policies';

/*
 * A whole number past 2^53 breaks two bounds: the safe-integer bound every whole number has and
 * the field's own maximum. Both were reported ("must be at most 9007199254740991" and "must be at
 * most 10000") — two answers for one value. Only the tightest is kept.
 */

describe('one bound per value', () => {
  it('a priority and a cap max past 2^53 each get the field’s own bound only', () => {
    const policy = {
      ...policyWhen({ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }),
      rules: [{ id: 'r', priority: 1e16, when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call'] }],
      compliance: [{ id: 'l', constraints: [{ kind: 'cap', id: 'c', max: 1e16, period: { calendar: 'day' } }] }],
    };
    const r = safeParsePolicy(policy);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues).toEqual([
      { code: 'too_big', path: ['rules', 0, 'priority'], message: 'must be at most 1000000, not 10000000000000000' },
      { code: 'too_big', path: ['compliance', 0, 'constraints', 0, 'max'], message: 'must be at most 10000, not 10000000000000000' },
    ]);
  });

  it('an amount past 2^53 in an account still says the safe-integer bound (its only one)', () => {
    const r = safeParseAccount({ id: 'A', currency: 'USD', amountDue: 1e16, dueDate: '2026-01-01', debtor: { timeZone: 'UTC' }, contacts: [] });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.filter((i) => i.path.join('.') === 'amountDue')).toHaveLength(1);
  });
});
