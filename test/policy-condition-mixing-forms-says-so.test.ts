import { describe, expect, it } from 'vitest';
import { safeParsePolicy } from '../src/index';

const policyWhen = (when: unknown, conditions: Record<string, unknown> = {}) => ({
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone' } },
  conditions,
  rules: [{ id: 'r', when, then: ['call_self'] }],
});
const dpd = { fact: 'daysPastDue', operator: 'greaterThan', value: 30 };

function issuesOf(input: unknown) {
  const result = safeParsePolicy(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.issues;
}

describe('a condition with the keys of several forms is told it mixes them, not that a key is unknown', () => {
  it('at the root of a tree', () => {
    expect(issuesOf(policyWhen({ all: [], any: [] }))).toEqual([
      {
        code: 'invalid_union',
        path: ['rules', 0, 'when'],
        message: "mixes 2 forms ('all', 'any'): a condition takes exactly one of 'all', 'any', 'not' or 'condition' (the root of a tree); give one of them only (nest the others in an 'all' or 'any')",
      },
    ]);
  });

  it('below the root, a comparison with an all', () => {
    expect(issuesOf(policyWhen({ all: [{ ...dpd, all: [] }] }))).toEqual([
      {
        code: 'invalid_union',
        path: ['rules', 0, 'when', 'all', 0],
        message: "mixes 2 forms ('fact', 'all'): a condition takes exactly one of 'all', 'any', 'not', 'condition' or 'fact' (a comparison); give one of them only (nest the others in an 'all' or 'any')",
      },
    ]);
  });

  it('in a named condition, even when one of the forms holds another mistake', () => {
    const issues = issuesOf(policyWhen({ condition: 'late' }, { late: { any: [{ fact: 'daysPastDue' }], not: dpd } }));
    expect(issues.map((i) => [i.code, i.path, i.message.slice(0, 30)])).toEqual([['invalid_union', ['conditions', 'late'], "mixes 2 forms ('any', 'not'): "]]);
  });

  it('one form with its own keys still parses', () => {
    expect(safeParsePolicy(policyWhen({ all: [dpd], name: 'late', priority: 2 })).success).toBe(true);
  });
});
