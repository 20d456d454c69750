import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/index';
import { callPolicy, debtor, window } from './support/policies';

const first = (policy: unknown, account: unknown, now: string) => createEngine(policy).decide(account, { now }).proposals[0];

describe('the solver: windows of different layers that meet rarely or never', () => {
  it('finds the first instant windows meet months away (they meet only once New York leaves DST)', () => {
    // 08:00–09:00 New York is 12:00–13:00Z in summer (only touching 13:00–14:00Z) and 13:00–14:00Z in winter.
    const policy = callPolicy([window('local-morning', '08:00', '09:00')], [window('utc-afternoon', '13:00', '14:00', { zone: 'UTC' })]);
    const p = first(policy, debtor('America/New_York'), '2026-06-01T12:00:00Z');
    expect(p?.status).toBe('deferred');
    expect(p?.allowedFrom).toBe('2026-11-01T13:00:00Z');
    expect(p?.allowedUntil).toBe('2026-11-01T14:00:00Z');
    expect(p?.reasons.map((r) => r.code)).not.toContain('BEYOND_HORIZON');
  });

  it('a fixed-zone window and the debtor-local one that never overlap for this debtor block with BEYOND_HORIZON, not a misleading later instant', () => {
    // 09:00–10:00 Shanghai is 01:00–02:00Z; 09:00–10:00 for a New York debtor is 13:00–15:00Z at the
    // earliest. Fixed zones on both sides are refused at parse time (policy-windows-that-never-overlap).
    const policy = callPolicy([window('shanghai-office', '09:00', '10:00', { zone: 'Asia/Shanghai' })], [window('ny-office', '09:00', '10:00')]);
    const p = first(policy, debtor('America/New_York'), '2026-11-23T12:00:00Z');
    expect(p?.status).toBe('blocked');
    expect(p?.allowedFrom).toBeNull();
    expect(p?.reasons.at(-1)).toMatchObject({ code: 'BEYOND_HORIZON', constraint: null, until: null });
    expect(p?.reasons.map((r) => r.constraint)).toEqual(expect.arrayContaining(['shanghai-office', 'ny-office']));
  });

  it('stated convenient hours outside a company window the debtor may not override: blocked, BEYOND_HORIZON', () => {
    const prefers = debtor('America/New_York', { debtor: { timeZone: 'America/New_York', contactPreferences: { windows: [{ from: '22:30', to: '23:30' }] } } });
    const policy = callPolicy([window('regf', '08:00', '21:00', { debtorMayOverride: true })], [window('company', '09:00', '20:00')]);
    for (const now of ['2026-11-23T10:30:00-05:00', '2026-03-08T01:59:00-05:00', '2028-02-29T23:59:00-05:00']) {
      const p = first(policy, prefers, now);
      expect(p?.status).toBe('blocked');
      expect(p?.reasons.map((r) => r.code)).toContain('BEYOND_HORIZON');
    }
  });

  it('a window that meets the other only past the horizon is beyond it', () => {
    const policy = callPolicy([window('local-morning', '08:00', '09:00')], [window('utc-afternoon', '13:00', '14:00', { zone: 'UTC' })]);
    const engine = createEngine(policy, { horizonDays: 30 });
    const p = engine.decide(debtor('America/New_York'), { now: '2026-06-01T12:00:00Z' }).proposals[0];
    expect(p?.status).toBe('blocked');
    expect(p?.reasons.at(-1)?.code).toBe('BEYOND_HORIZON');
  });
});
