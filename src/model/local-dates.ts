/**
 * Dates of an account as the engine reads them: a `YYYY-MM-DD` is a day in the debtor's first
 * zone (src/facts/context.ts builds every decision's clock from it). The account's cross-checks
 * that set a date against an instant use the same reading, so they refuse exactly what could
 * never mean anything to the engine, and nothing it would read differently.
 */
import { isValidTimeZone, ZoneClock } from '../time';
import { dayNumberToIsoDate, formatInstant, instantToMs, isoDateToDayNumber, MS_PER_DAY } from '../time/instant';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The zone the debtor's dates are read in: the first of `debtor.timeZone`, or null when there is
 * none valid (the zone's own issue says so, and nothing is compared).
 *
 * @example
 * datesZone(['America/Chicago', 'America/New_York']); // 'America/Chicago'
 * datesZone('Mars/Olympus');                           // null
 */
export function datesZone(timeZone: unknown): string | null {
  const first: unknown = Array.isArray(timeZone) ? timeZone[0] : timeZone;
  return typeof first === 'string' && isValidTimeZone(first) ? first : null;
}

/**
 * When a date-or-instant starts, in epoch ms: a date is the start of that day in `zone`; an
 * instant is itself. NaN for anything else (a value that failed its own check).
 *
 * @example
 * startMs('2026-05-01', 'America/Chicago');           // Date.parse('2026-05-01T05:00:00Z')
 * startMs('2026-05-01T12:00:00Z', 'America/Chicago'); // Date.parse('2026-05-01T12:00:00Z')
 */
export function startMs(value: unknown, zone: string): number {
  if (typeof value !== 'string') return Number.NaN;
  const day = ISO_DATE.test(value) ? isoDateToDayNumber(value) : null;
  return day === null ? instantToMs(value) : new ZoneClock(zone).startOfDay(day);
}

/**
 * The local date (`YYYY-MM-DD`) of an instant in `zone`, or null when it is not an instant.
 *
 * @example
 * localDate('2026-11-21T03:00:00Z', 'America/Chicago'); // '2026-11-20'
 */
export function localDate(instant: unknown, zone: string): string | null {
  const ms = typeof instant === 'string' ? instantToMs(instant) : Number.NaN;
  if (Number.isNaN(ms)) return null;
  return dayNumberToIsoDate(Math.floor(new ZoneClock(zone).wall(ms) / MS_PER_DAY));
}

/**
 * An instant as the messages show it: ISO 8601 in UTC.
 *
 * @example
 * shownInstant(Date.parse('2026-05-01T00:00:00-05:00')); // '2026-05-01T05:00:00Z'
 */
export const shownInstant = (ms: number): string => formatInstant(ms);
