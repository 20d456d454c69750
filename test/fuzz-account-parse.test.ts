import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccount, safeParseAccount } from '../src/index';
import { ACCOUNT_CORPUS, checkCall, expectIssues, fuzzParams, LENGTH_CRASHER_JSON, mutantOf, POLICY_CORPUS, weirdValue, withCycle, withKey } from './support/fuzz';

/*
 * Fuzz: the example accounts, mutated (keys deleted, wrong types, NaN, -0, 10 000-character
 * strings, reserved keys, deep nesting, huge arrays, edge-of-range dates, sub-trees swapped
 * between accounts and policies). Parsing answers with an account or an ArrearsError, in time,
 * never touching its input or a prototype.
 */

const accounts = mutantOf(ACCOUNT_CORPUS, { donors: POLICY_CORPUS.slice(0, 1) });

const safeParse = (input: unknown): void => {
  const outcome = checkCall(input, () => safeParseAccount(input));
  expect(outcome.ok, 'safeParseAccount threw').toBe(true);
  if (outcome.ok && !outcome.value.success) expectIssues(outcome.value.issues);
};

describe('fuzz: parseAccount and safeParseAccount on mutated accounts', () => {
  it('the corpus itself parses (the mutants start from valid accounts)', () => {
    for (const { name, value } of ACCOUNT_CORPUS) expect(safeParseAccount(value).success, name).toBe(true);
  });

  it('safeParseAccount never throws; it returns an account or well-formed issues', () => {
    fc.assert(
      fc.property(accounts, (mutant) => safeParse(mutant.value)),
      fuzzParams(3),
    );
  });

  it('parseAccount returns or throws ArrearsError (ACCOUNT_INVALID or LIMIT_EXCEEDED), exactly when safeParseAccount fails, with the same account', () => {
    fc.assert(
      fc.property(accounts, (mutant) => {
        const first = checkCall(mutant.value, () => parseAccount(mutant.value), ['ACCOUNT_INVALID', 'LIMIT_EXCEEDED']);
        const safe = safeParseAccount(mutant.value);
        expect(first.ok).toBe(safe.success);
        if (first.ok && safe.success) expect(JSON.stringify(first.value)).toBe(JSON.stringify(safe.account));
      }),
      fuzzParams(2),
    );
  });

  it('deep nesting (up to 20 000 levels) of any node: issues, never a RangeError', () => {
    fc.assert(
      fc.property(mutantOf(ACCOUNT_CORPUS, { kinds: ['nest'], max: 1 }), (mutant) => safeParse(mutant.value)),
      fuzzParams(1),
    );
  });

  it('huge arrays (up to 10 000 elements) anywhere: an answer in bounded time', () => {
    fc.assert(
      fc.property(mutantOf(ACCOUNT_CORPUS, { kinds: ['huge'], max: 1 }), (mutant) => safeParse(mutant.value)),
      fuzzParams(0.5),
    );
  });

  it('a cycle anywhere: issues, never a stack overflow', () => {
    fc.assert(
      fc.property(fc.nat(ACCOUNT_CORPUS.length - 1), fc.nat(), fc.nat(), (index, at, pick) => {
        const input = withCycle((ACCOUNT_CORPUS[index] as { value: unknown }).value, at, pick);
        safeParse(input);
        expect(safeParseAccount(input).success).toBe(false);
      }),
      fuzzParams(0.5),
    );
  });

  it('an own __proto__ key on any object is refused, never dropped silently, and never reaches Object.prototype', () => {
    fc.assert(
      fc.property(fc.nat(ACCOUNT_CORPUS.length - 1), fc.nat(), weirdValue, (index, at, value) => {
        const added = withKey((ACCOUNT_CORPUS[index] as { value: unknown }).value, at, '__proto__', value);
        if (added === null) return;
        safeParse(added.value);
        expect(safeParseAccount(added.value).success, `__proto__ at ${JSON.stringify(added.path)} was accepted`).toBe(false);
      }),
      fuzzParams(1),
    );
  });

  it.each(['id', 'tags'])('{"length":{"toString":1,"valueOf":1}} as %s: issues, not a TypeError', (key) => {
    const input = { ...((ACCOUNT_CORPUS[0] as { value: object }).value), [key]: JSON.parse(LENGTH_CRASHER_JSON) as unknown };
    safeParse(input);
  });

  it('constructor and prototype keys: refused or inert (no trace of the payload in the account)', () => {
    fc.assert(
      fc.property(fc.nat(ACCOUNT_CORPUS.length - 1), fc.nat(), fc.constantFrom('constructor', 'prototype'), (index, at, key) => {
        const added = withKey((ACCOUNT_CORPUS[index] as { value: unknown }).value, at, key, JSON.parse('{"prototype":{"polluted":"yes"},"polluted":"yes"}'));
        if (added === null) return;
        safeParse(added.value);
        const result = safeParseAccount(added.value);
        if (result.success) expect(JSON.stringify(result.account)).not.toContain('polluted');
      }),
      fuzzParams(0.5),
    );
  });
});
