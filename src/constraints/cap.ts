import { type EvaluationContext, firstAttemptAfter } from '../facts/context';
import type { CapConstraint, Layer } from '../policy/schema/constraints';
import { addressKey } from '../model/address';
import { addDuration, longestDurationMs } from '../time/duration';
import { civilFromDays, daysFromCivil, LONGEST_DAY_MS, weekdayOfDayNumber } from '../time/instant';
import type { ZoneClock } from '../time';
import { WEEKDAYS } from '../vocabulary';
import { attemptMatches, type Scope, sameScope } from './attempts';
import { consentUntil } from './consent';
import { ALLOWED, ALWAYS_ALLOWED, type Candidate, type Check, type CheckResult, provenance } from './types';

function periodText(cap: CapConstraint): string {
  const p = cap.period;
  if ('rolling' in p) return `per ${p.rolling} rolling`;
  if ('calendar' in p) return `per calendar ${p.calendar}`;
  return `per ${p.calendarDays} consecutive calendar days`;
}

/** [start, end) of the local calendar period containing day `d`. */
function calendarPeriod(p: { calendar: 'day' | 'week' | 'month'; weekStartsOn?: (typeof WEEKDAYS)[number] | undefined }, d: number): [number, number] {
  if (p.calendar === 'day') return [d, d + 1];
  if (p.calendar === 'week') {
    const start = d - ((weekdayOfDayNumber(d) - 1 - WEEKDAYS.indexOf(p.weekStartsOn ?? 'mon') + 7) % 7);
    return [start, start + 7];
  }
  const { year, month } = civilFromDays(d);
  return [daysFromCivil(year, month, 1), month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1)];
}

/**
 * How far back from `now` an attempt may still be counted by a cap at any instant from `now` on:
 * older attempts are skipped before anything else is read. Generous on purpose (two extra days,
 * 26-hour days); only the cost of reading an attempt depends on it, never the answer.
 */
function lookbackMs(cap: CapConstraint, ctx: EvaluationContext): number {
  const p = cap.period;
  if ('rolling' in p) return longestDurationMs(ctx.cache.duration(p.rolling));
  const days = 'calendarDays' in p ? p.calendarDays : p.calendar === 'day' ? 1 : p.calendar === 'week' ? 7 : 31;
  return (days + 2) * LONGEST_DAY_MS;
}

/**
 * The attempts a cap may count for some candidate, oldest first: recent enough, outbound, under
 * its selector and outcomes. Worked out once per cap and decision; `countedInstants` then keeps
 * those in a candidate's scope.
 */
function capAttempts(cap: CapConstraint, ctx: EvaluationContext): EvaluationContext['attempts'] {
  const out: EvaluationContext['attempts'][number][] = [];
  const attempts = ctx.attempts;
  for (let i = firstAttemptAfter(attempts, ctx.now - lookbackMs(cap, ctx)); i < attempts.length; i++) {
    const a = attempts[i] as (typeof attempts)[number];
    const x = a.attempt;
    if (x.direction !== 'outbound' || !attemptMatches(cap.appliesTo, a, ctx.policy.actions)) continue;
    if (cap.outcomes !== undefined && !cap.outcomes.includes(x.outcome)) continue;
    if (cap.excludeOutcomes !== undefined && cap.excludeOutcomes.includes(x.outcome)) continue;
    if (cap.excludeConsented && x.consented) continue;
    out.push(a);
  }
  return out;
}

/**
 * Instants of the attempts a cap counts for a candidate, oldest first. Every proposal to the same
 * person (or channel, or number, as the scope says) counts the same attempts, so each list is
 * worked out once per decision and shared by the candidates of that scope.
 */
function countedInstants(cap: CapConstraint, candidate: Candidate, ctx: EvaluationContext): readonly number[] {
  const memo = (ctx.memo.capCounted ??= new Map());
  let byScope = memo.get(cap);
  if (byScope === undefined) memo.set(cap, (byScope = { attempts: capAttempts(cap, ctx), counted: new Map() }));
  const key = scopeKey(cap.scope, candidate);
  const known = byScope.counted.get(key);
  if (known !== undefined) return known;
  const counted: number[] = [];
  for (const a of byScope.attempts) if (sameScope(cap.scope, a, candidate)) counted.push(a.ms);
  byScope.counted.set(key, counted);
  return counted;
}

/**
 * What `sameScope` reads of a candidate, as a key: candidates with the same key count the same
 * attempts. Lengths are prefixed so that no id or address can make two keys collide.
 */
function scopeKey(scope: Scope, candidate: Candidate): string {
  if (scope === 'account') return '';
  // No id is 'self' with its length prefix, so the debtor's shared key cannot collide with one.
  const contact = candidate.contact === null ? '-' : candidate.contact.relationship === 'self' ? 'self' : `${candidate.contact.id.length}:${candidate.contact.id}`;
  if (scope === 'contact') return contact;
  const channel = candidate.channel ?? '-';
  if (scope === 'channel') return channel;
  // Two of a contact's methods written alike (`sameAddress`) are one method, counting the same attempts.
  const address = candidate.method?.address;
  return `${contact}|${channel}|${address === undefined ? '-' : `:${addressKey(address)}`}`;
}

/**
 * A frequency cap bound to a candidate, in one zone: allowed while fewer than `max` counted
 * outbound attempts fall in the period; otherwise deferred until the oldest of them leaves it
 * (rolling, consecutive days) or the next period starts (calendar day, week, month).
 */
export function capCheck(cap: CapConstraint, layer: Layer, candidate: Candidate, ctx: EvaluationContext, zone: string): Check {
  // Instants of the counted attempts, oldest first (ctx.attempts is sorted).
  const counted = countedInstants(cap, candidate, ctx);
  // Nothing counted, nothing to reach `max` (unless it is 0) in any period or zone, consent or not.
  if (counted.length === 0 && cap.max > 0) return ALWAYS_ALLOWED;
  const clock = ctx.clocks.get(zone);
  const duration = 'rolling' in cap.period ? ctx.cache.duration(cap.period.rolling) : null;
  // A rolling period counts an attempt until the attempt + the duration, in the zone's calendar:
  // a month after Jan 31 is Feb 28. (Reading it as "since now − the duration" instead is not
  // monotonic at month ends — now − P1M jumps back from Feb 28 23:59 to Feb 28 00:00 at midnight
  // on Mar 29 — so an attempt would leave the period and come back.) Attempts too old to count
  // at any instant from now on are skipped.
  let ends: number[] | null = null;
  if (duration !== null) {
    const oldest = ctx.now - longestDurationMs(duration);
    ends = counted.filter((ms) => ms > oldest).map((ms) => addDuration(ms, duration, clock, 1)).sort((x, y) => x - y);
  }
  const consent = cap.excludeConsented ? consentUntil(candidate, ctx, cap.consentLasts, clock) : null;
  return new CapCheck(cap, layer, clock, counted, ends, consent);
}

/** A cap's check as one object (no closures): every candidate of every decision builds a few. */
class CapCheck implements Check {
  readonly #cap: CapConstraint;
  readonly #layer: Layer;
  readonly #clock: ZoneClock;
  readonly #counted: readonly number[];
  /** Rolling periods: when each counted attempt stops counting, sorted; null for the others. */
  readonly #ends: readonly number[] | null;
  /** Until when the candidate's method is under consent, which the cap does not count (null: none). */
  readonly #consent: number | null;

  constructor(cap: CapConstraint, layer: Layer, clock: ZoneClock, counted: readonly number[], ends: readonly number[] | null, consent: number | null) {
    this.#cap = cap;
    this.#layer = layer;
    this.#clock = clock;
    this.#counted = counted;
    this.#ends = ends;
    this.#consent = consent;
  }

  at(t: number): CheckResult {
    const consent = this.#consent;
    if (consent === null || t >= consent) return this.#counts(t);
    // Under consent the cap does not count. Counts only fall as time passes (no attempt is
    // dated after now), so its lapse ends the allowance only if the cap would refuse then.
    const plain = this.#counts(t);
    if (plain.ok || (plain.from !== null && plain.from <= consent)) return ALLOWED;
    return { ok: true, until: consent };
  }

  #refuse(n: number, from: number | null): CheckResult {
    const cap = this.#cap;
    return {
      ok: false,
      from,
      reason: { ...provenance(cap, this.#layer), code: 'FREQUENCY_CAP', message: `${n} of at most ${cap.max} counted attempts ${periodText(cap)} (per ${cap.scope})` },
    };
  }

  #counts(t: number): CheckResult {
    const cap = this.#cap;
    const p = cap.period;
    const clock = this.#clock;
    const ends = this.#ends;
    const counted = this.#counted;
    let n = 0;
    if (ends !== null) {
      // Each attempt counts until its own end (sorted): those still to come are counted now.
      let first = 0;
      while (first < ends.length && (ends[first] as number) <= t) first++;
      n = ends.length - first;
      if (n < cap.max) return ALLOWED;
      // Enough of them must end for the count to drop below max.
      return this.#refuse(n, cap.max === 0 ? null : (ends[first + n - cap.max] as number));
    }
    if ('calendarDays' in p) {
      const from = clock.dayNumber(t) - p.calendarDays;
      for (const ms of counted) if (clock.dayNumber(ms) > from) n++;
      if (n < cap.max) return ALLOWED;
      if (cap.max === 0) return this.#refuse(n, null);
      // Local days are not monotonic in instants where a zone falls back across midnight, so
      // the k-th counted day is found by counting again, not by position.
      const k = n - cap.max;
      let seen = 0;
      for (const ms of counted) {
        const d = clock.dayNumber(ms);
        if (d > from && seen++ === k) return this.#refuse(n, clock.startOfDay(d + p.calendarDays));
      }
      return this.#refuse(n, null); // unreachable: k < n
    }
    if ('calendar' in p) {
      const [start, end] = calendarPeriod(p, clock.dayNumber(t));
      for (const ms of counted) {
        const d = clock.dayNumber(ms);
        if (d >= start && d < end) n++;
      }
      if (n < cap.max) return ALLOWED;
      return this.#refuse(n, cap.max === 0 ? null : clock.startOfDay(end));
    }
    return ALLOWED;
  }
}
