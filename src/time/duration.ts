/**
 * ISO 8601 durations (`P7D`, `PT30M`, `P1M2DT3H`) and adding them to instants in a zone, with
 * date-fns semantics: calendar units (years, months, weeks, days) are nominal in the zone's wall
 * clock, time units (hours, minutes, seconds) are exact elapsed time. Computed on `ZoneClock`
 * arithmetic rather than TZDate, so results never depend on the process time zone.
 */
import type { Duration } from 'date-fns';
import { civilFromDays, daysFromCivil, daysInMonth, MS_PER_DAY, MS_PER_MINUTE } from './instant';
import { ZoneClock } from './zone';
import { describeValue } from '../zod-issues';

export type { Duration } from 'date-fns';

/** The result of `checkDuration`: errors as data, with a message a policy author can act on. */
export type DurationResult = { ok: true; duration: Duration } | { ok: false; message: string };

// Integers only, each designator at most once, in ISO order. No sign, no fraction.
const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
// Approximate lengths in days, only to enforce the cap (Gregorian mean year and month).
const APPROX_DAYS = [365.2425, 30.436875, 7, 1, 1 / 24, 1 / 1440, 1 / 86_400] as const;
/** Longest accepted duration, approximately: no collection rule needs more than a century. */
export const MAX_DURATION_YEARS = 100;

/**
 * Validates an ISO 8601 duration `PnYnMnWnDTnHnMnS` and explains a refusal.
 * Decisions: non-negative integers only (no fractions — a policy never needs sub-second cool-downs
 * and `PT0.5H` invites rounding disputes); no sign (the caller says whether to add or subtract);
 * weeks may be combined with other units (ISO 8601-2:2019, and date-fns supports it); designators
 * upper case; at least one component (`P`, `PT`, `P1DT` are refused); zero (`P0D`) is valid;
 * at most ~100 years in total.
 *
 * @param text - the candidate duration.
 * @returns `{ ok: true, duration }` (date-fns `Duration`, only the written units), or `{ ok: false, message }`.
 * @example
 * checkDuration('P1DT12H'); // { ok: true, duration: { days: 1, hours: 12 } }
 * checkDuration('PT1.5H');  // { ok: false, message: '"PT1.5H" is not … (fractions are not supported …)' }
 */
export function checkDuration(text: string): DurationResult {
  const m = typeof text === 'string' ? DURATION.exec(text) : null;
  if (m === null || text.endsWith('T') || m.slice(1).every((g) => g === undefined)) {
    // JSON.stringify throws for a bigint: a value that is not text is named by its kind.
    return { ok: false, message: `${typeof text === 'string' ? JSON.stringify(text) : describeValue(text)} is not an ISO 8601 duration like "P7D", "PT30M" or "P1M2DT3H"${hint(text)}` };
  }
  const duration: Duration = {};
  let days = 0;
  UNITS.forEach((unit, i) => {
    const digits = m[i + 1];
    if (digits === undefined) return;
    const n = Number(digits);
    duration[unit] = n;
    days += n * (APPROX_DAYS[i] ?? 0);
  });
  if (!(days <= MAX_DURATION_YEARS * 365.2425)) {
    return { ok: false, message: `${JSON.stringify(text)} is longer than ${MAX_DURATION_YEARS} years` };
  }
  return { ok: true, duration };
}

function hint(text: unknown): string {
  if (typeof text !== 'string') return '';
  if (/[.,]\d/.test(text)) return ' (fractions are not supported: write PT90M rather than PT1.5H)';
  if (/^[-+]/.test(text)) return ' (durations are unsigned: the rule says whether it is before or after)';
  // Only when upper case would make it one: "7 days" is not a lower-case duration.
  if (/[a-z]/.test(text) && DURATION.test(text.toUpperCase())) return ' (designators are upper case)';
  return '';
}

/**
 * Reads an ISO 8601 duration, or returns `null`; see `checkDuration` for the accepted forms and
 * a message when it is refused.
 *
 * @example
 * parseDuration('P7D');  // { days: 7 }
 * parseDuration('P');    // null
 * parseDuration('-P1D'); // null
 */
export function parseDuration(text: string): Duration | null {
  const r = checkDuration(text);
  return r.ok ? r.duration : null;
}

/**
 * Adds (`sign` 1) or subtracts (`sign` -1) a duration to an instant, with date-fns `add`/`sub`
 * semantics in the zone: years and months first (a day past the month end clamps: Jan 31 + P1M
 * is the last day of February), then weeks and days, each moving the local calendar date and
 * keeping the wall time (so `P1D` across a spring-forward is 23 hours), then hours, minutes and
 * seconds as exact elapsed time (`PT24H` is always 24 hours). A wall time that lands in a gap
 * moves forward by the gap; in an overlap it takes the earlier instant (see `ZoneClock.fromWall`).
 *
 * Why not date-fns `add(…, { in: tz(zone) })` itself: its TZDate setters go through the
 * process-local `Date` setters, and in a fall-back overlap the instant it picks depends on the
 * process time zone (Europe/Berlin 02:30 on 2026-10-25: CEST under TZ=Asia/Kolkata, CET under
 * TZ=UTC). Everywhere else the results are identical (property-tested in test/time-duration).
 *
 * @param ms - the instant, epoch milliseconds.
 * @param duration - a date-fns `Duration` with non-negative integer components (e.g. from `parseDuration`).
 * @param zone - a `ZoneClock` (fast: reuses its offset cache) or an IANA name (builds a clock per call).
 * @param sign - 1 to add, -1 to subtract.
 * @returns the resulting instant, epoch milliseconds.
 * @example
 * // 2026-03-07 12:00 in New York + P1D → 2026-03-08 12:00 EDT, 23 hours later
 * addDuration(Date.parse('2026-03-07T17:00:00Z'), { days: 1 }, 'America/New_York'); // Date.parse('2026-03-08T16:00:00Z')
 */
export function addDuration(ms: number, duration: Duration, zone: string | ZoneClock, sign: 1 | -1 = 1): number {
  const { years = 0, months = 0, weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0 } = duration;
  const exact = sign * ((hours * 60 + minutes) * MS_PER_MINUTE + seconds * 1000);
  const monthSteps = sign * (years * 12 + months);
  const daySteps = sign * (weeks * 7 + days);
  // Time units alone never need the zone.
  if (monthSteps === 0 && daySteps === 0) return ms + exact;
  const clock = typeof zone === 'string' ? new ZoneClock(zone) : zone;
  let t = ms;
  // Resolve after each calendar step, as date-fns does (P1M1D from a time that P1M puts in a gap
  // keeps the shifted wall time for the day step).
  if (monthSteps !== 0) t = clock.fromWall(addMonthsToWall(clock.wall(t), monthSteps));
  if (daySteps !== 0) t = clock.fromWall(clock.wall(t) + daySteps * MS_PER_DAY);
  return t + exact;
}

// date-fns addMonths on wall milliseconds: same day of month, clamped to the target month's end.
function addMonthsToWall(wall: number, months: number): number {
  const dayNumber = Math.floor(wall / MS_PER_DAY);
  const timeOfDay = wall - dayNumber * MS_PER_DAY;
  const { year, month, day } = civilFromDays(dayNumber);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return daysFromCivil(y, m, Math.min(day, daysInMonth(y, m))) * MS_PER_DAY + timeOfDay;
}

/**
 * Formats a duration back to ISO 8601, omitting zero units (`{ days: 7 }` → `'P7D'`); the empty
 * duration is `'PT0S'`.
 *
 * @example
 * formatDuration({ days: 1, hours: 12 }); // 'P1DT12H'
 */
export function formatDuration(duration: Duration): string {
  const { years, months, weeks, days, hours, minutes, seconds } = duration;
  const part = (n: number | undefined, unit: string): string => (n ? `${n}${unit}` : '');
  const date = part(years, 'Y') + part(months, 'M') + part(weeks, 'W') + part(days, 'D');
  const time = part(hours, 'H') + part(minutes, 'M') + part(seconds, 'S');
  if (date === '' && time === '') return 'PT0S';
  return `P${date}${time === '' ? '' : `T${time}`}`;
}

/**
 * An upper bound, in milliseconds, of a duration's length wherever and whenever it is applied:
 * 366-day years, 31-day months, and a day's slack for DST changes.
 *
 * @example
 * longestDurationMs({ months: 1 }); // 32 days in ms
 */
export function longestDurationMs(duration: Duration): number {
  const { years = 0, months = 0, weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0 } = duration;
  return (years * 366 + months * 31 + weeks * 7 + days + 1) * MS_PER_DAY + (hours * 60 + minutes) * MS_PER_MINUTE + seconds * 1000;
}

/**
 * Exact length in milliseconds of a duration made only of hours, minutes and seconds, or `null`
 * when it has calendar units (whose length depends on where and when it is applied).
 *
 * @example
 * fixedDurationMs({ hours: 24 }); // 86400000
 * fixedDurationMs({ days: 1 });   // null
 */
export function fixedDurationMs(duration: Duration): number | null {
  const { years = 0, months = 0, weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0 } = duration;
  if (years !== 0 || months !== 0 || weeks !== 0 || days !== 0) return null;
  return (hours * 60 + minutes) * MS_PER_MINUTE + seconds * 1000;
}
