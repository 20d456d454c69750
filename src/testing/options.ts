import { z } from 'zod';
import { ArrearsError } from '../errors';
import { strictObject } from '../model/primitives';
import { safeReadOptions } from '../options';
import { fromZodIssues, missingValueError } from '../zod-issues';

/** How a value that should have been an object is named in a message: `null`, `number`, `Array`… */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}

/**
 * A schema of an options object of the testing kit: these keys and no others (an unknown key is
 * refused with a did-you-mean, as everywhere else). Values are checked where they are used.
 *
 * @example
 * const simulateOptions = optionKeys(['from', 'to', 'respond']);
 */
export function optionKeys(keys: readonly string[]) {
  return strictObject(Object.fromEntries(keys.map((k) => [k, z.unknown().optional()])));
}

/**
 * Checks an options argument against `optionKeys(...)`: throws `ArrearsError` (`OPTIONS_INVALID`)
 * for a value that is not an object (`invalid_type`, saying how the call is written) or for
 * unknown keys (`unrecognized_keys`; `schema: null` when the keys are checked later, by the account
 * schema), or for an option that throws when read (`unreadable`). `path` is where the options sit
 * (`[]` for a call's own options). Returns a plain copy, each option read once: use it, not the
 * argument, which a getter or a Proxy could answer differently the next time.
 *
 * @example
 * checkOptions(simulateOptions, options, 'simulate(policy, account, { from, to, … })');
 */
export function checkOptions(schema: z.ZodType | null, options: unknown, usage: string, path: readonly (string | number)[] = []): Record<string, unknown> {
  // Read once, into a plain copy: a getter or a Proxy that throws is `unreadable` at its path.
  const read = safeReadOptions(options, schema instanceof z.ZodObject ? Object.keys(schema.shape) : [], path);
  if (!read.ok) throw new ArrearsError('OPTIONS_INVALID', read.issues);
  const copy = read.options;
  if (copy === null || typeof copy !== 'object' || Array.isArray(copy)) {
    throw new ArrearsError('OPTIONS_INVALID', [{ code: 'invalid_type', path, message: `must be an object: ${usage}; received ${kindOf(copy)}` }]);
  }
  if (schema !== null) {
    const result = schema.safeParse(copy, { error: missingValueError });
    if (!result.success) throw new ArrearsError('OPTIONS_INVALID', fromZodIssues(result.error.issues, path));
  }
  return copy as Record<string, unknown>;
}

/**
 * What a value is, in a message: JSON when it has a short one, else its kind.
 *
 * @example
 * describeValue(42); // '42'; describeValue(NaN) is 'NaN'; describeValue(undefined) is 'undefined'; describeValue(() => 1) is 'a function'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  // JSON writes NaN and ±Infinity as null: a message would blame a null that was never given.
  if (typeof value === 'number') return String(value);
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    // a bigint, a cycle: named by its kind below
  }
  return typeof value;
}
