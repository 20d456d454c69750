/**
 * The policies `parsePolicy` has returned. They were screened and validated under the caller's
 * own limits (which may be above the defaults), and are deeply frozen, so they need no second
 * check: hashing one must not refuse what the caller's limits allowed.
 */
const PARSED = new WeakSet<object>();

/**
 * Records a policy `parsePolicy` accepted (and froze).
 *
 * @example
 * markParsed(deepFreeze(policy));
 */
export function markParsed<T extends object>(policy: T): T {
  PARSED.add(policy);
  return policy;
}

/**
 * Whether `value` is a policy `parsePolicy` returned.
 *
 * @example
 * wasParsed(parsePolicy(json)); // true
 * wasParsed(json);              // false
 */
export function wasParsed(value: unknown): boolean {
  return typeof value === 'object' && value !== null && PARSED.has(value);
}
