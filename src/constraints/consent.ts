import { instantMs } from '../facts/history';
import type { EvaluationContext } from '../facts/context';
import { addDuration } from '../time/duration';
import type { ZoneClock } from '../time';
import type { Candidate } from './types';

/**
 * Until when the candidate's method is under the consumer's prior consent (`consentUntil`), or
 * null. Constraints with `excludeConsented` let such proposals through until then. `lasts`: the
 * longest consent may last (a constraint's `consentLasts`): it ends by `consentGivenAt` + `lasts`;
 * when the account does not say when consent was given, it is not honoured at all (taking it as
 * given at every decision's now would renew a stale consent forever). Consent given after now is
 * not known at now. `clock`: the zone the constraint is read in — days of `lasts` are that zone's
 * (a week is 167 to 169 hours), and each zone of a debtor in several must allow on its own, so
 * the consent is bounded in each, whatever their order.
 *
 * @example
 * consentUntil(candidate, ctx, 'P7D', clock); // the earlier of consentUntil and consentGivenAt + 7 days (null without consentGivenAt)
 */
export function consentUntil(candidate: Candidate, ctx: EvaluationContext, lasts: string | undefined, clock: ZoneClock): number | null {
  const method = candidate.method;
  if (method?.consentUntil === undefined) return null;
  const until = instantMs(method.consentUntil);
  // Checked before `lasts`: consent recorded as given later than now is not known at now, with or
  // without a bound on how long it lasts.
  const given = method.consentGivenAt === undefined ? undefined : instantMs(method.consentGivenAt);
  if (given !== undefined && given > ctx.now) return null;
  if (lasts === undefined) return until;
  if (given === undefined) return null;
  return Math.min(until, addDuration(given, ctx.cache.duration(lasts), clock, 1));
}
