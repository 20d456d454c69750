import { z } from 'zod';
import type { DeepReadonly } from '../../readonly';
import { topLevelConditionSchema } from '../../conditions/schema';
import { DEFAULT_BUCKETS } from '../../facts/catalogue';
import { DATE_RANGE_MESSAGE, idSchema, isDateOutOfRange, jurisdictionSchema, safeKeySchema, strictObject } from '../../model/primitives';
import { isoDateProblem, isoDateToDayNumber } from '../../time/instant';
import { ACTION_KINDS, CHANNELS, RELATIONSHIPS } from '../../vocabulary';
import { layerSchema } from './constraints';

/** Who an action reaches. */
export const targetSchema = z.union([
  z.enum(RELATIONSHIPS).describe('Every contact with this relationship.'),
  z.array(z.enum(RELATIONSHIPS)).min(1).describe('Every contact with one of these relationships, in this order.'),
  strictObject({ order: idSchema.describe('The id of a `contactOrder` constraint.') }).describe('The contacts of a `contactOrder` constraint, rank by rank.'),
]);

/** Something the strategy may propose. */
export const actionSchema = strictObject({
  label: z.string().max(200).optional().describe('Human name, shown by `explain`.'),
  description: z.string().max(2000).optional().describe('Free text for people; not used in decisions.'),
  kind: z
    .enum(ACTION_KINDS)
    .optional()
    .describe("With a channel it reaches a person: 'communication' (the default) or 'notice'. Without one: 'internal' (the default), 'legal', 'credit_report', 'notice' (posted, not sent), or 'communication' (it reaches a person by means no channel names, like a notice on a building's board: blocks on kinds hold it, but windows, caps and cool-downs time only channels, so nothing times it). 'notice' is only for what the law lets through where communication must stop (Reg F: efforts terminated, a remedy; a dispute's verification): regulation presets let notices pass their cease and dispute blocks, so a demand or lawyer's letter is a 'communication'."),
  channel: z
    .union([z.enum(CHANNELS), z.array(z.enum(CHANNELS)).min(1)])
    .optional()
    .describe('The channel, or channels in order of preference. None: the action reaches no one (escalation, report).'),
  target: targetSchema.optional().describe("Who it reaches (default 'self'). Only for actions with a channel."),
  requiresApproval: z.boolean().default(false).describe('Proposals need an approval recorded on the account.'),
}).describe('An action the strategy may propose.');

/** A strategy rule: when its condition holds, it proposes its actions. */
export const ruleSchema = strictObject({
  id: idSchema.describe('Unique among the rules; decisions name the rule that proposed each action.'),
  description: z.string().max(2000).optional().describe('Free text for people; not used in decisions.'),
  priority: z.number().int().min(1).max(1_000_000).default(1).describe('Higher first (as in json-rules-engine); ties keep the order of `rules`.'),
  when: topLevelConditionSchema.describe('A json-rules-engine condition over the derived facts.'),
  then: z.array(idSchema).min(1).max(50).describe('Action ids proposed, in order of preference.'),
}).describe('A strategy rule.');

/** A named bucket of days past due; the last has no upper bound. */
export const bucketSchema = strictObject({
  id: idSchema.describe('The bucket name, the value of the `bucket` fact (e.g. M1).'),
  upTo: z.number().int().min(-3650).max(36500).optional().describe('Largest daysPastDue in the bucket (inclusive); omitted on the last.'),
});

const HOLIDAY_ENTRY = /^(\d{4}-\d{2}-\d{2})(?:\/(\d{4}-\d{2}-\d{2}))?$/;

/**
 * What is wrong with a holiday entry, or null: one message for the shape, the day that does not
 * exist, a range written backwards or longer than a year (366 days, inclusive), a date outside
 * 1900–2200 (a typo that would never close a window).
 *
 * @example
 * holidayEntryProblem('2026-12-31/2026-12-01'); // "the range ends on 2026-12-01, before it starts on 2026-12-31; write the earlier date first"
 */
function holidayEntryProblem(entry: string): string | null {
  const m = HOLIDAY_ENTRY.exec(entry);
  if (m === null || m[1] === undefined) return "must be a date YYYY-MM-DD or a range 'YYYY-MM-DD/YYYY-MM-DD' of at most a year";
  const ends = m[2] === undefined ? [m[1]] : [m[1], m[2]];
  for (const date of ends) {
    const problem = isoDateProblem(date);
    if (problem !== null) return `${date} is not a calendar date: ${problem}`;
    if (isDateOutOfRange(date)) return `${date} ${DATE_RANGE_MESSAGE}`;
  }
  const from = isoDateToDayNumber(m[1]) as number;
  const to = m[2] === undefined ? from : (isoDateToDayNumber(m[2]) as number);
  if (to < from) return `the range ends on ${m[2]}, before it starts on ${m[1]}; write the earlier date first`;
  // Inclusive: 366 days at most (a leap year), so the two ends are at most 365 days apart.
  if (to - from > 365) return `the range covers ${to - from + 1} days, more than a year (366); split it into ranges of at most a year`;
  return null;
}

/** A holiday date, or an inclusive range `YYYY-MM-DD/YYYY-MM-DD` of at most a year (366 days). */
export const holidayEntrySchema = z.string().superRefine((entry, ctx) => {
  const problem = holidayEntryProblem(entry);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, params: { code: 'invalid_date' } });
});

/** The whole policy document. */
export const policySchema = strictObject({
  $schema: z.string().optional().describe('Path or URL of policy.schema.json, for editors.'),
  id: z
    .string()
    .max(512)
    .regex(/^[A-Za-z0-9_][A-Za-z0-9_.:+-]*$/, { message: "must be letters, digits, '_', '-', '.', ':' or '+', starting with a letter, a digit or '_' (composed policies join ids with '+')" })
    .describe('The policy id, shown in every decision.'),
  version: z.string().min(1).max(64).describe('Your version of the policy; with `id` and the hash it identifies what decided.'),
  jurisdiction: z
    .union([jurisdictionSchema, z.array(jurisdictionSchema).min(1)])
    .describe('The jurisdiction(s) the policy encodes. The library never guesses a law.'),
  description: z.string().max(5000).optional().describe('Free text for people; not used in decisions.'),
  buckets: z.array(bucketSchema).min(1).max(100).optional().describe(`Custom buckets of days past due. Default: ${DEFAULT_BUCKETS}`),
  holidays: z
    .record(safeKeySchema, z.array(holidayEntrySchema).max(2000))
    .default({})
    .describe("Holiday calendars by id, each a list of dates 'YYYY-MM-DD' or inclusive ranges 'YYYY-MM-DD/YYYY-MM-DD' (at most a year). Windows name them in `closedOn`."),
  conditions: z.record(safeKeySchema, topLevelConditionSchema).default({}).describe('Named conditions, referenced as { "condition": "name" }.'),
  actions: z.record(idSchema, actionSchema).default({}).describe('Actions by id.'),
  rules: z.array(ruleSchema).default([]).describe('Strategy rules.'),
  compliance: z.array(layerSchema).max(50).default([]).describe('Compliance layers; each may only restrict.'),
}).describe('An arrears policy: a strategy (rules proposing actions) and compliance layers.');

/** A policy as `parsePolicy` returns it: validated, cross-checked, defaults filled in, frozen. */
export type Policy = Readonly<z.output<typeof policySchema>>;
/** A policy as you write it in JSON. */
export type PolicyInput = DeepReadonly<z.input<typeof policySchema>>;
export type Action = z.output<typeof actionSchema>;
export type Rule = z.output<typeof ruleSchema>;
export type Target = z.output<typeof targetSchema>;
export type Bucket = z.output<typeof bucketSchema>;
