/**
 * The seed strategies exist twice — as policy JSON in examples/policies/ (what users copy) and as
 * `presets.strategies.*` (typed, importable). They must be the same policy, valid, and compose
 * with the regulation presets.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, parsePolicy, policyHash, presets } from '../src/index';

const json = (file: string) => {
  const { $schema, ...policy } = JSON.parse(readFileSync(new URL(`../examples/policies/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
  expect($schema).toBe('../../dist/policy.schema.json');
  return policy;
};

const seeds = [
  ['bankCard', 'bank-card.json'],
  ['b2bDunning', 'b2b-dunning.json'],
  ['propertyFees', 'property-fees.json'],
  ['agencyScreening', 'agency-screening.json'],
] as const;

describe('seed strategies', () => {
  it.each(seeds)('presets.strategies.%s is examples/policies/%s', (name, file) => {
    expect(JSON.parse(JSON.stringify(presets.strategies[name]))).toEqual(json(file));
    expect(policyHash(parsePolicy(presets.strategies[name]))).toBe(policyHash(parsePolicy(json(file))));
  });

  it.each(seeds)('%s is valid, labels every action and describes every rule', (name) => {
    const policy = parsePolicy(presets.strategies[name]);
    expect(policy.jurisdiction).toBeTruthy();
    for (const [id, action] of Object.entries(policy.actions)) expect(action.label, id).toBeTruthy();
    for (const rule of policy.rules) expect(rule.description, rule.id).toBeTruthy();
    expect(() => createEngine(policy)).not.toThrow();
  });

  it.each([
    ['bankCard', presets.chinaCba],
    ['agencyScreening', presets.chinaCba],
    ['b2bDunning', presets.chinaCba],
    ['propertyFees', presets.chinaCba],
    ['bankCard', presets.usRegulationF],
    ['b2bDunning', presets.ukConc7],
  ] as const)('%s composes with a regulation preset', (name, regulation) => {
    const composed = composePolicies(regulation, presets.strategies[name]);
    expect(composed.rules).toHaveLength(parsePolicy(presets.strategies[name]).rules.length);
    expect(composed.compliance.length).toBe(parsePolicy(regulation).compliance.length + parsePolicy(presets.strategies[name]).compliance.length);
  });

  it('internal actions (escalations, reports) have no channel and no target', () => {
    for (const [, strategy] of Object.entries(presets.strategies)) {
      for (const action of Object.values(parsePolicy(strategy).actions)) {
        if (action.channel === undefined) expect(action.target).toBeUndefined();
      }
    }
  });
});
