import type { EvaluationContext } from '../facts/context';
import type { CapConstraint, Layer } from '../policy/schema/constraints';
import { addDuration } from '../time/duration';
import { civilFromDays, daysFromCivil, weekdayOfDayNumber } from '../time/instant';
import { WEEKDAYS } from '../vocabulary';
import { attemptMatches, sameScope } from './attempts';
import { consentUntil } from './consent';
import { ALLOWED, type Candidate, type Check, type CheckResult, provenance } from './types';

function periodText(cap: CapConstraint): string {
  const p = cap.period;
  if ('rolling' in p) return `per ${p.rolling} rolling`;
  if ('calendar' in p) return `per calendar ${p.calendar}`;
  return `per ${p.calendarDays} consecutive calendar days`;
}

/** [start, end) of the local calendar period containing day `d`. */
function calendarPeriod(p: { calendar: 'day' | 'week' | 'month'; weekStartsOn: (typeof WEEKDAYS)[number] }, d: number): [number, number] {
  if (p.calendar === 'day') return [d, d + 1];
  if (p.calendar === 'week') {
    const start = d - ((weekdayOfDayNumber(d) - 1 - WEEKDAYS.indexOf(p.weekStartsOn) + 7) % 7);
    return [start, start + 7];
  }
  const { year, month } = civilFromDays(d);
  return [daysFromCivil(year, month, 1), month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1)];
}

/**
 * A frequency cap bound to a candidate, in one zone: allowed while fewer than `max` counted
 * outbound attempts fall in the period; otherwise deferred until the oldest of them leaves it
 * (rolling, consecutive days) or the next period starts (calendar day, week, month).
 */
export function capCheck(cap: CapConstraint, layer: Layer, candidate: Candidate, ctx: EvaluationContext, zone: string): Check {
  const clock = ctx.clocks.get(zone);
  // Instants of the counted attempts, oldest first (ctx.attempts is sorted).
  const counted: number[] = [];
  for (const a of ctx.attempts) {
    const x = a.attempt;
    if (x.direction !== 'outbound' || !sameScope(cap.scope, a, candidate) || !attemptMatches(cap.appliesTo, a)) continue;
    if (cap.outcomes !== undefined && !cap.outcomes.includes(x.outcome)) continue;
    if (cap.excludeOutcomes !== undefined && cap.excludeOutcomes.includes(x.outcome)) continue;
    if (cap.excludeConsented && x.consented) continue;
    counted.push(a.ms);
  }
  const duration = 'rolling' in cap.period ? ctx.cache.duration(cap.period.rolling) : null;
  const reason = (n: number) => ({
    ...provenance(cap, layer),
    code: 'FREQUENCY_CAP' as const,
    message: `${n} of at most ${cap.max} counted attempts ${periodText(cap)} (per ${cap.scope})`,
  });

  const consent = cap.excludeConsented ? consentUntil(candidate) : null;
  return {
    at(t: number): CheckResult {
      if (consent !== null && t < consent) return { ok: true, until: consent };
      const p = cap.period;
      // Counted without building arrays; `first` is where a rolling period's attempts start (a
      // suffix: instants are sorted).
      let first = -1;
      let n = 0;
      let frees: (k: number) => number;
      if (duration !== null) {
        const since = addDuration(t, duration, clock, -1);
        for (let i = 0; i < counted.length; i++) {
          if ((counted[i] as number) > since) {
            if (first < 0) first = i;
            n++;
          }
        }
        frees = (k) => addDuration(counted[first + k] as number, duration, clock, 1);
      } else if ('calendarDays' in p) {
        const from = clock.dayNumber(t) - p.calendarDays;
        for (const ms of counted) if (clock.dayNumber(ms) > from) n++;
        // Local days are not monotonic in instants where a zone falls back across midnight, so
        // the k-th counted day is found by counting again, not by position.
        frees = (k) => {
          let seen = 0;
          for (const ms of counted) {
            const d = clock.dayNumber(ms);
            if (d > from && seen++ === k) return clock.startOfDay(d + p.calendarDays);
          }
          return Number.NaN; // unreachable: k < n
        };
      } else if ('calendar' in p) {
        const [start, end] = calendarPeriod(p, clock.dayNumber(t));
        for (const ms of counted) {
          const d = clock.dayNumber(ms);
          if (d >= start && d < end) n++;
        }
        frees = () => clock.startOfDay(end);
      } else {
        return ALLOWED;
      }
      if (n < cap.max) return ALLOWED;
      // Enough of the oldest must leave the period for the count to drop below max.
      const from = cap.max === 0 ? null : frees(n - cap.max);
      return { ok: false, from, reason: reason(n) };
    },
  };
}
