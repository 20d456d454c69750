import { ArrearsError } from '../errors';
import { probeValue } from '../input-guard';
import { readOptions } from '../options';
import { isDate, parseInstant } from '../time/instant';
import { didYouMean } from '../conditions/suggest';

/**
 * Validates the instant of evaluation. A local time without an offset is refused: it would be
 * ambiguous, and every rule of this library is about local time somewhere.
 *
 * @example
 * parseNow('2026-11-23T21:05:00+08:00'); // 1795439100000 (2026-11-23T13:05:00Z)
 */
export function parseNow(now: unknown): number {
  if (now === undefined) {
    throw new ArrearsError('OPTIONS_INVALID', [{ code: 'missing_now', path: ['now'], message: "`now` is required: pass a Date or an ISO 8601 instant with Z or an offset (the library never reads the clock)" }]);
  }
  // `now` may come straight from the caller (deriveFacts): a Proxy that throws when told apart is refused here.
  const unreadable = probeValue(now, ['now']);
  if (unreadable !== null) throw new ArrearsError('OPTIONS_INVALID', [unreadable]);
  if (typeof now !== 'string' && !isDate(now)) {
    throw new ArrearsError('OPTIONS_INVALID', [{ code: 'invalid_type', path: ['now'], message: '`now` must be a Date or an ISO 8601 string with Z or an offset' }]);
  }
  const parsed = parseInstant(now);
  if (!parsed.ok) throw new ArrearsError('OPTIONS_INVALID', [{ code: parsed.reason === 'missing_offset' ? 'missing_offset' : 'invalid_instant', path: ['now'], message: parsed.message }]);
  return parsed.ms;
}

/** Options that belong to `createEngine`, named when given to a call that does not take them. */
const ENGINE_OPTIONS: readonly string[] = ['horizonDays', 'limits', 'operators'];

/**
 * Checks an options object that must be a plain object with only `allowed` keys: a missing object,
 * a non-object, a key the call does not take (a typo, an engine option given per call) or an
 * option that throws when read is OPTIONS_INVALID rather than silently ignored or thrown as is.
 * Returns the options read once (`readOptions`), for the call to use instead of the original.
 *
 * @example
 * checkOptionKeys({ now, horizonDays: 1 }, ['now']); // throws: horizonDays is an engine option
 * const { now } = checkOptionKeys(options, ['now']) ?? {};
 */
export function checkOptionKeys(given: unknown, allowed: readonly string[]): Readonly<Record<string, unknown>> | undefined {
  if (given === undefined) return undefined; // each option is then missing: a required one says so itself
  const options = readOptions(given, allowed);
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    const need = allowed.includes('now') ? ' with `now`' : '';
    throw new ArrearsError('OPTIONS_INVALID', [{ code: 'invalid_type', path: [], message: `the options must be an object${need}, not ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}` }]);
  }
  const issues = Object.keys(options)
    .filter((key) => !allowed.includes(key))
    .map((key) => ({
      code: 'unrecognized_keys',
      // At the object, as zod reports unknown keys everywhere else (createEngine's options, policies).
      path: [],
      message: ENGINE_OPTIONS.includes(key)
        ? `unknown key '${key}': it is an option of createEngine, not of this call; pass it when the engine is created`
        : `unknown key '${key}'${didYouMean(key, allowed)}`,
    }));
  if (issues.length > 0) throw new ArrearsError('OPTIONS_INVALID', issues);
  return options as Readonly<Record<string, unknown>>;
}
