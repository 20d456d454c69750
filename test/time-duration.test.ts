import { TZDate, tz } from '@date-fns/tz';
import { add, sub } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDuration, checkDuration, fixedDurationMs, formatDuration, formatInstant, parseDuration, ZoneClock, ZoneClocks, type Duration } from '../src/time';

const utc = (iso: string): number => Date.parse(iso);
const H = 3_600_000;

describe('parseDuration', () => {
  it.each([
    ['P7D', { days: 7 }],
    ['PT30M', { minutes: 30 }],
    ['PT24H', { hours: 24 }],
    ['P1W', { weeks: 1 }],
    ['P0D', { days: 0 }],
    ['P1M2DT3H', { months: 1, days: 2, hours: 3 }],
    ['P1Y2M3W4DT5H6M7S', { years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 }],
    ['P100Y', { years: 100 }],
  ])('reads %j', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each(['', 'P', 'PT', 'P1DT', '1D', 'P1', '-P1D', 'P-1D', '+P1D', 'PT1.5H', 'P1,5D', 'PT0.5S', 'p1d', 'P1d', 'P1D ', ' P1D', 'PT1H1D', 'P1D1Y', 'P1H', 'PT1D', 'P101Y', 'P1201M', 'PT876600H', 'P99999999999999999999D'])(
    'refuses %j',
    (text) => {
      expect(parseDuration(text)).toBeNull();
      expect(checkDuration(text).ok).toBe(false);
    },
  );

  it('says what to write instead', () => {
    expect(checkDuration('PT1.5H')).toMatchObject({ ok: false, message: expect.stringContaining('PT90M') });
    expect(checkDuration('-P1D')).toMatchObject({ ok: false, message: expect.stringContaining('unsigned') });
    expect(checkDuration('p1d')).toMatchObject({ ok: false, message: expect.stringContaining('upper case') });
    expect(checkDuration('P101Y')).toMatchObject({ ok: false, message: expect.stringContaining('100 years') });
  });

  it('round-trips through formatDuration (property)', () => {
    const unit = fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined });
    fc.assert(
      fc.property(fc.record({ years: unit, months: unit, weeks: unit, days: unit, hours: unit, minutes: unit, seconds: unit }), (raw) => {
        const d: Duration = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== 0));
        const text = formatDuration(d);
        expect(parseDuration(text)).toEqual(Object.keys(d).length === 0 ? { seconds: 0 } : d);
      }),
    );
  });
});

describe('addDuration', () => {
  const ny = 'America/New_York';

  it('P1D across spring-forward is 23 hours; PT24H is 24 hours', () => {
    const noon = utc('2026-03-07T17:00:00Z'); // 12:00 EST
    expect(formatInstant(addDuration(noon, { days: 1 }, ny))).toBe('2026-03-08T16:00:00Z'); // 12:00 EDT
    expect(addDuration(noon, { days: 1 }, ny) - noon).toBe(23 * H);
    expect(addDuration(noon, { hours: 24 }, ny) - noon).toBe(24 * H);
    expect(formatInstant(addDuration(noon, { hours: 24 }, ny))).toBe('2026-03-08T17:00:00Z'); // 13:00 EDT
  });

  it('P1D across fall-back is 25 hours; subtracting undoes it', () => {
    const noon = utc('2026-10-31T16:00:00Z'); // 12:00 EDT
    const next = addDuration(noon, { days: 1 }, ny);
    expect(next - noon).toBe(25 * H);
    expect(addDuration(next, { days: 1 }, ny, -1)).toBe(noon);
    expect(addDuration(next, { hours: 24 }, ny, -1) - next).toBe(-24 * H);
  });

  it('Lord_Howe: P1D across its 30-minute change is 23.5 hours; Shanghai always 24', () => {
    const t = utc('2026-10-03T01:00:00Z'); // 12:00 +10:30 on 2026-10-03
    expect(addDuration(t, { days: 1 }, 'Australia/Lord_Howe') - t).toBe(23.5 * H);
    expect(addDuration(utc('2026-03-07T04:00:00Z'), { days: 1 }, 'Asia/Shanghai') - utc('2026-03-07T04:00:00Z')).toBe(24 * H);
  });

  it('months clamp to the month end, leap years included', () => {
    expect(formatInstant(addDuration(utc('2026-01-31T17:00:00Z'), { months: 1 }, ny))).toBe('2026-02-28T17:00:00Z');
    expect(formatInstant(addDuration(utc('2028-01-31T17:00:00Z'), { months: 1 }, ny))).toBe('2028-02-29T17:00:00Z');
    expect(formatInstant(addDuration(utc('2028-02-29T17:00:00Z'), { years: 1 }, ny))).toBe('2029-02-28T17:00:00Z');
    expect(formatInstant(addDuration(utc('2026-03-31T16:00:00Z'), { months: 1 }, ny, -1))).toBe('2026-02-28T17:00:00Z');
  });

  it('a wall time landing in a gap moves forward; in an overlap it takes the earlier pass', () => {
    // 2026-03-07 02:30 EST + P1D = 2026-03-08 02:30, which does not exist → 03:30 EDT.
    expect(formatInstant(addDuration(utc('2026-03-07T07:30:00Z'), { days: 1 }, ny))).toBe('2026-03-08T07:30:00Z');
    // 2026-10-31 01:30 EDT + P1D = 2026-11-01 01:30, which happens twice → the EDT one.
    expect(formatInstant(addDuration(utc('2026-10-31T05:30:00Z'), { days: 1 }, ny))).toBe('2026-11-01T05:30:00Z');
  });

  it('does not mutate the duration', () => {
    const d: Duration = Object.freeze({ days: 1, hours: 2 });
    addDuration(utc('2026-03-07T17:00:00Z'), d, ny);
    expect(d).toEqual({ days: 1, hours: 2 });
  });

  // The expected result, computed independently: calendar steps with Date's UTC setters on wall
  // milliseconds, each resolved with fromWall (itself tested against wallToInstants).
  const expected = (clock: ZoneClock, ms: number, d: Duration, sign: 1 | -1): number => {
    let t = ms;
    const months = sign * ((d.years ?? 0) * 12 + (d.months ?? 0));
    const days = sign * ((d.weeks ?? 0) * 7 + (d.days ?? 0));
    if (months !== 0) {
      const w = new Date(clock.wall(t));
      const dayOfMonth = w.getUTCDate();
      w.setUTCDate(1);
      w.setUTCMonth(w.getUTCMonth() + months);
      const lastDay = new Date(Date.UTC(w.getUTCFullYear(), w.getUTCMonth() + 1, 0)).getUTCDate();
      w.setUTCDate(Math.min(dayOfMonth, lastDay));
      t = clock.fromWall(w.getTime());
    }
    if (days !== 0) t = clock.fromWall(clock.wall(t) + days * 86_400_000);
    return t + sign * (((d.hours ?? 0) * 60 + (d.minutes ?? 0)) * 60 + (d.seconds ?? 0)) * 1000;
  };

  // date-fns add(…, { in: tz(zone) }) is the reference, with two known exceptions where TZDate's
  // setters (which go through the process-local Date setters) disagree with the spec:
  // - in a fall-back overlap it may pick the later instant, depending on the process time zone;
  // - under some process zones it misses the target wall time altogether (America/Santiago
  //   2026-04-04 00:00 + P1D gives 04-04 23:30 under TZ=Australia/Lord_Howe).
  // Ours must always equal the independently computed expectation.
  const agreesWithDateFns = (clock: ZoneClock, ms: number, d: Duration, sign: 1 | -1, misses: string[] = []): void => {
    const label = `${clock.zone} ${formatInstant(ms)} ${sign === 1 ? '+' : '-'}${JSON.stringify(d)}`;
    const ours = addDuration(ms, d, clock, sign);
    expect(ours, label).toBe(expected(clock, ms, d, sign));
    const theirs = (sign === 1 ? add : sub)(new TZDate(ms, clock.zone), d, { in: tz(clock.zone) }).getTime();
    if (ours === theirs) return;
    const exact = sign * (((d.hours ?? 0) * 60 + (d.minutes ?? 0)) * 60 + (d.seconds ?? 0)) * 1000;
    if (clock.wall(ours - exact) === clock.wall(theirs - exact)) {
      expect(ours, `${label}: overlap, ours is the earlier`).toBeLessThan(theirs);
    } else {
      misses.push(`${label}: date-fns ${formatInstant(theirs)}, expected ${formatInstant(ours)}`);
    }
  };
  // A process zone without DST (TZ=UTC, Asia/Shanghai): TZDate's system-zone corrections never fire.
  const processZoneHasNoDst = new Date(2026, 0, 1).getTimezoneOffset() === new Date(2026, 6, 1).getTimezoneOffset();

  it('matches date-fns add/sub in the zone for random instants and durations (property)', () => {
    const zones = ['America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago', 'Europe/Berlin', 'Pacific/Chatham'] as const;
    const clocks = new ZoneClocks();
    const small = fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2099-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.record({ years: small, months: small, weeks: small, days: small, hours: small, minutes: small, seconds: small }),
        fc.constantFrom<1 | -1>(1, -1),
        (zone, date, raw, sign) => {
          const d: Duration = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
          agreesWithDateFns(clocks.get(zone), date.getTime(), d, sign);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('matches date-fns every 15 minutes around the 2026 transitions', () => {
    const around: [string, string][] = [
      ['America/New_York', '2026-03-08T07:00:00Z'], ['America/New_York', '2026-11-01T06:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'], ['Australia/Lord_Howe', '2026-10-03T15:30:00Z'],
      ['America/Santiago', '2026-09-06T04:00:00Z'], ['America/Santiago', '2026-04-05T03:00:00Z'],
      ['Europe/Berlin', '2026-10-25T01:00:00Z'], ['Pacific/Chatham', '2026-09-26T14:00:00Z'],
    ];
    const durations: Duration[] = [{ days: 1 }, { weeks: 1 }, { months: 1 }, { days: 1, hours: 1 }, { months: 1, days: 1 }];
    const misses: string[] = [];
    for (const [zone, iso] of around) {
      const clock = new ZoneClock(zone);
      const t = utc(iso);
      for (let ms = t - 33 * H; ms <= t + 33 * H; ms += 15 * 60_000) {
        for (const d of durations) {
          agreesWithDateFns(clock, ms, d, 1, misses);
          agreesWithDateFns(clock, ms, d, -1, misses);
        }
      }
    }
    if (processZoneHasNoDst) expect(misses).toEqual([]);
  });

  it('always takes the earlier instant in an overlap, whatever the process time zone', () => {
    // date-fns/TZDate returns the later instant here under TZ=UTC and the earlier under TZ=Asia/Kolkata.
    expect(formatInstant(addDuration(utc('2026-10-24T00:30:00Z'), { days: 1 }, 'Europe/Berlin'))).toBe('2026-10-25T00:30:00Z');
    expect(formatInstant(addDuration(utc('2026-04-03T14:45:00Z'), { days: 1 }, 'Australia/Lord_Howe'))).toBe('2026-04-04T14:45:00Z');
    expect(formatInstant(addDuration(utc('2026-04-04T02:30:00Z'), { days: 1 }, 'America/Santiago'))).toBe('2026-04-05T02:30:00Z');
  });

  it('reuses a ZoneClock and gives the same answer as with a zone name', () => {
    const clock = new ZoneClock('America/New_York');
    for (const d of [{ days: 1 }, { months: 13 }, { years: 1, hours: 5 }] satisfies Duration[]) {
      expect(addDuration(utc('2026-01-31T17:00:00Z'), d, clock)).toBe(addDuration(utc('2026-01-31T17:00:00Z'), d, 'America/New_York'));
    }
  });

  it('P<n>D keeps the wall time unless it lands in a gap (property)', () => {
    const clock = new ZoneClock('America/New_York');
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 0, 1) }),
        fc.integer({ min: 1, max: 400 }),
        (ms, n) => {
          const before = clock.local(ms);
          const after = clock.local(addDuration(ms, { days: n }, 'America/New_York'));
          expect(after.dayNumber).toBe(before.dayNumber + n);
          if (clock.wallToInstants(before.dayNumber + n, before.minuteOfDay).length > 0) expect(after.minuteOfDay).toBe(before.minuteOfDay);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('fixedDurationMs and formatDuration', () => {
  it('gives exact lengths only for time units', () => {
    expect(fixedDurationMs({ hours: 24 })).toBe(86_400_000);
    expect(fixedDurationMs({ minutes: 90, seconds: 30 })).toBe(5_430_000);
    expect(fixedDurationMs({ days: 1 })).toBeNull();
    expect(fixedDurationMs({ weeks: 0, hours: 1 })).toBe(H);
  });

  it('formats ISO 8601, omitting zeros, without mutating its input', () => {
    const frozen: Duration = Object.freeze({ weeks: 2, seconds: 5 });
    expect(formatDuration(frozen)).toBe('P2WT5S');
    expect(fixedDurationMs(frozen)).toBeNull();
    expect(formatDuration({ days: 1, hours: 12 })).toBe('P1DT12H');
    expect(formatDuration({ minutes: 30 })).toBe('PT30M');
    expect(formatDuration({ days: 0 })).toBe('PT0S');
    expect(formatDuration({})).toBe('PT0S');
  });
});
