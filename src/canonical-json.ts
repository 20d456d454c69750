import { ArrearsError, type IssuePath } from './errors';

/**
 * JSON with object keys sorted, so that equal values give equal text whatever the key order.
 * No limits are checked: for values already validated (a parsed policy, a fact's params). What
 * JSON cannot hold (a bigint, a function, a symbol) is an `ArrearsError` (`not_json`) at its path.
 *
 * @example
 * canonicalJsonOf({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJsonOf(value: unknown): string {
  return canonical(value, []);
}

function canonical(value: unknown, path: IssuePath): string {
  if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') {
    throw new ArrearsError('POLICY_INVALID', [{ code: 'not_json', path, message: `a ${typeof value} is not JSON; use a string or a number` }]);
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v, i) => canonical(v, [...path, i])).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v, [...path, k])}`).join(',')}}`;
}
