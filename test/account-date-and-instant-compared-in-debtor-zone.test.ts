import { describe, expect, it } from 'vitest';
import { createEngine, safeParseAccount } from '../src/index';

/*
 * A flag's `since` and `until` may be a date (the start of that day, debtor-local) or an instant.
 * When one is a date and the other an instant, they are compared where the engine reads the
 * debtor's dates — in the debtor's first zone — and an `until` before `since` there is refused
 * (`ends_before_start`): such a flag could never hold, so one of the two is a typo. Equal ends
 * are accepted, as for two dates or two instants.
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
  it('until (a date) before since (an instant) is refused, saying where the date begins', () => {
    // 2026-05-01 begins at 05:00Z in Chicago (CDT), before 12:00Z.
    expect(issuesOf(account('America/Chicago', { since: '2026-05-01T12:00:00Z', until: '2026-05-01' }))).toEqual([
      {
        code: 'ends_before_start',
        path: 'debtor.flags.disputed.until',
        message: "ends before it starts: `until` 2026-05-01 begins at 2026-05-01T05:00:00Z in America/Chicago (where the debtor's dates are read), and `since` is 2026-05-01T12:00:00Z; check both",
      },
    ]);
  });

  it('until (an instant) before since (a date) is refused', () => {
    // 2026-10-05 begins at 04:00Z in New York (EDT).
    expect(issuesOf(account('America/New_York', { since: '2026-10-05', until: '2026-10-05T02:00:00Z' }))).toEqual([
      { code: 'ends_before_start', path: 'debtor.flags.disputed.until', message: expect.stringContaining('`since` 2026-10-05 begins at 2026-10-05T04:00:00Z in America/New_York') },
    ]);
    expect(issuesOf(account('America/New_York', { since: '2026-10-05', until: '2026-10-05T03:59:59.999Z' }))).toHaveLength(1);
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

  it('with several zones, the first is the one dates are read in (as decide reads them)', () => {
    const flag = { since: '2026-05-01T12:00:00Z', until: '2026-05-01' };
    // In Shanghai 2026-05-01 begins at 2026-04-30T16:00Z: refused there, whatever the other zone.
    expect(issuesOf(account(['Asia/Shanghai', 'America/Los_Angeles'], flag))).toEqual([
      { code: 'ends_before_start', path: 'debtor.flags.disputed.until', message: expect.stringContaining('2026-04-30T16:00:00Z in Asia/Shanghai') },
    ]);
    // In Honolulu (UTC−10) 2026-05-02 begins at 2026-05-02T10:00Z, after since: accepted.
    expect(issuesOf(account(['Pacific/Honolulu', 'Asia/Shanghai'], { since: '2026-05-01T12:00:00Z', until: '2026-05-02' }))).toEqual([]);
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
