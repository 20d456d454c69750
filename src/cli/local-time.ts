/** Wall-clock dates and times of a zone, for tables (Intl; one formatter per zone). */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23', timeZoneName: 'longOffset' });
    formatters.set(zone, f);
  }
  return f;
}

/** `{ date: '2026-11-23', time: '21:05', weekday: 'Mon', offset: '-05:00' }` in `zone`. */
export function wallClock(ms: number, zone: string): { date: string; time: string; weekday: string; offset: string } {
  const parts = Object.fromEntries(formatter(zone).formatToParts(ms).map((p) => [p.type, p.value]));
  // 'GMT-05:00', 'GMT+05:45', or 'GMT' alone for UTC.
  const offset = (parts.timeZoneName ?? 'GMT').slice(3) || '+00:00';
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}`, weekday: parts.weekday ?? '', offset };
}

/** Left-aligned columns, two spaces apart; the last column is not padded. */
export function table(rows: readonly (readonly string[])[], visibleLength: (s: string) => number = (s) => s.length): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - visibleLength(cell))))
      .join('  ')
      .trimEnd(),
  );
}
