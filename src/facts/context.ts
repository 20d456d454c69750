import type { Account } from '../model/account';
import { sameAddress } from '../model/address';
import type { Attempt, Contact, ContactMethod } from '../model';
import { actionChannels, actionKind, channelList } from '../policy/actions';
import type { Policy } from '../policy/schema/policy';
import { instantToMs, isoDateToDayNumber, parseInstant } from '../time/instant';
import type { ZoneClock, ZoneClocks } from '../time';
import { type ActionKind, type Channel, CHANNELS, type Outcome, OUTCOMES, type Relationship } from '../vocabulary';
import type { Check } from '../constraints/types';
import type { PromiseStatus } from './history';
import { EngineCache } from './engine-cache';

/** A past attempt, read once: its instant in ms and what the policy knows of it. */
export interface IndexedAttempt {
  readonly ms: number;
  readonly attempt: Attempt;
  readonly contact: Contact | undefined;
  readonly relationship: Relationship | undefined;
  readonly kind: ActionKind | undefined;
  /** The channels it may have used: its own, else those of the policy's action it names. */
  readonly channels: readonly Channel[];
  /**
   * Neither its channel nor an action the policy knows says how it was made (a renamed action in
   * old history): compliance counts it on every channel, since it may have been on any.
   */
  readonly anyChannel: boolean;
  /**
   * The address it was made to, as the contact lists it (see `sameAddress`); undefined when not
   * known: none logged, or one that is none of the contact's methods. An attempt without a
   * contact keeps the address it logged.
   */
  readonly address: string | undefined;
  /** Whether it reached a workplace; undefined when it may or may not have (two numbers, no address). */
  readonly workplace: boolean | undefined;
}

/** Everything one decision reads, computed once and shared by facts and constraints. */
export interface EvaluationContext {
  readonly policy: Policy;
  readonly account: Account;
  readonly now: number;
  readonly clocks: ZoneClocks;
  /** The debtor's zones; the first is the primary one used for calendar facts. */
  readonly debtorZones: readonly string[];
  readonly clock: ZoneClock;
  /** Local day number of `now` in the primary zone. */
  readonly today: number;
  /** Attempts at or before `now`, oldest first. */
  readonly attempts: readonly IndexedAttempt[];
  /** Holiday day numbers per calendar id. */
  readonly holidays: ReadonlyMap<string, ReadonlySet<number>>;
  /** Answers computed at most once per decision, on first use (see `DecisionMemo`). */
  readonly memo: DecisionMemo;
  /** Memos shared by an engine's decisions (window slots, window checks, formatted instants). */
  readonly cache: EngineCache;
  /**
   * How history facts read an attempt that does not say all they ask (its channel, whom it
   * reached, its action): as the history says (absent), counted only when it certainly matches
   * (`'certain'`), or whenever it may (`'possible'`). Blocks are read both ways (see `readingContexts`).
   */
  readonly reading?: HistoryReading;
}

/** See `EvaluationContext.reading`. */
export type HistoryReading = 'certain' | 'possible';

/**
 * Per-decision memo: derived views of the account that several facts and constraints ask for.
 * Lives and dies with one context, so it can never leak between accounts.
 */
export interface DecisionMemo {
  /** Whether some attempt opted a method out or found it dead (`methodProblem` scans only then). */
  historyDisables?: boolean;
  /** Why each contact method cannot be used (`methodProblem`), by contact, then method. */
  methodProblems?: Map<Contact, Map<ContactMethod, 'OPTED_OUT' | 'INVALID_CONTACT_METHOD' | undefined>>;
  /**
   * Per cap (`capCheck`): the attempts it may count for anyone, then the instants it counts for
   * each scope's key.
   */
  capCounted?: Map<object, { readonly attempts: readonly IndexedAttempt[]; readonly counted: Map<string, readonly number[]> }>;
  /** Each promise hold's check: the same for every candidate it applies to (`promiseHoldCheck`). */
  promiseHolds?: Map<object, Check>;
  /** Each promise's status (`promiseStatuses`): several facts and every promise hold read them. */
  promiseStatuses?: readonly PromiseStatus[];
}

/**
 * Builds the context of one decision. Pure: reads only its arguments.
 *
 * @example
 * const ctx = createContext(policy, account, Date.parse('2026-11-23T10:00:00Z'), new ZoneClocks(), holidays);
 */
export function createContext(
  policy: Policy,
  account: Account,
  now: number,
  clocks: ZoneClocks,
  holidays: ReadonlyMap<string, ReadonlySet<number>>,
  cache: EngineCache = new EngineCache(),
): EvaluationContext {
  const debtorZones = typeof account.debtor.timeZone === 'string' ? [account.debtor.timeZone] : [...new Set(account.debtor.timeZone)];
  const clock = clocks.get(debtorZones[0] as string);
  // A handful of contacts is scanned; a Map is worth building only for a long list.
  const byId = account.contacts.length > 8 ? new Map(account.contacts.map((c) => [c.id, c])) : null;
  const attempts: IndexedAttempt[] = [];
  for (const attempt of account.history) {
    const ms = instantToMs(attempt.at);
    if (!(ms <= now)) continue; // NaN (not an instant) is skipped too
    const id = attempt.contactId;
    const contact = id === undefined ? undefined : byId === null ? lastWithId(account.contacts, id) : byId.get(id);
    // Own keys only: an attempt's action is free text, and 'constructor' or 'toString' must not
    // find Object.prototype's functions (their "kind" would be 'internal', escaping caps).
    const action = attempt.action === undefined || !Object.hasOwn(policy.actions, attempt.action) ? undefined : policy.actions[attempt.action];
    const anyChannel = attempt.channel === undefined && action === undefined;
    const channels = attempt.channel !== undefined ? channelList(attempt.channel) : action ? actionChannels(action) : NO_CHANNELS;
    // Where it may have been made: for an attempt on no known channel, any of the contact's methods.
    const mayHaveUsed = anyChannel ? CHANNELS : channels;
    const address = attempt.address === undefined || contact === undefined ? attempt.address : knownAddress(contact, mayHaveUsed, attempt.address);
    attempts.push({
      ms,
      attempt,
      contact,
      relationship: contact?.relationship,
      kind: action ? actionKind(action) : attempt.action === undefined ? undefined : 'communication',
      channels,
      anyChannel,
      address,
      workplace: workplaceOf(contact, mayHaveUsed, address),
    });
  }
  // Attempts at one instant are read in the order of OUTCOMES (a wrong number after the answer
  // logged with it), whatever their order in the history: the last outcome is the same either way.
  attempts.sort((a, b) => a.ms - b.ms || OUTCOME_ORDER[a.attempt.outcome] - OUTCOME_ORDER[b.attempt.outcome]);
  return { policy, account, now, clocks, debtorZones, clock, today: clock.dayNumber(now), attempts, holidays, cache, memo: {} };
}

/** The contact with this id: the last one listed, should two share it (as a Map of them keeps). */
function lastWithId(contacts: readonly Contact[], id: string): Contact | undefined {
  for (let i = contacts.length - 1; i >= 0; i--) if ((contacts[i] as Contact).id === id) return contacts[i];
  return undefined;
}

const NO_CHANNELS: readonly Channel[] = Object.freeze([]);
const OUTCOME_ORDER: Readonly<Record<Outcome, number>> = Object.freeze(Object.fromEntries(OUTCOMES.map((o, i) => [o, i])) as Record<Outcome, number>);

/**
 * Index of the first attempt strictly after `ms` in a history sorted oldest first (binary
 * search): where a scan of the attempts since an instant starts.
 *
 * @example
 * for (let i = firstAttemptAfter(ctx.attempts, ctx.now - WEEK); i < ctx.attempts.length; i++) …
 */
export function firstAttemptAfter(attempts: readonly IndexedAttempt[], ms: number): number {
  let lo = 0;
  let hi = attempts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((attempts[mid] as IndexedAttempt).ms > ms) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The address of the contact's method an attempt names, as the contact lists it; undefined when
 * it names none of them on its channels (written another way than `sameAddress` forgives, or an
 * old number): the attempt is then one whose method is not known, and counts against every method.
 */
function knownAddress(contact: Contact, channels: readonly Channel[], address: string): string | undefined {
  for (const m of contact.channels) if (m.address !== undefined && channels.includes(m.channel) && sameAddress(m.address, address)) return m.address;
  return undefined;
}

/**
 * Whether an attempt reached a workplace: always for an employer; else when every method it may
 * have used (same channel, same address when both carry one) is a workplace one. Undefined when
 * some are and some are not: a cap at work and a cap elsewhere must each count it.
 */
function workplaceOf(contact: Contact | undefined, channels: readonly Channel[], address: string | undefined): boolean | undefined {
  if (contact === undefined) return undefined;
  if (contact.relationship === 'employer') return true;
  let found: boolean | undefined;
  // A loop, not `filter`: this runs for every attempt of every decision.
  for (const m of contact.channels) {
    if (!channels.includes(m.channel) || (address !== undefined && m.address !== undefined && !sameAddress(m.address, address))) continue;
    const here = m.workplace === true;
    if (found === undefined) found = here;
    else if (found !== here) return undefined;
  }
  return found ?? false;
}

/**
 * Expands holiday calendars (dates and `from/to` ranges) into sets of day numbers.
 *
 * @example
 * holidayDays({ cn: ['2026-10-01/2026-10-07'] }).get('cn')?.size; // 7
 */
export function holidayDays(holidays: Policy['holidays']): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const [id, entries] of Object.entries(holidays)) {
    const days = new Set<number>();
    for (const entry of entries) {
      const [a, b = a] = entry.split('/');
      const from = isoDateToDayNumber(a as string);
      const to = isoDateToDayNumber(b as string);
      if (from === null || to === null) continue;
      for (let d = from; d <= to; d++) days.add(d);
    }
    out.set(id, days);
  }
  return out;
}

/**
 * When a date-or-instant (a flag's `since` or `until`) starts, in ms. A date is a local midnight,
 * and a debtor in several zones has several: `earliest` picks the first of them (where a flag
 * starts: it holds from the first zone's midnight), else the last (where it ends: it holds until
 * the last zone's). Restrictive either way, so the order of `debtor.timeZone` changes nothing.
 *
 * @example
 * startOf('2026-11-24', ctx, false); // the last of the debtor's zones' midnights starting 24 November
 * startOf('2026-11-24T09:00:00-05:00', ctx); // 1795528800000
 */
export function startOf(value: string, ctx: EvaluationContext, earliest = true): number {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? isoDateToDayNumber(value) : null;
  if (day !== null) return midnightOf(day, ctx, earliest);
  const parsed = parseInstant(value);
  return parsed.ok ? parsed.ms : Number.NaN;
}

/**
 * The start of a local day (a day number) for the debtor: in a debtor's several zones, the first
 * of their midnights (`earliest`) or the last.
 *
 * @example
 * midnightOf(isoDateToDayNumber('2026-11-24'), ctx, false); // the last of the debtor's zones to reach 24 November
 */
export function midnightOf(day: number, ctx: EvaluationContext, earliest: boolean): number {
  // Every zone, the clock's own included: a context seen from another of the debtor's zones
  // (`zoneContexts`) has that zone's clock, not the first zone's.
  let ms = ctx.clock.startOfDay(day);
  for (let i = 0; i < ctx.debtorZones.length; i++) {
    const other = ctx.clocks.get(ctx.debtorZones[i] as string).startOfDay(day);
    ms = earliest ? Math.min(ms, other) : Math.max(ms, other);
  }
  return ms;
}
