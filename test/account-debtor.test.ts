import { describe, expect, it } from 'vitest';
import { FLAGS, parseAccount, safeParseAccount, type Issue } from '../src/index';

const base = { id: 'A-1', currency: 'USD', amountDue: 100_00, dueDate: '2026-11-01' };
const withDebtor = (debtor: unknown): unknown => ({ ...base, debtor });

function issuesOf(input: unknown): readonly Issue[] {
  const result = safeParseAccount(input);
  if (result.success) throw new Error('expected the account to be refused');
  return result.issues;
}

const ZONE_MESSAGE = "must be an IANA time zone name such as 'America/New_York' or 'Asia/Shanghai'";

describe('debtor.timeZone: one IANA zone, or every zone the debtor may be in', () => {
  it.each(['America/New_York', 'Asia/Shanghai', 'UTC', 'Asia/Kathmandu', 'America/Phoenix'])('accepts %s', (timeZone) => {
    expect(parseAccount(withDebtor({ timeZone })).debtor.timeZone).toBe(timeZone);
  });

  it('accepts a list of possible zones and keeps their order', () => {
    const timeZone = ['America/New_York', 'America/Chicago'];
    expect(parseAccount(withDebtor({ timeZone })).debtor.timeZone).toEqual(timeZone);
  });

  it.each(['Mars/Olympus', '+08:00', 'UTC+8', 'GMT+08:00', 'EST5EDT/Nowhere', ''])('refuses %j with invalid_time_zone', (timeZone) => {
    expect(issuesOf(withDebtor({ timeZone }))).toEqual([{ code: 'invalid_time_zone', path: ['debtor', 'timeZone'], message: ZONE_MESSAGE }]);
  });

  it('points at the bad zone inside a list', () => {
    expect(issuesOf(withDebtor({ timeZone: ['UTC', '+08:00', 'Mars/Olympus'] }))).toEqual([
      { code: 'invalid_time_zone', path: ['debtor', 'timeZone', 1], message: ZONE_MESSAGE },
      { code: 'invalid_time_zone', path: ['debtor', 'timeZone', 2], message: ZONE_MESSAGE },
    ]);
  });

  it('refuses an empty list and a list of more than 8 zones', () => {
    expect(issuesOf(withDebtor({ timeZone: [] }))).toEqual([expect.objectContaining({ code: 'too_small', path: ['debtor', 'timeZone'] })]);
    expect(issuesOf(withDebtor({ timeZone: Array(9).fill('UTC') }))).toEqual([expect.objectContaining({ path: ['debtor', 'timeZone'] })]);
  });

  it('says a list of 9 zones is too long, and only that', () => {
    expect(issuesOf(withDebtor({ timeZone: Array(9).fill('UTC') }))).toEqual([
      { code: 'too_big', path: ['debtor', 'timeZone'], message: 'must list at most 8 items' },
    ]);
  });

  it('refuses a debtor without a zone', () => {
    expect(issuesOf(withDebtor({}))).toEqual([expect.objectContaining({ path: ['debtor', 'timeZone'] })]);
  });

  it('says a missing zone is required', () => {
    expect(issuesOf(withDebtor({}))).toEqual([{ code: 'invalid_type', path: ['debtor', 'timeZone'], message: 'is required (a string or an array)' }]);
  });
});

describe('debtor.jurisdiction', () => {
  it.each(['US', 'US-MA', 'CN', 'GB', 'CN-31'])('accepts %s', (jurisdiction) => {
    expect(parseAccount(withDebtor({ timeZone: 'UTC', jurisdiction })).debtor.jurisdiction).toBe(jurisdiction);
  });

  it.each(['usa', 'us-ma', 'US_MA', 'USA', 'US-MASS', 'U'])('refuses %j', (jurisdiction) => {
    expect(issuesOf(withDebtor({ timeZone: 'UTC', jurisdiction }))).toEqual([
      { code: 'invalid_format', path: ['debtor', 'jurisdiction'], message: "must be an ISO 3166 code such as 'US', 'US-MA', 'CN' or 'GB'" },
    ]);
  });
});

describe('debtor.flags: each with since (a date or an instant) and an optional until', () => {
  it.each(FLAGS)('accepts the %s flag', (flag) => {
    const flags = { [flag]: { since: '2026-10-01' } };
    expect(parseAccount(withDebtor({ timeZone: 'UTC', flags })).debtor.flags).toEqual(flags);
  });

  it('accepts since/until as dates, as instants with an offset, and as Dates (kept as ISO strings)', () => {
    const flags = {
      disputed: { since: '2026-10-01', until: '2026-10-20' },
      hardship: { since: '2026-10-01T09:30:00+08:00', until: '2026-12-01T00:00:00Z', note: 'lost job' },
      bankrupt: { since: new Date('2026-09-01T12:00:00Z') },
    };
    expect(parseAccount(withDebtor({ timeZone: 'UTC', flags })).debtor.flags).toEqual({
      disputed: { since: '2026-10-01', until: '2026-10-20' },
      hardship: { since: '2026-10-01T09:30:00+08:00', until: '2026-12-01T00:00:00Z', note: 'lost job' },
      bankrupt: { since: '2026-09-01T12:00:00Z' },
    });
  });

  it.each([
    ['an impossible date', { since: '2026-02-30' }, 'since'],
    ['words', { since: 'yesterday' }, 'since'],
    ['an impossible until', { since: '2026-01-01', until: '2026-13-01' }, 'until'],
  ])('refuses %s at its path', (_, flag, field) => {
    expect(issuesOf(withDebtor({ timeZone: 'UTC', flags: { deceased: flag } }))).toEqual([expect.objectContaining({ path: ['debtor', 'flags', 'deceased', field] })]);
  });

  it('refuses a flag without since, and an unknown flag', () => {
    expect(issuesOf(withDebtor({ timeZone: 'UTC', flags: { deceased: {} } }))).toEqual([
      expect.objectContaining({ code: 'invalid_type', path: ['debtor', 'flags', 'deceased', 'since'], message: 'is required (a string)' }),
    ]);
    expect(issuesOf(withDebtor({ timeZone: 'UTC', flags: { zombie: { since: '2026-01-01' } } }))).toEqual([
      { code: 'unrecognized_keys', path: ['debtor', 'flags'], message: "unknown key 'zombie'; remove it or check the spelling" },
    ]);
  });

  it('says a flag date-time without offset is missing its offset', () => {
    expect(issuesOf(withDebtor({ timeZone: 'UTC', flags: { deceased: { since: '2026-10-01T09:30:00' } } }))).toEqual([
      {
        code: 'missing_offset',
        path: ['debtor', 'flags', 'deceased', 'since'],
        message: expect.stringContaining('"2026-10-01T09:30:00" has no UTC offset'),
      },
    ]);
  });

  it('says a flag date is neither a date nor an instant in one sentence', () => {
    expect(issuesOf(withDebtor({ timeZone: 'UTC', flags: { deceased: { since: 'yesterday' } } }))).toEqual([
      {
        code: 'invalid_date',
        path: ['debtor', 'flags', 'deceased', 'since'],
        message: 'must be a calendar date YYYY-MM-DD or an ISO 8601 instant with Z or an offset, like "2026-11-23" or "2026-11-23T21:05:00+08:00"',
      },
    ]);
  });

  it('refuses an invalid Date as a flag date with invalid_instant', () => {
    expect(issuesOf(withDebtor({ timeZone: 'UTC', flags: { deceased: { since: new Date(Number.NaN) } } }))).toEqual([
      { code: 'invalid_instant', path: ['debtor', 'flags', 'deceased', 'since'], message: 'the Date is invalid (its time value is NaN)' },
    ]);
  });
});

describe('debtor.contactPreferences', () => {
  const window = { days: ['mon', 'wed'], from: '18:00', to: '20:30', channels: ['phone'] };

  it('accepts windows in the debtor zone, 24:00 as an end', () => {
    const contactPreferences = { windows: [window, { from: '09:00', to: '24:00' }] };
    expect(parseAccount(withDebtor({ timeZone: 'UTC', contactPreferences })).debtor.contactPreferences).toEqual(contactPreferences);
  });

  it.each([
    ['from 25:00', { ...window, from: '25:00' }, ['windows', 0, 'from'], 'invalid_format'],
    ['from 24:00', { ...window, from: '24:00' }, ['windows', 0, 'from'], 'invalid_format'],
    ['to 8:00', { ...window, to: '8:00' }, ['windows', 0, 'to'], 'invalid_format'],
    ['no days', { ...window, days: [] }, ['windows', 0, 'days'], 'too_small'],
    ['a misspelt day', { ...window, days: ['monday'] }, ['windows', 0, 'days', 0], 'invalid_value'],
    ['an unknown channel', { ...window, channels: ['fax'] }, ['windows', 0, 'channels', 0], 'invalid_value'],
  ])('refuses a window with %s', (_, bad, path, code) => {
    expect(issuesOf(withDebtor({ timeZone: 'UTC', contactPreferences: { windows: [bad] } }))).toEqual([
      expect.objectContaining({ code, path: ['debtor', 'contactPreferences', ...path] }),
    ]);
  });

  it('refuses an empty list of windows', () => {
    expect(issuesOf(withDebtor({ timeZone: 'UTC', contactPreferences: { windows: [] } }))).toEqual([
      expect.objectContaining({ code: 'too_small', path: ['debtor', 'contactPreferences', 'windows'] }),
    ]);
  });
});

describe('debtor: other fields', () => {
  it('accepts a name and refuses unknown keys', () => {
    expect(parseAccount(withDebtor({ timeZone: 'UTC', name: 'Li Wei' })).debtor.name).toBe('Li Wei');
    expect(issuesOf(withDebtor({ timeZone: 'UTC', zone: 'UTC' }))).toEqual([expect.objectContaining({ code: 'unrecognized_keys', path: ['debtor'] })]);
  });
});
