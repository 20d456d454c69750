import { describe, expect, it } from 'vitest';
import { parseAccount, safeParseAccount, type Issue } from '../src/index';

const base = { id: 'A-1', currency: 'CNY', amountDue: 300_00, debtor: { timeZone: 'Asia/Shanghai' } };

function issuesOf(input: unknown): readonly Issue[] {
  const result = safeParseAccount(input);
  if (result.success) throw new Error('expected the account to be refused');
  return result.issues;
}

describe('account: dueDate', () => {
  it.each(['2026-11-01', '2026-02-28', '2028-02-29', '2000-02-29'])('accepts the calendar date %s', (dueDate) => {
    expect(parseAccount({ ...base, dueDate }).dueDate).toBe(dueDate);
  });

  it.each([
    ['2026-02-30', '2026-02 has 28 days, not 30'],
    ['2025-02-29', '2025-02 has 28 days, not 29'],
    ['2100-02-29', '2100-02 has 28 days, not 29'],
    ['2026-13-01', 'month 13 does not exist'],
    ['2026-00-10', 'month 00 does not exist'],
    ['2026-04-31', '2026-04 has 30 days, not 31'],
  ])('refuses %j, a date the calendar does not have, and says why', (dueDate, why) => {
    expect(issuesOf({ ...base, dueDate })).toEqual([{ code: 'invalid_date', path: ['dueDate'], message: `is not a calendar date: ${why}` }]);
  });

  it.each(['26-11-01', '2026-1-1', '2026-11-01T00:00:00Z', '01/11/2026', ''])('refuses %j, not written YYYY-MM-DD', (dueDate) => {
    expect(issuesOf({ ...base, dueDate })).toEqual([{ code: 'invalid_date', path: ['dueDate'], message: 'must be a calendar date written YYYY-MM-DD (e.g. 2026-11-23)' }]);
  });

  it('needs dueDate or instalments, and says so', () => {
    expect(issuesOf(base)).toEqual([
      { code: 'missing_due_date', path: ['dueDate'], message: 'an account needs `dueDate` (the oldest unpaid due date) or `instalments`' },
    ]);
  });
});

describe('account: instalments', () => {
  const instalment = { id: 'i-1', dueDate: '2026-10-15', amount: 100_00 };

  it('accepts instalments instead of dueDate, with paid defaulting to 0', () => {
    const account = parseAccount({ ...base, instalments: [instalment, { dueDate: '2026-11-15', amount: 200_00, paid: 50_00 }] });
    expect(account.dueDate).toBeUndefined();
    expect(account.instalments).toEqual([
      { ...instalment, paid: 0 },
      { dueDate: '2026-11-15', amount: 200_00, paid: 50_00 },
    ]);
  });

  it.each([
    ['an impossible due date', { ...instalment, dueDate: '2026-02-30' }, 'invalid_date', 'dueDate'],
    ['a fractional amount', { ...instalment, amount: 99.99 }, 'invalid_type', 'amount'],
    ['a negative paid amount', { ...instalment, paid: -1 }, 'too_small', 'paid'],
    ['no due date', { amount: 100 }, 'invalid_type', 'dueDate'],
    ['an id longer than 256', { ...instalment, id: 'i'.repeat(257) }, 'too_big', 'id'],
    ['an unknown key', { ...instalment, due: '2026-10-15' }, 'unrecognized_keys', undefined],
  ])('refuses an instalment with %s, at its path', (_, bad, code, field) => {
    expect(issuesOf({ ...base, dueDate: '2026-10-15', instalments: [instalment, bad] })).toEqual([
      expect.objectContaining({ code, path: field === undefined ? ['instalments', 1] : ['instalments', 1, field] }),
    ]);
  });
});
