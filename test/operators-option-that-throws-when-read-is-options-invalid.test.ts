import { describe, expect, it } from 'vitest';
import { composePoliciesWith, createEngine, decide, parsePolicy, safeParsePolicy } from '../src/index';
import { arrearsErrorOf } from './support/errors';

/* The `operators` option is read once, item by item and part by part, before anything validates
   it: a Proxy or a getter that throws is OPTIONS_INVALID `unreadable` at ['operators', i, …] —
   not a raw error out of createEngine, nor POLICY_INVALID / COMPOSE_INVALID blamed on the policy. */

const policy = {
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'divisibleBy', value: 2 }] }, then: ['call'] }],
};
const account = { id: 'A', currency: 'USD', amountDue: 1000, dueDate: '2026-10-01', debtor: { timeZone: 'UTC' }, contacts: [] };
const cb = (a: number, b: number) => a % b === 0;
const boom = (): never => {
  throw new Error('boom');
};

const lists: [string, () => unknown, (string | number)[]][] = [
  ['a Proxy list', () => new Proxy([], { get: boom }), ['operators']],
  ['a Proxy operator', () => [new Proxy({ name: 'divisibleBy', cb }, { get: boom })], ['operators', 0, 'name']],
  ['a getter name', () => [{ get name(): string { return boom(); }, cb }], ['operators', 0, 'name']],
  ['a getter callback', () => [{ name: 'divisibleBy', get cb(): typeof cb { return boom(); } }], ['operators', 0, 'cb']],
  ['a getter item', () => { const list: unknown[] = []; Object.defineProperty(list, 0, { get: boom, enumerable: true }); return list; }, ['operators', 0]],
];

describe.each(lists)('operators: %s', (_, operators, path) => {
  const expected = { code: 'OPTIONS_INVALID', issues: [{ code: 'unreadable', path, message: expect.stringContaining('boom') }] };

  it.each([
    ['createEngine', () => createEngine(policy, { operators: operators() as never })],
    ['decide', () => decide(policy, account, { now: '2026-11-23T12:00:00Z', operators: operators() as never })],
    ['parsePolicy', () => parsePolicy(policy, { operators: operators() as never })],
    ['composePoliciesWith', () => composePoliciesWith({ operators: operators() as never }, policy)],
  ])('%s → OPTIONS_INVALID / unreadable at the operator', (__, call) => {
    expect(arrearsErrorOf(call)).toMatchObject(expected);
  });

  it('safeParsePolicy answers the same', () => {
    expect(safeParsePolicy(policy, { operators: operators() as never })).toMatchObject({ success: false, ...expected });
  });
});

describe('operators that read fine', () => {
  it('are used as given: a getter that answers, an operator with a validator', () => {
    const operators = [{ get name() { return 'divisibleBy'; }, cb, validator: (a: unknown) => typeof a === 'number' }];
    const decision = createEngine(policy, { operators }).decide(account, { now: '2026-11-23T12:00:00Z' });
    expect(decision.facts.daysPastDue).toBe(53);
    expect(decision.next).toBeNull();
  });
});
