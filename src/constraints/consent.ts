import { instantMs } from '../facts/history';
import type { EvaluationContext } from '../facts/context';
import { addDuration } from '../time/duration';
import type { Candidate } from './types';

/**
 * Until when the candidate's method is under the consumer's prior consent (`consentUntil`), or
 * null. Constraints with `excludeConsented` let such proposals through until then. `lasts`: the
 * longest consent may last (a constraint's `consentLasts`): it ends by `consentGivenAt` + `lasts`,
 * or, when the account does not say when consent was given (at or before now), by now + `lasts`.
 * Consent given after now is not known at now.
 *
 * @example
 * consentUntil(candidate, ctx, 'P7D'); // the earliest of consentUntil and consentGivenAt (else now) + 7 days
 */
export function consentUntil(candidate: Candidate, ctx: EvaluationContext, lasts: string | undefined): number | null {
  const method = candidate.method;
  if (method?.consentUntil === undefined) return null;
  const until = instantMs(method.consentUntil);
  // Checked before `lasts`: consent recorded as given later than now is not known at now, with or
  // without a bound on how long it lasts.
  const given = method.consentGivenAt === undefined ? ctx.now : instantMs(method.consentGivenAt);
  if (given > ctx.now) return null;
  if (lasts === undefined) return until;
  return Math.min(until, addDuration(given, ctx.cache.duration(lasts), ctx.clock, 1));
}
