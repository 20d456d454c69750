import { z } from 'zod';
import { CHANNELS, FLAGS } from '../vocabulary';
import { unknownKeysError } from '../zod-issues';
import {
  dateOrInstantSchema,
  endTimeOfDaySchema,
  jurisdictionSchema,
  strictObject,
  timeOfDaySchema,
  locationTimeZoneSchema,
  weekdaySchema,
} from './primitives';
import { datesZones, localDate } from './local-dates';

/** When a flag holds: from `since` (a date, debtor-local, or an instant) until `until` if set. */
export const flagSchema = strictObject({
  since: dateOrInstantSchema.describe('When the flag started to hold: a date YYYY-MM-DD (from the start of that day, debtor-local: in the first of several zones to reach it) or an instant (see Types).'),
  until: dateOrInstantSchema.optional().describe('When the flag stopped holding (exclusive): a date YYYY-MM-DD (debtor-local: in the last of several zones to reach it) or an instant (see Types).'),
  note: z.string().max(2000).optional().describe('Free text for people; not used in decisions.'),
})
  // Compared here when both are written the same way; a date and an instant meet in the debtor's
  // zone, which this schema does not know: `debtorSchema` compares those.
  .refine((f) => f.until === undefined || !sameForm(f.since, f.until) || notBefore(f.since, f.until), {
    path: ['until'],
    params: { code: 'ends_before_start' },
    message: 'ends before it starts (`since`); check both dates',
  })
  .describe('A status flag with the date it started.');

const isDate = (s: string) => s.length === 10;
const sameForm = (a: string, b: string) => isDate(a) === isDate(b);
/**
 * `until` is exclusive. Equal ends are accepted: a flag opened and lifted the same day is a record
 * some systems keep, and it simply never holds; only an end before the start is a contradiction.
 */
const notBefore = (since: string, until: string) => (isDate(since) ? until >= since : Date.parse(until) >= Date.parse(since));

/** A window of time the debtor said they may be contacted in, in their own zone. */
export const preferredWindowSchema = strictObject({
  days: z.array(weekdaySchema).min(1).optional().describe('Weekdays it applies to (debtor-local). Default: every day.'),
  from: timeOfDaySchema.describe('Starts at this local time (inclusive).'),
  to: endTimeOfDaySchema.describe('Ends at this local time (exclusive); earlier than `from` means past midnight.'),
  channels: z.array(z.enum(CHANNELS)).min(1).optional().describe('Channels it applies to. Default: every channel.'),
})
  // `to` earlier than `from` means past midnight, so `from === to` would read as open all day:
  // a typo must not widen the hours a debtor may be called.
  .refine((w) => w.from !== w.to, {
    path: ['to'],
    params: { code: 'empty_window' },
    message: "ends when it starts; for the whole day write from '00:00' to '24:00'",
  })
  .describe('A time the debtor said is convenient, in their own zone.');

/** The debtor: where they are, which law applies, and their status. */
export const debtorSchema = strictObject({
  name: z.string().max(512).optional().describe("The debtor's name, for people; not used in decisions."),
  timeZone: z
    .union([locationTimeZoneSchema, z.array(locationTimeZoneSchema).min(1).max(8)])
    .describe('IANA zone, or every zone the debtor may be in (area code and address disagree): windows must hold in all.'),
  jurisdiction: jurisdictionSchema.optional().describe("Where the debtor lives, e.g. 'US-MA', 'CN', 'GB'."),
  flags: z
    .partialRecord(z.enum(FLAGS), flagSchema, { error: unknownKeysError })
    .default({})
    .describe('Status flags with the date each started.'),
  contactPreferences: strictObject({
    windows: z.array(preferredWindowSchema).min(1).max(32).describe('The convenient times; any one of them will do.'),
  })
    .optional()
    .describe('Times the debtor said are convenient; windows marked `debtorMayOverride` use them instead of their own hours, for proposals to the debtor only.'),
})
  // A flag with one end a date and the other an instant: refused when the date is before the
  // instant's local date — a flag that can never hold, a typo, refused like one written in a
  // single form — in every zone of the debtor. The same day is accepted: a flag opened at 15:00
  // and lifted "on" that date is a record some systems keep, and it simply never holds.
  .superRefine((debtor, ctx) => {
    const flags: Readonly<Record<string, { since?: unknown; until?: unknown } | undefined>> = debtor.flags ?? {};
    let zones: string[] | undefined;
    for (const [flag, state] of Object.entries(flags)) {
      if (typeof state?.since !== 'string' || typeof state.until !== 'string' || sameForm(state.since, state.until)) continue;
      zones ??= datesZones(debtor.timeZone);
      const untilIsDate = isDate(state.until);
      const [date, instant] = untilIsDate ? [state.until, state.since] : [state.since, state.until];
      const days = zones.map((zone) => localDate(instant, zone));
      // ISO dates compare as strings; null: an end that failed its own check.
      const contradicts = (day: string | null) => day !== null && (untilIsDate ? date < day : day < date);
      if (days.length === 0 || !days.every(contradicts)) continue;
      ctx.addIssue({
        code: 'custom',
        path: ['flags', flag, 'until'],
        params: { code: 'ends_before_start' },
        message: untilIsDate
          ? `ends before it starts: \`until\` ${date} is before the day \`since\` ${instant} falls on (${days[0]} in ${zones[0]}, where the debtor's dates are read); check both`
          : `ends before it starts: \`until\` ${instant} falls on ${days[0]} in ${zones[0]} (where the debtor's dates are read), before \`since\` ${date}; check both`,
      });
    }
  })
  .describe('The debtor.');

export type Debtor = z.output<typeof debtorSchema>;
export type FlagState = z.output<typeof flagSchema>;
export type PreferredWindow = z.output<typeof preferredWindowSchema>;
