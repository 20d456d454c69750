import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * JSON with object keys sorted, so that equal values give equal text whatever the key order.
 *
 * @example
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * A stable content hash of a parsed policy: `sha256:` + hex of its canonical JSON. Two policies
 * that decide alike by construction (same content, any key order) have the same hash.
 *
 * @example
 * policyHash(parsePolicy(json)); // 'sha256:9f86d08…'
 */
export function policyHash(policy: unknown): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalJson(policy))))}`;
}
