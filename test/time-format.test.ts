import { describe, expect, it } from 'vitest';
import { formatLocal, formatOffset, ZoneClock } from '../src/time';

const utc = (iso: string): number => Date.parse(iso);

describe('formatOffset', () => {
  it.each([
    [0, 'UTC+00:00'],
    [330, 'UTC+05:30'],
    [345, 'UTC+05:45'],
    [-300, 'UTC-05:00'],
    [-210, 'UTC-03:30'],
    [840, 'UTC+14:00'],
    [-44.5, 'UTC-00:44:30'],
    [321 + 10 / 60, 'UTC+05:21:10'],
  ])('%d minutes → %s (ASCII minus)', (minutes, text) => {
    expect(formatOffset(minutes)).toBe(text);
  });
});

describe('formatLocal', () => {
  it('writes the wall time with the zone and its offset', () => {
    expect(formatLocal(utc('2026-11-24T13:00:00Z'), 'America/New_York')).toBe('2026-11-24 08:00 (America/New_York, UTC-05:00)');
    expect(formatLocal(utc('2026-11-23T13:05:00Z'), 'Asia/Shanghai')).toBe('2026-11-23 21:05 (Asia/Shanghai, UTC+08:00)');
    expect(formatLocal(utc('2026-11-23T13:05:00Z'), 'Asia/Kathmandu')).toBe('2026-11-23 18:50 (Asia/Kathmandu, UTC+05:45)');
  });

  it('tells the two passes through a repeated hour apart', () => {
    const ny = new ZoneClock('America/New_York');
    expect(formatLocal(utc('2026-11-01T05:30:00Z'), ny)).toBe('2026-11-01 01:30 (America/New_York, UTC-04:00)');
    expect(formatLocal(utc('2026-11-01T06:30:00Z'), ny)).toBe('2026-11-01 01:30 (America/New_York, UTC-05:00)');
  });

  it('shows seconds and milliseconds only when they are not zero', () => {
    expect(formatLocal(utc('2026-11-24T02:14:30Z'), 'Asia/Shanghai')).toBe('2026-11-24 10:14:30 (Asia/Shanghai, UTC+08:00)');
    expect(formatLocal(utc('2026-11-24T02:14:00.250Z'), 'Asia/Shanghai')).toBe('2026-11-24 10:14:00.250 (Asia/Shanghai, UTC+08:00)');
    expect(formatLocal(utc('1971-06-01T00:00:00Z'), 'Africa/Monrovia')).toBe('1971-05-31 23:15:30 (Africa/Monrovia, UTC-00:44:30)');
  });

  it('throws RangeError for an unknown zone', () => {
    expect(() => formatLocal(0, 'Mars/Base')).toThrow(RangeError);
  });
});
