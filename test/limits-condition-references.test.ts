import { describe, expect, it } from 'vitest';
import { createEngine, safeParsePolicy } from '../src/index';

/*
 * limits.maxConditionReferences (default 16) → too_many_references, LIMIT_EXCEEDED. Evaluation
 * follows a reference into the condition it names, so a chain of references nests as deep as
 * all its trees: a chain of 3,000 overflowed the stack when the engine compiled the policy.
 */

const policy = { id: 'p', version: '1', jurisdiction: 'US', actions: { sms: { channel: 'sms' } } };

/** c0 → c1 → … → c(n-1), each `{ all: [ref] }`, the last a comparison; a rule refers to c0. */
function chain(n: number): unknown {
  const conditions: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    conditions[`c${i}`] = { all: [i === n - 1 ? { fact: 'daysPastDue', operator: 'greaterThan', value: 30 } : { condition: `c${i + 1}` }] };
  }
  return { ...policy, conditions, rules: [{ id: 'r', when: { all: [{ condition: 'c0' }] }, then: ['sms'] }] };
}

describe('chains of named-condition references longer than limits.maxConditionReferences → too_many_references', () => {
  it('reported once, where the chain starts (not at every link)', () => {
    expect(safeParsePolicy(chain(16)).success).toBe(true);
    expect(safeParsePolicy(chain(17))).toEqual({
      success: false,
      code: 'LIMIT_EXCEEDED',
      issues: [
        {
          code: 'too_many_references',
          path: ['rules', 0, 'when', 'all', 0, 'condition'],
          message:
            "this reference starts a chain of 17 named conditions ('c0' → 'c1' → 'c2' → … → 'c16'), over the limit of 16 (limits.maxConditionReferences); evaluation nests through every one: inline some or raise the limit",
        },
      ],
    });
  });

  it('a chain of 5,000 → an ArrearsError, not a RangeError', () => {
    expect(() => createEngine(chain(5_000))).toThrow(expect.objectContaining({ name: 'ArrearsError', code: 'LIMIT_EXCEEDED' }));
  });

  it('an unreferenced named condition that starts a long chain is reported at its own reference', () => {
    const input = chain(4) as { rules: unknown };
    const result = safeParsePolicy({ ...input, rules: [] }, { limits: { maxConditionReferences: 2 } });
    expect(result).toMatchObject({ success: false, code: 'LIMIT_EXCEEDED', issues: [{ code: 'too_many_references', path: ['conditions', 'c0', 'all', 0, 'condition'] }] });
  });

  it('a reference cycle is not counted as an endless chain: circular_condition reports it', () => {
    const result = safeParsePolicy({ ...policy, conditions: { a: { all: [{ condition: 'b' }] }, b: { all: [{ condition: 'a' }] } } });
    expect(result).toMatchObject({ success: false, code: 'POLICY_INVALID' });
    expect(result.success ? [] : [...new Set(result.issues.map((i) => i.code))]).toEqual(['circular_condition']);
  });
});
