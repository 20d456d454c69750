import type { EvaluationContext } from '../facts/context';
import type { CapConstraint, Layer } from '../policy/schema/constraints';
import { addDuration, parseDuration } from '../time/duration';
import { civilFromDays, daysFromCivil, weekdayOfDayNumber } from '../time/instant';
import { WEEKDAYS } from '../vocabulary';
import { attemptMatches, sameScope } from './attempts';
import { consentUntil } from './consent';
import { type Candidate, type Check, type CheckResult, provenance } from './types';

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
  const counted = ctx.attempts
    .filter(
      (a) =>
        a.attempt.direction === 'outbound' &&
        sameScope(cap.scope, a, candidate) &&
        attemptMatches(cap.appliesTo, a) &&
        (cap.outcomes === undefined || cap.outcomes.includes(a.attempt.outcome)) &&
        (cap.excludeOutcomes === undefined || !cap.excludeOutcomes.includes(a.attempt.outcome)) &&
        !(cap.excludeConsented && a.attempt.consented),
    )
    .map((a) => a.ms);
  const duration = 'rolling' in cap.period ? parseDuration(cap.period.rolling) ?? {} : null;
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
      let inPeriod: number[];
      let frees: (k: number) => number;
      if (duration !== null) {
        const since = addDuration(t, duration, clock, -1);
        inPeriod = counted.filter((ms) => ms > since);
        frees = (k) => addDuration(inPeriod[k] as number, duration, clock, 1);
      } else if ('calendarDays' in p) {
        const today = clock.dayNumber(t);
        const days = counted.map((ms) => clock.dayNumber(ms)).filter((d) => d > today - p.calendarDays);
        inPeriod = days;
        frees = (k) => clock.startOfDay((days[k] as number) + p.calendarDays);
      } else if ('calendar' in p) {
        const [start, end] = calendarPeriod(p, clock.dayNumber(t));
        inPeriod = counted.filter((ms) => clock.dayNumber(ms) >= start && clock.dayNumber(ms) < end);
        frees = () => clock.startOfDay(end);
      } else {
        return { ok: true, until: null };
      }
      if (inPeriod.length < cap.max) return { ok: true, until: null };
      // Enough of the oldest must leave the period for the count to drop below max.
      const from = cap.max === 0 ? null : frees(inPeriod.length - cap.max);
      return { ok: false, from, reason: reason(inPeriod.length) };
    },
  };
}
