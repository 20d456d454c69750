import { instantMs } from '../facts/history';
import type { Candidate } from './types';

/**
 * Until when the candidate's method is under the consumer's prior consent (`consentUntil`), or
 * null. Constraints with `excludeConsented` let such proposals through until then.
 */
export function consentUntil(candidate: Candidate): number | null {
  const until = candidate.method?.consentUntil;
  return until === undefined ? null : instantMs(until);
}
