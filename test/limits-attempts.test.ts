import { describe, expect, it } from 'vitest';
import { parseAccount, safeParseAccount } from '../src/index';

/* limits.maxAttempts (default 10,000) → too_many_attempts, LIMIT_EXCEEDED: every decision scans the history. */

const account = { id: 'A-1', currency: 'USD', amountDue: 100, dueDate: '2026-11-01', debtor: { timeZone: 'UTC' } };
const history = (n: number): unknown[] => Array.from({ length: n }, () => ({ at: '2026-11-02T10:00:00Z', channel: 'phone', outcome: 'no_answer' }));

describe('more attempts than limits.maxAttempts → too_many_attempts', () => {
  it('by default, reported once though the list is also over limits.maxArrayLength', () => {
    expect(safeParseAccount({ ...account, history: history(10_001) })).toEqual({
      success: false,
      code: 'LIMIT_EXCEEDED',
      issues: [
        {
          code: 'too_many_attempts',
          path: ['history'],
          message: 'the history has 10001 attempts, over the limit of 10000 (limits.maxAttempts); archive old attempts or raise the limit',
        },
      ],
    });
  });

  it('with a configured limit', () => {
    expect(parseAccount({ ...account, history: history(40) }, { limits: { maxAttempts: 40 } }).history).toHaveLength(40);
    expect(safeParseAccount({ ...account, history: history(41) }, { limits: { maxAttempts: 40 } })).toMatchObject({
      success: false,
      code: 'LIMIT_EXCEEDED',
      issues: [{ code: 'too_many_attempts', path: ['history'] }],
    });
  });

  it('raising the limit admits a longer history', () => {
    expect(safeParseAccount({ ...account, history: history(10_001) }, { limits: { maxAttempts: 20_000, maxArrayLength: 20_000 } }).success).toBe(true);
  });
});
