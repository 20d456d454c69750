import { describe, expect, it } from 'vitest';
import { safeParseAccount, safeParsePolicy } from '../src/index';

/* limits.maxArrayLength (default 10,000) → too_many_items, LIMIT_EXCEEDED. */

const account = { id: 'A-1', currency: 'USD', amountDue: 100, dueDate: '2026-11-01', debtor: { timeZone: 'UTC' } };
const policy = { id: 'p', version: '1', jurisdiction: 'US', actions: { sms: { channel: 'sms' } } };

describe('lists longer than limits.maxArrayLength → too_many_items', () => {
  it('in an account', () => {
    expect(safeParseAccount({ ...account, attributes: { list: Array.from({ length: 10_001 }, (_, i) => i) } })).toEqual({
      success: false,
      code: 'LIMIT_EXCEEDED',
      issues: [
        {
          code: 'too_many_items',
          path: ['attributes', 'list'],
          message: 'this list has 10001 items, over the limit of 10000 (limits.maxArrayLength); split the input or raise the limit',
        },
      ],
    });
  });

  it('a huge sparse list is refused without being walked', () => {
    const sparse: unknown[] = [];
    sparse.length = 2 ** 31;
    expect(safeParseAccount({ ...account, tags: sparse })).toMatchObject({ success: false, code: 'LIMIT_EXCEEDED', issues: [{ code: 'too_many_items', path: ['tags'] }] });
  });

  it('in a policy, with a configured limit', () => {
    const holidays = { bank: ['2026-01-01', '2026-05-01', '2026-12-25'] };
    expect(safeParsePolicy({ ...policy, holidays }, { limits: { maxArrayLength: 3 } }).success).toBe(true);
    expect(safeParsePolicy({ ...policy, holidays }, { limits: { maxArrayLength: 2 } })).toMatchObject({
      success: false,
      code: 'LIMIT_EXCEEDED',
      issues: [{ code: 'too_many_items', path: ['holidays', 'bank'] }],
    });
  });
});
