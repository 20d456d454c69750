import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJsonOf } from '../canonical-json';
import { ArrearsError } from '../errors';
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
  // A cycle, or a value that throws when read, would crash the canonical JSON walk below.
  const unhashable = screening.issues.filter((i) => i.code === 'cyclic' || i.code === 'unreadable');
  if (unhashable.length > 0) throw new ArrearsError('POLICY_INVALID', unhashable);
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
  if (!wasParsed(policy)) guard(policy);
  return hashOfParsedPolicy(policy);
}
