import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, lintPolicy, type PolicyInput, presets, safeParsePolicy } from '../src/index';

/*
 * Two contact orders that rank the same two people in opposite orders, for an action both apply
 * to, hold each other's first contact back: an account listing both is never contacted by it —
 * unless another constraint always blocks one of the two (a blocked contact counts as exhausted),
 * which only the accounts tell. So a warning, not a refusal.
 */

const order = (id: string, ranks: string[][], extra: object = {}) => ({ kind: 'contactOrder', id, ranks, ...extra });
const policy = (orders: object[][], target: unknown = ['self', 'employer']): PolicyInput =>
  ({
    id: 'p',
    version: '1',
    jurisdiction: 'US',
    actions: { call: { channel: 'phone', target } },
    rules: [{ id: 'r', when: { all: [] }, then: ['call'] }],
    compliance: orders.map((constraints, i) => ({ id: `layer-${i}`, constraints })),
  }) as PolicyInput;
const deadlocks = (input: PolicyInput) => {
  const r = safeParsePolicy(input);
  return r.success ? r.warnings.filter((w) => w.code === 'contact_order_deadlock') : [];
};

describe('contact orders that deadlock are warned of', () => {
  it('employer first in one layer, the debtor first in another; and it does deadlock', () => {
    const input = policy([[order('employer-first', [['employer'], ['self']])], [order('self-first', [['self'], ['employer']])]]);
    expect(deadlocks(input)).toEqual([
      {
        code: 'contact_order_deadlock',
        path: ['compliance', 1, 'constraints', 0, 'ranks'],
        message:
          "contact order 'self-first' tries self before employer, and 'employer-first' tries employer before self: 'call' on phone reaches neither on an account that lists both, unless another constraint always blocks one of them; give the two orders the same sequence, or narrow one's appliesTo",
      },
    ]);
    const account = {
      id: 'A',
      currency: 'USD',
      amountDue: 100,
      dueDate: '2026-10-01',
      debtor: { timeZone: 'UTC' },
      contacts: [
        { id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] },
        { id: 'boss', relationship: 'employer', channels: [{ channel: 'phone' }] },
      ],
    };
    const d = createEngine(input).decide(account, { now: '2026-11-23T10:00:00Z' });
    expect(d.proposals.map((p) => [p.contactId, p.status])).toEqual([
      ['me', 'blocked'],
      ['boss', 'blocked'],
    ]);
  });

  it('in one layer too, and through an unranked relationship that comes last; in the composed policy', () => {
    expect(deadlocks(policy([[order('a', [['family']]), order('b', [['self'], ['family']])]], ['self', 'family'])).map((i) => i.path.join('.'))).toEqual([
      'compliance.0.constraints.1.ranks',
    ]);
    const agency = policy([[order('employer-first', [['employer'], ['self']])]]);
    const house = { id: 'house', version: '1', jurisdiction: 'US', compliance: [{ id: 'house', constraints: [order('self-first', [['self'], ['employer']])] }] };
    expect(lintPolicy(composePolicies(agency, house)).filter((w) => w.code === 'contact_order_deadlock').map((w) => w.path.join('.'))).toEqual([
      'compliance.1.constraints.0.ranks',
    ]);
  });

  it.each([
    ['the same sequence', [[order('a', [['employer'], ['self']])], [order('b', [['employer'], ['self']])]], ['self', 'employer']],
    ['one order forbids a relationship the other ranks', [[order('a', [['employer'], ['self']])], [order('b', [['self']], { unranked: 'forbidden' })]], ['self', 'employer']],
    ['orders for different channels', [[order('a', [['employer'], ['self']], { appliesTo: { channels: ['visit'] } })], [order('b', [['self'], ['employer']])]], ['self', 'employer']],
    ['an action that reaches only one of the two', [[order('a', [['employer'], ['self']])], [order('b', [['self'], ['employer']])]], 'self'],
    // An employer is always reached at work: an order for calls off work never holds one back.
    ['orders split by workplace', [[order('at-work', [['employer'], ['self']], { appliesTo: { workplace: true } })], [order('off-work', [['self'], ['family']], { appliesTo: { workplace: false } })]], ['self', 'employer', 'family']],
  ])('not when %s', (_, orders, target) => {
    expect(deadlocks(policy(orders as object[][], target))).toEqual([]);
  });

  it('a policy that warns still composes and decides: China blocks the employer, so the order moves on to the debtor', () => {
    const house = { id: 'house', version: '1', jurisdiction: 'CN', compliance: [{ id: 'house', constraints: [order('self-first', [['self']], { exhaustedAfter: { attempts: 3 } })] }] };
    const composed = composePolicies(presets.chinaCba, presets.strategies.agencyScreening, house);
    expect(lintPolicy(composed).some((w) => w.code === 'contact_order_deadlock')).toBe(true);
    const account = {
      id: 'A',
      currency: 'CNY',
      amountDue: 100000,
      dueDate: '2026-01-01',
      debtor: { timeZone: 'Asia/Shanghai' },
      contacts: [
        { id: 'boss', relationship: 'employer', channels: [{ channel: 'phone' }] },
        { id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] },
      ],
    };
    const d = createEngine(composed).decide(account, { now: '2026-03-02T10:00:00+08:00' });
    expect(d.proposals.find((p) => p.contactId === 'me')?.status).toBe('allowed');
  });

  it.each(Object.keys(presets.strategies))('the shipped strategy %s composes with every regulation preset without the warning', (name) => {
    const strategy = presets.strategies[name as keyof typeof presets.strategies];
    for (const regulation of Object.values(presets)) expect(lintPolicy(composePolicies(regulation, strategy)).filter((w) => w.code === 'contact_order_deadlock')).toEqual([]);
  });
});
