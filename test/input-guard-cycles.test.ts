import { describe, expect, it } from 'vitest';
import { ArrearsError, parseAccount, safeParseAccount, safeParsePolicy } from '../src/index';

/*
 * A cycle cannot come from JSON, only from code. It is refused as invalid (not a limit: no limit
 * would make it valid), at the key that closes it. Shared references are not cycles.
 */

const account = { id: 'A-1', currency: 'USD', amountDue: 100, dueDate: '2026-11-01', debtor: { timeZone: 'UTC' } };
const policy = { id: 'p', version: '1', jurisdiction: 'US', actions: { sms: { channel: 'sms' } } };

describe('cyclic inputs → cyclic, ACCOUNT_INVALID / POLICY_INVALID', () => {
  it('an account that contains itself', () => {
    const cyclic: Record<string, unknown> = { ...account };
    cyclic.attributes = { self: cyclic };
    expect(() => parseAccount(cyclic)).toThrow(ArrearsError);
    expect(safeParseAccount(cyclic)).toEqual({
      success: false,
      code: 'ACCOUNT_INVALID',
      issues: [
        {
          code: 'cyclic',
          path: ['attributes', 'self'],
          message: 'refers back to (root), which contains it: a cycle, which JSON cannot express; pass a copy without the back-reference',
        },
      ],
    });
  });

  it('a cycle deeper inside, in a list', () => {
    const list: unknown[] = [1];
    list.push({ back: list });
    expect(safeParseAccount({ ...account, attributes: { list } })).toMatchObject({
      success: false,
      code: 'ACCOUNT_INVALID',
      issues: [{ code: 'cyclic', path: ['attributes', 'list', 1, 'back'], message: expect.stringContaining('refers back to attributes.list,') }],
    });
  });

  it('a condition that contains itself', () => {
    const when: Record<string, unknown[]> = { all: [] };
    when.all?.push(when);
    expect(safeParsePolicy({ ...policy, rules: [{ id: 'r', when, then: ['sms'] }] })).toMatchObject({
      success: false,
      code: 'POLICY_INVALID',
      issues: [{ code: 'cyclic', path: ['rules', 0, 'when', 'all', 0] }],
    });
  });
});

describe('shared references are not cycles', () => {
  it('the same object in two places parses', () => {
    const phone = { channel: 'phone', address: '+15550001' };
    const result = safeParseAccount({
      ...account,
      contacts: [
        { id: 'a', relationship: 'self', channels: [phone] },
        { id: 'b', relationship: 'spouse', channels: [phone] },
      ],
    });
    expect(result.success).toBe(true);
  });

  it('but a value that multiplies through shared references counts every copy (limits.maxNodes)', () => {
    // 2^40 values to walk if nothing stopped it; zod would walk them all.
    let value: unknown = 'x';
    for (let i = 0; i < 40; i++) value = [value, value];
    expect(safeParseAccount({ ...account, attributes: { value } })).toMatchObject({ success: false, code: 'LIMIT_EXCEEDED', issues: [{ code: 'too_large' }] });
  });
});
