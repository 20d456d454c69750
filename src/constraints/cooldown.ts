import type { EvaluationContext } from '../facts/context';
import type { CooldownConstraint, Layer } from '../policy/schema/constraints';
import { addDuration, parseDuration } from '../time/duration';
import { sameScope } from './attempts';
import { consentUntil } from './consent';
import { type Candidate, type Check, provenance } from './types';

/**
 * A cool-down bound to a candidate, in one zone: after the latest event matching `after` (either
 * direction: a conversation the debtor started counts), matching proposals wait a duration, or N
 * local calendar days counting the event's day as day 1 (allowed again from the start of day N+1).
 */
export function cooldownCheck(cooldown: CooldownConstraint, layer: Layer, candidate: Candidate, ctx: EvaluationContext, zone: string): Check {
  const { after } = cooldown;
  let last: number | undefined;
  for (const a of ctx.attempts) {
    const x = a.attempt;
    if (after.outcomes && !after.outcomes.includes(x.outcome)) continue;
    if (after.actions && (x.action === undefined || !after.actions.includes(x.action))) continue;
    if (after.channels && (x.channel === undefined || !after.channels.includes(x.channel))) continue;
    if (!sameScope(cooldown.scope, a, candidate)) continue;
    last = a.ms;
  }
  let ends: number | null = null;
  if (last !== undefined) {
    const clock = ctx.clocks.get(zone);
    ends =
      'duration' in cooldown.wait
        ? addDuration(last, parseDuration(cooldown.wait.duration) ?? {}, clock, 1)
        : clock.startOfDay(clock.dayNumber(last) + cooldown.wait.calendarDays);
  }
  const wait = 'duration' in cooldown.wait ? cooldown.wait.duration : `${cooldown.wait.calendarDays} calendar days (event day = day 1)`;
  const consent = cooldown.excludeConsented ? consentUntil(candidate) : null;
  return {
    at(t) {
      if (ends === null || t >= ends) return { ok: true, until: null };
      if (consent !== null && t < consent) return { ok: true, until: consent };
      return {
        ok: false,
        from: ends,
        reason: { ...provenance(cooldown, layer), code: 'COOLDOWN', message: `cool-down of ${wait} after the last ${describeAfter(cooldown)} (per ${cooldown.scope})` },
      };
    },
  };
}

function describeAfter(c: CooldownConstraint): string {
  const parts = [c.after.outcomes?.join('/'), c.after.actions?.join('/'), c.after.channels ? `on ${c.after.channels.join('/')}` : undefined].filter(Boolean);
  return parts.length === 0 ? 'attempt' : parts.join(' ');
}
