import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, type Decision, type Engine, explain, presets } from '../src/index';
import { arbitraries } from '../src/testing/arbitraries';
import { ACCOUNT_CORPUS, checkCall, EDGE_DATES, expectIssues, fingerprint, fuzzParams, GENTLE, mutantOf, POLICY_CORPUS, type Sample, weirdValue } from './support/fuzz';

/*
 * Fuzz: engines built from the real policies (alone and composed with their regulation) decide
 * mutated accounts at random and edge-of-range instants; mutated policies that still parse are
 * compiled and decide the real accounts. Every call returns a decision or throws an ArrearsError,
 * in time, leaving its input and the prototypes alone; the same call twice gives the same JSON.
 */

const value = (s: Sample | undefined): unknown => (s as Sample).value;
const byName = (name: string): unknown => value(POLICY_CORPUS.find((s) => s.name === name));

const ENGINE_POLICIES: readonly Sample[] = [
  ...POLICY_CORPUS.filter((s) => s.name.startsWith('examples/')),
  { name: 'usRegulationF + us-collections', value: composePolicies(presets.usRegulationF, byName('examples/policies/us-collections.json') as never) },
  { name: 'chinaCba + bank-card', value: composePolicies(presets.chinaCba, byName('examples/policies/bank-card.json') as never) },
  { name: 'ukConc7 + b2b-dunning', value: composePolicies(presets.ukConc7, byName('examples/policies/b2b-dunning.json') as never) },
];
const ENGINES: readonly Engine[] = ENGINE_POLICIES.map((s) => createEngine(s.value));

const EDGES = EDGE_DATES;

/** Instants of evaluation: mostly ordinary, sometimes at the edges of Date, invalid, or not an instant at all. */
const nowArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2032-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()), weight: 6 },
  { arbitrary: fc.constantFrom(...EDGES), weight: 2 },
  { arbitrary: fc.date(), weight: 1 },
  { arbitrary: weirdValue, weight: 1 },
);

const accountsArb = fc.oneof(mutantOf(ACCOUNT_CORPUS, { kinds: GENTLE, max: 2 }), mutantOf(ACCOUNT_CORPUS, { donors: POLICY_CORPUS.slice(0, 1) }));

const DECIDE_CODES = ['ACCOUNT_INVALID', 'OPTIONS_INVALID', 'LIMIT_EXCEEDED'] as const;

/**
 * The checks on a decision: plain JSON, explained, and the same again — from the same engine (its
 * caches now warm) and from a fresh one.
 */
function checkDecision(engine: Engine, account: unknown, now: unknown, decision: Decision): void {
  const json = JSON.stringify(decision);
  expect(JSON.parse(json)).toEqual(decision);
  const again = engine.decide(account, { now: now as string });
  expect(JSON.stringify(again), 'the same input twice gave different decisions').toBe(json);
  const fresh = createEngine(engine.policy).decide(structuredClone(account), { now: now as string });
  expect(JSON.stringify(fresh), 'a fresh engine decided differently').toBe(json);
  const text = checkCall(decision, () => explain(decision));
  expect(text.ok && typeof text.value === 'string' && text.value.length > 0, 'explain gave no text').toBe(true);
}

describe('fuzz: engine.decide, decideMany and explain', () => {
  it('mutated accounts at random instants: a decision or an ArrearsError, deterministic, explained', () => {
    let decided = 0;
    fc.assert(
      fc.property(fc.nat(ENGINES.length - 1), accountsArb, nowArb, (e, mutant, now) => {
        const engine = ENGINES[e] as Engine;
        const outcome = checkCall(mutant.value, () => engine.decide(mutant.value, { now: now as string }), DECIDE_CODES);
        if (outcome.ok) {
          decided++;
          checkDecision(engine, mutant.value, now, outcome.value);
        }
      }),
      fuzzParams(3),
    );
    expect(decided, 'no mutant reached a decision: the fuzz is not exercising the engine').toBeGreaterThan(0);
  });

  it('valid random accounts (testing arbitraries) at random instants, 1990–2100: always a decision, identical across engines', () => {
    const range = { min: '1990-01-01T00:00:00Z', max: '2100-12-31T23:59:59Z' };
    fc.assert(
      fc.property(fc.nat(ENGINES.length - 1), arbitraries.account({ ...range, flags: true, maxHistory: 30 }), arbitraries.instant(range), (e, account, now) => {
        const engine = ENGINES[e] as Engine;
        const outcome = checkCall(account, () => engine.decide(account, { now }), []);
        if (!outcome.ok) return;
        checkDecision(engine, account, now, outcome.value);
        const fresh = createEngine(structuredClone(ENGINE_POLICIES[e] as Sample).value).decide(structuredClone(account), { now });
        expect(JSON.stringify(fresh)).toBe(JSON.stringify(outcome.value));
      }),
      fuzzParams(1),
    );
  });

  it('the real accounts at edge-of-range and invalid instants: a decision or OPTIONS_INVALID', () => {
    fc.assert(
      fc.property(fc.nat(ENGINES.length - 1), fc.nat(ACCOUNT_CORPUS.length - 1), fc.oneof(fc.constantFrom(...EDGES), fc.date(), nowArb), (e, a, now) => {
        const engine = ENGINES[e] as Engine;
        const account = value(ACCOUNT_CORPUS[a]);
        const options = { now: now as string };
        const outcome = checkCall(options, () => engine.decide(account, options), ['OPTIONS_INVALID']);
        if (outcome.ok) checkDecision(engine, account, now, outcome.value);
      }),
      fuzzParams(2),
    );
  });

  it('decideMany: one answer per input, in order, each the same as decide; failures are ArrearsErrors, never UNEXPECTED', () => {
    fc.assert(
      fc.property(fc.nat(ENGINES.length - 1), fc.array(accountsArb, { maxLength: 4 }), nowArb, (e, mutants, now) => {
        const engine = ENGINES[e] as Engine;
        const inputs = mutants.map((m) => m.value);
        const outcome = checkCall(inputs, () => [...engine.decideMany(inputs, { now: now as string })], ['OPTIONS_INVALID']);
        if (!outcome.ok) return;
        expect(outcome.value).toHaveLength(inputs.length);
        outcome.value.forEach((result, i) => {
          if (result.ok) {
            expect(JSON.stringify(result)).toBe(JSON.stringify(engine.decide(inputs[i], { now: now as string })));
          } else {
            expect(DECIDE_CODES as readonly string[], `decideMany failure: ${result.error.message.slice(0, 300)}`).toContain(result.error.code);
            expectIssues(result.error.issues);
          }
        });
      }),
      fuzzParams(1),
    );
  });

  it('mutated policies: createEngine gives an engine or an ArrearsError; an engine decides the real accounts or refuses with an ArrearsError', () => {
    const policies = fc.oneof(mutantOf(POLICY_CORPUS, { kinds: GENTLE, max: 2 }), mutantOf(POLICY_CORPUS, { kinds: GENTLE, max: 1 }), mutantOf(POLICY_CORPUS, { max: 2 }));
    let compiled = 0;
    fc.assert(
      fc.property(policies, fc.nat(ACCOUNT_CORPUS.length - 1), nowArb, (mutant, a, now) => {
        const built = checkCall(mutant.value, () => createEngine(mutant.value), ['POLICY_INVALID', 'LIMIT_EXCEEDED']);
        if (!built.ok) return;
        compiled++;
        const engine = built.value;
        for (const sample of [ACCOUNT_CORPUS[a], ACCOUNT_CORPUS[(a + 7) % ACCOUNT_CORPUS.length]]) {
          const account = value(sample);
          const before = fingerprint(mutant.value);
          const outcome = checkCall(account, () => engine.decide(account, { now: now as string }), DECIDE_CODES);
          expect(fingerprint(mutant.value)).toBe(before);
          if (outcome.ok) checkDecision(engine, account, now, outcome.value);
        }
      }),
      fuzzParams(3),
    );
    expect(compiled, 'no mutated policy compiled: the fuzz is not exercising the compiler').toBeGreaterThan(0);
  });

  it('explain of a decision at the last supported instant, 2200-12-31T23:59:59Z (deferred into 2201)', () => {
    const engine = createEngine(byName('examples/policies/agency-screening.json'));
    const decision = engine.decide(value(ACCOUNT_CORPUS.find((s) => s.name === 'examples/accounts/agency-cases.json[0]')), { now: '2200-12-31T23:59:59Z' });
    expect(decision.next?.allowedFrom).toBe('2201-01-01T01:00:00Z');
    expect(explain(decision)).toContain('2201-01-01');
  });

  it('createEngine with junk options: an engine or OPTIONS_INVALID', () => {
    const options = fc.oneof(
      weirdValue,
      fc.record({ horizonDays: weirdValue }, { requiredKeys: [] }),
      fc.record({ operators: fc.oneof(weirdValue, fc.array(weirdValue, { maxLength: 2 })) }),
      fc.dictionary(fc.constantFrom('horizonDays', 'operators', 'limits', '__proto__', 'constructor', 'x'), weirdValue, { maxKeys: 3 }),
    );
    fc.assert(
      fc.property(fc.nat(ENGINE_POLICIES.length - 1), options, (p, junk) => {
        const policy = value(ENGINE_POLICIES[p]);
        const built = checkCall(junk, () => createEngine(policy, junk as never), ['OPTIONS_INVALID', 'POLICY_INVALID']);
        if (!built.ok) return;
        const account = value(ACCOUNT_CORPUS[p % ACCOUNT_CORPUS.length]);
        checkCall(account, () => built.value.decide(account, { now: '2026-11-23T10:00:00Z' }), DECIDE_CODES);
      }),
      fuzzParams(1),
    );
  });
});
