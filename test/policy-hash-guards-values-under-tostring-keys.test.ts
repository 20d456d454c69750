import { describe, expect, it } from 'vitest';
import { canonicalJson, parsePolicy, policyHash } from '../src/index';
import { arrearsErrorOf } from './support/errors';

/* An own `toString` / `valueOf` key that is not a function is refused by parsePolicy, but hashing
   reads it as data. What lies under it is walked like any other value: a cycle, nesting past
   maxDepth or a value that throws when read is an ArrearsError at its path, never a RangeError or
   the raw error out of the canonical JSON walk. */

const POLICY = { id: 'p', version: '1', jurisdiction: 'US', actions: { sms: { channel: 'sms' } } };

describe.each(['toString', 'valueOf'])('the value under an own %s key', (key) => {
  it('a cycle → POLICY_INVALID / cyclic at the key that closes it', () => {
    const looped: Record<string, unknown> = {};
    looped[key] = looped;
    expect(arrearsErrorOf(() => canonicalJson(looped))).toMatchObject({ code: 'POLICY_INVALID', issues: [{ code: 'cyclic', path: [key] }] });
    const deeper: Record<string, unknown> = { a: {} };
    (deeper.a as Record<string, unknown>)[key] = deeper;
    expect(arrearsErrorOf(() => canonicalJson(deeper))).toMatchObject({ code: 'POLICY_INVALID', issues: [{ code: 'cyclic', path: ['a', key] }] });
  });

  it('nesting 20,000 deep, even from JSON text → LIMIT_EXCEEDED / too_deep under the key', () => {
    const text = `{"${key}":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const deep = JSON.parse(text) as unknown;
    for (const call of [() => canonicalJson(deep), () => policyHash({ ...POLICY, ...(deep as object) })]) {
      const error = arrearsErrorOf(call);
      expect(error.code).toBe('LIMIT_EXCEEDED');
      expect(error.issues).toMatchObject([{ code: 'too_deep' }]);
      expect(error.issues[0]?.path[0]).toBe(key);
    }
  });

  it('a getter or a Proxy that throws → POLICY_INVALID / unreadable at its path', () => {
    const getter = { [key]: { get a(): never { throw new Error('boom'); } } };
    const proxy = { [key]: new Proxy({}, { ownKeys: () => { throw new Error('boom'); } }) };
    expect(arrearsErrorOf(() => canonicalJson(getter))).toMatchObject({ code: 'POLICY_INVALID', issues: [{ code: 'unreadable', path: [key, 'a'] }] });
    expect(arrearsErrorOf(() => canonicalJson(proxy))).toMatchObject({ code: 'POLICY_INVALID', issues: [{ code: 'unreadable', path: [key] }] });
    expect(arrearsErrorOf(() => policyHash({ ...POLICY, ...getter })).issues).toContainEqual(expect.objectContaining({ code: 'unreadable', path: [key, 'a'] }));
    expect(arrearsErrorOf(() => parsePolicy({ ...POLICY, ...proxy })).issues).toContainEqual(expect.objectContaining({ code: 'unreadable', path: [key] }));
  });

  it('plain data under it is still hashed as data', () => {
    expect(canonicalJson({ [key]: { b: [1, 2], a: null } })).toBe(`{"${key}":{"a":null,"b":[1,2]}}`);
  });
});
