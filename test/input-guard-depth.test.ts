import { describe, expect, it } from 'vitest';
import { ArrearsError, parseAccount, parsePolicy, safeParseAccount, safeParsePolicy } from '../src/index';
import { DEFAULT_LIMITS } from '../src/limits';

/*
 * Nesting is bounded before zod walks an input: zod validates recursively, and a value nested a
 * few thousand levels deep would overflow the stack (a RangeError) instead of being refused.
 */

const account = { id: 'A-1', currency: 'USD', amountDue: 100, dueDate: '2026-11-01', debtor: { timeZone: 'UTC' } };
const policy = { id: 'p', version: '1', jurisdiction: 'US', actions: { sms: { channel: 'sms' } } };

function nest(levels: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

describe('nesting deeper than limits.maxDepth (default 128) → LIMIT_EXCEEDED too_deep', () => {
  it('in an account: the issue points at the first value past the limit', () => {
    // The account is level 1, attributes 2, attributes.x 3: x's value holds levels 3 to 202.
    const result = safeParseAccount({ ...account, attributes: { x: nest(200) } });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.code).toBe('LIMIT_EXCEEDED');
    expect(result.issues).toEqual([
      {
        code: 'too_deep',
        path: ['attributes', 'x', ...Array<string>(DEFAULT_LIMITS.maxDepth - 2).fill('a')],
        message: 'nested deeper than 128 levels (limits.maxDepth); flatten the data or raise the limit',
      },
    ]);
  });

  it('exactly at the limit is accepted', () => {
    expect(safeParseAccount({ ...account, attributes: { x: nest(DEFAULT_LIMITS.maxDepth - 2) } }).success).toBe(true);
    expect(safeParseAccount({ ...account, attributes: { x: nest(DEFAULT_LIMITS.maxDepth - 1) } }).success).toBe(false);
  });

  it('100,000 levels: refused as fast, never a RangeError', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => parseAccount({ ...account, attributes: { x: deep } })).toThrow(ArrearsError);
    expect(() => parsePolicy({ ...policy, rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'equal', value: deep }] }, then: ['sms'] }] })).toThrow(
      expect.objectContaining({ code: 'LIMIT_EXCEEDED', issues: [expect.objectContaining({ code: 'too_deep' })] }),
    );
  });

  it('in a policy: a deep comparison value', () => {
    const result = safeParsePolicy({ ...policy, rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'equal', value: nest(300) }] }, then: ['sms'] }] });
    expect(result).toMatchObject({ success: false, code: 'LIMIT_EXCEEDED', issues: [{ code: 'too_deep' }] });
    // The policy is level 1, so the value (level 7) holds levels 7 to 128 within the limit.
    expect(result.success ? [] : result.issues[0]?.path).toEqual(['rules', 0, 'when', 'all', 0, 'value', ...Array<string>(DEFAULT_LIMITS.maxDepth - 6).fill('a')]);
  });

  it('the limit can be lowered and raised', () => {
    const input = { ...account, attributes: { x: nest(10) } };
    expect(safeParseAccount(input, { limits: { maxDepth: 8 } })).toMatchObject({ success: false, code: 'LIMIT_EXCEEDED', issues: [{ code: 'too_deep' }] });
    const deeper = { ...account, attributes: { x: nest(300) } };
    expect(safeParseAccount(deeper, { limits: { maxDepth: 400 } }).success).toBe(true);
    expect(safeParsePolicy(policy, { limits: { maxDepth: 3 } }).success).toBe(true);
    expect(safeParsePolicy(policy, { limits: { maxDepth: 2 } })).toMatchObject({ success: false, code: 'LIMIT_EXCEEDED' });
  });
});
