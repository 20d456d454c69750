import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArrearsError, canonicalJson, parsePolicy, policyHash, presets } from '../src/index';

const bankCard = JSON.parse(readFileSync(new URL('../examples/policies/bank-card.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** The same value with the keys of every object in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
}

const hashOf = (json: unknown): string => policyHash(parsePolicy(json));

describe('policyHash', () => {
  it("is 'sha256:' and 64 hex digits", () => {
    expect(hashOf(bankCard)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('does not depend on key order, at any depth', () => {
    expect(JSON.stringify(reversedKeys(bankCard))).not.toBe(JSON.stringify(bankCard));
    expect(hashOf(reversedKeys(bankCard))).toBe(hashOf(bankCard));
  });

  it('does not depend on writing defaults out or leaving them implicit', () => {
    const implicit = { id: 'p', version: '1', jurisdiction: 'US', actions: { sms: { channel: 'sms' } }, compliance: [{ id: 'L', constraints: [{ kind: 'window', id: 'w', from: '08:00', to: '21:00' }] }] };
    const explicit = {
      ...implicit,
      holidays: {},
      conditions: {},
      rules: [],
      actions: { sms: { channel: 'sms', requiresApproval: false } },
      compliance: [{ id: 'L', constraints: [{ kind: 'window', id: 'w', from: '08:00', to: '21:00', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], zone: 'contact', closedOn: [], debtorMayOverride: false }] }],
    };
    expect(hashOf(explicit)).toBe(hashOf(implicit));
  });

  it('is the same for the same content, call after call', () => {
    expect(hashOf(structuredClone(bankCard))).toBe(hashOf(bankCard));
    expect(policyHash(parsePolicy(presets.usRegulationF))).toBe(policyHash(parsePolicy(presets.usRegulationF)));
  });

  it.each([
    ['a window hour', (p: Record<string, unknown>) => ({ ...p, compliance: [{ id: 'company', constraints: [{ kind: 'window', id: 'w', from: '09:00', to: '20:01' }] }] })],
    ['the version', (p: Record<string, unknown>) => ({ ...p, version: '1.0.1' })],
    ['the order of the rules', (p: Record<string, unknown>) => ({ ...p, rules: [...(p.rules as unknown[])].reverse() })],
    ['a label', (p: Record<string, unknown>) => ({ ...p, actions: { ...(p.actions as object), sms_reminder: { label: 'Text', channel: 'sms', target: 'self' } } })],
  ])('changes when %s changes', (_, change) => {
    expect(hashOf(change(bankCard))).not.toBe(hashOf(bankCard));
  });

  it('differs for different policies', () => {
    const hashes = [bankCard, ...Object.values(presets)].map((p) => hashOf(p));
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});

describe('canonicalJson', () => {
  it('sorts keys and drops undefined, like JSON.stringify otherwise', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }], u: undefined })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });

  it('equal JSON values give equal text whatever the key order (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(reversedKeys(value))).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 200, seed: 20261201 },
    );
  });
});

describe('policyHash of what JSON cannot hold', () => {
  it('hashes reserved keys as data: a toString key is JSON', () => {
    expect(canonicalJson({ toString: null, b: 1 })).toBe('{"b":1,"toString":null}');
  });

  it('a bigint → POLICY_INVALID / not_json at its path', () => {
    let error: unknown;
    try {
      canonicalJson({ id: 'p', limits: [1, { n: 10n }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArrearsError);
    expect((error as ArrearsError).code).toBe('POLICY_INVALID');
    expect((error as ArrearsError).issues).toMatchObject([{ code: 'not_json', path: ['limits', 1, 'n'] }]);
  });

  it('a bigint in a policy → POLICY_INVALID at its path (policyHash validates the policy first)', () => {
    let error: unknown;
    try {
      policyHash({ ...bankCard, version: 10n });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArrearsError);
    expect((error as ArrearsError).code).toBe('POLICY_INVALID');
    expect((error as ArrearsError).issues).toMatchObject([{ path: ['version'] }]);
  });
});
