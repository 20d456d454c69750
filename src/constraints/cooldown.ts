import type { EvaluationContext, IndexedAttempt } from '../facts/context';
import type { CooldownConstraint, Layer } from '../policy/schema/constraints';
import { addDuration } from '../time/duration';
import { MS_PER_DAY } from '../time/instant';
import { mayBeAction, mayBeOn, sameScope } from './attempts';
import { consentUntil } from './consent';
import { ALLOWED, ALWAYS_ALLOWED, type Candidate, type Check, type CheckResult, provenance } from './types';

/**
 * A cool-down bound to a candidate, in one zone: after the latest event matching `after` (either
 * direction: a conversation the debtor started counts), matching proposals wait a duration, or N
 * local calendar days counting the event's day as day 1 (allowed again from the start of day N+1)
 * — or longer, while an earlier event's own wait has not ended.
 */
export function cooldownCheck(cooldown: CooldownConstraint, layer: Layer, candidate: Candidate, ctx: EvaluationContext, zone: string): Check {
  const { after } = cooldown;
  let last: number | undefined;
  let ends: number | undefined;
  // The latest matching event: attempts are sorted oldest first, so search from the end. A wait
  // in days keeps the wall time, and where the clock was set back (a fall-back night) an earlier
  // event may read later on it and end later (01:30 EDT + P1D is after 01:10 EST + P1D): every
  // event a set-back could put after the latest one on the wall clock is read too.
  for (let i = ctx.attempts.length - 1; i >= 0; i--) {
    const a = ctx.attempts[i] as IndexedAttempt;
    if (last !== undefined && a.ms <= last - SET_BACK_MS) break;
    const x = a.attempt;
    if (after.outcomes && !after.outcomes.includes(x.outcome)) continue;
    if (after.actions && !mayBeAction(a, after.actions, ctx.policy.actions)) continue;
    if (after.channels && !mayBeOn(a, after.channels)) continue;
    if (!sameScope(cooldown.scope, a, candidate)) continue;
    last ??= a.ms;
    const end = waitEnds(cooldown, a.ms, ctx, zone);
    if (ends === undefined || end > ends) ends = end;
  }
  if (ends === undefined) return ALWAYS_ALLOWED;
  const consent = cooldown.excludeConsented ? consentUntil(candidate, ctx, cooldown.consentLasts, ctx.clocks.get(zone)) : null;
  return new CooldownCheck(cooldown, layer, ends, consent);
}

/**
 * How far back of the latest event an earlier one may still read later on the wall clock: as far
 * as a clock was ever set back at once (offsets lie within −12 h … +14 h, so under 26 hours).
 */
const SET_BACK_MS = 2 * MS_PER_DAY;

/** When the wait after an event at `ms` is over, read in `zone`. */
function waitEnds(cooldown: CooldownConstraint, ms: number, ctx: EvaluationContext, zone: string): number {
  const clock = ctx.clocks.get(zone);
  return 'duration' in cooldown.wait ? addDuration(ms, ctx.cache.duration(cooldown.wait.duration), clock, 1) : clock.startOfDay(clock.dayNumber(ms) + cooldown.wait.calendarDays);
}

/** A cool-down's check as one object (no closures): every candidate of every decision builds a few. */
class CooldownCheck implements Check {
  readonly #cooldown: CooldownConstraint;
  readonly #layer: Layer;
  /** When the cool-down is over. */
  readonly #ends: number;
  /** Until when the candidate's method is under consent, which lets it through (null: none). */
  readonly #consent: number | null;
  /** Its refusal, the same at every instant before `#ends`: made on first use. */
  #refusal: CheckResult | undefined;

  constructor(cooldown: CooldownConstraint, layer: Layer, ends: number, consent: number | null) {
    this.#cooldown = cooldown;
    this.#layer = layer;
    this.#ends = ends;
    this.#consent = consent;
  }

  at(t: number): CheckResult {
    const ends = this.#ends;
    if (t >= ends) return ALLOWED;
    // Allowed under consent until it lapses, or for good when the cool-down is over by then.
    const consent = this.#consent;
    if (consent !== null && t < consent) return { ok: true, until: ends <= consent ? null : consent };
    return (this.#refusal ??= this.#refuse());
  }

  #refuse(): CheckResult {
    const cooldown = this.#cooldown;
    const wait = 'duration' in cooldown.wait ? cooldown.wait.duration : `${cooldown.wait.calendarDays} calendar days (event day = day 1)`;
    return {
      ok: false,
      from: this.#ends,
      reason: { ...provenance(cooldown, this.#layer), code: 'COOLDOWN', message: `cool-down of ${wait} after the last ${describeAfter(cooldown)} (per ${cooldown.scope})` },
    };
  }
}

function describeAfter(c: CooldownConstraint): string {
  const parts = [c.after.outcomes?.join('/'), c.after.actions?.join('/'), c.after.channels ? `on ${c.after.channels.join('/')}` : undefined].filter(Boolean);
  return parts.length === 0 ? 'attempt' : parts.join(' ');
}
