import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, WEEKDAYS } from '../src/index';
import { callPolicy, debtor } from './support/policies';

/*
 * Two layers, each one short window, the second in a fixed zone: they may meet every day, on a few
 * days, only in one DST season, or never. The engine's answer must be the first instant, within
 * the horizon, where both are open — found here by intersecting the windows' open spans, built
 * day by day with TZDate (an oracle independent of the engine's own interval code).
 */
const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Shanghai', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham'];
const DAY = 86_400_000;
const HORIZON_DAYS = 60;
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

// Boundaries between 05:00 and 23:00 local: no DST change happens then in these zones, so the
// oracle needs no rule for wall times that do not exist or happen twice.
const windowArb = fc.integer({ min: 5 * 60, max: 20 * 60 }).chain((from) =>
  fc.record({
    from: fc.constant(from),
    length: fc.integer({ min: 15, max: 23 * 60 - from }),
    days: fc.subarray([...WEEKDAYS], { minLength: 1, maxLength: 3 }),
  }),
);
type W = { from: number; length: number; days: string[] };

function openSpans(w: W, zone: string, a: number, b: number): [number, number][] {
  const start = new TZDate(a - DAY, zone);
  const out: [number, number][] = [];
  for (let k = 0; ; k++) {
    const day = new TZDate(start.getFullYear(), start.getMonth(), start.getDate() + k, 12, 0, zone);
    if (day.getTime() > b + DAY) return out;
    if (!w.days.includes(WEEKDAYS[(day.getDay() + 6) % 7] as string)) continue;
    const from = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(w.from / 60), w.from % 60, zone).getTime();
    const to = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor((w.from + w.length) / 60), (w.from + w.length) % 60, zone).getTime();
    out.push([from, to]);
  }
}

function firstMeeting(x: [number, number][], y: [number, number][], now: number, end: number): number | null {
  let best: number | null = null;
  for (const [a1, b1] of x) {
    for (const [a2, b2] of y) {
      const from = Math.max(a1, a2, now);
      if (from < Math.min(b1, b2) && from <= end && (best === null || from < best)) best = from;
    }
  }
  return best;
}

function check(w1: W, w2: W, debtorZone: string, fixedZone: string, now: number, horizonDays: number): void {
  const policy = callPolicy(
    [{ kind: 'window', id: 'local', from: hhmm(w1.from), to: hhmm(w1.from + w1.length), days: w1.days }],
    [{ kind: 'window', id: 'fixed', from: hhmm(w2.from), to: hhmm(w2.from + w2.length), days: w2.days, zone: fixedZone }],
  );
  const end = now + horizonDays * DAY;
  const expected = firstMeeting(openSpans(w1, debtorZone, now, end), openSpans(w2, fixedZone, now, end), now, end);
  const p = createEngine(policy, { horizonDays }).decide(debtor(debtorZone), { now: new Date(now) }).proposals[0];
  if (expected === null) {
    expect(p?.status).toBe('blocked');
    expect(p?.reasons.map((r) => r.code)).toContain('BEYOND_HORIZON');
  } else {
    expect(p?.status).toBe(expected === now ? 'allowed' : 'deferred');
    const from = p?.allowedFrom;
    expect(from === null || from === undefined ? null : Date.parse(from)).toBe(expected);
  }
}

const nowArb = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 11, 31) }).map((ms) => Math.floor(ms / 60_000) * 60_000);

describe('the solver against an interval oracle', () => {
  it('two windows in any two zones: the first instant both are open, or BEYOND_HORIZON', () => {
    fc.assert(
      fc.property(windowArb, windowArb, fc.constantFrom(...ZONES), fc.constantFrom(...ZONES), nowArb, (w1, w2, debtorZone, fixedZone, now) => check(w1, w2, debtorZone, fixedZone, now, HORIZON_DAYS)),
      { seed: 20261201, numRuns: 300 },
    );
  });

  it('the same hours in a zone with DST and one without: they meet in one season only, months away', () => {
    // Same standard offset, one of the two without DST: the windows overlap in one season only.
    const pairs = [
      ['Europe/London', 'UTC'],
      ['America/New_York', 'America/Panama'],
      ['Australia/Lord_Howe', 'Australia/Brisbane'],
    ] as const;
    const sameHours = fc.record({
      w: windowArb,
      shift: fc.integer({ min: -60, max: 60 }),
      length: fc.integer({ min: 15, max: 90 }),
    });
    fc.assert(
      fc.property(sameHours, fc.constantFrom(...pairs), nowArb, ({ w, shift, length }, [withDst, without], now) => {
        const w1 = { ...w, length: Math.min(w.length, 90) };
        const w2 = { from: w.from + shift, length, days: w.days };
        check(w1, w2, withDst, without, now, 366);
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });
});
