import { describe, expect, it } from 'vitest';
import { safeParsePolicy } from '../src/index';

/*
 * limits.maxConditionDepth (default 32) → condition_too_deep, LIMIT_EXCEEDED. Counted within one
 * tree, the root being level 1, in rules' `when`, named conditions and blocks' `when`.
 */

const policy = { id: 'p', version: '1', jurisdiction: 'US', actions: { sms: { channel: 'sms' } } };
const leaf = { fact: 'daysPastDue', operator: 'greaterThan', value: 30 };

/** A tree of `levels` levels: `levels - 1` nested `all`s, then the comparison. */
function tree(levels: number, kind: 'all' | 'any' | 'not' = 'all'): unknown {
  let node: unknown = leaf;
  for (let i = 1; i < levels; i++) node = kind === 'not' ? { not: node } : { [kind]: [node] };
  return node;
}

describe('conditions nested deeper than limits.maxConditionDepth → condition_too_deep', () => {
  it('in a rule: reported at the first node past the limit', () => {
    expect(safeParsePolicy({ ...policy, rules: [{ id: 'r', when: tree(32), then: ['sms'] }] }).success).toBe(true);
    const result = safeParsePolicy({ ...policy, rules: [{ id: 'r', when: tree(33), then: ['sms'] }] });
    expect(result).toEqual({
      success: false,
      code: 'LIMIT_EXCEEDED',
      issues: [
        {
          code: 'condition_too_deep',
          path: ['rules', 0, 'when', ...Array.from({ length: 32 }, () => ['all', 0]).flat()],
          message: 'conditions nest deeper than 32 levels (limits.maxConditionDepth); flatten them, move branches into named conditions, or raise the limit',
        },
      ],
    });
  });

  it('in a named condition and in a block, with `not` and `any` levels', () => {
    const result = safeParsePolicy({
      ...policy,
      conditions: { deep: tree(6, 'any') },
      compliance: [{ id: 'L', constraints: [{ kind: 'block', id: 'b', when: { not: tree(5, 'not') }, message: 'no' }] }],
    }, { limits: { maxConditionDepth: 5 } });
    expect(result).toMatchObject({ success: false, code: 'LIMIT_EXCEEDED' });
    expect(result.success ? [] : result.issues.map((i) => [i.code, i.path.slice(0, 5).join('.')])).toEqual([
      ['condition_too_deep', 'compliance.0.constraints.0.when'],
      ['condition_too_deep', 'conditions.deep.any.0.any'],
    ]);
  });

  it('the default refuses a tree of 40 levels', () => {
    const input = { ...policy, rules: [{ id: 'r', when: tree(40), then: ['sms'] }] };
    expect(safeParsePolicy(input)).toMatchObject({ success: false, code: 'LIMIT_EXCEEDED', issues: [{ code: 'condition_too_deep' }] });
  });

  it('raising the limit admits deeper trees', () => {
    const input = { ...policy, rules: [{ id: 'r', when: tree(40), then: ['sms'] }] };
    expect(safeParsePolicy(input, { limits: { maxConditionDepth: 40 } }).success).toBe(true);
  });
});
