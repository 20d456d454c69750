import { describe, expect, it } from 'vitest';
import { parseAccount, safeParseAccount } from '../src/index';

/*
 * Records that contradict themselves are refused, at the field to check, rather than decided on:
 * - a promise due before the day it was made (the engine counts payments from `madeAt` to the end
 *   of the due date, in the debtor's first zone: it could never be kept) — `due_before_made`;
 * - an instalment with more paid than its amount (a negative amount overdue) — `overpaid`;
 * - a contact id `__proto__`, `constructor` or `prototype`, reserved like every key and id
 *   (docs/errors.md, `forbidden_key`).
 */

const base = { id: 'A-1', currency: 'USD', amountDue: 500_00, dueDate: '2026-10-01', debtor: { timeZone: 'America/Chicago' } };
const issuesOf = (input: unknown) => {
  const r = safeParseAccount(input);
  return r.success ? [] : r.issues.map((i) => ({ code: i.code, path: i.path.join('.'), message: i.message }));
};

describe('a promise due before it was made', () => {
  it('is refused at its dueDate, naming the day it was made in the debtor’s zone', () => {
    expect(issuesOf({ ...base, promises: [{ madeAt: '2026-11-20T10:00:00Z', dueDate: '2026-11-01', amount: 100 }] })).toEqual([
      {
        code: 'due_before_made',
        path: 'promises.0.dueDate',
        message: "is before the promise was made (`madeAt` 2026-11-20T10:00:00Z is 2026-11-20 in America/Chicago, where the debtor's dates are read): a promise falls due on or after the day it is made; check both",
      },
    ]);
  });

  it('the day is the debtor’s: 2026-11-21T03:00Z is still 2026-11-20 in Chicago', () => {
    expect(issuesOf({ ...base, promises: [{ madeAt: '2026-11-21T03:00:00Z', dueDate: '2026-11-20', amount: 100 }] })).toEqual([]);
    expect(issuesOf({ ...base, promises: [{ madeAt: '2026-11-21T06:00:00Z', dueDate: '2026-11-20', amount: 100 }] }).map((i) => i.code)).toEqual(['due_before_made']);
  });

  it('with a Date for madeAt too; not when its status is given (it is then not read by its dates)', () => {
    const promise = { madeAt: new Date('2026-11-20T18:00:00Z'), dueDate: '2026-11-19', amount: 100 };
    expect(issuesOf({ ...base, promises: [promise] }).map((i) => [i.code, i.path])).toEqual([['due_before_made', 'promises.0.dueDate']]);
    for (const status of ['open', 'kept', 'broken', 'cancelled']) expect(issuesOf({ ...base, promises: [{ ...promise, status }] })).toEqual([]);
  });

  it('made late in the evening in one of the debtor\'s zones and due that day there is a promise', () => {
    const debtor = { timeZone: ['America/New_York', 'America/Los_Angeles'] };
    const promise = { madeAt: '2026-11-23T23:30:00-08:00', dueDate: '2026-11-23', amount: 100 };
    expect(issuesOf({ ...base, debtor: { ...base.debtor, ...debtor }, promises: [promise] })).toEqual([]);
  });

  it('made on its due date, or without madeAt, it is accepted', () => {
    expect(parseAccount({ ...base, promises: [{ madeAt: '2026-11-20T10:00:00Z', dueDate: '2026-11-20', amount: 100 }, { dueDate: '2020-01-01', amount: 1 }] }).promises).toHaveLength(2);
  });
});

describe('an instalment with more paid than its amount', () => {
  it('is refused at paid', () => {
    expect(issuesOf({ ...base, instalments: [{ dueDate: '2026-10-01', amount: 100, paid: 200 }] })).toEqual([
      {
        code: 'overpaid',
        path: 'instalments.0.paid',
        message: "200 is more than the instalment's `amount` (100): record at most the amount as paid here, and the rest as a payment (`payments`) or against the next instalment",
      },
    ]);
  });

  it('paid in full, or an invalid amount, gets no overpaid issue', () => {
    expect(issuesOf({ ...base, instalments: [{ dueDate: '2026-10-01', amount: 100, paid: 100 }] })).toEqual([]);
    expect(issuesOf({ ...base, instalments: [{ dueDate: '2026-10-01', amount: -1, paid: 200 }] }).map((i) => i.code)).toEqual(['too_small']);
  });
});

describe('reserved contact ids', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('%s is refused as forbidden_key (an attempt naming it adds no second issue)', (id) => {
    const account = { ...base, contacts: [{ id, relationship: 'self' }], history: [{ at: '2026-11-20T10:00:00Z', contactId: id, outcome: 'no_answer' }] };
    expect(issuesOf(JSON.parse(JSON.stringify(account)))).toEqual([
      { code: 'forbidden_key', path: 'contacts.0.id', message: `this id is reserved (it could reach Object.prototype); rename it, e.g. 'contact-${id}'` },
    ]);
  });

  it('other names of Object.prototype members are ordinary ids', () => {
    expect(parseAccount({ ...base, contacts: [{ id: 'toString', relationship: 'self' }] }).contacts[0]?.id).toBe('toString');
  });
});
