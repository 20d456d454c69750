import { describe, expect, it } from 'vitest';
import { createEngine, safeParsePolicy } from '../src/index';
import { policyWhen } from './support/policies';

// A `{ fact }` value is of its fact's catalogue type: a comparison that would throw on every
// account, or never be true, is refused when the policy is parsed, as it is against a literal.
const issuesOf = (comparison: Record<string, unknown>) => {
  const r = safeParsePolicy(policyWhen(comparison));
  return r.success ? [] : r.issues.map((i) => ({ code: i.code, path: i.path.join('.') }));
};

describe('comparisons against another fact', () => {
  it.each([
    ['in a number (json-rules-engine would throw)', { fact: 'bucket', operator: 'in', value: { fact: 'daysPastDue' } }, 'invalid_operand', 'operator'],
    ['notIn a boolean', { fact: 'bucket', operator: 'notIn', value: { fact: 'hasOpenPromise' } }, 'invalid_operand', 'operator'],
    ['someValue: over a number', { fact: 'daysPastDue', operator: 'someValue:equal', value: { fact: 'amountDue' } }, 'invalid_operand', 'operator'],
    ['a boolean equal to a number', { fact: 'hasOpenPromise', operator: 'equal', value: { fact: 'daysPastDue' } }, 'type_mismatch', 'value'],
    ['a list of strings containing a number', { fact: 'tags', operator: 'contains', value: { fact: 'daysPastDue' } }, 'type_mismatch', 'value'],
    // JavaScript reads 'mon', 'USD' and '2026-11-23' as NaN: false against every number.
    ['a number less than a weekday', { fact: 'daysPastDue', operator: 'lessThan', value: { fact: 'localWeekday' } }, 'type_mismatch', 'value'],
    ['a number greater than a currency, under not:', { fact: 'amountDue', operator: 'not:greaterThan', value: { fact: 'currency' } }, 'type_mismatch', 'value'],
    ['a number less than a date', { fact: 'daysPastDue', operator: 'lessThanInclusive', value: { fact: 'localDate' } }, 'type_mismatch', 'value'],
    ['a weekday swapped onto the fact side', { fact: 'daysPastDue', operator: 'swap:lessThan', value: { fact: 'localWeekday' } }, 'type_mismatch', 'value'],
  ])('refuses %s', (_, comparison, code, at) => {
    expect(issuesOf(comparison)).toEqual([{ code, path: `rules.0.when.all.0.${at}` }]);
  });

  it('accepts comparisons of facts that can meet, and facts read through a path (type unknown)', () => {
    for (const comparison of [
      { fact: 'daysPastDue', operator: 'equal', value: { fact: 'contactCount' } },
      { fact: 'daysPastDue', operator: 'lessThan', value: { fact: 'amountDue' } },
      { fact: 'daysPastDue', operator: 'equal', value: { fact: 'daysSinceLastRightPartyContact' } },
      { fact: 'tags', operator: 'contains', value: { fact: 'bucket' } },
      { fact: 'bucket', operator: 'in', value: { fact: 'tags' } },
      { fact: 'bucket', operator: 'in', value: { fact: 'attributes.segments' } },
      // JavaScript reads [] as 0 and a bucket named '90' as 90: numeric comparisons with a fact are left alone.
      { fact: 'daysPastDue', operator: 'greaterThan', value: { fact: 'tags' } },
      { fact: 'daysPastDue', operator: 'lessThan', value: { fact: 'bucket' } },
      // null reads as 0: a fact that may be null is not always NaN.
      { fact: 'daysPastDue', operator: 'lessThan', value: { fact: 'lastAttemptAt' } },
    ]) {
      expect(issuesOf(comparison)).toEqual([]);
    }
  });

  it('what is accepted decides without throwing', () => {
    const engine = createEngine(policyWhen({ fact: 'bucket', operator: 'in', value: { fact: 'tags' } }));
    const account = { id: 'A', currency: 'USD', amountDue: 100, dueDate: '2026-10-01', debtor: { timeZone: 'UTC' }, tags: ['M2'], contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }] };
    expect(engine.decide(account, { now: '2026-11-23T12:00:00Z' }).trace.rules[0]?.fired).toBe(true);
  });
});
