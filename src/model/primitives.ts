import { z } from 'zod';
import { fixedOffsetProblem, isValidTimeZone } from '../time';
import { zoneSpelling } from '../time/zone-name';
import { formatInstant, instantToMs, isDate, isoDateProblem, isoDateToDayNumber, MAX_INSTANT_EXCLUSIVE, MIN_INSTANT, MS_PER_DAY, parseInstant } from '../time/instant';
import { suggest } from '../conditions/suggest';
import { WEEKDAYS, type Weekday } from '../vocabulary';
import { describeValue, unknownKeysError } from '../zod-issues';

/** Keys that would reach `Object.prototype` if copied naively; refused everywhere. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** A key of a user-supplied map (actions, attributes, holiday calendars…). */
export const safeKeySchema = z
  .string()
  .min(1)
  .max(128)
  .refine((k) => !FORBIDDEN_KEYS.includes(k), {
    message: 'this key is reserved (it could reach Object.prototype); rename it',
    params: { code: 'forbidden_key' },
  });

/** An identifier written in a policy: letters, digits, `_`, `-`, `.` and `:`. */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,127}$/, {
    message: "must be 1-128 characters of letters, digits, '_', '-', '.' or ':'",
  })
  .refine((k) => !FORBIDDEN_KEYS.includes(k), {
    message: 'this id is reserved (it could reach Object.prototype); rename it',
    params: { code: 'forbidden_key' },
  });

/**
 * An object that refuses keys it does not declare, and names the declared key an unknown one is
 * likely a typo of. Every object of the account and policy schemas is one.
 */
export function strictObject<const Shape extends z.core.$ZodLooseShape>(shape: Shape): z.ZodObject<z.core.util.Writeable<Shape>, z.core.$strict> {
  return z.strictObject(shape, { error: unknownKeysError });
}

/** How zod names the type of a value in its messages: `number`, `bigint`, `Map`, `Array`… */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  return typeof value === 'object' ? Object.prototype.toString.call(value).slice(8, -1) : typeof value;
}

const INSTANT_EXAMPLE = '"2026-11-23T21:05:00+08:00"';

/**
 * A string or a `Date`. `z.date()` would refuse an invalid `Date` as "expected date, received
 * Date"; taking any `Date` lets `parseInstant` say what is wrong with it. A value of another type
 * gets one sentence saying what is expected; a missing one is left to zod ("is required").
 */
const stringOrDate = (expected: string) =>
  // `isDate`, not `instanceof`: a Date made in another realm (an iframe, a vm, a test sandbox) is one.
  z.union([z.string(), z.custom<Date>(isDate)], {
    error: (issue) => {
      if (issue.input === undefined) return undefined;
      const epoch = typeof issue.input === 'number' ? ' (epoch milliseconds are not taken: pass new Date(ms))' : '';
      return `${expected}; received ${typeName(issue.input)}${epoch}`;
    },
  });

/** Reads an instant in a transform: the ISO string to keep, or an issue saying what is wrong. */
function toInstant(value: string | Date, ctx: z.core.$RefinementCtx): string {
  // An instant written right, as nearly all are: kept without building parseInstant's result.
  if (typeof value === 'string' && !Number.isNaN(instantToMs(value))) return value;
  const parsed = parseInstant(value);
  if (!parsed.ok) {
    ctx.addIssue({
      code: 'custom',
      message: parsed.message,
      params: { code: parsed.reason === 'missing_offset' ? 'missing_offset' : 'invalid_instant' },
    });
    return z.NEVER;
  }
  return typeof value === 'string' ? value : formatInstant(parsed.ms);
}

/**
 * An instant: ISO 8601 with `Z` or an offset, or a valid `Date`. Output is always an ISO string,
 * so parsed accounts stay plain JSON. A local date-time without offset is refused: it would be
 * ambiguous in a library whose every rule is about local time.
 */
export const instantSchema = stringOrDate(`must be an ISO 8601 instant with Z or an offset, like ${INSTANT_EXAMPLE}, or a Date`).transform(toInstant);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_MESSAGE = 'must be a calendar date written YYYY-MM-DD (e.g. 2026-11-23)';

/** What is wrong with a date: its shape, or, written right, the day the calendar does not have. */
const isoDateMessage = (value: unknown): string => {
  const problem = typeof value === 'string' ? isoDateProblem(value) : null;
  return problem === null ? ISO_DATE_MESSAGE : `is not a calendar date: ${problem}`;
};

/**
 * A real calendar date outside the instants' range (1900–2200): a due date in year 0 or 9999 is
 * a typo, not a debt. False for anything that is not a date (its own check says so). Exported
 * for the other dates that must keep to the range (policies' holidays).
 *
 * @example
 * isDateOutOfRange('9999-12-31'); // true
 * isDateOutOfRange('2026-11-23'); // false
 * isDateOutOfRange('2026-02-30'); // false: not a date at all, which its own check says
 */
export const isDateOutOfRange = (s: string): boolean => {
  const day = ISO_DATE.test(s) ? isoDateToDayNumber(s) : null;
  return day !== null && (day * MS_PER_DAY < MIN_INSTANT || day * MS_PER_DAY >= MAX_INSTANT_EXCLUSIVE);
};
/** The message of a date outside 1900–2200, the same wherever a date is read. */
export const DATE_RANGE_MESSAGE = 'is outside the supported range 1900-01-01 … 2200-12-31';

/** A calendar date, `YYYY-MM-DD`, 1900–2200. */
export const isoDateSchema = z
  .string()
  .refine((s) => ISO_DATE.test(s) && isoDateToDayNumber(s) !== null, {
    error: (issue) => isoDateMessage(issue.input),
    params: { code: 'invalid_date' },
  })
  // Not `abort` on the first (it would skip the account's cross-checks): a date that is not one
  // is told so once, by the check above.
  .refine((s) => !isDateOutOfRange(s), { message: DATE_RANGE_MESSAGE, params: { code: 'invalid_date' } });

const DATE_OR_INSTANT = `must be a calendar date YYYY-MM-DD or an ISO 8601 instant with Z or an offset, like "2026-11-23" or ${INSTANT_EXAMPLE}`;

/**
 * A calendar date (`YYYY-MM-DD`, read in the debtor's zone) or an instant. One schema rather than
 * a union of the two, so a date-time without offset is told it misses its offset, not that it is
 * not a date. Output is the date, or the instant as an ISO string.
 */
export const dateOrInstantSchema = stringOrDate(`${DATE_OR_INSTANT}, or a Date`).transform((value, ctx) => {
  // Anything with a time of day is meant as an instant, so parseInstant explains what is wrong.
  if (typeof value !== 'string' || /^\d{4}-\d{2}-\d{2}[Tt ]/.test(value)) return toInstant(value, ctx);
  if (ISO_DATE.test(value) && isoDateToDayNumber(value) !== null && !isDateOutOfRange(value)) return value;
  const message = !ISO_DATE.test(value) ? DATE_OR_INSTANT : isoDateToDayNumber(value) === null ? isoDateMessage(value) : DATE_RANGE_MESSAGE;
  ctx.addIssue({ code: 'custom', message, params: { code: 'invalid_date' } });
  return z.NEVER;
});

/** An IANA time zone name such as `Asia/Shanghai` or `America/New_York`. */
export const timeZoneSchema = z.string().refine(isValidTimeZone, {
  message: "must be an IANA time zone name such as 'America/New_York' or 'Asia/Shanghai'",
  params: { code: 'invalid_time_zone' },
});

/**
 * Where a person is: an IANA zone that is a place. Names that are no place (`EST`, `Etc/GMT+5`,
 * `SystemV/EST5`: fixed offsets, or rules that are not the person's) are refused here, not in
 * policies, where a fixed zone is the author's deliberate choice. The output is the name in its
 * proper spelling (`'america/chicago'` → `'America/Chicago'`, see `zoneSpelling`): Intl accepts
 * any ASCII case, and without this `explain` would print the zone back as typed and two
 * spellings of one zone would look like two zones. Accepted and corrected rather than refused:
 * the name is unambiguous, and refusing it would break accounts that work today.
 */
export const locationTimeZoneSchema = timeZoneSchema
  .superRefine((zone, ctx) => {
    const problem = isValidTimeZone(zone) ? fixedOffsetProblem(zone) : null; // else one issue already says it
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, params: { code: 'invalid_time_zone' } });
  })
  // A check that rewrites the value, not a transform: a transform makes a pipe, whose failure zod
  // treats as aborting, and the debtor's zone-or-list union would then report both of its forms
  // instead of the one meant.
  .overwrite((zone) => (isValidTimeZone(zone) ? zoneSpelling(zone) : zone));

/** The English names of `WEEKDAYS`, in their order. */
const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/**
 * The weekday `text` is a spelling of, as weekday fields take it: the day's English name or its
 * start, in any case ('Monday', 'MON', 'tues', 'thurs'), its plural ('mondays'), or a near miss
 * of either ('weds', 'wendesday'). `undefined` for what names no day.
 *
 * @example
 * weekdaySpelling('Thurs'); // 'thu'
 * weekdaySpelling('mon'); // 'mon'
 * weekdaySpelling('monthly'); // undefined
 */
export function weekdaySpelling(text: string): Weekday | undefined {
  const lower = text.trim().toLowerCase();
  // Two letters already tell the days apart: 'tu', 'th', 'sa', 'su'.
  const named = lower.length < 2 ? -1 : WEEKDAY_NAMES.findIndex((name) => name.startsWith(lower) || lower === `${name}s`);
  if (named >= 0) return WEEKDAYS[named];
  const near = suggest(lower, [...WEEKDAYS, ...WEEKDAY_NAMES]);
  return near === undefined ? undefined : WEEKDAYS[Math.max(WEEKDAYS.indexOf(near as Weekday), WEEKDAY_NAMES.indexOf(near as (typeof WEEKDAY_NAMES)[number]))];
}

/**
 * A weekday, `'mon'` … `'sun'`. Another spelling of a day is refused, not read (a policy means
 * what it says), with the spelling to write instead.
 */
export const weekdaySchema = z.enum(WEEKDAYS, {
  error: (issue) => {
    // Not a string (or missing): the boundary's own message, which lists the days.
    if (typeof issue.input !== 'string') return undefined;
    const days = WEEKDAYS.join(', ');
    const meant = weekdaySpelling(issue.input);
    const given = describeValue(issue.input);
    return meant === undefined ? `${given} is not a weekday; write one of ${days}` : `${given} is not a weekday; write '${meant}' (weekdays are ${days})`;
  },
});

/** ISO 4217 alphabetic currency code. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, {
  message: "must be an ISO 4217 currency code of three capital letters, e.g. 'USD', 'CNY'",
});

/** An amount in integer minor units (cents, fen). */
export const minorUnitsSchema = z
  .number()
  // First, and aborting: a huge negative amount is too small, and only that.
  .min(0, { abort: true })
  // `.int()` also checks the safe-integer range; its message must tell the two problems apart.
  .int({
    error: (issue) =>
      issue.code === 'too_big'
        ? `must be at most ${Number.MAX_SAFE_INTEGER} minor units (the largest safe integer)`
        : 'amounts are integers in minor units (cents, fen): 12.5 USD is 1250',
  });

/** A jurisdiction: ISO 3166-1 alpha-2, optionally with a subdivision (`US-MA`, `CN`, `GB`). */
export const jurisdictionSchema = z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, {
  message: "must be an ISO 3166 code such as 'US', 'US-MA', 'CN' or 'GB'",
});

/** Local time of day, `HH:mm`. */
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
  message: "must be a local time 'HH:mm' between 00:00 and 23:59",
});

/** Local end time of day, `HH:mm`, where `24:00` means the end of the day. */
export const endTimeOfDaySchema = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, {
  message: "must be a local time 'HH:mm' between 00:00 and 23:59, or '24:00' for the end of the day",
});

/**
 * Any JSON value: what an account's `attributes` hold. Declared rather than inferred so that
 * declaration files name it: an inferred recursive type is written out at every use, a dozen
 * levels deep, then cut to `any`.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Any JSON value, with reserved keys refused at any depth. */
export const jsonValueSchema: z.ZodType<JsonValue, JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValueSchema), z.record(safeKeySchema, jsonValueSchema)], {
    // One sentence instead of six "expected …" (z.number() itself refuses NaN and ±Infinity).
    error: (issue) => {
      if (issue.input === undefined) return undefined;
      if (typeof issue.input === 'number') return `must be a finite number (JSON has no ${String(issue.input)})`;
      return `must be a JSON value (string, finite number, boolean, null, array or object); received ${typeName(issue.input)}`;
    },
  }),
);
