import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, parsePolicy, policyHash, presets } from '../src/index';
import { arrearsErrorOf } from './support/errors';

/* policyHash validates its input as a policy and hashes the parsed form, so the hash of stored
   policy JSON is the one every decision carries: raw JSON, its parsed form and engine.hash agree,
   and what is not a policy is refused, not hashed. */

const bankCard = JSON.parse(readFileSync(new URL('../examples/policies/bank-card.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('policyHash of raw policy JSON', () => {
  it('is the hash of its parsed form and the engine hash', () => {
    const engine = createEngine(bankCard);
    expect(policyHash(bankCard)).toBe(policyHash(parsePolicy(bankCard)));
    expect(policyHash(bankCard)).toBe(engine.hash);
    expect(policyHash(presets.usRegulationF)).toBe(createEngine(presets.usRegulationF).hash);
  });

  it("recomputes a decision's policy hash from the policy stored as JSON text", () => {
    const policy = composePolicies(presets.usRegulationF, bankCard);
    const stored = JSON.parse(JSON.stringify(policy)) as unknown;
    expect(policyHash(stored)).toBe(createEngine(policy).hash);
  });

  it('does not depend on defaults written out or left implicit', () => {
    const implicit = { id: 'p', version: '1', jurisdiction: 'US', actions: { sms: { channel: 'sms' } } };
    const explicit = { ...implicit, holidays: {}, conditions: {}, rules: [], compliance: [], actions: { sms: { channel: 'sms', requiresApproval: false } } };
    expect(policyHash(explicit)).toBe(policyHash(implicit));
  });

  it.each([
    ['a string', 'hello', []],
    ['an empty object', {}, ['id']],
    ['an object of the wrong shape', { id: 1, rules: 'nope' }, ['id']],
  ])('%s is POLICY_INVALID with the issues parsePolicy reports', (_, input, path) => {
    const error = arrearsErrorOf(() => policyHash(input));
    expect(error.code).toBe('POLICY_INVALID');
    expect(error.issues).toEqual(arrearsErrorOf(() => parsePolicy(input)).issues);
    expect(error.issues[0]?.path).toEqual(path);
  });

  it('takes parsePolicy options, for a policy that uses a custom operator', () => {
    const divisibleBy = { name: 'divisibleBy', cb: (a: number, b: number) => a % b === 0 };
    const policy = { ...bankCard, rules: [{ id: 'even', when: { all: [{ fact: 'daysPastDue', operator: 'divisibleBy', value: 2 }] }, then: ['sms_reminder'] }] };
    expect(arrearsErrorOf(() => policyHash(policy)).issues).toMatchObject([{ code: 'unknown_operator' }]);
    expect(policyHash(policy, { operators: [divisibleBy] })).toBe(createEngine(policy, { operators: [divisibleBy] }).hash);
  });
});
