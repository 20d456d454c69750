import { z } from 'zod';
import { format, numberRange, oneOf, type StringDomain, type ValueDomain } from '../conditions/values';
import { currencySchema, idSchema, jurisdictionSchema, weekdaySpelling } from '../model/primitives';
import { durationSchema, isZeroDuration } from '../policy/schema/constraints';
import { longestDurationMs, parseDuration } from '../time/duration';
import { formatInstant, isoDateToDayNumber, parseInstant } from '../time/instant';
import { CHANNELS, FLAGS, LEGAL_STAGES, OUTCOMES, RELATIONSHIPS, WEEKDAYS } from '../vocabulary';

/** The type of a fact's value, as documented in docs/facts.md. */
export type FactType = 'number' | 'number | null' | 'string' | 'string | null' | 'boolean' | 'string[]' | 'object';

interface FactSpec {
  readonly type: FactType;
  readonly description: string;
  readonly params?: z.ZodType;
  /**
   * The values the fact can take, when they are fewer than its type allows (a closed list, a
   * format, a range of numbers): a comparison with any other value is refused when the policy is
   * parsed. Omitted: any value of the type is possible (`tags` are free text). Null, when the type
   * allows it, is apart (a number range says whether the fact can be null: `nullable`).
   */
  readonly values?: ValueDomain;
}

/**
 * Dates as the facts write them, `YYYY-MM-DD`, days that exist (the local date can be a day outside
 * the range of instants, so no range); `2026-1-5` or `2026/01/05` are told the spelling.
 */
const DATES = format({
  describe: "a date written YYYY-MM-DD (e.g. '2026-11-23')",
  has: (v) => isoDateToDayNumber(v) !== null, // null for any other shape, and for days that do not exist
  suggest: (v) => {
    const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v);
    return m === null ? undefined : `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  },
  numbers: 'prefix',
  example: '2026-11-23',
});

/**
 * Instants as the facts write them: in UTC, `Z`, milliseconds only when not zero (`formatInstant`).
 * The same instant written with an offset never equals the fact: the hint gives it in UTC.
 */
const INSTANTS = format({
  describe: "an instant in UTC written like '2026-11-23T13:05:00Z'",
  has: (v) => {
    const parsed = parseInstant(v);
    return parsed.ok && formatInstant(parsed.ms) === v;
  },
  suggest: (v) => {
    const parsed = parseInstant(v);
    return parsed.ok ? formatInstant(parsed.ms) : undefined;
  },
  numbers: 'prefix',
  example: '2026-11-23T13:05:00Z',
});

/**
 * Ranges of number facts, as `src/facts/compute.ts` computes them. Only what is certain: amounts
 * are sums of the account's minor units (integers, 0 or more); local clock fields come from the
 * zone clock's floor arithmetic; `daysToMonthEnd` is the month's length minus the day. Day counts
 * are whole but unbounded: `daysPastDue` is negative before the due date, `daysUntilPromise` when
 * a promise given as `status: 'open'` is past its date, and a days-since fact is -1 when the zone's
 * clock went back over midnight between the event and now (Antarctica/Casey on 2010-03-05).
 */
const COUNT = numberRange({ min: 0, integer: true });
const AMOUNT = COUNT;
const DAYS = numberRange({ integer: true });
const DAYS_OR_NULL = numberRange({ integer: true, nullable: true });
/**
 * Days since a flag started, floored at 0 while it holds. (Days since an attempt or a payment are
 * not: in a zone whose clock once went back over midnight, such as America/St_Johns in 1987 (the
 * local date stepped back a day), an attempt just before is -1 days ago a moment later.)
 */
const DAYS_SINCE = numberRange({ min: 0, integer: true, nullable: true });

/** The buckets a policy without `buckets` reads, in words: 30 days each from day 1. */
export const DEFAULT_BUCKETS = 'M0 (not overdue), M1 (1-30 days past due), M2 (31-60)…';

/**
 * Whether `name` is one of the default buckets (M0, M1, M2…, as the `bucket` fact writes them).
 *
 * @example
 * isDefaultBucket('M3'); // true
 * isDefaultBucket('early'); // false: only a policy's own `buckets` can name it
 */
export const isDefaultBucket = (name: string): boolean => /^M(?:0|[1-9]\d*)$/.test(name);

const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema).min(1)]);

/** Params of `attemptCount`: which attempts to count. */
export const attemptCountParamsSchema = z.strictObject({
  within: z
    .union([
      // Zero long, it counts nothing ever: a condition on it is constant, almost surely a typo.
      durationSchema.refine((s) => !isZeroDuration(s), { message: "must be longer than zero (no attempt is ever within a zero duration: the count is always 0), e.g. 'P7D'", params: { code: 'invalid_duration' } }),
      z.strictObject({ calendarDays: z.number().int().min(1).max(366).describe('How many local calendar days, today included.') }),
    ])
    .optional()
    .describe("A rolling duration ending now ('P7D': an attempt counts until it is 7 days old, as in a cap's rolling period), or N local calendar days ending today."),
  channel: oneOrMany(z.enum(CHANNELS)).optional().describe('Only attempts on this channel (or one of these).'),
  outcome: oneOrMany(z.enum(OUTCOMES)).optional().describe('Only attempts with this outcome (or one of these).'),
  action: oneOrMany(idSchema).optional().describe('Only attempts that carried out this action (or one of these).'),
  relationship: oneOrMany(z.enum(RELATIONSHIPS)).optional().describe('Only attempts to a contact of this relationship (or one of these).'),
  contactId: oneOrMany(idSchema)
    .optional()
    .describe("Only attempts to the contact with this id in the account (or one of these): for books whose accounts name their contacts alike ('primary', 'co-borrower')."),
  direction: z.enum(['outbound', 'inbound', 'any']).default('outbound').describe("Which attempts: made by you ('outbound', the default), by the debtor ('inbound'), or both ('any')."),
  minAgeDays: z.number().int().min(0).max(3660).optional().describe('Only attempts at least this many local calendar days old (e.g. a notice sent 14+ days ago).'),
}).superRefine((params, ctx) => {
  // Attempts at most `within` old and at least `minAgeDays` local days old: past the oldest local
  // day `within` reaches, none is both, and the count is always 0 — a block on it never holds.
  const { within, minAgeDays } = params;
  if (within === undefined || minAgeDays === undefined) return;
  const oldest = oldestDayWithin(within);
  if (oldest === null || minAgeDays <= oldest) return;
  const span = typeof within === 'string' ? within : `the last ${within.calendarDays} calendar days`;
  ctx.addIssue({
    code: 'custom',
    path: ['minAgeDays'],
    message: `no attempt is both within ${span} and at least ${minAgeDays} local days old: the count is always 0; make \`within\` longer or \`minAgeDays\` smaller`,
  });
});

/**
 * The most local calendar days old an attempt `within` can be: N − 1 for N calendar days (today
 * included); n for a duration of whole days or weeks (n days back at the same wall time, at most);
 * for other durations a bound on their longest length (months of 31 days, a day of slack for DST),
 * one more for the midnight an instant just before it may fall behind.
 */
function oldestDayWithin(within: string | { readonly calendarDays: number }): number | null {
  if (typeof within !== 'string') return within.calendarDays - 1;
  const d = parseDuration(within);
  if (d === null) return null;
  const { years = 0, months = 0, weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0 } = d;
  if (years === 0 && months === 0 && hours === 0 && minutes === 0 && seconds === 0) return weeks * 7 + days;
  return Math.floor(longestDurationMs(d) / 86_400_000) + 1;
}
export type AttemptCountParams = z.output<typeof attemptCountParamsSchema>;

const actionParams = z.strictObject({ action: oneOrMany(idSchema).describe('The action id (or several).') });
const flagParams = z.strictObject({ flag: z.enum(FLAGS).describe('The debtor flag, e.g. `deceased` or `cease_communication`.') });

/**
 * The closed catalogue of facts rules can use. Every name here is computed by `src/facts/compute.ts`
 * (the compiler checks they match) and documented in docs/facts.md (a test checks that).
 */
export const FACTS = {
  daysPastDue: { type: 'number', description: "Calendar days from the oldest unpaid due date to today, in the debtor's zone (0 on the due date, negative before it; 0 when nothing is due).", values: DAYS },
  bucket: { type: 'string', description: `The bucket of daysPastDue: the policy's \`buckets\`, or ${DEFAULT_BUCKETS}` },
  amountDue: { type: 'number', description: 'Total amount due, in minor units.', values: AMOUNT },
  overdueAmount: { type: 'number', description: 'Unpaid amount of instalments already due (amountDue when there are no instalments and the due date has passed).', values: AMOUNT },
  overdueInstalments: { type: 'number', description: 'Instalments past their due date and not fully paid.', values: COUNT },
  currency: {
    type: 'string',
    description: 'ISO 4217 currency of the account.',
    values: format({
      describe: "an ISO 4217 code of three capital letters (e.g. 'USD')",
      has: (v) => currencySchema.safeParse(v).success,
      suggest: (v) => v.toUpperCase(),
      numbers: 'never',
      example: 'USD',
    }),
  },
  settled: { type: 'boolean', description: 'Nothing is due (amountDue is 0).' },
  legalStage: { type: 'string', description: 'Legal stage: none, pre_legal, lawyer_letter, litigation, judgment, enforcement, closed.', values: oneOf(LEGAL_STAGES) },
  tags: { type: 'string[]', description: "The account's tags (use the `contains` operator)." },
  jurisdiction: {
    type: 'string | null',
    description: "The debtor's jurisdiction, e.g. 'US-MA'.",
    values: format({
      describe: "a country code in capitals, with an optional subdivision (e.g. 'US-MA')",
      has: (v) => jurisdictionSchema.safeParse(v).success,
      suggest: (v) => v.toUpperCase().replace('_', '-'),
      numbers: 'never',
      example: 'US-MA',
    }),
  },
  attributes: { type: 'object', description: "Your own `attributes` object (use `path`, or the fact name 'attributes.<key>')." },
  localDate: { type: 'string', description: "Today's date in the debtor's zone, YYYY-MM-DD.", values: DATES },
  localHour: { type: 'number', description: "Hour (0-23) in the debtor's zone.", values: numberRange({ min: 0, max: 23, integer: true }) },
  localMinute: { type: 'number', description: "Minute (0-59) in the debtor's zone.", values: numberRange({ min: 0, max: 59, integer: true }) },
  localMinuteOfDay: { type: 'number', description: "Minutes since local midnight (0-1439), e.g. 08:30 is 510.", values: numberRange({ min: 0, max: 1439, integer: true }) },
  localWeekday: {
    type: 'string',
    description: "Weekday in the debtor's zone: mon, tue, wed, thu, fri, sat, sun.",
    // 'Monday', 'THURS', 'tues': read as weekday fields read them.
    values: oneOf(WEEKDAYS, { describe: 'one of mon, tue, wed, thu, fri, sat, sun (three lower-case letters)', suggest: weekdaySpelling }),
  },
  localDayOfMonth: { type: 'number', description: "Day of the month (1-31) in the debtor's zone.", values: numberRange({ min: 1, max: 31, integer: true }) },
  daysToMonthEnd: { type: 'number', description: 'Days left in the local month (0 on its last day).', values: numberRange({ min: 0, max: 30, integer: true }) },
  isWeekend: { type: 'boolean', description: 'Today (local) is Saturday or Sunday.' },
  isHoliday: { type: 'boolean', description: "Today (local) is in one of the policy's holiday calendars." },
  totalAttempts: { type: 'number', description: 'Outbound attempts in the history.', values: COUNT },
  attemptsToday: { type: 'number', description: 'Outbound attempts on the local calendar day of now.', values: COUNT },
  attemptCount: {
    type: 'number',
    description:
      "Attempts matching `params` (within, channel, outcome, action, relationship, contactId, direction). An attempt is on a channel when logged on it or by a policy action on it, and of a relationship when it names a contact of it: unlike caps and cool-downs, which count an attempt that does not say on every channel and contact, this counts what the history says. In a block, a vague attempt is also read both ways (see compliance.md).",
    params: attemptCountParamsSchema,
    values: COUNT,
  },
  lastAttemptAt: { type: 'string | null', description: 'Instant of the latest outbound attempt (ISO, UTC).', values: INSTANTS },
  daysSinceLastAttempt: { type: 'number | null', description: 'Local calendar days since the latest outbound attempt.', values: DAYS_OR_NULL },
  lastOutcome: { type: 'string | null', description: 'Outcome of the latest attempt (either direction).', values: oneOf(OUTCOMES) },
  rightPartyContacts: { type: 'number', description: 'Attempts where the debtor was reached: right_party_contact on any contact, and promise_to_pay, refused, dispute, cease_request or paid on the debtor\'s own contact (or an attempt naming no contact). What the employer or a relative says is not the debtor being reached.', values: COUNT },
  lastRightPartyContactAt: { type: 'string | null', description: 'Instant of the latest right-party contact (ISO, UTC).', values: INSTANTS },
  daysSinceLastRightPartyContact: { type: 'number | null', description: 'Local calendar days since the latest right-party contact.', values: DAYS_OR_NULL },
  daysSinceLastAction: {
    type: 'number | null',
    description: 'Local calendar days since the latest attempt carrying one of `params.action` (null if never).',
    params: actionParams,
    values: DAYS_OR_NULL,
  },
  hasOpenPromise: { type: 'boolean', description: 'A promise to pay is open (not kept, broken or cancelled, its date not yet passed).' },
  openPromiseAmount: { type: 'number', description: 'Amount of open promises, in minor units.', values: AMOUNT },
  nextPromiseDate: { type: 'string | null', description: 'Date of the earliest open promise.', values: DATES },
  daysUntilPromise: { type: 'number | null', description: 'Local calendar days until the earliest open promise date.', values: DAYS_OR_NULL },
  brokenPromises: { type: 'number', description: 'Promises broken (date passed without being kept).', values: COUNT },
  keptPromises: { type: 'number', description: 'Promises kept.', values: COUNT },
  totalPaid: { type: 'number', description: 'Sum of payments, in minor units.', values: AMOUNT },
  paymentCount: { type: 'number', description: 'Number of payments.', values: COUNT },
  lastPaymentAt: { type: 'string | null', description: 'Instant of the latest payment.', values: INSTANTS },
  daysSinceLastPayment: { type: 'number | null', description: 'Local calendar days since the latest payment.', values: DAYS_OR_NULL },
  deceased: { type: 'boolean', description: 'The debtor is flagged deceased now.' },
  bankrupt: { type: 'boolean', description: 'The debtor is flagged bankrupt now.' },
  disputed: { type: 'boolean', description: 'The debt is flagged disputed now (until verified: set `until`).' },
  ceaseCommunication: { type: 'boolean', description: 'The debtor asked to cease communication.' },
  hardship: { type: 'boolean', description: 'The debtor is flagged in hardship.' },
  attorneyRepresented: { type: 'boolean', description: 'An attorney represents the debtor.' },
  workplaceContactProhibited: { type: 'boolean', description: 'The employer prohibits contact at work.' },
  sold: { type: 'boolean', description: 'The debt was sold or transferred.' },
  legalHold: { type: 'boolean', description: 'A legal hold stops collection.' },
  badFaith: { type: 'boolean', description: 'The debtor is flagged as evading in bad faith.' },
  daysSinceFlag: { type: 'number | null', description: 'Local calendar days since `params.flag` started (null when not set now).', params: flagParams, values: DAYS_SINCE },
  hasApproval: { type: 'boolean', description: 'The account carries a valid approval for `params.action`.', params: actionParams },
  contactCount: { type: 'number', description: 'Contacts on the account.', values: COUNT },
  selfReachable: {
    type: 'boolean',
    description: 'The debtor has a usable channel: a method not opted out (flagged, or by an `opt_out` reply on it), not marked invalid, and not dead (its last attempt a `wrong_number` or `bounced`, or its number found wrong by a call or text since the last conversation on it).',
  },
} as const satisfies Record<string, FactSpec>;

export type FactName = keyof typeof FACTS;
export const FACT_NAMES = Object.keys(FACTS) as FactName[];

/** Flag name (account) → fact name. */
export const FLAG_FACTS = {
  deceased: 'deceased',
  bankrupt: 'bankrupt',
  disputed: 'disputed',
  cease_communication: 'ceaseCommunication',
  hardship: 'hardship',
  attorney_represented: 'attorneyRepresented',
  workplace_contact_prohibited: 'workplaceContactProhibited',
  sold: 'sold',
  legal_hold: 'legalHold',
  bad_faith: 'badFaith',
} as const satisfies Record<(typeof FLAGS)[number], FactName>;

/**
 * The values of the `bucket` fact in a policy without `buckets`: M0, M1, M2… (any M<n>: days past
 * due have no upper bound worth stating). A name that is not an M<n> misspelt (`m1`, `M01`) is
 * accepted: a rule book composed with a strategy may name the strategy's buckets, and the composed
 * policy is checked against them.
 *
 * @example
 * DEFAULT_BUCKET_VALUES.has('M3');  // true
 * DEFAULT_BUCKET_VALUES.has('m1');  // false (did you mean 'M1'?)
 */
export const DEFAULT_BUCKET_VALUES: StringDomain = format({
  describe: `${DEFAULT_BUCKETS} (define \`buckets\` to name your own)`,
  has: (v) => isDefaultBucket(v) || !/^m?0*\d+$/i.test(v),
  // 'm1', 'M01', '1': the M and the number as the fact writes them.
  suggest: (v) => {
    const m = /^m?0*(\d+)$/i.exec(v);
    return m === null ? undefined : `M${Number(m[1])}`;
  },
  numbers: 'never',
  example: 'M1',
});

/** The buckets as the `bucket` fact names them: the policy's own ids, or the default ones without `buckets`. */
function bucketValues(buckets: readonly { readonly id: string }[] | undefined): ValueDomain {
  if (buckets !== undefined) return oneOf(buckets.map((b) => b.id), { describe: `one of the policy's buckets: ${buckets.map((b) => b.id).join(', ')}` });
  return DEFAULT_BUCKET_VALUES;
}

/**
 * The values a fact can take when they are fewer than its type allows (see `FactSpec.values`), or
 * undefined: any value of its type. `bucket` takes the policy's own buckets.
 *
 * @example
 * factValues('localWeekday', undefined)?.has('Sun');  // false
 * factValues('bucket', [{ id: 'early' }, { id: 'late' }])?.has('M1'); // false
 * factValues('tags', undefined);                       // undefined: free text
 */
export function factValues(fact: string, buckets: readonly { readonly id: string }[] | undefined): ValueDomain | undefined {
  if (fact === 'bucket') return bucketValues(buckets);
  if (!Object.hasOwn(FACTS, fact)) return undefined;
  const spec: FactSpec = FACTS[fact as FactName];
  return spec.values;
}

/**
 * Whether `name` is a fact rules may use: a catalogue name or `attributes.<key>`.
 *
 * @example
 * isKnownFact('daysPastDue'); // true
 * isKnownFact('attributes.segment'); // true
 * isKnownFact(42 as unknown as string); // false: only a string names a fact
 */
export function isKnownFact(name: string): boolean {
  // From plain JavaScript anything may come: an object would be converted to a key, which can throw.
  return typeof name === 'string' && (Object.hasOwn(FACTS, name) || /^attributes\.[^.]+$/.test(name));
}
