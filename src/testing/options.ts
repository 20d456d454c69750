import { z } from 'zod';
import { ArrearsError } from '../errors';
import { strictObject } from '../model/primitives';
import { fromZodIssues } from '../zod-issues';

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
 * schema). `path` is where the options sit (`[]` for a call's own options).
 *
 * @example
 * checkOptions(simulateOptions, options, 'simulate(policy, account, { from, to, … })');
 */
export function checkOptions(schema: z.ZodType | null, options: unknown, usage: string, path: readonly (string | number)[] = []): void {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ArrearsError('OPTIONS_INVALID', [{ code: 'invalid_type', path, message: `must be an object: ${usage}; received ${kindOf(options)}` }]);
  }
  if (schema === null) return;
  const result = schema.safeParse(options);
  if (!result.success) throw new ArrearsError('OPTIONS_INVALID', fromZodIssues(result.error.issues, path));
}

/**
 * What a value is, in a message: JSON when it has a short one, else its kind.
 *
 * @example
 * describeValue(42); // '42'; describeValue(undefined) is 'undefined'; describeValue(() => 1) is 'a function'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    // a bigint, a cycle: named by its kind below
  }
  return typeof value;
}
