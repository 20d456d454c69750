/**
 * Human-readable local times for explanations and error messages. ASCII only ('-', not U+2212),
 * so messages survive logs, terminals and snapshot files unchanged.
 */
import { ZoneClock } from './zone';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * Formats a UTC offset in minutes as `UTC+05:30` / `UTC-05:00` / `UTC+00:00`. Offsets with
 * seconds (pre-1972 local mean time, e.g. −00:44:30) keep them: `UTC-00:44:30`.
 *
 * @example
 * formatOffset(330);  // 'UTC+05:30'
 * formatOffset(-300); // 'UTC-05:00'
 */
export function formatOffset(minutes: number): string {
  const totalSeconds = Math.round(Math.abs(minutes) * 60);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor(totalSeconds / 60) % 60;
  const s = totalSeconds % 60;
  return `UTC${minutes < 0 && totalSeconds !== 0 ? '-' : '+'}${pad2(h)}:${pad2(m)}${s === 0 ? '' : `:${pad2(s)}`}`;
}

/**
 * Formats an instant as the wall clock of a zone, with the zone and its offset so the reading is
 * unambiguous even inside a fall-back overlap: `2026-11-24 08:00 (America/New_York, UTC-05:00)`.
 * Seconds (and milliseconds) are shown only when not zero, so a deferral until 10:14:30 is not
 * printed as 10:14. Pass a `ZoneClock` instead of a name to reuse its offset cache.
 *
 * @param ms - the instant, epoch milliseconds.
 * @param zone - an IANA zone name (throws `RangeError` if invalid) or a `ZoneClock`.
 * @example
 * formatLocal(Date.parse('2026-11-24T13:00:00Z'), 'America/New_York');
 * // '2026-11-24 08:00 (America/New_York, UTC-05:00)'
 */
export function formatLocal(ms: number, zone: string | ZoneClock): string {
  const clock = typeof zone === 'string' ? new ZoneClock(zone) : zone;
  const l = clock.local(ms);
  const wallMs = ms + Math.round(l.offset * 60_000);
  const secondMs = (((wallMs % 60_000) + 60_000) % 60_000);
  const second = Math.floor(secondMs / 1000);
  const milli = secondMs % 1000;
  const tail = secondMs === 0 ? '' : `:${pad2(second)}${milli === 0 ? '' : `.${String(milli).padStart(3, '0')}`}`;
  return `${l.isoDate} ${pad2(l.hour)}:${pad2(l.minute)}${tail} (${clock.zone}, ${formatOffset(l.offset)})`;
}
