import { describe, expect, it } from 'vitest';
import { safeParseAccount } from '../src/index';
import { debtor } from './support/policies';

const issuesOf = (account: unknown) => {
  const r = safeParseAccount(account);
  return r.success ? [] : r.issues.map((i) => ({ code: i.code, path: i.path.join('.'), message: i.message }));
};
const withFlag = (flag: Record<string, unknown>) => debtor('America/New_York', { debtor: { timeZone: 'America/New_York', flags: { disputed: flag } } });
const withApproval = (approval: Record<string, unknown>) => debtor('UTC', { approvals: [{ action: 'sue', ...approval }] });

describe('dates that contradict each other are refused, at the later one', () => {
  it.each([
    ['dates', '2026-10-05', '2026-10-01'],
    ['instants', '2026-10-05T10:00:00Z', '2026-10-05T09:59:59Z'],
    ['instants in different offsets', '2026-10-05T10:00:00+02:00', '2026-10-05T02:59:00-05:00'],
  ])('a flag ending before it starts (%s)', (_, since, until) => {
    expect(issuesOf(withFlag({ since, until }))).toEqual([{ code: 'ends_before_start', path: 'debtor.flags.disputed.until', message: expect.stringContaining('ends before it starts') }]);
  });

  it.each([
    ['dates', '2026-10-01', '2026-10-02'],
    // Opened and lifted the same day: a record some systems keep; it never holds.
    ['the same date', '2026-10-05', '2026-10-05'],
    ['the same instant', '2026-10-05T10:00:00Z', '2026-10-05T10:00:00Z'],
    ['instants', '2026-10-05T10:00:00Z', '2026-10-05T10:00:01Z'],
    // A date and an instant are compared in the debtor's zone, where the date begins.
    ['a date and an instant', '2026-10-05', '2026-10-05T12:00:00Z'],
  ])('a flag ending after it starts (%s) is accepted', (_, since, until) => {
    expect(issuesOf(withFlag({ since, until }))).toEqual([]);
  });

  it('an approval expiring before it is given (one expiring as it is given never counts, and is accepted)', () => {
    expect(issuesOf(withApproval({ at: '2026-10-01T12:00:00Z', expiresAt: '2026-10-01T12:00:00Z' }))).toEqual([]);
    for (const expiresAt of ['2026-10-01T11:59:59Z', '2026-10-01T11:00:00Z']) {
      expect(issuesOf(withApproval({ at: '2026-10-01T12:00:00Z', expiresAt }))).toEqual([{ code: 'ends_before_start', path: 'approvals.0.expiresAt', message: expect.stringContaining('expires before it was given') }]);
    }
    expect(issuesOf(withApproval({ at: '2026-10-01T12:00:00Z', expiresAt: '2026-10-01T12:00:01Z' }))).toEqual([]);
  });
});

describe('dates share the range of instants, 1900–2200', () => {
  it.each(['0000-01-01', '1899-12-31', '2201-01-01', '9999-12-31'])('a due date of %s is refused', (dueDate) => {
    expect(issuesOf({ ...debtor('UTC'), dueDate })).toEqual([{ code: 'invalid_date', path: 'dueDate', message: 'is outside the supported range 1900-01-01 … 2200-12-31' }]);
  });

  it.each(['1900-01-01', '2200-12-31'])('a due date of %s is accepted', (dueDate) => {
    expect(issuesOf({ ...debtor('UTC'), dueDate })).toEqual([]);
  });

  it('a flag date out of range says so; an impossible date still says it is not a date', () => {
    expect(issuesOf(withFlag({ since: '0001-01-01' }))[0]?.message).toBe('is outside the supported range 1900-01-01 … 2200-12-31');
    expect(issuesOf(withFlag({ since: '2026-02-30' }))[0]?.message).toMatch(/calendar date/);
    expect(issuesOf({ ...debtor('UTC'), dueDate: '2026-02-30' })[0]?.message).toMatch(/calendar date/);
  });
});
