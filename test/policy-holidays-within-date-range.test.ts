import { describe, expect, it } from 'vitest';
import { safeParsePolicy } from '../src/index';

/*
 * Every date the library reads keeps to 1900-01-01 … 2200-12-31, the range of the instants
 * decisions are made at: a due date in year 0 or 9999 is refused, and so is a holiday, alone or at
 * either end of a range. Such a holiday would never close a window; it is a typo.
 */

const policy = (entries: readonly string[]) => ({ id: 'p', version: '1', jurisdiction: 'US', holidays: { us: entries } });
const issuesOf = (entries: readonly string[]) => {
  const r = safeParsePolicy(policy(entries));
  return r.success ? [] : r.issues.map((i) => ({ code: i.code, path: i.path.join('.'), message: i.message }));
};

describe('holiday dates', () => {
  it.each(['0000-01-01', '1899-12-31', '2201-01-01', '9999-12-31', '1899-12-31/1900-01-02', '2200-12-30/2201-01-01'])('%s is refused as out of range', (entry) => {
    const outside = entry.split('/').find((d) => d < '1900-01-01' || d > '2200-12-31');
    expect(issuesOf(['2026-01-01', entry])).toEqual([{ code: 'invalid_date', path: 'holidays.us.1', message: `${outside} is outside the supported range 1900-01-01 … 2200-12-31` }]);
  });

  it.each(['1900-01-01', '2200-12-31', '2026-10-01/2026-10-07'])('%s is accepted', (entry) => {
    expect(issuesOf([entry])).toEqual([]);
  });

  it('an entry that is not a date gets one issue, saying the forms', () => {
    expect(issuesOf(['26-02-03'])).toEqual([{ code: 'invalid_date', path: 'holidays.us.0', message: "must be a date YYYY-MM-DD or a range 'YYYY-MM-DD/YYYY-MM-DD' of at most a year" }]);
  });

  it('a day the calendar does not have is named, with why', () => {
    expect(issuesOf(['2026-02-30'])).toEqual([{ code: 'invalid_date', path: 'holidays.us.0', message: '2026-02-30 is not a calendar date: 2026-02 has 28 days, not 30' }]);
    expect(issuesOf(['2026-01-01/2027-02-29'])).toEqual([{ code: 'invalid_date', path: 'holidays.us.0', message: '2027-02-29 is not a calendar date: 2027-02 has 28 days, not 29' }]);
  });

  it('a range written backwards, or longer than a year, says so', () => {
    expect(issuesOf(['2026-12-26/2026-12-24'])).toEqual([
      { code: 'invalid_date', path: 'holidays.us.0', message: 'the range ends on 2026-12-24, before it starts on 2026-12-26; write the earlier date first' },
    ]);
    expect(issuesOf(['2028-01-01/2029-01-01'])).toEqual([
      { code: 'invalid_date', path: 'holidays.us.0', message: 'the range covers 367 days, more than a year (366); split it into ranges of at most a year' },
    ]);
    // A leap year's 366 days are one year.
    expect(issuesOf(['2028-01-01/2028-12-31'])).toEqual([]);
  });
});
