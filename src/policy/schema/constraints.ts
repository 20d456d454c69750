import { z } from 'zod';
import { topLevelConditionSchema } from '../../conditions/schema';
import { endTimeOfDaySchema, idSchema, strictObject, timeOfDaySchema, timeZoneSchema, weekdaySchema } from '../../model/primitives';
import { checkDuration, fixedDurationMs, parseDuration } from '../../time/duration';
import { CHANNELS, OUTCOMES, REASON_CODES, RELATIONSHIPS, WEEKDAYS } from '../../vocabulary';
import { selectorSchema } from './selector';

/** An ISO 8601 duration such as `P7D`, `PT24H`, `P1M`. */
export const durationSchema = z.string().refine((s) => parseDuration(s) !== null, {
  // checkDuration says why: a fraction, lower case, a sign, over 100 years.
  error: (issue) => {
    const checked = checkDuration(issue.input as string);
    return checked.ok ? "must be an ISO 8601 duration such as 'P7D', 'PT12H' or 'P1M'" : checked.message;
  },
  params: { code: 'invalid_duration' },
});

/** Whether an ISO 8601 duration is zero long ('P0D', 'PT0S'): a window of no time. */
export const isZeroDuration = (s: string) => {
  const d = parseDuration(s);
  return d !== null && fixedDurationMs(d) === 0;
};

/**
 * A duration a cap counts over or a cool-down waits: longer than zero, since a cap over no time
 * counts nothing and a wait of nothing holds nothing — a constraint that silently never restricts.
 */
const restrictingDurationSchema = durationSchema.refine((s) => !isZeroDuration(s), {
  message: "must be longer than zero (a zero duration never restricts anything), e.g. 'P7D' or 'PT12H'",
  params: { code: 'invalid_duration' },
});

/** Where local time is read: the location of the person contacted, or a fixed IANA zone. */
export const zoneRefSchema = z
  .union([z.literal('contact'), timeZoneSchema])
  .default('contact')
  .describe("'contact': the zone(s) of the person reached (the debtor's for `self`, every one when several are possible); or a fixed IANA zone.");

const base = {
  id: idSchema.describe('Unique across the policy; shown in every reason.'),
  description: z.string().max(2000).optional().describe('Free text for people; not used in decisions.'),
  citation: z.string().max(500).optional().describe('The clause this constraint encodes, e.g. "12 CFR 1006.6(b)(1)(i)".'),
  appliesTo: selectorSchema.optional().describe('Which proposals (actions, channels, contacts) and past attempts it applies to. Omitted: all of them — except internal actions (no channel: a credit report, a suit), which windows never hold and caps, cool-downs and promise holds hold only when `appliesTo` names them (by action or kind).'),
};

/** Local hours in which contact is allowed. */
export const windowSchema = strictObject({
  ...base,
  kind: z.literal('window'),
  days: z.array(weekdaySchema).default([...WEEKDAYS]).describe('Weekdays the window is open (local). Default: every day.'),
  from: timeOfDaySchema.describe('Opens at this local time (inclusive).'),
  to: endTimeOfDaySchema.describe('Closes at this local time (exclusive); earlier than `from` means past midnight.'),
  zone: zoneRefSchema,
  closedOn: z.array(idSchema).default([]).describe("Holiday calendars (ids in `holidays`) whose dates close the window, read in the window's zone (the person's, for 'contact')."),
  debtorMayOverride: z.boolean().default(false).describe("When the account states the debtor's own convenient times, use those instead of this window's hours and days (its `closedOn` still applies)."),
}).describe('A contact window. Windows of one layer are a union; different layers intersect.');

/**
 * A union's own message, for a value none of its forms can start to match (a string where an
 * object is expected, an object with the key of no form): zod would only say "expected object",
 * or name the key of the first form. A missing value keeps "is required".
 */
const oneOf = (forms: string) => ({
  error: (issue: { readonly input?: unknown }) => {
    if (issue.input === undefined) return undefined;
    const object = issue.input !== null && typeof issue.input === 'object' && !Array.isArray(issue.input);
    return object ? `has the key of none of the forms: must be one of ${forms}` : `must be one of ${forms}`;
  },
});

/** The period a cap counts over. */
export const capPeriodSchema = z.union([
  strictObject({ rolling: restrictingDurationSchema.describe('How far back from now attempts count.') }).describe('A sliding duration ending now.'),
  strictObject({
    calendar: z.enum(['day', 'week', 'month']).describe('Which calendar period, in local time.'),
    weekStartsOn: weekdaySchema.optional().describe("The first day of a calendar week: only with `calendar: 'week'` (default 'mon')."),
  })
    // A first day of the week on a day or a month would silently do nothing: refused like an unknown key.
    .superRefine((p, ctx) => {
      if (p.calendar !== 'week' && p.weekStartsOn !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['weekStartsOn'],
          message: `applies to calendar 'week' only, and this period is a calendar '${p.calendar}': remove \`weekStartsOn\`, or set \`calendar: 'week'\``,
          params: { code: 'unrecognized_keys' },
        });
      }
    })
    // A week starts on Monday unless it says otherwise; days and months have no first weekday.
    .overwrite((p) => (p.calendar === 'week' && p.weekStartsOn === undefined ? { ...p, weekStartsOn: 'mon' as const } : p))
    .describe('The current local calendar day, week or month.'),
  strictObject({ calendarDays: z.number().int().min(1).max(366).describe('How many days, today included.') }).describe('N consecutive local calendar days ending today (Reg F).'),
], oneOf(`{ "rolling": "P7D" }, { "calendar": "day" | "week" | "month" } or { "calendarDays": 7 }`));

const scopeSchema = z
  .enum(['account', 'contact', 'channel', 'method'])
  .default('account')
  .describe("What is counted together: the whole account (the debt), one contact (a person), one channel, or one method (a contact's channel).");

const CONSENT_LASTS =
  "With `excludeConsented`: the longest prior consent may last (Reg F: 'P7D'). A method's `consentUntil` is honoured until its `consentGivenAt` + this at the latest, however far ahead it was recorded, and not at all when the method does not say when consent was given.";

/** At most `max` counted attempts per period. */
export const capSchema = strictObject({
  ...base,
  kind: z.literal('cap'),
  max: z.number().int().min(0).max(10_000).describe('The most counted attempts allowed in the period; 0 allows none.'),
  period: capPeriodSchema.describe('The period attempts are counted over: rolling, calendar, or calendar days.'),
  scope: scopeSchema,
  outcomes: z.array(z.enum(OUTCOMES)).min(1).optional().describe('Only attempts with these outcomes count.'),
  excludeOutcomes: z.array(z.enum(OUTCOMES)).min(1).optional().describe('Attempts with these outcomes do not count.'),
  excludeConsented: z.boolean().default(false).describe("Attempts made with the consumer's prior consent do not count, and a method under consent (`consentUntil`) is not capped."),
  consentLasts: restrictingDurationSchema.optional().describe(CONSENT_LASTS),
  zone: zoneRefSchema,
}).describe('A frequency cap. Only outbound attempts are counted.');

/** Wait after an event before the next matching proposal. */
export const cooldownSchema = strictObject({
  ...base,
  kind: z.literal('cooldown'),
  after: strictObject({
    outcomes: z.array(z.enum(OUTCOMES)).min(1).optional().describe('Attempts with one of these outcomes.'),
    actions: z.array(idSchema).min(1).optional().describe('Attempts that carried out one of these actions.'),
    channels: z.array(z.enum(CHANNELS)).min(1).optional().describe('Attempts on one of these channels.'),
  })
    .default({})
    .describe('The events that start the cool-down (all fields given must match; empty: any attempt).'),
  wait: z
    .union([
      strictObject({ duration: restrictingDurationSchema.describe('How long to wait after the event.') }).describe('A duration from the event.'),
      strictObject({ calendarDays: z.number().int().min(1).max(366).describe('How many days, the event day included.') }).describe(
        'Local calendar days, the event day being day 1: allowed again from the start of day N+1.',
      ),
    ], oneOf(`{ "duration": "P2D" } or { "calendarDays": 7 }`))
    .describe('How long matching proposals wait after the latest event: a duration or calendar days.'),
  scope: scopeSchema,
  excludeConsented: z.boolean().default(false).describe("Does not hold a proposal on a method with the consumer's prior consent (`consentUntil`)."),
  consentLasts: restrictingDurationSchema.optional().describe(CONSENT_LASTS),
  zone: zoneRefSchema,
}).describe('A cool-down after an outcome or action.');

/** The order in which relationships may be contacted. */
export const contactOrderSchema = strictObject({
  ...base,
  kind: z.literal('contactOrder'),
  ranks: z.array(z.array(z.enum(RELATIONSHIPS)).min(1)).min(1).describe('Relationships rank by rank; a rank opens when every earlier one is exhausted.'),
  exhaustedAfter: strictObject({
    attempts: z.number().int().min(1).max(1000).describe('How many outbound attempts to the contact.'),
    outcomes: z.array(z.enum(OUTCOMES)).min(1).optional().describe('Only attempts with these outcomes count.'),
  })
    .optional()
    .describe('A contact is exhausted after this many attempts.'),
  exhaustedBy: z.array(z.enum(OUTCOMES)).default(['wrong_number']).describe('One attempt with any of these outcomes exhausts the contact.'),
  unranked: z.enum(['last', 'forbidden']).default('last').describe("Relationships in no rank: after every rank ('last') or never ('forbidden')."),
}).describe('Contact order.');

/** A condition that blocks matching proposals. */
export const blockSchema = strictObject({
  ...base,
  kind: z.literal('block'),
  when: topLevelConditionSchema.optional().describe('json-rules-engine condition over facts; omitted: always.'),
  except: selectorSchema.optional().describe('Proposals that stay unblocked (e.g. the notices allowed after a cease request).'),
  code: z.enum(REASON_CODES).default('BLOCKED').describe('The reason code reported.'),
  message: z.string().min(1).max(500).describe('Why, in words a collector understands.'),
}).describe('A block.');

/** Matching proposals need an approval recorded on the account. */
export const approvalConstraintSchema = strictObject({
  ...base,
  kind: z.literal('approval'),
  message: z.string().max(500).optional().describe("The reason reported while no approval is recorded. Default: \"'<action>' needs an approval recorded on the account\"."),
}).describe('An approval requirement.');

/** Defers matching proposals while a promise to pay is open. */
export const promiseHoldSchema = strictObject({
  ...base,
  kind: z.literal('promiseHold'),
  graceDays: z.number().int().min(0).max(90).default(0).describe('Local days after the promised date before collection resumes.'),
}).describe('A hold while a promise to pay is open.');

/** Any compliance constraint. */
export const constraintSchema = z.discriminatedUnion('kind', [
  windowSchema,
  capSchema,
  cooldownSchema,
  contactOrderSchema,
  blockSchema,
  approvalConstraintSchema,
  promiseHoldSchema,
]);

/** A compliance layer: a regulation, a company rule book. */
export const layerSchema = strictObject({
  id: idSchema.describe('Unique among the layers; reasons name the layer they come from.'),
  description: z.string().max(2000).optional().describe('Free text for people; not used in decisions.'),
  jurisdiction: z.string().max(16).optional().describe("The jurisdiction this layer encodes, e.g. 'US' (informative)."),
  citation: z.string().max(500).optional().describe('Default citation for the constraints of this layer.'),
  constraints: z.array(constraintSchema).max(500).describe('The constraints of the layer; each kind restricts in its own way.'),
}).describe('A compliance layer. Every constraint only restricts.');

export type WindowConstraint = z.output<typeof windowSchema>;
export type CapConstraint = z.output<typeof capSchema>;
export type CooldownConstraint = z.output<typeof cooldownSchema>;
export type ContactOrderConstraint = z.output<typeof contactOrderSchema>;
export type BlockConstraint = z.output<typeof blockSchema>;
export type ApprovalConstraint = z.output<typeof approvalConstraintSchema>;
export type PromiseHoldConstraint = z.output<typeof promiseHoldSchema>;
export type Constraint = z.output<typeof constraintSchema>;
export type Layer = z.output<typeof layerSchema>;
export type ConstraintKind = Constraint['kind'];
