import { describe, expect, it } from 'vitest';
import { safeParseAccount, safeParsePolicy } from '../src/index';

/* limits.maxObjectKeys (default 10,000) → too_many_keys, LIMIT_EXCEEDED. */

const account = { id: 'A-1', currency: 'USD', amountDue: 100, dueDate: '2026-11-01', debtor: { timeZone: 'UTC' } };
const policy = { id: 'p', version: '1', jurisdiction: 'US', actions: { sms: { channel: 'sms' } } };

describe('objects with more than limits.maxObjectKeys keys → too_many_keys', () => {
  it('an attributes map', () => {
    const attributes = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`k${i}`, i]));
    expect(safeParseAccount({ ...account, attributes })).toEqual({
      success: false,
      code: 'LIMIT_EXCEEDED',
      issues: [
        {
          code: 'too_many_keys',
          path: ['attributes'],
          message: 'this object has more than 10000 keys (limits.maxObjectKeys); split the input or raise the limit',
        },
      ],
    });
  });

  it('a map of actions, with a configured limit', () => {
    // The policy itself has 4 keys: 3 actions fit a limit of 4, 5 do not.
    const actions = (n: number): unknown => Object.fromEntries(['sms', 'call', 'mail', 'email', 'visit'].slice(0, n).map((id) => [id, { channel: id === 'call' ? 'phone' : id === 'mail' ? 'letter' : id }]));
    expect(safeParsePolicy({ ...policy, actions: actions(3) }, { limits: { maxObjectKeys: 4 } }).success).toBe(true);
    expect(safeParsePolicy({ ...policy, actions: actions(5) }, { limits: { maxObjectKeys: 4 } })).toMatchObject({
      success: false,
      code: 'LIMIT_EXCEEDED',
      issues: [{ code: 'too_many_keys', path: ['actions'] }],
    });
  });
});
