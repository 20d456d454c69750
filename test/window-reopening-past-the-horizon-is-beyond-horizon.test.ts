import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/index';
import { callPolicy, debtor, window } from './support/policies';

/*
 * A window that opens again only after the search horizon is not a window that never opens: the
 * proposal is blocked with BEYOND_HORIZON (as a cool-down ending past the horizon is), and the
 * window's own reason says when it opens. OUTSIDE_CONTACT_WINDOW with `until: null` is kept for
 * a window that never opens for this person.
 */

const weekdays = callPolicy([window('weekdays', '09:00', '18:00', { days: ['mon', 'tue', 'wed', 'thu', 'fri'] })]);
const reasons = (policy: unknown, account: unknown, now: string, horizonDays?: number) => {
  const p = createEngine(policy, horizonDays === undefined ? {} : { horizonDays }).decide(account, { now }).proposals[0];
  return { status: p?.status, reasons: p?.reasons.map((r) => [r.code, r.until]) };
};

describe('a window reopening past the horizon', () => {
  it('Friday evening with a one-day horizon: BEYOND_HORIZON, the window opening on Monday', () => {
    expect(reasons(weekdays, debtor('America/Chicago'), '2026-11-20T20:00:00-06:00', 1)).toEqual({
      status: 'blocked',
      reasons: [
        ['OUTSIDE_CONTACT_WINDOW', '2026-11-23T15:00:00Z'],
        ['BEYOND_HORIZON', null],
      ],
    });
    // With a longer horizon, an ordinary deferral.
    expect(reasons(weekdays, debtor('America/Chicago'), '2026-11-20T20:00:00-06:00', 3)).toEqual({ status: 'deferred', reasons: [['OUTSIDE_CONTACT_WINDOW', '2026-11-23T15:00:00Z']] });
    // A window that never opens for this person (09:00–10:00 in New York and in Shanghai at once)
    // is still OUTSIDE_CONTACT_WINDOW with until null, whatever the horizon.
    const hour = callPolicy([window('an-hour', '09:00', '10:00')]);
    for (const horizonDays of [1, 366]) {
      expect(reasons(hour, debtor(['America/New_York', 'Asia/Shanghai']), '2026-11-20T20:00:00-06:00', horizonDays)).toEqual({ status: 'blocked', reasons: [['OUTSIDE_CONTACT_WINDOW', null]] });
    }
  });

  it('explain says nothing is allowed within the horizon, not that the window never opens', () => {
    const engine = createEngine(weekdays, { horizonDays: 1 });
    expect(engine.explain(engine.decide(debtor('America/Chicago'), { now: '2026-11-20T20:00:00-06:00' }))).toContain('Next: nothing is allowed within the horizon.');
  });
});
