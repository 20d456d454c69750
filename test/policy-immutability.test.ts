import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composePolicies, parsePolicy, presets, safeParsePolicy, type Policy } from '../src/index';

const bankCard = JSON.parse(readFileSync(new URL('../examples/policies/bank-card.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** Every object and array reachable from `value`, with its path. */
function* everyObject(value: unknown, path = '(root)'): Generator<[string, object]> {
  if (value === null || typeof value !== 'object') return;
  yield [path, value];
  for (const [key, child] of Object.entries(value)) yield* everyObject(child, `${path}.${key}`);
}

describe('inputs are never mutated', () => {
  it('parsePolicy and safeParsePolicy leave the input as it was', () => {
    const input = structuredClone(bankCard);
    parsePolicy(input);
    safeParsePolicy(input);
    expect(input).toEqual(bankCard);
  });

  it('a sparse policy keeps its missing defaults missing', () => {
    const input = { id: 'p', version: '1', jurisdiction: 'US', actions: { sms: { channel: 'sms' } }, compliance: [{ id: 'L', constraints: [{ kind: 'window', id: 'w', from: '08:00', to: '21:00' }] }] };
    const before = structuredClone(input);
    const policy = parsePolicy(input);
    expect(input).toEqual(before);
    expect(policy.compliance[0]?.constraints[0]).toHaveProperty('days');
    expect(input.compliance[0]?.constraints[0]).not.toHaveProperty('days');
  });

  it('a refused policy is left untouched too', () => {
    const input = { ...structuredClone(bankCard), version: '', rules: [{ id: 'r', when: { all: [] }, then: ['nope'] }] };
    const before = structuredClone(input);
    expect(safeParsePolicy(input).success).toBe(false);
    expect(input).toEqual(before);
  });

  it('composePolicies leaves every input as it was, raw or parsed', () => {
    const regulation = structuredClone(presets.usRegulationF) as unknown;
    const strategy = { ...structuredClone(bankCard), jurisdiction: 'US' };
    const regulationBefore = structuredClone(regulation);
    const strategyBefore = structuredClone(strategy);
    composePolicies(regulation, strategy);
    expect(regulation).toEqual(regulationBefore);
    expect(strategy).toEqual(strategyBefore);

    const parsed = parsePolicy(strategy);
    const parsedBefore = structuredClone(parsed);
    composePolicies(regulation, parsed);
    expect(parsed).toEqual(parsedBefore);
  });
});

describe('a parsed policy is deeply frozen', () => {
  const policy = parsePolicy(bankCard);

  it('every object and array in it', () => {
    const thawed = [...everyObject(policy)].filter(([, o]) => !Object.isFrozen(o)).map(([path]) => path);
    expect(thawed).toEqual([]);
  });

  it('assignments throw in strict mode and change nothing', () => {
    const writable = policy as unknown as { id: string; rules: unknown[]; actions: Record<string, { channel: string }> };
    expect(() => {
      writable.id = 'other';
    }).toThrow(TypeError);
    expect(() => writable.rules.push({})).toThrow(TypeError);
    expect(() => {
      const action = writable.actions.sms_reminder;
      if (action) action.channel = 'phone';
    }).toThrow(TypeError);
    expect(policy.id).toBe('bank-card-buckets');
    expect(policy.actions.sms_reminder?.channel).toBe('sms');
  });

  it('a composed policy too', () => {
    const composed: Policy = composePolicies(presets.usRegulationF, { ...bankCard, jurisdiction: 'US' });
    expect([...everyObject(composed)].filter(([, o]) => !Object.isFrozen(o)).map(([path]) => path)).toEqual([]);
  });

  it('the input stays writable: freezing applies to the copy only', () => {
    const input = structuredClone(bankCard);
    parsePolicy(input);
    expect([...everyObject(input)].some(([, o]) => Object.isFrozen(o))).toBe(false);
  });
});
