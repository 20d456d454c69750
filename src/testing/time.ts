import { ArrearsError } from '../errors';
import { addDuration, checkDuration, dayNumberToIsoDate, formatInstant, isoDateToDayNumber, parseInstant, type ZoneClock } from '../time';
import { isoDateProblem } from '../time/instant';
import { describeValue } from './options';

/** An instant as the testing kit takes it: a `Date`, or ISO 8601 with `Z` or an offset. */
export type InstantLike = string | Date;

/** A calendar date `YYYY-MM-DD`, or an instant (read as its date in the debtor's zone). */
export type DateLike = string | Date;

const invalid = (path: readonly (string | number)[], message: string): ArrearsError =>
  new ArrearsError('OPTIONS_INVALID', [{ code: 'invalid_option', path, message }]);

/**
 * Epoch ms of an instant; throws `ArrearsError` (OPTIONS_INVALID) naming `path` otherwise.
 *
 * @example
 * toMs('2026-11-23T21:05:00+08:00', ['now']); // 1795439100000
 */
export function toMs(value: InstantLike, path: readonly (string | number)[]): number {
  const parsed = parseInstant(value);
  if (!parsed.ok) throw invalid(path, parsed.message);
  return parsed.ms;
}

/**
 * ISO (UTC) text of an instant given as text or `Date`; text that already is an instant is kept as written.
 *
 * @example
 * toIso(new Date(Date.UTC(2026, 10, 23)), ['at']); // '2026-11-23T00:00:00Z'
 */
export function toIso(value: InstantLike, path: readonly (string | number)[]): string {
  const ms = toMs(value, path);
  return typeof value === 'string' ? value : formatInstant(ms);
}

/**
 * Whether `value` is a calendar date `YYYY-MM-DD`.
 *
 * @example
 * isIsoDate('2026-02-30'); // false
 */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isoDateToDayNumber(value) !== null;
}

/**
 * Throws `ArrearsError` (OPTIONS_INVALID) naming `path` when `value` is written `YYYY-MM-DD` but
 * names a day the calendar does not have, in the account schema's words — rather than letting it
 * be read as an instant, whose message would say that a date is not an instant.
 */
function checkDate(value: DateLike, path: readonly (string | number)[]): void {
  const problem = typeof value === 'string' ? isoDateProblem(value) : null;
  if (problem !== null) throw invalid(path, `${JSON.stringify(value)} is not a calendar date: ${problem}`);
}

/**
 * The local day number of a date, or of an instant in `clock`'s zone.
 *
 * @example
 * dayNumberOf('2026-11-23T20:00:00Z', new ZoneClock('Asia/Shanghai'), ['asOf']); // the day number of 2026-11-24
 * dayNumberOf('2027-02-29', clock, ['asOf']); // throws: "2027-02-29" is not a calendar date: 2027-02 has 28 days, not 29
 */
export function dayNumberOf(value: DateLike, clock: ZoneClock, path: readonly (string | number)[]): number {
  if (isIsoDate(value)) return isoDateToDayNumber(value) as number;
  checkDate(value, path);
  return clock.dayNumber(toMs(value, path));
}

/**
 * A date (`YYYY-MM-DD`, kept as written) or an instant (as `toIso`), for options that take either.
 *
 * @example
 * dateOrIso('2026-11-20', ['since']); // '2026-11-20'
 * dateOrIso(new Date(Date.UTC(2026, 10, 20)), ['since']); // '2026-11-20T00:00:00Z'
 * dateOrIso('2026-02-30', ['since']); // throws: "2026-02-30" is not a calendar date: 2026-02 has 28 days, not 30
 */
export function dateOrIso(value: DateLike, path: readonly (string | number)[]): string {
  if (isIsoDate(value)) return value;
  checkDate(value, path);
  return toIso(value, path);
}

/** `YYYY-MM-DD` of a day number. */
export const isoDate = (dayNumber: number): string => dayNumberToIsoDate(dayNumber);

/**
 * Parses an ISO 8601 duration or throws `ArrearsError` naming `path`.
 *
 * @example
 * durationOf('P7D', ['within']); // { days: 7 }
 */
export function durationOf(text: string, path: readonly (string | number)[]) {
  // checkDuration's message says why (over 100 years, a fraction, lower case), as for a policy's
  // durations; "not an ISO 8601 duration" alone would be false for 'P99999D'.
  const checked = typeof text === 'string' ? checkDuration(text) : null;
  if (checked === null) throw invalid(path, `${describeValue(text)} is not an ISO 8601 duration such as 'P7D' or 'PT12H'`);
  if (!checked.ok) throw invalid(path, checked.message);
  return checked.duration;
}

/**
 * Whether a duration has calendar units (years, months, weeks, days), i.e. names local days.
 *
 * @example
 * hasCalendarUnits({ days: 7 }); // true; hasCalendarUnits({ hours: 48 }) is false
 */
export function hasCalendarUnits(duration: ReturnType<typeof durationOf>): boolean {
  return Boolean(duration.years || duration.months || duration.weeks || duration.days);
}

/**
 * The instant a duration before/after `ms` lands on, in a zone (date-fns semantics, see `addDuration`).
 *
 * @example
 * shift(Date.parse('2026-11-23T10:00:00Z'), 'P1D', clock, -1, ['within']); // 24 h earlier, or 23/25 across DST
 */
export function shift(ms: number, text: string, clock: ZoneClock, sign: 1 | -1, path: readonly (string | number)[]): number {
  return addDuration(ms, durationOf(text, path), clock, sign);
}

/**
 * `n` instants spread evenly and strictly inside the `within` period that ends at `before`
 * (exclusive). When `within` names days (`P7D`), the period starts at a local midnight, so a
 * rolling 7-day cap and a "7 consecutive calendar days" cap both count every instant at `before`
 * (a `before` at midnight is on the last of those days: 6 whole days precede it). Instants are
 * rounded to the minute (or the second) when there is room, so they read well in snapshots.
 *
 * @example
 * spread(2, Date.parse('2026-11-23T12:00:00Z'), 'PT3H', new ZoneClock('UTC'), []); // 10:00Z and 11:00Z
 */
export function spread(n: number, before: number, within: string, clock: ZoneClock, path: readonly (string | number)[]): number[] {
  const duration = durationOf(within, [...path, 'within']);
  let start = addDuration(before, duration, clock, -1);
  if (hasCalendarUnits(duration)) {
    // N days back from `before` start on the day after the one `before − within` falls on: a cap
    // of N calendar days at `before` counts `before`'s own day and the N − 1 before it. Also when
    // `before − within` is a midnight itself (`before` at midnight) — unless that leaves no time
    // before `before` (P1D): the day before it is then the only day there is.
    const day = clock.dayNumber(start);
    const next = clock.startOfDay(day + 1);
    if (clock.startOfDay(day) < start || next < before) start = next;
  }
  const span = before - start;
  if (!(span > n)) throw invalid([...path, 'within'], `no room for ${n} attempt(s) in the ${within} before ${formatInstant(before)}`);
  const gap = span / (n + 1);
  const unit = gap >= 120_000 ? 60_000 : gap >= 2_000 ? 1_000 : 1;
  return Array.from({ length: n }, (_, i) => Math.round((start + (i + 1) * gap) / unit) * unit);
}
