import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, WEEKDAYS, type PolicyInput } from '../src/index';
import { debtor } from './support/policies';

/*
 * `allowedUntil` is when the allowance ends if nothing else happens; `null` only when it never
 * ends by itself. The window check answers from open spans computed over a range around the
 * instant asked about, and caches them: a span that reaches the end of that range is cut there,
 * not closed. These tests ask after a jump (a cool-down defers first, so the window is asked
 * about twice, the second time inside spans computed for the first) and with windows open for
 * days on end — what the single-window property in compliance-properties.test.ts never combines.
 */

type Win = { readonly from: string; readonly to: string; readonly days: readonly string[]; readonly closedOn?: readonly string[] };

const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Shanghai', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham'];
const MINUTE = 60_000;
const DAY = 86_400_000;
const MIN = Date.UTC(2026, 0, 1);
const MAX = Date.UTC(2028, 0, 1);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const minutesOf = (t: string) => (t === '24:00' ? 1440 : Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const policy = (layers: readonly (readonly Win[])[], coolHours: number | null, holidays: readonly string[]): PolicyInput => ({
  id: 'until',
  version: '1',
  jurisdiction: 'US',
  holidays: { h: [...holidays] },
  actions: { call: { channel: 'phone', target: 'self' } },
  rules: [{ id: 'always', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: -10000 }] }, then: ['call'] }],
  compliance: [
    ...layers.map((windows, i) => ({ id: `hours-${i}`, constraints: windows.map((w, j) => ({ kind: 'window' as const, id: `w${i}-${j}`, ...w, days: [...w.days] as never, closedOn: [...(w.closedOn ?? [])] })) })),
    ...(coolHours === null ? [] : [{ id: 'spacing', constraints: [{ kind: 'cooldown' as const, id: 'apart', wait: { duration: `PT${coolHours}H` } }] }]),
  ],
});

/** Oracle, from the wall clock alone: is `w` open at `ms` in `zone` (a night belongs to the day it starts on, and so does its holiday)? */
function inWindow(ms: number, zone: string, w: Win, closed: ReadonlySet<string>): boolean {
  const local = new TZDate(ms, zone);
  const minute = local.getHours() * 60 + local.getMinutes();
  const date = (offsetDays: number) => {
    const d = new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) + offsetDays * DAY);
    return { weekday: WEEKDAYS[(d.getUTCDay() + 6) % 7] as string, iso: isoDay(d.getTime()) };
  };
  const openOn = (d: { weekday: string; iso: string }) => w.days.includes(d.weekday) && !((w.closedOn?.length ?? 0) > 0 && closed.has(d.iso));
  const from = minutesOf(w.from);
  const to = minutesOf(w.to);
  if (to > from) return openOn(date(0)) && minute >= from && minute < to;
  return (openOn(date(0)) && minute >= from) || (openOn(date(-1)) && minute < to);
}

/** Every layer allows in every zone by one of its windows. */
const oracle = (layers: readonly (readonly Win[])[], zones: readonly string[], closed: ReadonlySet<string>) => (ms: number) =>
  layers.every((windows) => zones.every((z) => windows.some((w) => inWindow(ms, z, w, closed))));

/** Holiday ranges as the set of dates they cover. */
function datesOf(holidays: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const h of holidays) {
    const [a, b = a] = h.split('/') as [string, string?];
    for (let d = Date.parse(a); d <= Date.parse(b as string); d += DAY) out.add(isoDay(d));
  }
  return out;
}

// Whole days are what make spans last for days: half the windows are 00:00–24:00.
const windowArb: fc.Arbitrary<Win> = fc
  .record({
    whole: fc.boolean(),
    from: fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
    length: fc.integer({ min: 1, max: 96 }).map((q) => q * 15),
    days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
    holidays: fc.boolean(),
  })
  .map(({ whole, from, length, days, holidays }) => {
    const start = whole ? 0 : from;
    const end = whole ? 1440 : start + length;
    return { from: hhmm(start), to: end === 1440 ? '24:00' : hhmm(end % 1440), days, ...(holidays ? { closedOn: ['h'] } : {}) };
  })
  .filter((w) => w.from !== w.to);

const caseArb = fc
  .record({
    layers: fc.array(fc.array(windowArb, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }),
    zones: fc.subarray(ZONES, { minLength: 1, maxLength: 2 }),
    now: fc.integer({ min: MIN, max: MAX }).map((ms) => Math.floor(ms / MINUTE) * MINUTE),
    coolHours: fc.option(fc.integer({ min: 1, max: 96 }), { nil: null }),
    lastCallMinutesAgo: fc.integer({ min: 0, max: 4 * 1440 }),
    holidayStarts: fc.array(fc.integer({ min: -3, max: 20 }), { maxLength: 3 }),
    holidayLengths: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 3 }),
    samples: fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 6, maxLength: 6 }),
  })
  .map((c) => ({
    ...c,
    holidays: c.holidayStarts.map((s, i) => {
      const a = isoDay(c.now + s * DAY);
      const length = c.holidayLengths[i] ?? 0;
      return length === 0 ? a : `${a}/${isoDay(c.now + (s + length) * DAY)}`;
    }),
  }));

describe('allowedUntil is where the allowance ends, after a jump too', () => {
  it('a deferral into a window open Monday to Friday ends with the window, on Saturday (not null)', () => {
    const engine = createEngine(policy([[{ from: '00:00', to: '24:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] }]], 24, []));
    const account = debtor('UTC', { history: [{ at: '2026-11-23T00:00:00Z', channel: 'phone', contactId: 'me', outcome: 'no_answer' }] });
    const deferred = engine.decide(account, { now: '2026-11-23T12:00:00Z' }).next;
    expect([deferred?.status, deferred?.allowedFrom, deferred?.allowedUntil]).toEqual(['deferred', '2026-11-24T00:00:00Z', '2026-11-28T00:00:00Z']);
    const allowed = engine.decide(account, { now: '2026-11-24T00:00:00Z' }).next;
    expect([allowed?.status, allowed?.allowedUntil]).toEqual(['allowed', '2026-11-28T00:00:00Z']);
  });

  it('a window that closes only days past a short horizon still says when', () => {
    const engine = createEngine(policy([[{ from: '00:00', to: '24:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] }]], null, []), { horizonDays: 1 });
    expect(engine.decide(debtor('UTC'), { now: '2026-11-23T12:00:00Z' }).next?.allowedUntil).toBe('2026-11-28T00:00:00Z');
  });

  it('a window open around the clock closes at its first holiday, however far; with none, never', () => {
    const always = { from: '00:00', to: '24:00', days: [...WEEKDAYS] };
    const far = createEngine(policy([[{ ...always, closedOn: ['h'] }]], null, ['2027-12-25']), { horizonDays: 7 });
    expect(far.decide(debtor('UTC'), { now: '2026-11-23T12:00:00Z' }).next?.allowedUntil).toBe('2027-12-25T00:00:00Z');
    const never = createEngine(policy([[always]], null, []), { horizonDays: 7 });
    expect(never.decide(debtor('UTC'), { now: '2026-11-23T12:00:00Z' }).next?.allowedUntil).toBeNull();
  });

  it('property: allowed from allowedFrom up to allowedUntil and not at it; when null, allowed at later instants', () => {
    fc.assert(
      fc.property(caseArb, ({ layers, zones, now, coolHours, lastCallMinutesAgo, holidays, samples }) => {
        const p = policy(layers, coolHours, holidays);
        let engine: ReturnType<typeof createEngine>;
        try {
          engine = createEngine(p);
        } catch {
          return; // layers that never overlap are refused when parsed
        }
        const history = coolHours === null ? [] : [{ at: new Date(now - lastCallMinutesAgo * MINUTE).toISOString(), channel: 'phone', contactId: 'me', outcome: 'no_answer' }];
        const account = debtor([...zones], { history });
        const decide = (ms: number) => engine.decide(account, { now: new Date(ms) }).proposals[0];
        const open = oracle(layers, zones, datesOf(holidays));
        const first = decide(now);
        if (first === undefined || first.allowedFrom === null || (first.status !== 'allowed' && first.status !== 'deferred')) return;
        const from = Date.parse(first.allowedFrom);
        expect(open(from)).toBe(true);
        if (first.allowedUntil !== null) {
          const until = Date.parse(first.allowedUntil);
          expect(until).toBeGreaterThan(from);
          // Every minute of [from, until) is open (sampled), the last one and `until` decide it.
          for (const s of samples) expect(open(from + Math.floor(((until - from) * s) / MINUTE) * MINUTE)).toBe(true);
          expect(open(until - MINUTE)).toBe(true);
          expect(open(until)).toBe(false);
          expect(decide(until - MINUTE)?.status).toBe('allowed');
          expect(decide(until)?.status).not.toBe('allowed');
        } else {
          // Never ends by itself: open at any later instant (a cool-down is over past allowedFrom).
          for (const s of samples) expect(open(from + Math.floor((800 * DAY * s) / MINUTE) * MINUTE)).toBe(true);
          expect(decide(from + 9 * DAY + 7 * MINUTE)?.status).toBe('allowed');
        }
      }),
      { numRuns: 400 },
    );
  });
});
