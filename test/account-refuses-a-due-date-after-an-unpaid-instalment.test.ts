import { describe, expect, it } from 'vitest';
import { deriveFacts, safeParseAccount } from '../src/index';

/* `dueDate` is the oldest unpaid due date, and read before the instalments: an instalment left
   unpaid from an earlier date contradicts it (daysPastDue would silently count from the later
   one), so the account is refused, at `dueDate`. */

const account = (dueDate: string | undefined, instalments: object[]) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 1500,
  ...(dueDate === undefined ? {} : { dueDate }),
  instalments,
  debtor: { timeZone: 'UTC' },
  contacts: [],
});
const october = { dueDate: '2026-10-01', amount: 500 };
const november = { dueDate: '2026-11-01', amount: 500 };

describe('a due date after an unpaid instalment', () => {
  it('is refused at dueDate, naming the oldest unpaid instalment', () => {
    const r = safeParseAccount(account('2026-11-20', [november, october]));
    expect(r.success ? [] : r.issues).toEqual([
      {
        code: 'due_date_after_unpaid_instalment',
        path: ['dueDate'],
        message:
          'the instalment due 2026-10-01 (instalments[1]) is unpaid, so the oldest unpaid due date is not 2026-11-20: give that date, record the instalment as paid, or leave `dueDate` out to derive it from the instalments',
      },
    ]);
  });

  it.each([
    ['the same date', '2026-10-01', [october, november]],
    ['an earlier date', '2026-09-15', [october]],
    ['an earlier instalment fully paid', '2026-11-01', [{ ...october, paid: 500 }, november]],
    ['no dueDate: derived from the instalments', undefined, [november, october]],
  ])('is accepted with %s', (_, dueDate, instalments) => {
    expect(safeParseAccount(account(dueDate, instalments))).toMatchObject({ success: true });
  });

  it('without dueDate, daysPastDue counts from the oldest unpaid instalment', () => {
    expect(deriveFacts(account(undefined, [november, october]), '2026-11-20T12:00:00Z', { id: 'p', version: '1', jurisdiction: 'US' }, { facts: [{ fact: 'daysPastDue' }] })).toEqual({ daysPastDue: 50 });
  });
});
