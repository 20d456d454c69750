import { describe, expect, it } from 'vitest';
import { compileCondition, createOperatorRegistry } from '../src/conditions';
import { createEngine, type PolicyInput } from '../src/index';

/*
 * A named condition is evaluated once per decision, whatever the number of references to it. A
 * chain c0 … c8 where each is `all` of ten references to the one before is 16 links deep (within
 * limits.maxConditionReferences) and tiny as JSON, yet evaluating every reference anew would run
 * the leaf comparison 10^8 times: one decision took minutes. The same for a block's time analysis.
 */

const LEVELS = 9;
const FAN_OUT = 10;

function fanOut(leaf: object): Record<string, unknown> {
  const conditions: Record<string, unknown> = { c0: { all: [leaf] } };
  for (let i = 1; i < LEVELS; i++) conditions[`c${i}`] = { all: Array.from({ length: FAN_OUT }, () => ({ condition: `c${i - 1}` })) };
  return conditions;
}

const top = `c${LEVELS - 1}`;
const account = {
  id: 'A',
  currency: 'USD',
  amountDue: 100,
  dueDate: '2026-10-01',
  debtor: { timeZone: 'America/Chicago' },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'sms' }] }],
};

describe('named conditions referenced many times are evaluated once per decision', () => {
  it('a rule over a 9-level, 10-fold chain decides, and the leaf operator runs once', () => {
    let calls = 0;
    const counting = { name: 'counted', cb: (a: unknown, b: unknown) => (calls++, a === b), validator: () => true };
    const policy = {
      id: 'p',
      version: '1',
      jurisdiction: 'US',
      conditions: fanOut({ fact: 'settled', operator: 'counted', value: false }),
      actions: { sms: { channel: 'sms', target: 'self' } },
      rules: [{ id: 'r', when: { all: [{ condition: top }, { condition: top }] }, then: ['sms'] }],
    } as unknown as PolicyInput;
    const engine = createEngine(policy, { operators: [counting] });
    const d = engine.decide(account, { now: '2026-11-23T15:00:00Z' });
    expect(d.next?.action).toBe('sms');
    expect(calls).toBe(1);
    engine.decide(account, { now: '2026-11-24T15:00:00Z' });
    expect(calls).toBe(2); // a new decision reads the facts anew
  });

  it('a block over the chain is analysed and lifted without following every reference', () => {
    const policy = {
      id: 'p',
      version: '1',
      jurisdiction: 'US',
      conditions: fanOut({ fact: 'daysPastDue', operator: 'lessThan', value: 60 }),
      actions: { sms: { channel: 'sms', target: 'self' } },
      rules: [{ id: 'r', when: { all: [] }, then: ['sms'] }],
      compliance: [{ id: 'c', constraints: [{ kind: 'block', id: 'young', when: { all: [{ condition: top }] }, message: 'too young' }] }],
    } as unknown as PolicyInput;
    const d = createEngine(policy).decide(account, { now: '2026-11-23T15:00:00Z' });
    expect(d.next).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-30T06:00:00Z' }); // day 60, Chicago midnight
  });

  it('compileCondition answers each call from its own facts', () => {
    const when = compileCondition({ all: [{ condition: top }] }, { operators: createOperatorRegistry(), conditions: fanOut({ fact: 'n', operator: 'equal', value: 1 }) as never });
    expect([1, 2, 1].map((n) => when({ get: () => n }))).toEqual([true, false, true]);
  });

  it('a named condition that throws throws at every reference, in every call', () => {
    const when = compileCondition(
      { any: [{ condition: 'bad' }, { condition: 'bad' }] },
      { operators: createOperatorRegistry(), conditions: { bad: { all: [{ fact: 'n', operator: 'in', value: { fact: 'missing' } }] } } as never },
    );
    expect(() => when({ get: (f) => (f === 'n' ? 1 : undefined) })).toThrow();
    expect(() => when({ get: (f) => (f === 'n' ? 1 : undefined) })).toThrow();
  });
});
