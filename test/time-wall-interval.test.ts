import { tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant, isoDateToDayNumber, MS_PER_DAY, ZoneClock, ZoneClocks, type InstantInterval } from '../src/time';

const day = (iso: string): number => {
  const n = isoDateToDayNumber(iso);
  if (n === null) throw new Error(`bad test date ${iso}`);
  return n;
};
const hm = (h: number, m = 0): number => h * 60 + m;
/** Intervals as readable UTC strings, so a failure shows instants, not epoch numbers. */
const show = (intervals: InstantInterval[]): string[] => intervals.map(([a, b]) => `${formatInstant(a)} – ${formatInstant(b)}`);

// Same list as time-zone.test.ts: DST, :30/:45 offsets, midnight gaps, a skipped day, ±14 h.
const ZONES = [
  'UTC', 'Etc/GMT+5', 'America/New_York', 'America/Los_Angeles', 'America/St_Johns', 'America/Santiago',
  'America/Havana', 'America/Sao_Paulo', 'America/Scoresbysund', 'Europe/London', 'Europe/Berlin', 'Europe/Moscow',
  'Africa/Casablanca', 'Africa/Cairo', 'Asia/Beirut', 'Asia/Gaza', 'Asia/Tehran', 'Asia/Kolkata', 'Asia/Kathmandu',
  'Asia/Shanghai', 'Australia/Adelaide', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Pacific/Apia', 'Pacific/Kiritimati',
] as const;

describe('wallIntervalInstants: worked examples', () => {
  const ny = new ZoneClock('America/New_York');

  it('08:00–21:00 on an ordinary day is 13 hours', () => {
    expect(show(ny.wallIntervalInstants(day('2026-11-24'), hm(8), day('2026-11-24'), hm(21)))).toEqual([
      '2026-11-24T13:00:00Z – 2026-11-25T02:00:00Z',
    ]);
    expect(show(new ZoneClock('Asia/Kathmandu').wallIntervalInstants(day('2026-11-24'), hm(8), day('2026-11-24'), hm(21)))).toEqual([
      '2026-11-24T02:15:00Z – 2026-11-24T15:15:00Z',
    ]);
    expect(show(new ZoneClock('Asia/Kolkata').wallIntervalInstants(day('2026-11-24'), hm(8), day('2026-11-24'), hm(21)))).toEqual([
      '2026-11-24T02:30:00Z – 2026-11-24T15:30:00Z',
    ]);
  });

  it('spring forward (New York 2026-03-08, 02:00 → 03:00): the gap holds no instants', () => {
    const d = day('2026-03-08');
    expect(show(ny.wallIntervalInstants(d, hm(1), d, hm(4)))).toEqual(['2026-03-08T06:00:00Z – 2026-03-08T08:00:00Z']);
    expect(ny.wallIntervalInstants(d, hm(2), d, hm(3))).toEqual([]);
    // A window opening inside the gap opens at the transition.
    expect(show(ny.wallIntervalInstants(d, hm(2, 30), d, hm(8)))).toEqual(['2026-03-08T07:00:00Z – 2026-03-08T12:00:00Z']);
    expect(show(ny.wallIntervalInstants(d, 0, d, 1440))).toEqual(['2026-03-08T05:00:00Z – 2026-03-09T04:00:00Z']); // 23 h
  });

  it('fall back (New York 2026-11-01, 02:00 → 01:00): the repeated hour counts twice', () => {
    const d = day('2026-11-01');
    expect(show(ny.wallIntervalInstants(d, hm(1), d, hm(2)))).toEqual(['2026-11-01T05:00:00Z – 2026-11-01T07:00:00Z']);
    expect(show(ny.wallIntervalInstants(d, hm(1, 30), d, hm(1, 40)))).toEqual([
      '2026-11-01T05:30:00Z – 2026-11-01T05:40:00Z',
      '2026-11-01T06:30:00Z – 2026-11-01T06:40:00Z',
    ]);
    // A window opening at 01:30 is interrupted: after 01:59 EDT the clock reads 01:00–01:29 EST.
    expect(show(ny.wallIntervalInstants(d, hm(1, 30), d, hm(8)))).toEqual([
      '2026-11-01T05:30:00Z – 2026-11-01T06:00:00Z',
      '2026-11-01T06:30:00Z – 2026-11-01T13:00:00Z',
    ]);
    expect(show(ny.wallIntervalInstants(d, 0, d, 1440))).toEqual(['2026-11-01T04:00:00Z – 2026-11-02T05:00:00Z']); // 25 h
  });

  it('Europe/London: 01:00–02:00 vanishes in March and doubles in October', () => {
    const london = new ZoneClock('Europe/London');
    expect(london.wallIntervalInstants(day('2026-03-29'), hm(1), day('2026-03-29'), hm(2))).toEqual([]);
    expect(show(london.wallIntervalInstants(day('2026-10-25'), hm(1), day('2026-10-25'), hm(2)))).toEqual([
      '2026-10-25T00:00:00Z – 2026-10-25T02:00:00Z',
    ]);
  });

  it('Australia/Lord_Howe: 30-minute DST (+11 → +10:30 on 2026-04-05, back on 2026-10-04)', () => {
    const lh = new ZoneClock('Australia/Lord_Howe');
    // 02:00 +11 → 01:30 +10:30: wall 01:30–02:00 happens twice, contiguously: one real hour.
    expect(show(lh.wallIntervalInstants(day('2026-04-05'), hm(1, 30), day('2026-04-05'), hm(2)))).toEqual([
      '2026-04-04T14:30:00Z – 2026-04-04T15:30:00Z',
    ]);
    expect(show(lh.wallIntervalInstants(day('2026-04-05'), hm(1, 40), day('2026-04-05'), hm(1, 50)))).toEqual([
      '2026-04-04T14:40:00Z – 2026-04-04T14:50:00Z',
      '2026-04-04T15:10:00Z – 2026-04-04T15:20:00Z',
    ]);
    // 02:00 +10:30 → 02:30 +11, at 15:30 UTC.
    expect(show(lh.wallIntervalInstants(day('2026-10-04'), hm(2), day('2026-10-04'), hm(3)))).toEqual([
      '2026-10-03T15:30:00Z – 2026-10-03T16:00:00Z',
    ]);
  });

  it('Pacific/Chatham (+12:45 → +13:45 at 02:45 local)', () => {
    const chatham = new ZoneClock('Pacific/Chatham');
    expect(show(chatham.wallIntervalInstants(day('2026-09-27'), hm(2), day('2026-09-27'), hm(4)))).toEqual([
      '2026-09-26T13:15:00Z – 2026-09-26T14:15:00Z',
    ]);
  });

  it('midnight gaps: America/Santiago 2026-09-06, America/Havana and Asia/Beirut in March 2026', () => {
    expect(show(new ZoneClock('America/Santiago').wallIntervalInstants(day('2026-09-06'), 0, day('2026-09-06'), hm(8)))).toEqual([
      '2026-09-06T04:00:00Z – 2026-09-06T11:00:00Z',
    ]);
    expect(show(new ZoneClock('America/Havana').wallIntervalInstants(day('2026-03-07'), hm(22), day('2026-03-08'), hm(2)))).toEqual([
      '2026-03-08T03:00:00Z – 2026-03-08T06:00:00Z',
    ]);
    expect(show(new ZoneClock('Asia/Beirut').wallIntervalInstants(day('2026-03-29'), 0, day('2026-03-29'), hm(1)))).toEqual([]);
  });

  it('windows past midnight (22:00–02:00) and up to 24:00', () => {
    const sh = new ZoneClock('Asia/Shanghai');
    expect(show(sh.wallIntervalInstants(day('2026-11-23'), hm(22), day('2026-11-24'), hm(2)))).toEqual([
      '2026-11-23T14:00:00Z – 2026-11-23T18:00:00Z',
    ]);
    expect(show(sh.wallIntervalInstants(day('2026-11-23'), hm(22), day('2026-11-23'), 1440))).toEqual([
      '2026-11-23T14:00:00Z – 2026-11-23T16:00:00Z',
    ]);
    expect(sh.wallIntervalInstants(day('2026-11-23'), 1440, day('2026-11-23'), 1440)).toEqual([]);
    expect(sh.wallIntervalInstants(day('2026-11-23'), hm(21), day('2026-11-23'), hm(8))).toEqual([]);
  });

  it('a skipped date has no instants (Pacific/Apia, 2011-12-30)', () => {
    const apia = new ZoneClock('Pacific/Apia');
    expect(apia.wallIntervalInstants(day('2011-12-30'), 0, day('2011-12-30'), 1440)).toEqual([]);
    expect(show(apia.wallIntervalInstants(day('2011-12-29'), hm(23), day('2011-12-31'), hm(1)))).toEqual([
      '2011-12-30T09:00:00Z – 2011-12-30T11:00:00Z',
    ]);
  });

  it('month ends, leap days and the 1900/2100 edges', () => {
    const ny2 = new ZoneClock('America/New_York');
    expect(show(ny2.wallIntervalInstants(day('2028-02-28'), hm(22), day('2028-03-01'), hm(2)))).toEqual([
      '2028-02-29T03:00:00Z – 2028-03-01T07:00:00Z',
    ]);
    expect(show(new ZoneClock('UTC').wallIntervalInstants(day('1900-01-01'), 0, day('1900-01-01'), hm(1)))).toEqual([
      '1900-01-01T00:00:00Z – 1900-01-01T01:00:00Z',
    ]);
    expect(show(new ZoneClock('Asia/Shanghai').wallIntervalInstants(day('2100-12-31'), hm(8), day('2101-01-01'), hm(8)))).toEqual([
      '2100-12-31T00:00:00Z – 2101-01-01T00:00:00Z',
    ]);
  });
});

describe('wallIntervalInstants: properties', () => {
  // Independent oracle: the wall clock straight from tzOffset, no cache involved.
  const wallOf = (zone: string, t: number): number => t + Math.round(tzOffset(zone, new Date(t)) * 60_000);
  const clocks = new ZoneClocks();

  it('returns exactly the instants whose wall clock is in [start, end)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1970, 0, 3), max: Date.UTC(2100, 11, 28) }),
        fc.integer({ min: 0, max: 1440 }),
        fc.integer({ min: 0, max: 2 * 1440 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
        (zone, anchor, startMinute, length, samples) => {
          const c = clocks.get(zone);
          const startDay = c.dayNumber(anchor);
          const endTotal = startMinute + length;
          const endDay = startDay + Math.floor(endTotal / 1440);
          const intervals = c.wallIntervalInstants(startDay, startMinute, endDay, endTotal % 1440);
          const lo = startDay * MS_PER_DAY + startMinute * 60_000;
          const hi = lo + length * 60_000;
          const inWindow = (t: number): boolean => {
            const w = wallOf(zone, t);
            return w >= lo && w < hi;
          };
          // Sorted, non-empty, disjoint and merged (a gap between consecutive intervals).
          intervals.forEach(([a, b], i) => {
            expect(a).toBeLessThan(b);
            const prev = intervals[i - 1];
            if (prev !== undefined) expect(prev[1]).toBeLessThan(a);
          });
          // Ends are exact: first and last instant inside, neighbours outside.
          for (const [a, b] of intervals) {
            expect(inWindow(a)).toBe(true);
            expect(inWindow(b - 1)).toBe(true);
            expect(inWindow(a - 1)).toBe(false);
            expect(inWindow(b)).toBe(false);
            for (const s of samples) expect(inWindow(a + Math.floor(s * (b - a - 1)))).toBe(true);
          }
          // Complete: random instants around the window are inside an interval iff their wall is.
          for (const s of samples) {
            const t = Math.floor(lo - 30 * 3_600_000 + s * (hi - lo + 60 * 3_600_000));
            expect(intervals.some(([a, b]) => t >= a && t < b)).toBe(inWindow(t));
          }
          // Length: equal to the wall length except where a transition falls inside.
          const total = intervals.reduce((sum, [a, b]) => sum + (b - a), 0);
          if (c.offset(lo - 14 * 3_600_000) === c.offset(hi + 14 * 3_600_000)) expect(total).toBe(hi - lo);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees with a minute-by-minute scan around real transitions', () => {
    const cases: [string, string][] = [
      ['America/New_York', '2026-03-08'], ['America/New_York', '2026-11-01'], ['Australia/Lord_Howe', '2026-04-05'],
      ['Australia/Lord_Howe', '2026-10-04'], ['Pacific/Chatham', '2026-09-27'], ['America/Santiago', '2026-09-06'],
      ['America/Santiago', '2026-04-05'], ['America/Havana', '2026-11-01'], ['Pacific/Apia', '2011-12-30'],
    ];
    for (const [zone, date] of cases) {
      const c = new ZoneClock(zone);
      const d = day(date);
      for (const [from, to] of [[hm(0), hm(1)], [hm(1), hm(3)], [hm(1, 45), hm(2, 15)], [hm(23), hm(24 + 2)], [hm(-1), hm(4)]] as const) {
        const lo = d * MS_PER_DAY + from * 60_000;
        const hi = d * MS_PER_DAY + to * 60_000;
        const expected: number[] = [];
        for (let t = lo - 30 * 3_600_000; t < hi + 30 * 3_600_000; t += 60_000) {
          const w = wallOf(zone, t);
          if (w >= lo && w < hi) expected.push(t);
        }
        const actual = c.wallIntervalInstants(d, from, d, to).flatMap(([a, b]) => {
          const minutes: number[] = [];
          for (let t = a; t < b; t += 60_000) minutes.push(t);
          return minutes;
        });
        expect(actual, `${zone} ${date} ${from}–${to}`).toEqual(expected);
      }
    }
  });
});
