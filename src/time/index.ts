/**
 * `src/time`: every piece of time arithmetic the engine needs, exact to the minute across DST,
 * never reading the clock or the process time zone.
 */
export {
  MS_PER_DAY,
  MS_PER_MINUTE,
  MIN_INSTANT,
  MAX_INSTANT_EXCLUSIVE,
  civilFromDays,
  dayNumberToIsoDate,
  daysFromCivil,
  daysInMonth,
  formatInstant,
  isoDateToDayNumber,
  parseInstant,
  weekdayOfDayNumber,
} from './instant';
export type { InstantError, InstantResult, Weekday } from './instant';
export { fixedOffsetProblem, isValidTimeZone } from './zone-name';
export { ZoneClock } from './zone';
export { ZoneClocks } from './zone-clocks';
export type { InstantInterval, LocalTime } from './zone';
export { addDuration, checkDuration, fixedDurationMs, formatDuration, longestDurationMs, MAX_DURATION_YEARS, parseDuration } from './duration';
export type { Duration, DurationResult } from './duration';
export { formatLocal, formatOffset } from './format';
