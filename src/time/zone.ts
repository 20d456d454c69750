/**
 * `ZoneClock` answers "what does the wall clock say in this zone?" and "which instants does a
 * wall-clock range cover?", exactly (to the second, across every DST rule) and fast.
 *
 * Offsets come from `@date-fns/tz`'s `tzOffset` (Intl underneath, ~2.7 µs a call). They only
 * change at transitions, so each clock remembers the constant-offset segments it has seen and
 * answers later questions with arithmetic. All cache state lives in the instance: no module
 * state, so two engines never share (or race on) a cache.
 */
import { tzOffset } from '@date-fns/tz';
import { isValidTimeZone } from './zone-name';
import { civilFromDays, MS_PER_DAY, MS_PER_MINUTE, weekdayOfDayNumber, type Weekday } from './instant';
import { OffsetSegments } from './segments';

/** Local wall-clock reading of an instant in a zone. */
export interface LocalTime {
  /** Local calendar date as days since 1970-01-01. */
  readonly dayNumber: number;
  /** Local calendar date `YYYY-MM-DD`. */
  readonly isoDate: string;
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** 1–31. */
  readonly day: number;
  /** 0–23. */
  readonly hour: number;
  /** 0–59. */
  readonly minute: number;
  /** `hour * 60 + minute`, 0–1439. */
  readonly minuteOfDay: number;
  /** ISO weekday, Monday = 1 … Sunday = 7. */
  readonly weekday: Weekday;
  /** UTC offset in minutes at that instant (fractional only for pre-1972 local mean times). */
  readonly offset: number;
}

/** Half-open interval of instants `[from, to)`, epoch milliseconds. */
export type InstantInterval = [from: number, to: number];

interface CalendarDay {
  readonly dayNumber: number;
  readonly isoDate: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly weekday: Weekday;
}
const DAY_SLOTS = 512; // a power of two, for `& (DAY_SLOTS - 1)`

// Real offsets stay within ±14 h (±24 h is the hard limit of Intl offsets), so the instants
// whose wall clock reads W all lie in (W − 24 h, W + 24 h): every wall-clock question looks at
// the offsets over that span, and if one segment covers it, answers with a subtraction.
const MAX_OFFSET_MS = MS_PER_DAY;
// Instants the clock accepts: a margin inside the Date range so probes a day away stay valid.
const LIMIT_MS = 8.64e15 - 2 * MS_PER_DAY;

/**
 * The wall clock of one IANA zone, with its own offset cache. Create one per zone per engine
 * (see `ZoneClocks`); it grows as it is asked about new periods and never forgets.
 *
 * Arguments are epoch milliseconds (or day numbers and minutes of day); passing a non-finite
 * number or one beyond the `Date` range is a programming error and throws a `RangeError`.
 *
 * @example
 * const ny = new ZoneClock('America/New_York');
 * ny.local(Date.parse('2026-11-24T13:00:00Z')).hour; // 8
 */
export class ZoneClock {
  /** The zone name, as given. */
  readonly zone: string;
  readonly #segments: OffsetSegments;
  readonly #days: (CalendarDay | undefined)[] = new Array<CalendarDay | undefined>(DAY_SLOTS);
  #signFormat: Intl.DateTimeFormat | undefined;

  /**
   * @param zone - an IANA zone name; throws `RangeError` unless `isValidTimeZone(zone)`.
   * @example
   * new ZoneClock('Asia/Kolkata').offset(0); // 330
   */
  constructor(zone: string) {
    if (!isValidTimeZone(zone)) throw new RangeError(`Unknown time zone ${JSON.stringify(zone)} (expected an IANA name like "Asia/Shanghai")`);
    this.zone = zone;
    this.#segments = new OffsetSegments((ms) => this.#probe(ms));
  }

  /**
   * UTC offset in minutes at an instant (`+330` for Asia/Kolkata).
   *
   * @example
   * new ZoneClock('Asia/Kathmandu').offset(Date.parse('2026-01-01T00:00:00Z')); // 345
   */
  offset(ms: number): number {
    return this.#segments.offsetAt(checkInstant(ms)) / MS_PER_MINUTE;
  }

  /**
   * Local calendar day number of an instant: the cheapest question, for counting calendar days.
   *
   * @example
   * new ZoneClock('Asia/Shanghai').dayNumber(Date.parse('2026-11-23T16:00:00Z')); // 20781 (2026-11-24)
   */
  dayNumber(ms: number): number {
    return Math.floor((ms + this.#segments.offsetAt(checkInstant(ms))) / MS_PER_DAY);
  }

  /**
   * The wall-clock reading of an instant as "wall milliseconds": a number whose UTC fields are the
   * local fields (`ms + offset`). Handy for calendar arithmetic; `fromWall` goes back.
   *
   * @example
   * new ZoneClock('Asia/Kolkata').wall(Date.parse('2026-11-24T02:30:00Z')) === Date.UTC(2026, 10, 24, 8, 0); // true
   */
  wall(ms: number): number {
    return ms + this.#segments.offsetAt(checkInstant(ms));
  }

  /**
   * The instant a wall-clock reading names, resolved as Temporal's and RFC 5545's "compatible"
   * rule does: in a fall-back overlap the earlier instant, in a spring-forward gap the reading
   * moved forward by the gap (02:30 on a 02:00→03:00 night is 03:30). Never depends on the
   * process time zone (date-fns/TZDate setters do; see `addDuration`).
   *
   * @param wall - wall milliseconds: `dayNumber * 86_400_000 + msOfDay`.
   * @example
   * const ny = new ZoneClock('America/New_York');
   * ny.fromWall(Date.UTC(2026, 10, 1, 1, 30)); // Date.parse('2026-11-01T05:30:00Z') (01:30 EDT, the first)
   * ny.fromWall(Date.UTC(2026, 2, 8, 2, 30));  // Date.parse('2026-03-08T07:30:00Z') (03:30 EDT)
   */
  fromWall(wall: number): number {
    const constant = this.#segments.constantOver(checkWall(wall) - MAX_OFFSET_MS, wall + MAX_OFFSET_MS);
    if (!Number.isNaN(constant)) return wall - constant;
    let found = Number.NaN;
    let before = Number.NaN;
    this.#segments.forEach(wall - MAX_OFFSET_MS, wall + MAX_OFFSET_MS, (from, to, off) => {
      const t = wall - off;
      if (t >= from && t < to) found = t;
      else if (t < from) found = wall - before; // the reading fell in the gap just before this piece
      before = off;
      return !Number.isNaN(found);
    });
    return found;
  }

  /**
   * Full wall-clock reading of an instant.
   *
   * @example
   * new ZoneClock('Europe/London').local(Date.parse('2026-07-01T07:30:00Z'));
   * // { isoDate: '2026-07-01', hour: 8, minute: 30, weekday: 3, offset: 60, … }
   */
  local(ms: number): LocalTime {
    const off = this.#segments.offsetAt(checkInstant(ms));
    const wall = ms + off;
    const dayNumber = Math.floor(wall / MS_PER_DAY);
    const minuteOfDay = Math.floor((wall - dayNumber * MS_PER_DAY) / MS_PER_MINUTE);
    const hour = Math.floor(minuteOfDay / 60);
    const d = this.#calendarDay(dayNumber);
    return {
      dayNumber, isoDate: d.isoDate, year: d.year, month: d.month, day: d.day,
      hour, minute: minuteOfDay - hour * 60, minuteOfDay, weekday: d.weekday, offset: off / MS_PER_MINUTE,
    };
  }

  // Calendar fields of a day number, through a small direct-mapped cache: the civil-date
  // arithmetic and the ISO string cost ~100 ns, more than everything else in local(). Bounded
  // (DAY_SLOTS entries, ~1.4 years of distinct days) so a long-lived engine cannot grow it.
  #calendarDay(dayNumber: number): CalendarDay {
    const slot = dayNumber & (DAY_SLOTS - 1);
    const cached = this.#days[slot];
    if (cached !== undefined && cached.dayNumber === dayNumber) return cached;
    const { year, month, day } = civilFromDays(dayNumber);
    const isoDate = `${year < 1000 ? String(year).padStart(4, '0') : year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
    const fresh: CalendarDay = { dayNumber, isoDate, year, month, day, weekday: weekdayOfDayNumber(dayNumber) };
    this.#days[slot] = fresh;
    return fresh;
  }

  /**
   * The first instant whose local date is `dayNumber`. Usually local midnight; later when a
   * DST gap swallows midnight (America/Santiago, America/Havana: the day starts at 01:00). If the
   * zone skipped the whole date (Pacific/Apia, 2011-12-30), the instant the skip happened,
   * i.e. the start of the next date: still the first instant not before that date.
   *
   * @example
   * const santiago = new ZoneClock('America/Santiago');
   * santiago.startOfDay(isoDateToDayNumber('2026-09-06')!); // 2026-09-06T04:00Z = 01:00 -03
   */
  startOfDay(dayNumber: number): number {
    const wall = dayNumber * MS_PER_DAY;
    for (let skipped = 0; skipped < 3; skipped++) {
      const start = wall + skipped * MS_PER_DAY;
      const first = this.#firstInstantAtOrAfter(start, start + MS_PER_DAY);
      if (first !== undefined) return first;
    }
    throw new RangeError(`${this.zone}: no instant has a local date near day ${dayNumber}`);
  }

  /**
   * Every instant whose wall clock reads exactly that minute: none in a spring-forward gap, two in
   * a fall-back overlap, otherwise one. Sorted.
   *
   * @example
   * const ny = new ZoneClock('America/New_York');
   * ny.wallToInstants(isoDateToDayNumber('2026-11-01')!, 90);
   * // [Date.parse('2026-11-01T05:30:00Z'), Date.parse('2026-11-01T06:30:00Z')]
   */
  wallToInstants(dayNumber: number, minuteOfDay: number): number[] {
    const wall = checkWall(dayNumber * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE);
    const constant = this.#segments.constantOver(wall - MAX_OFFSET_MS, wall + MAX_OFFSET_MS);
    if (!Number.isNaN(constant)) return [wall - constant];
    const out: number[] = [];
    this.#segments.forEach(wall - MAX_OFFSET_MS, wall + MAX_OFFSET_MS, (from, to, off) => {
      const t = wall - off;
      if (t >= from && t < to && out[out.length - 1] !== t) out.push(t);
    });
    return out;
  }

  /**
   * The instants whose local wall clock lies in `[start, end)`, as sorted, merged, half-open
   * intervals. This is what a contact window "08:00–21:00 local" means: in a spring-forward gap
   * the window starts at the transition; in a fall-back overlap the repeated wall times count in
   * both occurrences (possibly two disjoint intervals). `endMinute` may be 1440 (24:00), and
   * `endDay` may be `startDay + 1` for windows past midnight (22:00–02:00). Empty if end ≤ start.
   *
   * @param startDay - local date of the start, as a day number.
   * @param startMinute - minute of that day, usually 0–1440 (values outside roll over into the
   *   neighbouring days: wall time is just `day * 1440 + minute` minutes).
   * @param endDay - local date of the end.
   * @param endMinute - minute of that day, exclusive (1440 = 24:00).
   * @example
   * const ny = new ZoneClock('America/New_York');
   * const d = isoDateToDayNumber('2026-03-08')!;
   * ny.wallIntervalInstants(d, 60, d, 240);
   * // [[Date.parse('2026-03-08T06:00:00Z'), Date.parse('2026-03-08T08:00:00Z')]] (01:00–04:00 is 2 h)
   */
  wallIntervalInstants(startDay: number, startMinute: number, endDay: number, endMinute: number): InstantInterval[] {
    const start = checkWall(startDay * MS_PER_DAY + startMinute * MS_PER_MINUTE);
    const end = checkWall(endDay * MS_PER_DAY + endMinute * MS_PER_MINUTE);
    const out: InstantInterval[] = [];
    if (end <= start) return out;
    // Far from any transition (the usual case) the answer is one shifted interval.
    const constant = this.#segments.constantOver(start - MAX_OFFSET_MS, end + MAX_OFFSET_MS);
    if (!Number.isNaN(constant)) return [[start - constant, end - constant]];
    // In each constant-offset segment wall = t + off, so wall ∈ [start, end) ⇔ t ∈ [start − off, end − off).
    this.#segments.forEach(start - MAX_OFFSET_MS, end + MAX_OFFSET_MS, (from, to, off) => {
      const lo = Math.max(from, start - off);
      const hi = Math.min(to, end - off);
      if (lo >= hi) return;
      const last = out[out.length - 1];
      if (last !== undefined && last[1] === lo) last[1] = hi;
      else out.push([lo, hi]);
    });
    return out;
  }

  // The earliest instant whose wall clock lies in [start, end), without allocating intervals.
  #firstInstantAtOrAfter(start: number, end: number): number | undefined {
    const constant = this.#segments.constantOver(start - MAX_OFFSET_MS, end + MAX_OFFSET_MS);
    if (!Number.isNaN(constant)) return start - constant;
    let first: number | undefined;
    this.#segments.forEach(start - MAX_OFFSET_MS, end + MAX_OFFSET_MS, (from, to, off) => {
      const lo = Math.max(from, start - off);
      if (first === undefined && lo < Math.min(to, end - off)) first = lo;
      return first !== undefined;
    });
    return first;
  }

  // One uncached offset, in whole milliseconds.
  #probe(ms: number): number {
    const minutes = tzOffset(this.zone, new Date(ms));
    if (Number.isNaN(minutes)) throw new RangeError(`${this.zone}: no UTC offset for ${ms}`);
    // tzOffset returns fractional minutes for local-mean-time offsets with seconds (+05:21:10).
    const off = Math.round(minutes * MS_PER_MINUTE);
    // tzOffset loses the sign of offsets between −01:00 and 00:00 ("-00:44:30" parses as +44.5:
    // Africa/Monrovia until 1972, Europe/Dublin until 1916), so re-read the sign there.
    if (off > 0 && off < 60 * MS_PER_MINUTE) {
      this.#signFormat ??= new Intl.DateTimeFormat('en-US', { timeZone: this.zone, timeZoneName: 'longOffset' });
      if (this.#signFormat.format(new Date(ms)).includes('GMT-')) return -off;
    }
    return off;
  }
}

function checkInstant(ms: number): number {
  if (!(ms >= -LIMIT_MS && ms <= LIMIT_MS)) throw new RangeError(`ZoneClock: ${ms} is not a usable instant (finite epoch ms within the Date range)`);
  return ms;
}

function checkWall(wall: number): number {
  if (!(wall >= -LIMIT_MS + MAX_OFFSET_MS && wall <= LIMIT_MS - MAX_OFFSET_MS)) {
    throw new RangeError(`ZoneClock: wall time ${wall} is out of range (day numbers and minutes must be finite)`);
  }
  return wall;
}
