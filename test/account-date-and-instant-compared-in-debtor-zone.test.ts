import { describe, expect, it } from 'vitest';
import { createEngine, safeParseAccount } from '../src/index';

/*
 * A flag's `since` and `until` may be a date (the start of that day, debtor-local) or an instant.
 * When one is a date and the other an instant, the date is compared with the instant's local date
 * in each of the debtor's zones: a date before it, in every zone, is refused (`ends_before_start`)
 * — such a flag could never hold, so one of the two is a typo. The same day is accepted: a flag
 * opened at 15:00 and lifted "on" that date is a record some systems keep (it never holds).
 */

const account = (timeZone: string | string[], flag: Record<string, unknown>) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 100,
  dueDate: '2026-04-01',
  debtor: { timeZone, flags: { disputed: flag } },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }],
});
const issuesOf = (input: unknown) => {
  const r = safeParseAccount(input);
  return r.success ? [] : r.issues.map((i) => ({ code: i.code, path: i.path.join('.'), message: i.message }));
};

describe('a flag with a date at one end and an instant at the other', () => {
  it('until (a date) before the day since (an instant) falls on is refused, saying that day', () => {
    // 2026-05-02T12:00Z is 2026-05-02 in Chicago.
    expect(issuesOf(account('America/Chicago', { since: '2026-05-02T12:00:00Z', until: '2026-05-01' }))).toEqual([
      {
        code: 'ends_before_start',
        path: 'debtor.flags.disputed.until',
        message: "ends before it starts: `until` 2026-05-01 is before the day `since` 2026-05-02T12:00:00Z falls on (2026-05-02 in America/Chicago, where the debtor's dates are read); check both",
      },
    ]);
  });

  it('until (an instant) on a day before since (a date) is refused', () => {
    // 2026-10-05T02:00Z is still 2026-10-04 in New York (EDT).
    expect(issuesOf(account('America/New_York', { since: '2026-10-05', until: '2026-10-05T02:00:00Z' }))).toEqual([
      { code: 'ends_before_start', path: 'debtor.flags.disputed.until', message: expect.stringContaining('falls on 2026-10-04 in America/New_York') },
    ]);
    expect(issuesOf(account('America/New_York', { since: '2026-10-05', until: '2026-10-05T04:00:00Z' }))).toEqual([]);
  });

  it('opened and lifted the same local day, in either form, is accepted (it never holds)', () => {
    expect(issuesOf(account('America/Chicago', { since: '2026-05-01T12:00:00Z', until: '2026-05-01' }))).toEqual([]);
    expect(issuesOf(account('America/New_York', { since: '2026-11-01T15:00:00-05:00', until: '2026-11-01' }))).toEqual([]);
  });

  it.each([
    ['ending as the date begins', { since: '2026-05-01', until: '2026-05-01T05:00:00Z' }],
    ['ending after the date begins', { since: '2026-05-01', until: '2026-05-01T05:00:01Z' }],
    ['starting as the date begins', { since: '2026-05-01T05:00:00Z', until: '2026-05-01' }],
    ['starting before the date begins', { since: '2026-05-01T04:59:59Z', until: '2026-05-01' }],
    ['an instant with an offset, the same instant as the date', { since: '2026-05-01T00:00:00-05:00', until: '2026-05-01' }],
  ])('a flag %s is accepted', (_, flag) => {
    expect(issuesOf(account('America/Chicago', flag))).toEqual([]);
  });

  it('with several zones, refused only when the date is before the day of the instant in every one', () => {
    // 2026-05-01T20:00Z is 2026-05-02 in Shanghai, still 2026-05-01 in Los Angeles.
    const flag = { since: '2026-05-01T20:00:00Z', until: '2026-05-01' };
    expect(issuesOf(account(['Asia/Shanghai', 'America/Los_Angeles'], flag))).toEqual([]);
    expect(issuesOf(account(['Asia/Shanghai', 'Asia/Tokyo'], flag))).toEqual([
      { code: 'ends_before_start', path: 'debtor.flags.disputed.until', message: expect.stringContaining('2026-05-02 in Asia/Shanghai') },
    ]);
  });

  it('an accepted flag holds between its ends as decide reads them', () => {
    const policy = {
      id: 'p',
      version: '1',
      jurisdiction: 'US',
      actions: { call: { channel: 'phone' } },
      rules: [{ id: 'r', when: { all: [{ fact: 'disputed', operator: 'equal', value: true }] }, then: ['call'] }],
    };
    const engine = createEngine(policy);
    const flagged = account('America/Chicago', { since: '2026-05-01T04:00:00Z', until: '2026-05-01' });
    expect(engine.decide(flagged, { now: '2026-05-01T04:30:00Z' }).facts.disputed).toBe(true);
    expect(engine.decide(flagged, { now: '2026-05-01T05:00:00Z' }).facts.disputed).toBe(false);
  });

  it('an invalid zone is reported once, and the flag is not compared', () => {
    expect(issuesOf(account('Mars/Olympus', { since: '2026-05-01T12:00:00Z', until: '2026-05-01' })).map((i) => i.code)).toEqual(['invalid_time_zone']);
  });
});
