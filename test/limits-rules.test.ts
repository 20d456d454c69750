import { describe, expect, it } from 'vitest';
import { parsePolicy, safeParsePolicy } from '../src/index';

/* limits.maxRules (default 1,000) → too_many_rules, LIMIT_EXCEEDED: every decision evaluates every rule. */

const policy = { id: 'p', version: '1', jurisdiction: 'US', actions: { sms: { channel: 'sms' } } };
const rules = (n: number): unknown[] => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, when: { all: [] }, then: ['sms'] }));

describe('more rules than limits.maxRules → too_many_rules', () => {
  it('by default', () => {
    expect(safeParsePolicy({ ...policy, rules: rules(1_001) })).toEqual({
      success: false,
      code: 'LIMIT_EXCEEDED',
      issues: [
        {
          code: 'too_many_rules',
          path: ['rules'],
          message: 'the policy has 1001 rules, over the limit of 1000 (limits.maxRules); every decision evaluates them all: merge rules or raise the limit',
        },
      ],
    });
  });

  it('with a configured limit', () => {
    expect(parsePolicy({ ...policy, rules: rules(3) }, { limits: { maxRules: 3 } }).rules).toHaveLength(3);
    expect(() => parsePolicy({ ...policy, rules: rules(3) }, { limits: { maxRules: 2 } })).toThrow(
      expect.objectContaining({ code: 'LIMIT_EXCEEDED', issues: [expect.objectContaining({ code: 'too_many_rules', path: ['rules'] })] }),
    );
  });

  it('reported once when the list is also over limits.maxArrayLength', () => {
    const result = safeParsePolicy({ ...policy, rules: rules(12) }, { limits: { maxRules: 5, maxArrayLength: 10 } });
    expect(result.success ? [] : result.issues.map((i) => i.code)).toEqual(['too_many_rules']);
  });

  it('raising the limit admits more rules', () => {
    expect(safeParsePolicy({ ...policy, rules: rules(1_001) }, { limits: { maxRules: 2_000 } }).success).toBe(true);
  });
});
