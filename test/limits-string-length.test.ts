import { describe, expect, it } from 'vitest';
import { parseAccount, safeParseAccount, safeParsePolicy } from '../src/index';

/* limits.maxStringLength (default 10,000) → string_too_long, LIMIT_EXCEEDED; keys count too. */

const account = { id: 'A-1', currency: 'USD', amountDue: 100, dueDate: '2026-11-01', debtor: { timeZone: 'UTC' } };
const policy = { id: 'p', version: '1', jurisdiction: 'US', actions: { sms: { channel: 'sms' } } };

describe('strings longer than limits.maxStringLength → string_too_long', () => {
  it('a value, at its path', () => {
    expect(safeParseAccount({ ...account, attributes: { note: 'x'.repeat(10_001) } })).toEqual({
      success: false,
      code: 'LIMIT_EXCEEDED',
      issues: [
        {
          code: 'string_too_long',
          path: ['attributes', 'note'],
          message: 'this string is 10001 characters long, over the limit of 10000 (limits.maxStringLength); shorten it',
        },
      ],
    });
    expect(safeParseAccount({ ...account, attributes: { note: 'x'.repeat(10_000) } }).success).toBe(true);
  });

  it('a key, at the object that holds it (the key itself would make a huge path)', () => {
    expect(safeParseAccount({ ...account, attributes: { ['k'.repeat(20_000)]: 1 } })).toMatchObject({
      success: false,
      code: 'LIMIT_EXCEEDED',
      issues: [{ code: 'string_too_long', path: ['attributes'], message: expect.stringContaining('a key of this object is 20000 characters long') }],
    });
  });

  it('every long string is reported, in a policy too', () => {
    const result = safeParsePolicy({ ...policy, description: 'd'.repeat(50_000), rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'equal', value: 'v'.repeat(10_001) }] }, then: ['sms'] }] });
    expect(result).toMatchObject({ success: false, code: 'LIMIT_EXCEEDED' });
    expect(result.success ? [] : result.issues.map((i) => i.path)).toEqual([['description'], ['rules', 0, 'when', 'all', 0, 'value']]);
  });

  it('the limit is configurable', () => {
    // The longest string of the account is its due date, 10 characters.
    expect(parseAccount({ ...account, attributes: { s: 'abcdefghij' } }, { limits: { maxStringLength: 10 } }).attributes).toEqual({ s: 'abcdefghij' });
    expect(() => parseAccount({ ...account, attributes: { s: 'abcdefghijk' } }, { limits: { maxStringLength: 10 } })).toThrow(
      expect.objectContaining({ code: 'LIMIT_EXCEEDED', issues: [expect.objectContaining({ code: 'string_too_long', path: ['attributes', 's'] })] }),
    );
  });
});
