import { describe, expect, it } from 'vitest';
import { accountIssuesOf, policyIssuesOf } from './support/errors';

const DAYS = 'weekdays are mon, tue, wed, thu, fri, sat, sun';
const policyBase = { id: 'p', version: '1', jurisdiction: 'US', actions: { call_self: { channel: 'phone' } } };
const withConstraint = (constraint: unknown) => ({ ...policyBase, compliance: [{ id: 'L', constraints: [constraint] }] });
const accountWithDays = (days: unknown) => ({
  id: 'A-1',
  currency: 'USD',
  amountDue: 100_00,
  dueDate: '2026-11-01',
  debtor: { timeZone: 'UTC', contactPreferences: { windows: [{ days, from: '09:00', to: '17:00' }] } },
});

describe('another spelling of a weekday is refused with the spelling to write', () => {
  it.each([
    ['Monday', 'mon'],
    ['monday', 'mon'],
    ['Mon', 'mon'],
    ['MON', 'mon'],
    ['tues', 'tue'],
    ['thurs', 'thu'],
    ['Wednesday', 'wed'],
    ['sundays', 'sun'],
  ])("a window's days: '%s'", (given, meant) => {
    expect(policyIssuesOf(withConstraint({ kind: 'window', id: 'w', from: '08:00', to: '21:00', days: ['fri', given] }))).toEqual([
      { code: 'invalid_value', path: ['compliance', 0, 'constraints', 0, 'days', 1], message: `'${given}' is not a weekday; write '${meant}' (${DAYS})` },
    ]);
  });

  it("a cap's weekStartsOn", () => {
    expect(policyIssuesOf(withConstraint({ kind: 'cap', id: 'c', max: 1, period: { calendar: 'week', weekStartsOn: 'Sunday' } }))).toEqual([
      { code: 'invalid_value', path: ['compliance', 0, 'constraints', 0, 'period', 'weekStartsOn'], message: `'Sunday' is not a weekday; write 'sun' (${DAYS})` },
    ]);
  });

  it("the days of a debtor's preferred window", () => {
    expect(accountIssuesOf(accountWithDays(['Tuesday']))).toEqual([
      { code: 'invalid_value', path: ['debtor', 'contactPreferences', 'windows', 0, 'days', 0], message: `'Tuesday' is not a weekday; write 'tue' (${DAYS})` },
    ]);
  });

  it('a word that is no day lists the days', () => {
    expect(accountIssuesOf(accountWithDays(['weekday']))).toEqual([
      { code: 'invalid_value', path: ['debtor', 'contactPreferences', 'windows', 0, 'days', 0], message: "'weekday' is not a weekday; write one of mon, tue, wed, thu, fri, sat, sun" },
    ]);
  });
});
