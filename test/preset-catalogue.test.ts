/**
 * What every regulation preset promises: valid, a compliance layer only, a jurisdiction, a citation
 * on every constraint that shows up in reasons and explanations; composing never mutates a preset.
 */
import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, explain, parsePolicy, presets } from '../src/index';

const regulations = Object.entries(presets);

describe('regulation presets', () => {
  it('lists the regulations; the seed strategies live apart under presets.strategies', () => {
    expect(Object.keys(presets)).toEqual(['usRegulationF', 'usMassachusetts', 'usWashington', 'chinaCba', 'ukConc7']);
    expect(Object.keys(presets.strategies)).toEqual(['bankCard', 'b2bDunning', 'propertyFees', 'agencyScreening']);
  });

  it.each(regulations)('%s is a valid compliance layer with a jurisdiction and no strategy', (_name, preset) => {
    const policy = parsePolicy(preset);
    expect(policy.jurisdiction).toBeTruthy();
    expect(policy.rules).toEqual([]);
    expect(policy.actions).toEqual({});
    expect(policy.compliance.length).toBeGreaterThan(0);
    for (const layer of policy.compliance) expect(layer.jurisdiction).toBe(policy.jurisdiction);
  });

  it.each(regulations)('%s cites a clause for every constraint', (_name, preset) => {
    for (const layer of parsePolicy(preset).compliance) {
      for (const c of layer.constraints) expect(c.citation ?? layer.citation, `${c.id} cites nothing`).toMatch(/\S/);
    }
  });

  it('constraint ids are unique across all presets, so any of them compose together', () => {
    const all = composePolicies(...Object.values(presets));
    const ids = all.compliance.flatMap((l) => l.constraints.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.jurisdiction).toEqual(['US', 'US-MA', 'US-WA', 'CN', 'GB']);
  });

  it('composing does not mutate a preset', () => {
    const before = JSON.stringify(presets.usRegulationF);
    const strategy = { id: 's', version: '1', jurisdiction: 'US', actions: { call: { channel: 'phone' } }, rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call'] }] };
    createEngine(composePolicies(presets.usRegulationF, presets.usMassachusetts, strategy));
    expect(JSON.stringify(presets.usRegulationF)).toBe(before);
    expect(Object.isFrozen(presets)).toBe(true);
  });

  it('the citation reaches the decision and its explanation', () => {
    const strategy = { id: 's', version: '1', jurisdiction: 'US', actions: { call: { channel: 'phone', label: 'Collection call' } }, rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call'] }] };
    const account = { id: 'X', currency: 'USD', amountDue: 100, dueDate: '2026-01-01', debtor: { timeZone: 'America/Denver' }, contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }] };
    const d = createEngine(composePolicies(presets.usRegulationF, strategy)).decide(account, { now: '2026-11-24T06:00:00-07:00' });
    expect(d.next?.reasons[0]?.citation).toBe('12 CFR 1006.6(b)(1)(i)');
    expect(explain(d)).toContain('regf-convenient-hours, 12 CFR 1006.6(b)(1)(i)');
  });
});
