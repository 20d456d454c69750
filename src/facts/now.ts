import { ArrearsError } from '../errors';
import { parseInstant } from '../time/instant';

/**
 * Validates the instant of evaluation. A local time without an offset is refused: it would be
 * ambiguous, and every rule of this library is about local time somewhere.
 *
 * @example
 * parseNow('2026-11-23T21:05:00+08:00'); // 1763903100000
 */
export function parseNow(now: unknown): number {
  if (now === undefined) {
    throw new ArrearsError('OPTIONS_INVALID', [{ code: 'missing_now', path: ['now'], message: "`now` is required: pass a Date or an ISO 8601 instant with Z or an offset (the library never reads the clock)" }]);
  }
  if (typeof now !== 'string' && !(now instanceof Date)) {
    throw new ArrearsError('OPTIONS_INVALID', [{ code: 'invalid_type', path: ['now'], message: '`now` must be a Date or an ISO 8601 string with Z or an offset' }]);
  }
  const parsed = parseInstant(now);
  if (!parsed.ok) throw new ArrearsError('OPTIONS_INVALID', [{ code: parsed.reason === 'missing_offset' ? 'missing_offset' : 'invalid_instant', path: ['now'], message: parsed.message }]);
  return parsed.ms;
}
