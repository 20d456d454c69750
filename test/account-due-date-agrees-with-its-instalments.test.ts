import { describe, expect, it } from 'vitest';
import { deriveFacts, safeParseAccount } from '../src/index';

/*
 * model.md: `dueDate` is the oldest unpaid due date, derived from `instalments` when left out.
 * Given later than an unpaid instalment's, it would silently win (53 days past due instead of 83);
 * left out while something is due and every instalment is paid, nothing says since when it is due.
 */

const account = (fields: Record<string, unknown>) => ({
  id: 'A-1',
  currency: 'USD',
  debtor: { timeZone: 'America/New_York' },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }],
  ...fields,
});
const issuesOf = (input: unknown) => {
  const r = safeParseAccount(input);
  return r.success ? [] : r.issues.map((i) => ({ code: i.code, path: i.path }));
};

describe('an account whose dueDate contradicts its instalments is refused', () => {
  it('dueDate later than an unpaid instalment: due_date_mismatch, naming the instalment and its date', () => {
    const input = account({
      amountDue: 8000,
      dueDate: '2026-10-01',
      instalments: [
        { dueDate: '2026-08-01', amount: 3000, paid: 3000 },
        { dueDate: '2026-09-01', amount: 5000, paid: 2000 },
        { dueDate: '2026-10-01', amount: 5000 },
      ],
    });
    const r = safeParseAccount(input);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues).toEqual([
      {
        code: 'due_date_mismatch',
        path: ['dueDate'],
        message: '2026-10-01 is later than instalments[1], unpaid and due 2026-09-01: `dueDate` is the oldest unpaid due date; write 2026-09-01, or leave it out to derive it from the instalments',
      },
    ]);
  });

  it('something due, every instalment paid, no dueDate: missing_due_date', () => {
    expect(issuesOf(account({ amountDue: 5000, instalments: [{ dueDate: '2026-09-01', amount: 5000, paid: 5000 }] }))).toEqual([{ code: 'missing_due_date', path: ['dueDate'] }]);
  });

  it('agreeing or silent accounts are accepted, and read the same', () => {
    const instalments = [
      { dueDate: '2026-08-01', amount: 3000, paid: 3000 },
      { dueDate: '2026-09-01', amount: 5000 },
    ];
    const given = account({ amountDue: 5000, dueDate: '2026-09-01', instalments });
    const derived = account({ amountDue: 5000, instalments });
    expect(issuesOf(given)).toEqual([]);
    expect(issuesOf(derived)).toEqual([]);
    const policy = { id: 'p', version: '1', jurisdiction: 'US', actions: {}, rules: [], compliance: [] };
    const now = '2026-11-23T12:00:00-05:00';
    expect(deriveFacts(given, now, policy, { facts: 'all' })).toEqual(deriveFacts(derived, now, policy, { facts: 'all' }));
    expect(deriveFacts(given, now, policy, { facts: [{ fact: 'daysPastDue' }] })).toEqual({ daysPastDue: 83 });
    // An older dueDate (a fee due before the instalments), a settled account with paid instalments, a future instalment: all fine.
    expect(issuesOf(account({ amountDue: 7000, dueDate: '2026-07-15', instalments }))).toEqual([]);
    expect(issuesOf(account({ amountDue: 0, instalments: [{ dueDate: '2026-09-01', amount: 5000, paid: 5000 }] }))).toEqual([]);
    expect(issuesOf(account({ amountDue: 0, dueDate: '2026-09-01', instalments: [{ dueDate: '2027-01-01', amount: 5000 }] }))).toEqual([]);
  });
});
