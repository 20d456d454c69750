/**
 * Instants (epoch milliseconds) and calendar day numbers: parsing, formatting, and the
 * proleptic-Gregorian arithmetic every other time function builds on.
 *
 * Everything here is pure integer arithmetic: no `Date` getters, so nothing depends on the
 * process time zone (tests run under `TZ=Australia/Lord_Howe` to prove it).
 */

/** Milliseconds in a minute. */
export const MS_PER_MINUTE = 60_000;
/** Milliseconds in a (UTC, 86 400 s) day. Local days may be 23 or 25 hours; see `ZoneClock`. */
export const MS_PER_DAY = 86_400_000;
/** 26 hours: longer than any local day (25 hours at most on a DST day), for safe margins around local midnights. */
export const LONGEST_DAY_MS = 26 * 3_600_000;

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Why `parseInstant` refused its input: stable codes for callers that map them to issues. */
export type InstantError = { ok: false; reason: 'missing_offset' | 'invalid'; message: string };
/** The result of `parseInstant`: errors as data, never thrown. */
export type InstantResult = { ok: true; ms: number } | InstantError;

/** The accepted instant range: 1900-01-01T00:00Z (inclusive) to 2201-01-01T00:00Z (exclusive). */
export const MIN_INSTANT = Date.UTC(1900, 0, 1);
export const MAX_INSTANT_EXCLUSIVE = Date.UTC(2201, 0, 1);

/**
 * Days since 1970-01-01 of a proleptic-Gregorian date (H. Hinnant's `days_from_civil`).
 * No validation: month 1–12 and a day within the month are the caller's job.
 *
 * @example
 * daysFromCivil(2028, 2, 29); // 21243
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * The calendar date of a day number (inverse of `daysFromCivil`; Hinnant's `civil_from_days`).
 *
 * @example
 * civilFromDays(21243); // { year: 2028, month: 2, day: 29 }
 */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Number of days in a month of the proleptic Gregorian calendar.
 *
 * @example
 * daysInMonth(2028, 2); // 29
 * daysInMonth(2100, 2); // 28 (divisible by 100, not by 400)
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * ISO weekday (Monday = 1 … Sunday = 7) of a day number. 1970-01-01 was a Thursday.
 *
 * @example
 * weekdayOfDayNumber(isoDateToDayNumber('2026-11-23')!); // 1 (Monday)
 */
export function weekdayOfDayNumber(dayNumber: number): Weekday {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1 as Weekday;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Digit value of the character at i, or NaN when it is not an ASCII digit.
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
}

const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);

/**
 * Why a year, month and day (as written) are not a date of the calendar, or null when they are:
 * the same words for a date and for an instant's date part.
 *
 * @example
 * calendarProblem('2027', '02', '29'); // '2027-02 has 28 days, not 29'
 * calendarProblem('2026', '13', '01'); // 'month 13 does not exist'
 */
export function calendarProblem(ys: string, mos: string, ds: string): string | null {
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  if (month < 1 || month > 12) return `month ${mos} does not exist`;
  if (day < 1 || day > daysInMonth(year, month)) return `${ys}-${mos} has ${daysInMonth(year, month)} days, not ${ds}`;
  return null;
}

/**
 * Why text written `YYYY-MM-DD` is not a calendar date, or null (also for text of another shape,
 * which its own message describes).
 *
 * @example
 * isoDateProblem('2026-02-30'); // '2026-02 has 28 days, not 30'
 */
export function isoDateProblem(isoDate: string): string | null {
  if (isoDateToDayNumber(isoDate) !== null) return null;
  const m = ISO_DATE.exec(isoDate);
  return m === null ? null : calendarProblem(m[1] as string, m[2] as string, m[3] as string);
}

/**
 * Days since 1970-01-01 of an ISO calendar date `YYYY-MM-DD`, or `null` when the text is not
 * exactly that shape or names a date the calendar does not have (2026-02-30, 2025-02-29).
 *
 * @example
 * isoDateToDayNumber('1970-01-02'); // 1
 * isoDateToDayNumber('2028-02-29'); // 21243
 * isoDateToDayNumber('2025-02-29'); // null
 */
export function isoDateToDayNumber(isoDate: string): number | null {
  // ISO_DATE's shape read character by character: the match and its substrings are garbage made
  // for every date of every account.
  if (isoDate.length !== 10 || isoDate.charCodeAt(4) !== 45 || isoDate.charCodeAt(7) !== 45) return null;
  const year = two(isoDate, 0) * 100 + two(isoDate, 2);
  const month = two(isoDate, 5);
  const day = two(isoDate, 8);
  // Every comparison is false for NaN (a character that is no digit).
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return null;
  return daysFromCivil(year, month, day);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * The ISO calendar date `YYYY-MM-DD` of a day number. Years must stay within 0000–9999
 * (four-digit ISO dates); anything else is a programming error and throws a `RangeError`.
 *
 * @example
 * dayNumberToIsoDate(0); // '1970-01-01'
 * dayNumberToIsoDate(21243); // '2028-02-29'
 */
export function dayNumberToIsoDate(dayNumber: number): string {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`dayNumberToIsoDate: ${dayNumber} is not an integer day number`);
  const { year, month, day } = civilFromDays(dayNumber);
  if (year < 0 || year > 9999) throw new RangeError(`dayNumberToIsoDate: year ${year} is outside 0000–9999`);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

// Date `T` time, optional seconds and fraction, optional offset. T/Z may be lower case (RFC 3339
// §5.6). The fraction takes up to 9 digits because Java and Python emit micro/nanoseconds.
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

const invalid = (input: string, why: string): InstantError => ({
  ok: false,
  reason: 'invalid',
  message: `${JSON.stringify(input)} is not a valid instant: ${why}`,
});

const FORMAT_HINT = 'expected an ISO 8601 instant like "2026-11-23T21:05:00+08:00" or "2026-11-23T13:05:00Z"';

/**
 * Reads an instant: a `Date`, or an ISO 8601 / RFC 3339 date-time **with** its offset.
 *
 * Accepted: `YYYY-MM-DDTHH:mm[:ss[.f…]]` followed by `Z`, `±HH:mm` or `±HHmm` (basic-format
 * offsets are common output of `strftime('%z')`; they are unambiguous, so they are taken).
 * `T`/`Z` may be lower case. Fractions beyond milliseconds are truncated. `-00:00` means UTC.
 * Refused, with a message saying what to write instead:
 * - a local date-time without offset (`missing_offset`): it names a different instant in every
 *   zone, so guessing one would silently move a compliance window;
 * - impossible calendar dates and times (`2026-02-30`, `24:00`, `23:60`, leap second `:60`),
 *   date-only strings, a space instead of `T`, and invalid `Date` objects (`invalid`);
 * - instants outside 1900-01-01T00:00Z … 2200-12-31T23:59:59.999Z (`invalid`).
 *
 * @param input - the text or `Date` to read.
 * @returns `{ ok: true, ms }` with epoch milliseconds, or `{ ok: false, reason, message }`.
 * @example
 * parseInstant('2026-11-23T21:05:00+08:00'); // { ok: true, ms: 1795439100000 }
 * parseInstant('2026-11-23T21:05:00').ok;    // false (reason 'missing_offset')
 */
export function parseInstant(input: string | Date): InstantResult {
  if (typeof input !== 'string' && isDate(input)) {
    const ms = dateValue(input);
    if (Number.isNaN(ms)) return { ok: false, reason: 'invalid', message: 'the Date is invalid (its time value is NaN)' };
    // Its own methods may be overridden (and throw): the time value is what counts.
    return checkRange(ms, new Date(ms).toISOString());
  }
  if (typeof input !== 'string') {
    return { ok: false, reason: 'invalid', message: `expected a string or a Date, got ${input === null ? 'null' : typeof input}` };
  }
  const fast = fastInstant(input);
  if (fast === fast) return checkRange(fast, input); // not NaN: the common shape, valid
  const m = INSTANT.exec(input);
  if (m === null) return invalid(input, explainShape(input));
  const [, ys, mos, ds, hs, mis, ss, frac, z, sign, ohs, oms] = m;
  if (z === undefined && sign === undefined) {
    return {
      ok: false,
      reason: 'missing_offset',
      message:
        `${JSON.stringify(input)} has no UTC offset: a local date-time is ambiguous (it is a different instant ` +
        `in every time zone). Add Z for UTC or an offset like +08:00, e.g. "${input}+08:00".`,
    };
  }
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  const hour = Number(hs);
  const minute = Number(mis);
  const second = ss === undefined ? 0 : Number(ss);
  const dateProblem = calendarProblem(ys as string, mos as string, ds as string);
  if (dateProblem !== null) return invalid(input, dateProblem);
  if (hour > 23) return invalid(input, `hour ${hs} is out of range 00–23 (write 00:00 of the next day for midnight)`);
  if (minute > 59) return invalid(input, `minute ${mis} is out of range 00–59`);
  if (second > 59) return invalid(input, `second ${ss} is out of range 00–59 (leap seconds are not representable)`);
  let offsetMinutes = 0;
  if (sign !== undefined) {
    const oh = Number(ohs);
    const om = Number(oms);
    if (oh > 23 || om > 59) return invalid(input, `offset ${sign}${ohs}:${oms} is out of range (at most ±23:59)`);
    offsetMinutes = (sign === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const millis = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  const local = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  return checkRange(local - offsetMinutes * MS_PER_MINUTE, input);
}

/**
 * Epoch milliseconds of an instant `parseInstant` accepts, or `NaN` when it refuses it: for
 * instants validated already (a parsed account's), without building a result object.
 *
 * @example
 * instantToMs('2026-11-23T21:05:00+08:00'); // 1795439100000
 * instantToMs('2026-11-23T21:05:00');       // NaN
 */
export function instantToMs(input: string): number {
  const fast = fastInstant(input);
  if (fast === fast && fast >= MIN_INSTANT && fast < MAX_INSTANT_EXCLUSIVE) return fast;
  const parsed = parseInstant(input);
  return parsed.ok ? parsed.ms : Number.NaN;
}

/**
 * The shapes nearly every instant has (`2026-11-23T13:05:00Z`, `…:00.250Z`, `…:00+08:00`,
 * `…:00.250+08:00`), read without the regular expression: epoch ms when the text has one of them
 * and every field is in range, else NaN and `parseInstant` takes its general path (which also
 * writes the error messages). So the two paths cannot disagree on anything but speed.
 */
function fastInstant(s: string): number {
  const n = s.length;
  if (n !== 20 && n !== 24 && n !== 25 && n !== 29) return Number.NaN;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return Number.NaN;
  const t = s.charCodeAt(10);
  if (t !== 84 && t !== 116) return Number.NaN; // T or t
  const year = two(s, 0) * 100 + two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  const second = two(s, 17);
  let i = 19;
  let millis = 0;
  if (s.charCodeAt(i) === 46) {
    millis = digit(s, 20) * 100 + two(s, 21);
    i = 23;
  }
  let offset = 0;
  const z = s.charCodeAt(i);
  if (z === 90 || z === 122) {
    if (i + 1 !== n) return Number.NaN;
  } else if (z === 43 || z === 45) {
    if (i + 6 !== n || s.charCodeAt(i + 3) !== 58) return Number.NaN;
    const oh = two(s, i + 1);
    const om = two(s, i + 4);
    if (!(oh <= 23 && om <= 59)) return Number.NaN;
    offset = (z === 45 ? -1 : 1) * (oh * 60 + om);
  } else return Number.NaN;
  // Every comparison is false for NaN (a non-digit somewhere): the general path explains.
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59 && millis >= 0)) {
    return Number.NaN;
  }
  return daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offset * MS_PER_MINUTE;
}

function checkRange(ms: number, shown: string): InstantResult {
  if (ms < MIN_INSTANT || ms >= MAX_INSTANT_EXCLUSIVE) {
    return {
      ok: false,
      reason: 'invalid',
      message: `${JSON.stringify(shown)} is outside the supported range 1900-01-01T00:00Z … 2200-12-31T23:59:59.999Z`,
    };
  }
  return { ok: true, ms };
}

// A targeted hint for the shapes people actually send, so the message says what to change.
function explainShape(input: string): string {
  if (ISO_DATE.test(input)) return `a date alone is not an instant; ${FORMAT_HINT}`;
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(input)) return `separate date and time with "T", not a space; ${FORMAT_HINT}`;
  if (/[+-]\d{2}$/.test(input)) return `write the offset with minutes, like +08:00; ${FORMAT_HINT}`;
  if (/\u2212/.test(input)) return `use an ASCII "-" in the offset, not U+2212; ${FORMAT_HINT}`;
  return FORMAT_HINT;
}

/**
 * Formats epoch milliseconds as a UTC ISO 8601 instant. Whole seconds are written without a
 * fraction (`…:00Z`), otherwise milliseconds are kept (`…:00.250Z`): short in messages, still
 * lossless, and `parseInstant` reads both back to the same number. Throws `RangeError` for a
 * non-finite value (a programming error, as `Date#toISOString` does).
 *
 * @example
 * formatInstant(1795439100000); // '2026-11-23T13:05:00Z'
 * formatInstant(1795439100250); // '2026-11-23T13:05:00.250Z'
 */
export function formatInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/**
 * Whether a value is a `Date`: one from this realm, or from another (an iframe, a `vm` context, a
 * test runner's sandbox), which `instanceof Date` misses; a fake (`Object.create(Date.prototype)`)
 * is one too, and is then refused as invalid by `parseInstant`.
 *
 * @example
 * isDate(new Date('2026-11-23T00:00:00Z')); // true
 * isDate(vm.runInNewContext('new Date("2026-11-23T00:00:00Z")')); // true
 * isDate('2026-11-23'); // false
 */
export function isDate(value: unknown): value is Date {
  if (value instanceof Date) return true;
  if (typeof value !== 'object' || value === null) return false;
  try {
    Date.prototype.getTime.call(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The time value of a `Date`, or NaN for an object that only claims to be one
 * (`Object.create(Date.prototype)` passes `instanceof` but has no time value: `getTime` throws).
 */
function dateValue(date: Date): number {
  try {
    return Date.prototype.getTime.call(date);
  } catch {
    return Number.NaN;
  }
}
