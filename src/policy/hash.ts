import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJsonOf } from '../canonical-json';
import { ArrearsError } from '../errors';
import { screenInput } from '../input-guard';
import { DEFAULT_LIMITS } from '../limits';
import { type ParsePolicyOptions, parsePolicy } from './parse';
import { wasParsed } from './parsed';

/**
 * JSON with object keys sorted, so that equal values give equal text whatever the key order: text
 * that parses back to the same value, and that no other value shares. Throws `ArrearsError`
 * (`POLICY_INVALID`) on what JSON cannot hold, at its path: a cycle (`cyclic`), a value that throws
 * when read (`unreadable`), a bigint, a function, NaN or ±Infinity, an empty slot or `undefined` in
 * a list, a `Date`, `Map`, `Set` or class instance (`not_json`: pass plain objects, lists and
 * finite numbers); and on an input over the default limits
 * (`LIMIT_EXCEEDED`, docs/limits.md). `undefined` as an object's value is left out, as in
 * `JSON.stringify`.
 *
 * @example
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  guard(value);
  return canonicalJsonOf(value);
}

/**
 * `policyHash` of a policy that `parsePolicy` has accepted: it was screened then, under the
 * caller's own limits (which may be above the defaults), so it is not screened again.
 *
 * @example
 * hashOfParsedPolicy(parsePolicy(json, { limits })); // 'sha256:…'
 */
export function hashOfParsedPolicy(policy: unknown): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalJsonOf(policy))))}`;
}

/**
 * The input guard's depth, cycle and size checks, so that a hostile value gets an ArrearsError.
 * Reserved keys are no problem here: hashing reads them as data and converts nothing.
 */
function guard(value: unknown): void {
  const screening = screenInput(value, DEFAULT_LIMITS);
  if (screening.verdict === 'limit') throw new ArrearsError('LIMIT_EXCEEDED', screening.issues);
  if (screening.complete) return;
  // The walk stopped before the end (a cycle, a value that throws when read, or 100 issues): the
  // canonical JSON walk would go on where the guard did not, into a cycle or a throwing getter.
  const unhashable = screening.issues.filter((i) => i.code === 'cyclic' || i.code === 'unreadable');
  throw new ArrearsError('POLICY_INVALID', unhashable.length > 0 ? unhashable : screening.issues);
}

/**
 * A stable content hash of a policy: `sha256:` + hex of the canonical JSON of the policy as
 * `parsePolicy` returns it. Raw JSON is validated first (`ArrearsError`: `POLICY_INVALID`,
 * `LIMIT_EXCEEDED`, as `parsePolicy` throws), and its defaults are written out, so raw JSON, its
 * parsed form, `engine.hash` and every decision's `policy.hash` agree, and policies that differ
 * only in key order or in defaults left implicit hash alike. `options` are `parsePolicy`'s (custom
 * operators, limits), for raw JSON; a parsed policy is hashed as it is.
 *
 * @example
 * policyHash(json) === createEngine(json).hash; // true
 * policyHash(parsePolicy(json)) === policyHash(json); // true
 * policyHash(json, { operators: [divisibleBy] }); // a policy using a custom operator
 */
export function policyHash(policy: unknown, options?: ParsePolicyOptions): string {
  // A policy parsePolicy returned was validated (and screened under the caller's limits, which
  // may be above the defaults): parsing it again would only repeat that, or refuse it.
  return hashOfParsedPolicy(wasParsed(policy) ? policy : parsePolicy(policy, options));
}
