/**
 * `arrears/testing/arbitraries`: fast-check arbitraries of valid accounts, histories and instants,
 * for property tests of your own policies. Needs `fast-check` (an optional peer dependency) —
 * which is why this is an entry of its own: `arrears/testing` works without it.
 *
 * @module arrears/testing/arbitraries
 */
import * as fc from 'fast-check';
import { z } from 'zod';
import { ArrearsError } from '../errors';
import type { AccountInput } from '../model';
import { idSchema, locationTimeZoneSchema, strictObject } from '../model/primitives';
import { formatInstant, MS_PER_DAY, ZoneClocks } from '../time';
import { CHANNELS, type Channel, OUTCOMES, type Outcome, RELATIONSHIPS, type Relationship } from '../vocabulary';
import type { AttemptSpec } from './builder-types';
import { checkOptions } from './options';
import { type InstantLike, isoDate, toMs } from './time';

/** Bounds of generated instants (inclusive). Defaults: the whole of 2026, UTC. */
export interface InstantRange {
  readonly min?: InstantLike;
  readonly max?: InstantLike;
}

/** Options of `arbitraries.history`. */
export interface HistoryOptions extends InstantRange {
  /** Contact ids attempts may name (default `['self']`); some attempts name none. */
  readonly contacts?: readonly string[];
  readonly channels?: readonly Channel[];
  readonly outcomes?: readonly Outcome[];
  /** Action ids attempts may carry (default: none). */
  readonly actions?: readonly string[];
  /** Default 20. */
  readonly maxLength?: number;
}

/** Options of `arbitraries.account`. */
export interface AccountOptions extends InstantRange {
  /** Zones the debtor is drawn in. */
  readonly zones?: readonly string[];
  /** Relationships of the extra contacts (the debtor `self` is always there). */
  readonly relationships?: readonly Relationship[];
  /** At most this many contacts besides the debtor (default 3). */
  readonly maxContacts?: number;
  /** At most this many attempts (default 20), drawn in [min, max]. */
  readonly maxHistory?: number;
  /** Action ids the attempts may carry. */
  readonly actions?: readonly string[];
  /** Days past due on `min` are drawn in this range (default -10 … 400). */
  readonly daysPastDue?: { readonly min: number; readonly max: number };
  /** Draw status flags too (default false: most policies block flagged accounts outright). */
  readonly flags?: boolean;
}

const DEFAULT_MIN = '2026-01-01T00:00:00Z';
const DEFAULT_MAX = '2026-12-31T23:59:59Z';
const ZONES = ['Asia/Shanghai', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Europe/London', 'Asia/Kolkata', 'Australia/Sydney', 'UTC'] as const;

function bounds(range: InstantRange): { min: Date; max: Date } {
  const min = toMs(range.min ?? DEFAULT_MIN, ['min']);
  const max = toMs(range.max ?? DEFAULT_MAX, ['max']);
  if (max < min) throw new ArrearsError('OPTIONS_INVALID', [{ code: 'ends_before_start', path: ['max'], message: `\`max\` (${formatInstant(max)}) is before \`min\` (${formatInstant(min)}): give a range that holds an instant` }]);
  return { min: new Date(min), max: new Date(max) };
}

/*
 * The options, checked before anything is drawn: fast-check reads them only when sampling, and
 * would then throw its own errors (an empty list, a reversed range), Intl its own (a zone that
 * does not exist) — and ignore a misspelt key, drawing from the whole of 2026 when `{ from, to }`
 * was meant. Lists drawn from must not be empty; values must be what an account accepts.
 */
const count = z.number().int().min(0);
const rangeKeys = { min: z.unknown().optional(), max: z.unknown().optional() };
const instantOptions = strictObject(rangeKeys);
const historyKeys = {
  ...rangeKeys,
  contacts: z.array(z.string().min(1)).min(1).optional(),
  channels: z.array(z.enum(CHANNELS)).min(1).optional(),
  outcomes: z.array(z.enum(OUTCOMES)).min(1).optional(),
  actions: z.array(idSchema).optional(),
  maxLength: count.optional(),
};
const historyOptions = strictObject(historyKeys);
const accountOptions = strictObject({
  ...rangeKeys,
  zones: z.array(locationTimeZoneSchema).min(1).optional(),
  relationships: z.array(z.enum(RELATIONSHIPS)).optional(),
  maxContacts: count.optional(),
  maxHistory: count.optional(),
  actions: historyKeys.actions,
  daysPastDue: strictObject({ min: z.number().int(), max: z.number().int() })
    .refine((d) => d.max >= d.min, { message: 'must not be below `min`', path: ['max'], params: { code: 'ends_before_start' } })
    .optional(),
  flags: z.boolean().optional(),
});

/** The options of an arbitrary, checked (`OPTIONS_INVALID` at the path of what is wrong), with the instants' range. */
function checked<T extends InstantRange>(schema: z.ZodType, options: unknown, usage: string): T {
  const copy = checkOptions(schema, options, usage) as T;
  bounds(copy);
  // The parsed values: a zone spelt in another case is written back as the account would write it.
  return { ...copy, ...(schema.parse(copy) as object) } as T;
}

/**
 * Instants (ISO 8601, UTC) within `[min, max]` — always bounded and never an invalid `Date`
 * (fast-check's unbounded `fc.date()` reaches year -271821).
 *
 * @example
 * fc.assert(fc.property(arbitraries.instant({ min: '2026-11-01T00:00:00Z', max: '2026-11-30T00:00:00Z' }), (now) => {
 *   engine.decide(account, { now }); // decides at any instant of November
 * }));
 */
function instant(range: InstantRange = {}): fc.Arbitrary<string> {
  return instantIn(checked(instantOptions, range, 'arbitraries.instant({ min?, max? })'));
}

function instantIn(range: InstantRange): fc.Arbitrary<string> {
  return fc.date({ ...bounds(range), noInvalidDate: true }).map((d) => formatInstant(d.getTime()));
}

/**
 * Histories of attempts (schema input, any order) within `[min, max]`.
 *
 * @example
 * arbitraries.history({ contacts: ['self', 'employer'], channels: ['phone'], maxLength: 10 })
 */
function history(options: HistoryOptions = {}): fc.Arbitrary<AttemptSpec[]> {
  return historyOf(checked(historyOptions, options, 'arbitraries.history({ min?, max?, contacts?, channels?, outcomes?, actions?, maxLength? })'));
}

function historyOf(options: HistoryOptions): fc.Arbitrary<AttemptSpec[]> {
  const contacts = options.contacts ?? ['self'];
  const attempt = fc.record(
    {
      at: instantIn(options),
      channel: fc.constantFrom(...(options.channels ?? CHANNELS)),
      contactId: contacts.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...contacts), weight: 9 }, { arbitrary: fc.constant(undefined), weight: 1 }) : fc.constant(undefined),
      outcome: fc.constantFrom(...(options.outcomes ?? OUTCOMES)),
      action: options.actions && options.actions.length > 0 ? fc.option(fc.constantFrom(...options.actions), { nil: undefined }) : fc.constant(undefined),
      direction: fc.oneof({ arbitrary: fc.constant<'outbound'>('outbound'), weight: 9 }, { arbitrary: fc.constant<'inbound'>('inbound'), weight: 1 }),
    },
    { noNullPrototype: true },
  );
  return fc.array(attempt, { maxLength: options.maxLength ?? 20 }).map((list) => list.map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as unknown as AttemptSpec));
}

const rarely = fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 });
const method = (channel: Channel) => fc.record({ channel: fc.constant(channel), optedOut: rarely, verified: fc.boolean() }, { noNullPrototype: true });

function contacts(options: AccountOptions) {
  const relationships = options.relationships ?? RELATIONSHIPS.filter((r) => r !== 'self');
  const person = (relationship: Relationship) =>
    fc.record({ relationship: fc.constant(relationship), channels: fc.subarray([...CHANNELS], { minLength: 1 }).chain((chs) => fc.tuple(...chs.map(method))) }, { noNullPrototype: true });
  const others = relationships.length === 0 ? fc.constant([]) : fc.array(fc.constantFrom(...relationships).chain(person), { maxLength: options.maxContacts ?? 3 });
  return fc.tuple(person('self'), others).map(([self, rest]) => [self, ...rest].map((c, i) => ({ id: i === 0 ? 'self' : `${c.relationship}-${i}`, ...c, channels: [...c.channels] })));
}

/**
 * Valid accounts (schema input, plain JSON): a debtor in one of `zones`, the debtor contact `self`
 * and up to `maxContacts` others, a due date so that the account is `daysPastDue` days overdue on
 * `min`, and a history of attempts within `[min, max]` naming those contacts.
 *
 * @example
 * fc.assert(fc.property(arbitraries.account(), arbitraries.instant(), (account, now) => {
 *   const d = engine.decide(account, { now });
 *   return d.next === null || d.proposals.includes(d.next); // `next` is one of the proposals
 * }));
 */
function account(options: AccountOptions = {}): fc.Arbitrary<AccountInput> {
  return accountOf(checked<AccountOptions>(accountOptions, options, 'arbitraries.account({ min?, max?, zones?, relationships?, maxContacts?, maxHistory?, actions?, daysPastDue?, flags? })'));
}

function accountOf(options: AccountOptions): fc.Arbitrary<AccountInput> {
  const { min } = bounds(options);
  const dpd = options.daysPastDue ?? { min: -10, max: 400 };
  const flag = fc.oneof(
    { arbitrary: fc.constant({}), weight: 4 },
    { arbitrary: fc.constantFrom('disputed', 'hardship', 'cease_communication', 'attorney_represented').map((f) => ({ [f]: { since: isoDate(Math.floor(min.getTime() / MS_PER_DAY) - 1) } })), weight: 1 },
  );
  return fc
    .record(
      {
        id: fc.stringMatching(/^[A-Z]{2}-\d{1,6}$/),
        currency: fc.constantFrom('CNY', 'USD', 'GBP', 'EUR'),
        amountDue: fc.integer({ min: 0, max: 10_000_000 }),
        zone: fc.constantFrom(...(options.zones ?? ZONES)),
        overdue: fc.integer(dpd),
        contacts: contacts(options),
        flags: options.flags === true ? flag : fc.constant({}),
      },
      { noNullPrototype: true },
    )
    .chain((base) =>
      historyOf({ ...options, contacts: base.contacts.map((c) => c.id), maxLength: options.maxHistory ?? 20 }).map((attempts) => {
        const today = new ZoneClocks().get(base.zone).dayNumber(min.getTime());
        return {
          id: base.id,
          currency: base.currency,
          amountDue: base.amountDue,
          dueDate: isoDate(today - base.overdue),
          debtor: { timeZone: base.zone, flags: base.flags },
          contacts: base.contacts,
          history: attempts,
        } as AccountInput;
      }),
    );
}

/**
 * fast-check arbitraries of the account model.
 *
 * @example
 * import fc from 'fast-check';
 * import { arbitraries } from 'arrears/testing/arbitraries';
 * fc.assert(fc.property(arbitraries.account(), arbitraries.instant(), (account, now) => {
 *   engine.decide(account, { now }); // never throws on a valid account
 * }));
 */
export const arbitraries = { account, history, instant } as const;
