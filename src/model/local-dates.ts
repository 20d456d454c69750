/**
 * Dates of an account against its instants: the account's cross-checks that set a date against
 * an instant (a promise made at an instant, due on a date; a flag from an instant to a date)
 * read the instant's local date in each of the debtor's zones, and refuse only what contradicts
 * itself in all of them.
 */
import { isValidTimeZone, ZoneClock } from '../time';
import { dayNumberToIsoDate, instantToMs, MS_PER_DAY } from '../time/instant';

/**
 * Every valid zone of `debtor.timeZone`, first first: a cross-check refuses only what is wrong in
 * all of them (the debtor may be in any, and a record written in one of them is not a typo).
 *
 * @example
 * datesZones(['America/New_York', 'America/Los_Angeles']); // both
 */
export function datesZones(timeZone: unknown): string[] {
  const all: unknown[] = Array.isArray(timeZone) ? timeZone : [timeZone];
  return all.filter((z): z is string => typeof z === 'string' && isValidTimeZone(z));
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
