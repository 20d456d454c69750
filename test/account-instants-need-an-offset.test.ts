import { describe, expect, it } from 'vitest';
import { parseAccount, safeParseAccount, type Account } from '../src/index';

/**
 * Every instant of an account, wherever it is: with `Z` or an offset it is taken as written, a
 * `Date` becomes an ISO string, and a local date-time without offset is refused with
 * `missing_offset` at its own path (it would be a different instant in every zone).
 */
const base = {
  id: 'A-1',
  currency: 'USD',
  amountDue: 100_00,
  dueDate: '2026-11-01',
  debtor: { timeZone: 'America/New_York' },
  contacts: [{ id: 'self', relationship: 'self', channels: [{ channel: 'phone' }] }],
};

type Place = readonly [name: string, build: (instant: unknown) => unknown, path: readonly (string | number)[], read: (a: Account) => unknown];

const PLACES: readonly Place[] = [
  ['history[].at', (at) => ({ ...base, history: [{ at, outcome: 'no_answer' }] }), ['history', 0, 'at'], (a) => a.history[0]?.at],
  ['payments[].at', (at) => ({ ...base, payments: [{ at, amount: 100 }] }), ['payments', 0, 'at'], (a) => a.payments[0]?.at],
  ['promises[].madeAt', (madeAt) => ({ ...base, promises: [{ madeAt, dueDate: '2026-12-01', amount: 100 }] }), ['promises', 0, 'madeAt'], (a) => a.promises[0]?.madeAt],
  ['approvals[].at', (at) => ({ ...base, approvals: [{ action: 'litigation', at }] }), ['approvals', 0, 'at'], (a) => a.approvals[0]?.at],
  [
    'approvals[].expiresAt',
    (expiresAt) => ({ ...base, approvals: [{ action: 'litigation', at: '2026-11-01T00:00:00Z', expiresAt }] }),
    ['approvals', 0, 'expiresAt'],
    (a) => a.approvals[0]?.expiresAt,
  ],
  [
    'contacts[].channels[].consentUntil',
    (consentUntil) => ({ ...base, contacts: [{ id: 'self', relationship: 'self', channels: [{ channel: 'phone', consentUntil }] }] }),
    ['contacts', 0, 'channels', 0, 'consentUntil'],
    (a) => a.contacts[0]?.channels[0]?.consentUntil,
  ],
  // debtor.flags.*.since/until take a date or an instant: see account-debtor.test.ts.
];

describe.each(PLACES)('%s', (_, build, path, read) => {
  it.each(['2026-11-23T21:05:00+08:00', '2026-11-23T13:05:00Z', '2026-11-23T08:05:00-05:00'])('accepts %s as written', (instant) => {
    expect(read(parseAccount(build(instant)))).toBe(instant);
  });

  it('accepts a Date and returns an ISO string', () => {
    expect(read(parseAccount(build(new Date(Date.UTC(2026, 10, 23, 13, 5)))))).toBe('2026-11-23T13:05:00Z');
  });

  it('refuses a local date-time without offset, with missing_offset at its path', () => {
    const result = safeParseAccount(build('2026-11-23T21:05:00'));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toEqual([{ code: 'missing_offset', path, message: expect.stringContaining('has no UTC offset: a local date-time is ambiguous') }]);
  });
});

describe('the missing_offset message', () => {
  it('suggests the same date-time with an offset', () => {
    const result = safeParseAccount(PLACES[0]?.[1]('2026-11-23T21:05'));
    expect(result.success ? [] : result.issues.map((i) => i.message)).toEqual([expect.stringContaining('"2026-11-23T21:05+08:00"')]);
  });
});
