import { z } from 'zod';
import { isValidTimeZone } from '../time';
import { formatInstant, isoDateToDayNumber, parseInstant } from '../time/instant';

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
 * An instant: ISO 8601 with `Z` or an offset, or a valid `Date`. Output is always an ISO string,
 * so parsed accounts stay plain JSON. A local date-time without offset is refused: it would be
 * ambiguous in a library whose every rule is about local time.
 */
export const instantSchema = z.union([z.string(), z.date()]).transform((value, ctx) => {
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
});

/** A calendar date, `YYYY-MM-DD`. */
export const isoDateSchema = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isoDateToDayNumber(s) !== null, {
  message: 'must be a calendar date written YYYY-MM-DD (e.g. 2026-11-23)',
  params: { code: 'invalid_date' },
});

/** An IANA time zone name such as `Asia/Shanghai` or `America/New_York`. */
export const timeZoneSchema = z.string().refine(isValidTimeZone, {
  message: "must be an IANA time zone name such as 'America/New_York' or 'Asia/Shanghai'",
  params: { code: 'invalid_time_zone' },
});

/** ISO 4217 alphabetic currency code. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, {
  message: "must be an ISO 4217 currency code of three capital letters, e.g. 'USD', 'CNY'",
});

/** An amount in integer minor units (cents, fen). */
export const minorUnitsSchema = z
  .number()
  .int({ message: 'amounts are integers in minor units (cents, fen): 12.5 USD is 1250' })
  .min(0)
  .max(Number.MAX_SAFE_INTEGER);

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
  message: "must be a local time 'HH:mm' between 00:01 and 24:00",
});

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Any JSON value, with reserved keys refused at any depth. */
export const jsonValueSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([
    z.string(),
    z.number().refine(Number.isFinite, { message: 'must be a finite number' }),
    z.boolean(),
    z.null(),
    z.array(jsonValueSchema),
    z.record(safeKeySchema, jsonValueSchema),
  ]),
);
export type JsonValue = Json;
