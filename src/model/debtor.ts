import { z } from 'zod';
import { CHANNELS, FLAGS, WEEKDAYS } from '../vocabulary';
import {
  endTimeOfDaySchema,
  instantSchema,
  isoDateSchema,
  jurisdictionSchema,
  timeOfDaySchema,
  timeZoneSchema,
} from './primitives';

/** When a flag holds: from `since` (a date, debtor-local, or an instant) until `until` if set. */
export const flagSchema = z
  .strictObject({
    since: z.union([isoDateSchema, instantSchema]).describe('A date (YYYY-MM-DD, debtor-local) or an instant.'),
    until: z.union([isoDateSchema, instantSchema]).optional().describe('When the flag stopped holding (exclusive).'),
    note: z.string().max(2000).optional(),
  })
  .describe('A status flag with the date it started.');

/** A window of time the debtor said they may be contacted in, in their own zone. */
export const preferredWindowSchema = z.strictObject({
  days: z.array(z.enum(WEEKDAYS)).min(1).optional(),
  from: timeOfDaySchema,
  to: endTimeOfDaySchema,
  channels: z.array(z.enum(CHANNELS)).min(1).optional(),
});

/** The debtor: where they are, which law applies, and their status. */
export const debtorSchema = z
  .strictObject({
    name: z.string().max(512).optional(),
    timeZone: z
      .union([timeZoneSchema, z.array(timeZoneSchema).min(1).max(8)])
      .describe('IANA zone, or every zone the debtor may be in (area code and address disagree): windows must hold in all.'),
    jurisdiction: jurisdictionSchema.optional().describe("Where the debtor lives, e.g. 'US-MA', 'CN', 'GB'."),
    flags: z.partialRecord(z.enum(FLAGS), flagSchema).default({}).describe('Status flags with the date each started.'),
    contactPreferences: z
      .strictObject({
        windows: z.array(preferredWindowSchema).min(1).max(32),
      })
      .optional()
      .describe('Times the debtor said are convenient; windows marked `debtorMayOverride` use them instead of their own hours.'),
  })
  .describe('The debtor.');

export type Debtor = z.output<typeof debtorSchema>;
export type FlagState = z.output<typeof flagSchema>;
export type PreferredWindow = z.output<typeof preferredWindowSchema>;
