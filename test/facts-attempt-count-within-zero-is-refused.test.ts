import { describe, expect, it } from 'vitest';
import { safeParsePolicy } from '../src/index';

/*
 * `attemptCount` with `within: 'P0D'` counts attempts within no time: always 0, so a condition on
 * it is constant — a typo for 'P1D' or `{ calendarDays: 1 }`. Refused like a zero cap period.
 */

const policyCounting = (within: unknown) => ({
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'attemptCount', params: { within }, operator: 'lessThan', value: 1 }] }, then: ['call'] }],
});

describe('attemptCount within a zero duration', () => {
  it.each(['P0D', 'PT0S', 'P0Y0M0DT0H0M0S'])('refuses %s at params.within, saying why', (within) => {
    const r = safeParsePolicy(policyCounting(within));
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues).toEqual([
      {
        code: 'invalid_params',
        path: ['rules', 0, 'when', 'all', 0, 'params', 'within'],
        message: expect.stringMatching(/params\.within: must be longer than zero .*always 0/),
      },
    ]);
  });

  it.each(['PT1S', 'P1D', 'P7D', { calendarDays: 1 }])('accepts %j', (within) => {
    expect(safeParsePolicy(policyCounting(within)).success).toBe(true);
  });
});
