import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, type PolicyInput, presets, safeParsePolicy } from '../src/index';
import { arrearsErrorOf } from './support/errors';

/*
 * Two contact orders that rank the same two people in opposite orders, for an action both apply
 * to, hold each other's first contact back for ever: an account listing both is never contacted.
 * The policy contradicts itself, so it is refused when it is parsed, not found out at 3 a.m.
 */

const order = (id: string, ranks: string[][], extra: object = {}) => ({ kind: 'contactOrder', id, ranks, ...extra });
const policy = (orders: object[][], target: unknown = ['self', 'employer'], actions: object = {}): PolicyInput =>
  ({
    id: 'p',
    version: '1',
    jurisdiction: 'US',
    actions: { call: { channel: 'phone', target }, ...actions },
    rules: [{ id: 'r', when: { all: [] }, then: ['call'] }],
    compliance: orders.map((constraints, i) => ({ id: `layer-${i}`, constraints })),
  }) as PolicyInput;

describe('contact orders that deadlock are refused', () => {
  it('employer first in one layer, the debtor first in another', () => {
    const result = safeParsePolicy(policy([[order('employer-first', [['employer'], ['self']])], [order('self-first', [['self'], ['employer']])]]));
    expect(result).toMatchObject({ success: false, code: 'POLICY_INVALID' });
    expect(result.success ? [] : result.issues).toEqual([
      {
        code: 'contact_order_deadlock',
        path: ['compliance', 1, 'constraints', 0, 'ranks'],
        message:
          "contact order 'self-first' tries self before employer, and 'employer-first' tries employer before self: 'call' on phone would reach neither on an account that lists both; give the two orders the same sequence, or narrow one's appliesTo",
      },
    ]);
  });

  it('in one layer too, and through an unranked relationship that comes last', () => {
    const r = safeParsePolicy(policy([[order('a', [['family']]), order('b', [['self'], ['family']])]], ['self', 'family']));
    expect(r.success ? [] : r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['contact_order_deadlock', 'compliance.0.constraints.1.ranks']]);
  });

  it('when composed from two inputs, reported in the input that wrote the later order', () => {
    const agency = policy([[order('employer-first', [['employer'], ['self']])]]);
    const house = { id: 'house', version: '1', jurisdiction: 'US', compliance: [{ id: 'house', constraints: [order('self-first', [['self'], ['employer']])] }] };
    expect(arrearsErrorOf(() => composePolicies(agency, house)).issues.map((i) => [i.code, i.path])).toEqual([
      ['contact_order_deadlock', [1, 'compliance', 0, 'constraints', 0, 'ranks']],
    ]);
  });

  it.each([
    ['the same sequence', [[order('a', [['employer'], ['self']])], [order('b', [['employer'], ['self']])]], ['self', 'employer']],
    ['one order forbids a relationship the other ranks', [[order('a', [['employer'], ['self']])], [order('b', [['self']], { unranked: 'forbidden' })]], ['self', 'employer']],
    ['orders for different channels', [[order('a', [['employer'], ['self']], { appliesTo: { channels: ['visit'] } })], [order('b', [['self'], ['employer']])]], ['self', 'employer']],
    ['an action that reaches only one of the two', [[order('a', [['employer'], ['self']])], [order('b', [['self'], ['employer']])]], 'self'],
  ])('not when %s', (_, orders, target) => {
    expect(safeParsePolicy(policy(orders as object[][], target))).toMatchObject({ success: true });
  });

  it.each(Object.keys(presets.strategies))('the shipped strategy %s composes with every regulation preset', (name) => {
    const strategy = presets.strategies[name as keyof typeof presets.strategies];
    for (const regulation of Object.values(presets)) expect(() => createEngine(composePolicies(regulation, strategy))).not.toThrow();
  });
});
