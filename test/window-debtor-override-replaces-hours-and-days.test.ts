import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/index';
import { callPolicy, debtor, window } from './support/policies';

/*
 * `debtorMayOverride: true` makes a window the presumption the debtor's own stated times replace
 * (Reg F's "in the absence of knowledge of circumstances to the contrary"): the whole time of it,
 * hours and days. A stated time without `days` is every day, as the account documents. The
 * window's holidays (`closedOn`) still close it. A company that keeps its own days whatever the
 * debtor says puts them in a window without the override, in a layer of its own.
 */

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];
const company = window('weekday-hours', '09:00', '18:00', { days: weekdays, debtorMayOverride: true, closedOn: ['us'] });
const stating = (windows: readonly object[]) => debtor('America/Chicago', { debtor: { timeZone: 'America/Chicago', contactPreferences: { windows } } });
const evenings = stating([{ from: '19:00', to: '20:00' }]);
const next = (policy: unknown, account: unknown, now: string) => {
  const n = createEngine(policy).decide(account, { now }).next;
  return [n?.status, n?.allowedFrom, n?.allowedUntil];
};

describe('stated times replace an overridable window: hours and days', () => {
  const policy = { ...callPolicy([company]), holidays: { us: ['2026-11-29'] } };

  it('evenings without days are every evening, Sunday too', () => {
    expect(next(policy, evenings, '2026-11-22T19:30:00-06:00')).toEqual(['allowed', '2026-11-23T01:30:00Z', '2026-11-23T02:00:00Z']);
    expect(next(policy, evenings, '2026-11-22T12:00:00-06:00')).toEqual(['deferred', '2026-11-23T01:00:00Z', '2026-11-23T02:00:00Z']);
  });

  it('stated days replace the window’s days: Saturdays only is Saturday, not the weekdays', () => {
    const saturdays = stating([{ days: ['sat'], from: '10:00', to: '12:00' }]);
    expect(next(policy, saturdays, '2026-11-23T10:00:00-06:00')).toEqual(['deferred', '2026-11-28T16:00:00Z', '2026-11-28T18:00:00Z']);
  });

  it('the window’s holidays still close the stated times', () => {
    expect(next(policy, evenings, '2026-11-29T19:30:00-06:00')).toEqual(['deferred', '2026-12-01T01:00:00Z', '2026-12-01T02:00:00Z']);
  });

  it('a company keeps its own days with a window the debtor may not override, in its own layer', () => {
    const kept = { ...callPolicy([company], [window('office-days', '00:00', '24:00', { days: weekdays })]), holidays: { us: [] } };
    expect(next(kept, evenings, '2026-11-22T19:30:00-06:00')).toEqual(['deferred', '2026-11-24T01:00:00Z', '2026-11-24T02:00:00Z']);
  });
});
