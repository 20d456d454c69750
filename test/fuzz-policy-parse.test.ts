import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composePolicies, parsePolicy, policyHash, safeParsePolicy } from '../src/index';
import { checkCall, expectIssues, fingerprint, fuzzParams, GENTLE, LENGTH_CRASHER_JSON, mutantOf, POLICY_CORPUS, weirdValue, withCycle, withKey } from './support/fuzz';

/*
 * Fuzz: real policies (examples, presets, seed strategies), mutated — keys deleted, values of the
 * wrong type, NaN, 10 000-character strings, reserved keys, nesting, huge arrays, sub-trees
 * swapped between policies. Whatever arrives, parsing answers with data or an ArrearsError.
 */

const policies = mutantOf(POLICY_CORPUS);

const safeParse = (input: unknown): void => {
  const outcome = checkCall(input, () => safeParsePolicy(input));
  expect(outcome.ok, 'safeParsePolicy threw').toBe(true);
  if (!outcome.ok) return;
  if (outcome.value.success) expect(Array.isArray(outcome.value.warnings)).toBe(true);
  else expectIssues(outcome.value.issues);
};

describe('fuzz: parsePolicy and safeParsePolicy on mutated policies', () => {
  it('the corpus itself parses (the mutants start from valid policies)', () => {
    for (const { name, value } of POLICY_CORPUS) expect(safeParsePolicy(value).success, name).toBe(true);
  });

  it('safeParsePolicy never throws; it returns a policy or well-formed issues', () => {
    fc.assert(
      fc.property(policies, (mutant) => safeParse(mutant.value)),
      fuzzParams(2),
    );
  });

  it('parsePolicy returns or throws ArrearsError (POLICY_INVALID or LIMIT_EXCEEDED), exactly when safeParsePolicy fails, with the same policy', () => {
    fc.assert(
      fc.property(policies, (mutant) => {
        const first = checkCall(mutant.value, () => parsePolicy(mutant.value), ['POLICY_INVALID', 'LIMIT_EXCEEDED']);
        const safe = safeParsePolicy(mutant.value);
        expect(first.ok).toBe(safe.success);
        if (!first.ok || !safe.success) return;
        expect(JSON.stringify(first.value)).toBe(JSON.stringify(safe.policy));
        expect(Object.isFrozen(first.value)).toBe(true);
      }),
      fuzzParams(2),
    );
  });

  it('composePolicies of mutants: a policy or an ArrearsError, inputs untouched', () => {
    const part = fc.oneof(mutantOf(POLICY_CORPUS, { kinds: GENTLE, max: 1, min: 0 }), mutantOf(POLICY_CORPUS, { max: 2 }));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 3 }), (mutants) => {
        const inputs = mutants.map((m) => m.value);
        const outcome = checkCall(inputs, () => composePolicies(...inputs), ['COMPOSE_INVALID', 'POLICY_INVALID', 'LIMIT_EXCEEDED']);
        if (outcome.ok) expect(safeParsePolicy(JSON.parse(JSON.stringify(outcome.value))).success, 'a composed policy does not parse').toBe(true);
      }),
      fuzzParams(1),
    );
  });

  it('policyHash of any mutant JSON can hold (nested at most 100 levels, no bigint; see below): a sha256, the same twice', () => {
    fc.assert(
      fc.property(mutantOf(POLICY_CORPUS, { maxNestDepth: 100 }), (mutant) => {
        fc.pre(!/(^|,)b-?\d/.test(fingerprint(mutant.value)));
        const outcome = checkCall(mutant.value, () => policyHash(mutant.value), ['POLICY_INVALID', 'LIMIT_EXCEEDED']);
        if (outcome.ok) expect(policyHash(mutant.value)).toBe(outcome.value);
      }),
      fuzzParams(1),
    );
  });

  it.each([
    ['20 000 levels deep', (() => {
      let v: unknown = 0;
      for (let i = 0; i < 20_000; i++) v = [v];
      return { ...(POLICY_CORPUS[0] as { value: object }).value, description: v };
    })()],
    ['cyclic', (() => {
      const p: Record<string, unknown> = { ...(POLICY_CORPUS[0] as { value: object }).value };
      p.self = p;
      return p;
    })()],
    ['holding a bigint', { ...(POLICY_CORPUS[0] as { value: object }).value, version: 1n }],
  ])('policyHash of a policy %s: an ArrearsError, not a RangeError or TypeError', (_, input) => {
    const outcome = checkCall(input, () => policyHash(input), ['POLICY_INVALID', 'LIMIT_EXCEEDED']);
    expect(outcome.ok).toBe(false);
  });

  it.each(['version', 'jurisdiction', 'description'])('{"length":{"toString":1,"valueOf":1}} as %s: issues, not a TypeError', (key) => {
    const input = { ...((POLICY_CORPUS[0] as { value: object }).value), [key]: JSON.parse(LENGTH_CRASHER_JSON) as unknown };
    safeParse(input);
  });

  it('a cycle anywhere: issues, never a stack overflow', () => {
    fc.assert(
      fc.property(fc.nat(POLICY_CORPUS.length - 1), fc.nat(), fc.nat(), (index, at, pick) => {
        const input = withCycle((POLICY_CORPUS[index] as { value: unknown }).value, at, pick);
        safeParse(input);
        expect(safeParsePolicy(input).success).toBe(false);
      }),
      fuzzParams(0.5),
    );
  });

  // Was a RangeError (Maximum call stack size exceeded) inside zod before src/input-guard.ts.
  it('deep nesting (up to 20 000 levels) of any node: issues, never a RangeError', () => {
    fc.assert(
      fc.property(mutantOf(POLICY_CORPUS, { kinds: ['nest'], max: 1 }), (mutant) => safeParse(mutant.value)),
      fuzzParams(1),
    );
  });

  it('an own __proto__ key on any object is refused, never dropped silently, and never reaches Object.prototype', () => {
    fc.assert(
      fc.property(fc.nat(POLICY_CORPUS.length - 1), fc.nat(), weirdValue, (index, at, value) => {
        const added = withKey((POLICY_CORPUS[index] as { value: unknown }).value, at, '__proto__', value);
        if (added === null) return;
        safeParse(added.value);
        const result = safeParsePolicy(added.value);
        expect(result.success, `__proto__ at ${JSON.stringify(added.path)} was accepted`).toBe(false);
      }),
      fuzzParams(1),
    );
  });

  // Was `Error: Missing operator name` from json-rules-engine's `new Operator` before options were checked.
  it('parsePolicy with junk options.operators: an ArrearsError, never a plain Error', () => {
    const operators = fc.oneof(weirdValue, fc.array(weirdValue, { maxLength: 3 }), fc.array(fc.record({ name: weirdValue, cb: fc.constant(() => true) }), { maxLength: 2 }));
    fc.assert(
      fc.property(fc.nat(POLICY_CORPUS.length - 1), operators, (index, junk) => {
        const policy = (POLICY_CORPUS[index] as { value: unknown }).value;
        // @ts-expect-error: junk options on purpose — JavaScript callers are not type-checked
        checkCall(policy, () => parsePolicy(policy, { operators: junk }), ['POLICY_INVALID', 'OPTIONS_INVALID', 'LIMIT_EXCEEDED']);
      }),
      fuzzParams(1),
    );
  });
});

describe('fuzz harness: the checks catch what they look for', () => {
  it('a TypeError, a mutated input (even -0 → 0, a frozen object, a dropped __proto__ key) and a polluted prototype all fail', () => {
    expect(() => checkCall({}, () => { throw new TypeError('boom'); })).toThrow(/expected an ArrearsError, got TypeError: boom/);
    const cases: readonly [unknown, (input: never) => void][] = [
      [{ a: 1 }, (input: { a: number }) => void (input.a = 2)],
      [{ a: -0 }, (input: { a: number }) => void (input.a = 0)],
      [{ a: Number.NaN }, (input: { a: number }) => void (input.a = 0)],
      [{ a: [1] }, (input: object) => void Object.freeze(input)],
      [JSON.parse('{"__proto__":{"x":1}}'), (input: Record<string, unknown>) => void delete input.__proto__],
      [{ a: { b: 1 } }, (input: { a: object }) => void Object.defineProperty(input.a, 'b', { enumerable: false })],
    ];
    for (const [input, mutate] of cases) expect(() => checkCall(input, () => mutate(input as never)), fingerprint(input)).toThrow(/the input was mutated/);
    expect(() => checkCall({}, () => void ((Object.prototype as Record<string, unknown>).polluted = 'yes'))).toThrow(/reached a built-in prototype/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
