import { IntervalCache } from '../constraints/interval-cache';
import type { Account } from '../model/account';
import type { Attempt, Contact, ContactMethod } from '../model';
import { actionKind } from '../policy/actions';
import type { Policy } from '../policy/schema/policy';
import { isoDateToDayNumber, parseInstant } from '../time/instant';
import type { ZoneClock, ZoneClocks } from '../time';
import type { ActionKind, Relationship } from '../vocabulary';

/** A past attempt, read once: its instant in ms and what the policy knows of it. */
export interface IndexedAttempt {
  readonly ms: number;
  readonly attempt: Attempt;
  readonly contact: Contact | undefined;
  readonly relationship: Relationship | undefined;
  readonly kind: ActionKind | undefined;
  readonly workplace: boolean;
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
  readonly contacts: ReadonlyMap<string, Contact>;
  /** Holiday day numbers per calendar id. */
  readonly holidays: ReadonlyMap<string, ReadonlySet<number>>;
  /** Open instants of window slots per zone and day, shared by an engine's decisions. */
  readonly intervals: IntervalCache;
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
  intervals: IntervalCache = new IntervalCache(),
): EvaluationContext {
  const debtorZones = typeof account.debtor.timeZone === 'string' ? [account.debtor.timeZone] : [...new Set(account.debtor.timeZone)];
  const clock = clocks.get(debtorZones[0] as string);
  const contacts = new Map(account.contacts.map((c) => [c.id, c]));
  const attempts: IndexedAttempt[] = [];
  for (const attempt of account.history) {
    const parsed = parseInstant(attempt.at);
    if (!parsed.ok || parsed.ms > now) continue;
    const contact = attempt.contactId === undefined ? undefined : contacts.get(attempt.contactId);
    const action = attempt.action === undefined ? undefined : policy.actions[attempt.action];
    attempts.push({
      ms: parsed.ms,
      attempt,
      contact,
      relationship: contact?.relationship,
      kind: action ? actionKind(action) : attempt.action === undefined ? undefined : 'communication',
      workplace: contact?.relationship === 'employer' || methodOf(contact, attempt)?.workplace === true,
    });
  }
  attempts.sort((a, b) => a.ms - b.ms);
  return { policy, account, now, clocks, debtorZones, clock, today: clock.dayNumber(now), attempts, contacts, holidays, intervals };
}

/** The method an attempt used: same channel, and same address when both carry one. */
export function methodOf(contact: Contact | undefined, attempt: Pick<Attempt, 'channel' | 'address'>): ContactMethod | undefined {
  if (!contact) return undefined;
  return contact.channels.find((m) => m.channel === attempt.channel && (attempt.address === undefined || m.address === undefined || m.address === attempt.address));
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

/** When a date-or-instant (a flag's `since`) starts, in ms: dates are debtor-local midnight. */
export function startOf(value: string, ctx: EvaluationContext): number {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? isoDateToDayNumber(value) : null;
  if (day !== null) return ctx.clock.startOfDay(day);
  const parsed = parseInstant(value);
  return parsed.ok ? parsed.ms : Number.NaN;
}
