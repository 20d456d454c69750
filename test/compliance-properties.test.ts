import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, WEEKDAYS, type PolicyInput } from '../src/index';
import { callPolicy, debtor } from './support/policies';

const ZONES = ['UTC', 'America/New_York', 'America/Los_Angeles', 'Europe/London', 'Asia/Shanghai', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham'];
const MIN = Date.UTC(2026, 0, 1);
const MAX = Date.UTC(2029, 0, 1);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const windowArb = fc
  .record({
    from: fc.integer({ min: 0, max: 1439 }),
    length: fc.integer({ min: 15, max: 1440 }),
    days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
  })
  .map(({ from, length, days }) => ({ from: hhmm(from), to: length >= 1440 - from && (from + length) % 1440 === 0 ? '24:00' : hhmm((from + length) % 1440), days }))
  .filter((w) => w.from !== w.to);

const instantArb = fc.integer({ min: MIN, max: MAX }).map((ms) => Math.floor(ms / 60_000) * 60_000);
const zonesArb = fc.subarray(ZONES, { minLength: 1, maxLength: 2 });

/** Oracle: is the wall clock of `ms` in `zone` inside the window (past-midnight windows belong to their start day)? */
function inWindow(ms: number, zone: string, w: { from: string; to: string; days: string[] }): boolean {
  const local = new TZDate(ms, zone);
  const minute = local.getHours() * 60 + local.getMinutes();
  const day = WEEKDAYS[(local.getDay() + 6) % 7] as string;
  const yesterday = WEEKDAYS[(local.getDay() + 5) % 7] as string;
  const from = Number(w.from.slice(0, 2)) * 60 + Number(w.from.slice(3));
  const to = w.to === '24:00' ? 1440 : Number(w.to.slice(0, 2)) * 60 + Number(w.to.slice(3));
  if (to > from) return w.days.includes(day) && minute >= from && minute < to;
  return (w.days.includes(day) && minute >= from) || (w.days.includes(yesterday) && minute < to);
}

const policyWith = (w: { from: string; to: string; days: string[] }) => callPolicy([{ kind: 'window', id: 'w', ...w } as never]);
const first = (policy: PolicyInput, account: unknown, ms: number) => createEngine(policy).decide(account, { now: new Date(ms) }).proposals[0];

describe('compliance properties', () => {
  it('no call is ever allowed outside the window, in any of the debtor’s zones', () => {
    fc.assert(
      fc.property(windowArb, zonesArb, instantArb, (w, zones, ms) => {
        const p = first(policyWith(w), debtor(zones), ms);
        const inside = zones.every((z) => inWindow(ms, z, w));
        expect(p?.status === 'allowed').toBe(inside);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('a layer of two windows, several zones: allowed exactly when, in every zone, one of the windows is open', () => {
    fc.assert(
      fc.property(windowArb, windowArb, fc.subarray(ZONES, { minLength: 2, maxLength: 3 }), instantArb, (w1, w2, zones, ms) => {
        const policy = callPolicy([{ kind: 'window', id: 'a', ...w1 } as never, { kind: 'window', id: 'b', ...w2 } as never]);
        const p = first(policy, debtor(zones), ms);
        const inside = zones.every((z) => inWindow(ms, z, w1) || inWindow(ms, z, w2));
        expect(p?.status === 'allowed').toBe(inside);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('allowedFrom is allowed, and the minute before it is not', () => {
    fc.assert(
      fc.property(windowArb, zonesArb, instantArb, (w, zones, ms) => {
        const policy = policyWith(w);
        const p = first(policy, debtor(zones), ms);
        if (p?.status !== 'deferred' || p.allowedFrom === null) return;
        const from = Date.parse(p.allowedFrom);
        expect(from).toBeGreaterThan(ms);
        expect(zones.every((z) => inWindow(from, z, w))).toBe(true);
        expect(first(policy, debtor(zones), from)?.status).toBe('allowed');
        expect(first(policy, debtor(zones), from - 60_000)?.status).not.toBe('allowed');
        const between = ms + Math.floor((from - ms) / 2 / 60_000) * 60_000;
        if (between > ms) expect(first(policy, debtor(zones), between)?.status).not.toBe('allowed');
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('allowedUntil is the first instant no longer allowed', () => {
    fc.assert(
      fc.property(windowArb, fc.constantFrom(...ZONES), instantArb, (w, zone, ms) => {
        const policy = policyWith(w);
        const p = first(policy, debtor(zone), ms);
        if (p?.status !== 'allowed' || p.allowedUntil === null) return;
        const until = Date.parse(p.allowedUntil);
        expect(inWindow(until - 60_000, zone, w)).toBe(true);
        expect(inWindow(until, zone, w)).toBe(false);
      }),
      { seed: 13, numRuns: 200 },
    );
  });

  const historyArb = fc.array(
    fc.record({ offsetMin: fc.integer({ min: 1, max: 14 * 1440 }), outcome: fc.constantFrom('no_answer', 'voicemail', 'busy', 'right_party_contact') }),
    { maxLength: 20 },
  );
  const capArb = fc.record({ max: fc.integer({ min: 1, max: 8 }), days: fc.integer({ min: 1, max: 10 }) });

  it('a call allowed under an N-in-D-calendar-days cap never makes it N+1 in those days', () => {
    fc.assert(
      fc.property(capArb, historyArb, fc.constantFrom(...ZONES), instantArb, (cap, hist, zone, ms) => {
        const history = hist.map((h) => ({ at: new Date(ms - h.offsetMin * 60_000).toISOString(), channel: 'phone', contactId: 'me', outcome: h.outcome }));
        const policy = callPolicy([{ kind: 'cap', id: 'cap', max: cap.max, period: { calendarDays: cap.days }, scope: 'contact' }]);
        const p = first(policy, debtor(zone, { history }), ms);
        const dayOf = (t: number) => {
          const l = new TZDate(t, zone);
          return Date.UTC(l.getFullYear(), l.getMonth(), l.getDate()) / 86_400_000;
        };
        const today = dayOf(ms);
        const counted = history.filter((h) => dayOf(Date.parse(h.at)) > today - cap.days).length;
        expect(p?.status === 'allowed').toBe(counted < cap.max);
        if (p?.status === 'deferred' && p.allowedFrom) {
          const from = Date.parse(p.allowedFrom);
          const after = history.filter((h) => dayOf(Date.parse(h.at)) > dayOf(from) - cap.days).length;
          expect(after).toBeLessThan(cap.max);
          expect(first(policy, debtor(zone, { history }), from - 60_000)?.status).not.toBe('allowed');
        }
      }),
      { seed: 17, numRuns: 200 },
    );
  });

  it('adding a layer never turns a blocked or deferred proposal into an allowed one', () => {
    const constraintArb = fc.oneof(
      windowArb.map((w) => ({ kind: 'window', id: 'w', ...w })),
      capArb.map((c) => ({ kind: 'cap', id: 'c', max: c.max, period: { calendarDays: c.days }, scope: 'account' })),
      fc.integer({ min: 1, max: 72 }).map((h) => ({ kind: 'cooldown', id: 'cd', after: { outcomes: ['right_party_contact'] }, wait: { duration: `PT${h}H` } })),
      fc.constant({ kind: 'block', id: 'b', when: { all: [{ fact: 'localHour', operator: 'lessThan', value: 12 }] }, message: 'mornings off' }),
    );
    fc.assert(
      fc.property(constraintArb, constraintArb, historyArb, fc.constantFrom(...ZONES), instantArb, (a, b, hist, zone, ms) => {
        const history = hist.map((h) => ({ at: new Date(ms - h.offsetMin * 60_000).toISOString(), channel: 'phone', contactId: 'me', outcome: h.outcome }));
        const account = debtor(zone, { history });
        const base = callPolicy([a as never]);
        const more = callPolicy([a as never], [{ ...(b as object), id: 'extra' } as never]);
        let restricted;
        try {
          restricted = first(more, account, ms);
        } catch {
          return; // two layers whose windows never overlap: refused at parse time
        }
        const alone = first(base, account, ms);
        if (alone?.status !== 'allowed') expect(restricted?.status).not.toBe('allowed');
        if (alone?.status === 'deferred' && restricted?.status === 'deferred') {
          expect(Date.parse(restricted.allowedFrom ?? '')).toBeGreaterThanOrEqual(Date.parse(alone.allowedFrom ?? ''));
        }
      }),
      { seed: 19, numRuns: 200 },
    );
  });
});
