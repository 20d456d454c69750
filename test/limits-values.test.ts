import { describe, expect, it } from 'vitest';
import { safeParseAccount, safeParsePolicy } from '../src/index';

/*
 * limits.maxNodes (default 1,000,000) → too_large, LIMIT_EXCEEDED. Each list and object is
 * bounded on its own; this bounds the whole input (wide and nested at once).
 */

const account = { id: 'A-1', currency: 'USD', amountDue: 100, dueDate: '2026-11-01', debtor: { timeZone: 'UTC' } };
const policy = { id: 'p', version: '1', jurisdiction: 'US', actions: { sms: { channel: 'sms' } } };

describe('more values than limits.maxNodes → too_large', () => {
  it('by default: 200 lists of 10,000 items each stay within every per-list limit', () => {
    const matrix = Array.from({ length: 200 }, () => Array<number>(10_000).fill(0));
    expect(safeParseAccount({ ...account, attributes: { matrix } })).toEqual({
      success: false,
      code: 'LIMIT_EXCEEDED',
      issues: [
        {
          code: 'too_large',
          // 9 values before the matrix (the account, 4 fields, debtor and its zone, attributes,
          // matrix), 10,001 per row: the 1,000,001st is item 9,891 of row 99.
          path: ['attributes', 'matrix', 99, 9_891],
          message: 'the input has more than 1000000 values (limits.maxNodes); split it or raise the limit',
        },
      ],
    });
  });

  it('with a configured limit, every value counts (the account itself, each key’s value)', () => {
    // The policy, its id, version and jurisdiction, actions, actions.sms and its channel: 7 values.
    expect(safeParsePolicy(policy, { limits: { maxNodes: 7 } }).success).toBe(true);
    expect(safeParsePolicy(policy, { limits: { maxNodes: 6 } })).toMatchObject({
      success: false,
      code: 'LIMIT_EXCEEDED',
      issues: [{ code: 'too_large', path: ['actions', 'sms', 'channel'] }],
    });
  });
});
