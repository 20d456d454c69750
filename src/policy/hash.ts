import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { ArrearsError, type IssuePath } from '../errors';
import { screenInput } from '../input-guard';
import { DEFAULT_LIMITS } from '../limits';
import { wasParsed } from './parsed';

/**
 * JSON with object keys sorted, so that equal values give equal text whatever the key order.
 * Throws `ArrearsError` on what JSON cannot hold (a cycle, a bigint) or an input over the default
 * limits (docs/limits.md).
 *
 * @example
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  guard(value);
  return canonical(value, []);
}

/**
 * `canonicalJson` of a value that has already passed validation under the caller's own limits
 * (a parsed policy, its parts): the guard ran then, with limits that may be higher than the
 * defaults, so it must not run again here.
 *
 * @example
 * canonicalJsonOfParsed(parsePolicy(json).rules[0]);
 */
export function canonicalJsonOfParsed(value: unknown): string {
  return canonical(value, []);
}

/**
 * `policyHash` of a policy that `parsePolicy` has accepted (see `canonicalJsonOfParsed`).
 *
 * @example
 * hashOfParsedPolicy(parsePolicy(json, { limits })); // 'sha256:…'
 */
export function hashOfParsedPolicy(policy: unknown): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonical(policy, []))))}`;
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

/**
 * The input guard's depth, cycle and size checks, so that a hostile value gets an ArrearsError.
 * Reserved keys are no problem here: hashing reads them as data and converts nothing.
 */
function guard(value: unknown): void {
  const screening = screenInput(value, DEFAULT_LIMITS);
  if (screening.verdict === 'limit') throw new ArrearsError('LIMIT_EXCEEDED', screening.issues);
  const cycles = screening.issues.filter((i) => i.code === 'cyclic');
  if (cycles.length > 0) throw new ArrearsError('POLICY_INVALID', cycles);
}

/**
 * A stable content hash of a parsed policy: `sha256:` + hex of its canonical JSON. Two policies
 * that decide alike by construction (same content, any key order) have the same hash.
 *
 * @example
 * policyHash(parsePolicy(json)); // 'sha256:9f86d08…'
 */
export function policyHash(policy: unknown): string {
  // A policy parsePolicy returned was screened under the caller's limits: do not re-check it
  // against the defaults, which may be lower.
  return wasParsed(policy) ? hashOfParsedPolicy(policy) : `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalJson(policy))))}`;
}
