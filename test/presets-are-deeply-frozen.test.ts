import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, parsePolicy, presets } from '../src/index';
import { regulations, strategies } from '../src/presets';

/*
 * The shipped presets are module-level constants shared by every caller in the process: a write
 * into one (a window's hours, a list of channels) would silently change every later
 * composePolicies. They are frozen all the way down, so such a write throws (ES modules are
 * strict) and decisions stay what the preset says.
 */

/** Every object and array reachable from `value`, with its path. */
function* everyObject(value: unknown, path: string): Generator<[string, object]> {
  if (value === null || typeof value !== 'object') return;
  yield [path, value];
  for (const [key, child] of Object.entries(value)) yield* everyObject(child, `${path}.${key}`);
}

const all = { ...regulations, ...strategies } as Record<string, unknown>;
const strategy = {
  id: 'strat',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone' } },
  rules: [{ id: 'late', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call_self'] }],
};
const account = {
  id: 'A1',
  currency: 'USD',
  amountDue: 10_000,
  dueDate: '2025-10-01',
  debtor: { timeZone: 'America/New_York' },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }],
  history: [],
};
// 03:00 in New York: outside Reg F's 08:00–21:00.
const decideAt3am = () => createEngine(composePolicies(presets.usRegulationF, strategy)).decide(account, { now: '2026-11-24T03:00:00-05:00' });

describe('presets are deeply frozen', () => {
  it.each(Object.keys(all))('%s: every object and array in it is frozen', (name) => {
    const unfrozen = [...everyObject(all[name], name)].filter(([, o]) => !Object.isFrozen(o)).map(([path]) => path);
    expect(unfrozen).toEqual([]);
  });

  it('the containers are frozen too: presets, presets.strategies, regulations', () => {
    expect(Object.isFrozen(presets)).toBe(true);
    expect(Object.isFrozen(presets.strategies)).toBe(true);
    expect(Object.isFrozen(regulations)).toBe(true);
  });

  it('writing into a nested preset value throws a TypeError, and a decision is unchanged afterwards', () => {
    const before = decideAt3am();
    expect(before.next).toMatchObject({ action: 'call_self', status: 'deferred', allowedFrom: '2026-11-24T13:00:00Z' });

    const window = presets.usRegulationF.compliance[0].constraints[0] as unknown as { from: string; to: string; appliesTo: { channels: string[] } };
    expect(() => {
      window.to = '24:00';
    }).toThrow(TypeError);
    expect(() => {
      window.from = '00:00';
    }).toThrow(TypeError);
    expect(() => window.appliesTo.channels.push('letter')).toThrow(TypeError);
    expect(() => {
      window.appliesTo.channels[0] = 'letter';
    }).toThrow(TypeError);
    expect(() => {
      (presets.usRegulationF.compliance as unknown as unknown[]).length = 0;
    }).toThrow(TypeError);
    expect(() => {
      (presets.strategies.bankCard.actions as unknown as Record<string, unknown>).extra = { channel: 'phone' };
    }).toThrow(TypeError);
    expect(() => {
      (regulations as unknown as Record<string, unknown>).usRegulationF = presets.ukConc7;
    }).toThrow(TypeError);

    expect(presets.usRegulationF.compliance[0].constraints[0]).toMatchObject({ from: '08:00', to: '21:00' });
    expect(decideAt3am()).toEqual(before);
  });

  it('parsePolicy and composePolicies take the frozen presets as they are, and never write into them', () => {
    const snapshot = structuredClone(all);
    for (const preset of Object.values(regulations)) expect(parsePolicy(preset).id).toBe(preset.id);
    for (const seed of Object.values(strategies)) expect(composePolicies(presets.chinaCba, seed).rules.length).toBeGreaterThan(0);
    expect(composePolicies(presets.usRegulationF, presets.usMassachusetts, presets.usWashington, strategy).compliance.length).toBe(3);
    expect(all).toEqual(snapshot);
  });

  it('a copy is still editable: structuredClone gives a mutable preset to adapt', () => {
    const copy = structuredClone(presets.usRegulationF) as unknown as { compliance: { constraints: { to?: string }[] }[] };
    (copy.compliance[0]?.constraints[0] as { to?: string }).to = '20:00';
    expect(copy.compliance[0]?.constraints[0]?.to).toBe('20:00');
    expect(presets.usRegulationF.compliance[0].constraints[0].to).toBe('21:00');
  });
});
