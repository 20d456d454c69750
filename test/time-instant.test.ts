import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  dayNumberToIsoDate,
  daysFromCivil,
  daysInMonth,
  formatInstant,
  isoDateToDayNumber,
  MAX_INSTANT_EXCLUSIVE,
  MIN_INSTANT,
  MS_PER_DAY,
  parseInstant,
  weekdayOfDayNumber,
} from '../src/time';

const ok = (ms: number) => ({ ok: true, ms });
const reasonOf = (input: string | Date) => {
  const r = parseInstant(input);
  return r.ok ? 'ok' : r.reason;
};

describe('parseInstant', () => {
  it('reads Z and ±HH:mm offsets to the exact instant', () => {
    expect(parseInstant('2026-11-23T21:05:00+08:00')).toEqual(ok(Date.UTC(2026, 10, 23, 13, 5)));
    expect(parseInstant('2026-11-23T13:05:00Z')).toEqual(ok(1795439100000));
    expect(parseInstant('2026-11-23T08:05-05:00')).toEqual(ok(Date.UTC(2026, 10, 23, 13, 5)));
    expect(parseInstant('2026-11-23T18:50:00+05:45')).toEqual(ok(Date.UTC(2026, 10, 23, 13, 5)));
    expect(parseInstant('2026-11-23T13:05:00.5Z')).toEqual(ok(Date.UTC(2026, 10, 23, 13, 5, 0, 500)));
    expect(parseInstant('2026-11-23T13:05:00.123Z')).toEqual(ok(Date.UTC(2026, 10, 23, 13, 5, 0, 123)));
  });

  it('accepts basic-format offsets (+0800), lower-case t/z and -00:00 (documented choices)', () => {
    expect(parseInstant('2026-11-23T21:05:00+0800')).toEqual(parseInstant('2026-11-23T21:05:00+08:00'));
    expect(parseInstant('2026-11-23t13:05:00z')).toEqual(ok(Date.UTC(2026, 10, 23, 13, 5)));
    expect(parseInstant('2026-11-23T13:05:00-00:00')).toEqual(ok(Date.UTC(2026, 10, 23, 13, 5)));
  });

  it('truncates micro- and nanoseconds to milliseconds', () => {
    expect(parseInstant('2026-11-23T13:05:00.123456Z')).toEqual(ok(Date.UTC(2026, 10, 23, 13, 5, 0, 123)));
    expect(parseInstant('2026-11-23T13:05:00.999999999Z')).toEqual(ok(Date.UTC(2026, 10, 23, 13, 5, 0, 999)));
    expect(reasonOf('2026-11-23T13:05:00.1234567890Z')).toBe('invalid');
  });

  it('refuses a local date-time without offset, saying why and what to add', () => {
    const r = parseInstant('2026-11-23T21:05:00');
    expect(r).toMatchObject({ ok: false, reason: 'missing_offset' });
    if (r.ok) return;
    expect(r.message).toContain('ambiguous');
    expect(r.message).toContain('Z');
    expect(r.message).toContain('+08:00');
    expect(reasonOf('2026-11-23T21:05')).toBe('missing_offset');
  });

  it.each([
    ['2026-02-30T00:00Z', 'has 28 days'],
    ['2025-02-29T00:00Z', 'has 28 days'],
    ['2100-02-29T00:00Z', 'has 28 days'],
    ['2026-04-31T00:00Z', 'has 30 days'],
    ['2026-13-01T00:00Z', 'month 13'],
    ['2026-00-10T00:00Z', 'month 00'],
    ['2026-01-00T00:00Z', 'not 00'],
    ['2026-11-23T24:00Z', 'hour 24'],
    ['2026-11-23T24:01Z', 'hour 24'],
    ['2026-11-23T23:60Z', 'minute 60'],
    ['2026-12-31T23:59:60Z', 'leap seconds'],
    ['2026-11-23T13:05+24:00', 'offset'],
    ['2026-11-23T13:05+08:60', 'offset'],
    ['2026-11-23', 'a date alone'],
    ['2026-11-23 13:05:00Z', 'not a space'],
    ['2026-11-23T13:05:00+08', 'with minutes'],
    ['2026-11-23T13:05:00\u221205:00', 'U+2212'],
    ['', 'ISO 8601'],
    [' 2026-11-23T13:05:00Z', 'ISO 8601'],
    ['2026-11-23T13:05:00ZZ', 'ISO 8601'],
    ['20261123T130500Z', 'ISO 8601'],
  ])('refuses %j as invalid (message mentions %j)', (input, fragment) => {
    const r = parseInstant(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('invalid');
    expect(r.message).toContain(fragment);
  });

  it('accepts real leap days and month ends', () => {
    expect(parseInstant('2028-02-29T12:00:00Z')).toEqual(ok(Date.UTC(2028, 1, 29, 12)));
    expect(parseInstant('2000-02-29T00:00:00Z')).toEqual(ok(Date.UTC(2000, 1, 29)));
    expect(parseInstant('2026-12-31T23:59:59.999Z')).toEqual(ok(Date.UTC(2026, 11, 31, 23, 59, 59, 999)));
    expect(parseInstant('2026-04-30T00:00Z')).toEqual(ok(Date.UTC(2026, 3, 30)));
  });

  it('keeps instants within 1900-01-01T00:00Z … 2200-12-31T23:59:59.999Z', () => {
    expect(parseInstant('1900-01-01T00:00:00Z')).toEqual(ok(MIN_INSTANT));
    expect(parseInstant('1900-01-01T00:00:00-05:00')).toEqual(ok(MIN_INSTANT + 5 * 3_600_000));
    expect(parseInstant('2200-12-31T23:59:59.999Z')).toEqual(ok(MAX_INSTANT_EXCLUSIVE - 1));
    for (const outside of ['1899-12-31T23:59:59.999Z', '1900-01-01T00:00:00+00:01', '2201-01-01T00:00:00Z', '2200-12-31T23:59:00-00:01', '0000-01-01T00:00Z']) {
      const r = parseInstant(outside);
      expect(r).toMatchObject({ ok: false, reason: 'invalid' });
      if (!r.ok) expect(r.message).toContain('1900-01-01T00:00Z');
    }
  });

  it('reads Date objects, refuses invalid ones, and does not mutate them', () => {
    const d = new Date(Date.UTC(2026, 10, 23, 13, 5));
    expect(parseInstant(d)).toEqual(ok(Date.UTC(2026, 10, 23, 13, 5)));
    expect(d.getTime()).toBe(Date.UTC(2026, 10, 23, 13, 5));
    expect(parseInstant(new Date(Number.NaN))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(parseInstant(new Date(Date.UTC(1850, 0, 1)))).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('refuses non-string input from untyped callers', () => {
    expect(parseInstant(12345 as unknown as string)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(parseInstant(null as unknown as string)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('agrees with Date.parse on random instants and offsets (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1901-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
        (date, offset) => {
          // Write the wall time of `date` at `offset`, then read it back.
          const wall = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23);
          const abs = Math.abs(offset);
          const text = `${wall}${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(parseInstant(text)).toEqual(ok(date.getTime()));
          expect(Date.parse(text)).toBe(date.getTime());
        },
      ),
    );
  });
});

describe('formatInstant', () => {
  it('drops a zero fraction and keeps milliseconds otherwise', () => {
    expect(formatInstant(1795439100000)).toBe('2026-11-23T13:05:00Z');
    expect(formatInstant(1795439100250)).toBe('2026-11-23T13:05:00.250Z');
    expect(formatInstant(MIN_INSTANT)).toBe('1900-01-01T00:00:00Z');
    expect(formatInstant(-1)).toBe('1969-12-31T23:59:59.999Z');
  });

  it('throws RangeError on a non-finite value (a programming error)', () => {
    expect(() => formatInstant(Number.NaN)).toThrow(RangeError);
  });

  it('round-trips through parseInstant (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_INSTANT, max: MAX_INSTANT_EXCLUSIVE - 1 }), (ms) => {
        expect(parseInstant(formatInstant(ms))).toEqual(ok(ms));
      }),
    );
  });
});

describe('calendar day numbers', () => {
  it('maps ISO dates to days since 1970-01-01 and back', () => {
    expect(isoDateToDayNumber('1970-01-01')).toBe(0);
    expect(isoDateToDayNumber('1970-01-02')).toBe(1);
    expect(isoDateToDayNumber('1969-12-31')).toBe(-1);
    expect(isoDateToDayNumber('2028-02-29')).toBe(21243);
    expect(isoDateToDayNumber('2026-11-24')).toBe(20781);
    expect(isoDateToDayNumber('1900-01-01')).toBe(-25567);
    expect(isoDateToDayNumber('2100-12-31')).toBe(47846);
    expect(dayNumberToIsoDate(0)).toBe('1970-01-01');
    expect(dayNumberToIsoDate(21243)).toBe('2028-02-29');
    expect(dayNumberToIsoDate(-25567)).toBe('1900-01-01');
    expect(daysFromCivil(2028, 2, 29)).toBe(21243);
    expect(civilFromDays(21243)).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it.each(['2025-02-29', '2100-02-29', '1900-02-29', '2026-02-30', '2026-04-31', '2026-06-31', '2026-09-31', '2026-11-31', '2026-13-01', '2026-00-01', '2026-01-00', '2026-1-01', '2026-01-01T00:00Z', ' 2026-01-01', '26-01-01', ''])(
    'isoDateToDayNumber(%j) is null',
    (text) => {
      expect(isoDateToDayNumber(text)).toBeNull();
    },
  );

  it('knows month lengths, including century leap rules', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it('gives ISO weekdays (Monday = 1)', () => {
    expect(weekdayOfDayNumber(0)).toBe(4); // 1970-01-01, Thursday
    expect(weekdayOfDayNumber(isoDateToDayNumber('2026-11-23') ?? Number.NaN)).toBe(1);
    expect(weekdayOfDayNumber(isoDateToDayNumber('2026-11-29') ?? Number.NaN)).toBe(7);
    expect(weekdayOfDayNumber(-1)).toBe(3);
    expect(weekdayOfDayNumber(-25567)).toBe(1); // 1900-01-01 was a Monday
  });

  it('throws RangeError for day numbers that are not integers or leave 0000–9999', () => {
    expect(() => dayNumberToIsoDate(1.5)).toThrow(RangeError);
    expect(() => dayNumberToIsoDate(3_000_000)).toThrow(RangeError);
  });

  it('agrees with Date UTC getters for every day 1900–2200 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 84000 }), (n) => {
        const d = new Date(n * MS_PER_DAY);
        expect(dayNumberToIsoDate(n)).toBe(d.toISOString().slice(0, 10));
        expect(civilFromDays(n)).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
        expect(isoDateToDayNumber(dayNumberToIsoDate(n))).toBe(n);
        expect(weekdayOfDayNumber(n) % 7).toBe(d.getUTCDay());
      }),
      { numRuns: 2000 },
    );
  });
});
