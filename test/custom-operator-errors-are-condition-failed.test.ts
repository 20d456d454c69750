import { Operator } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/index';
import { arrearsErrorOf } from './support/errors';

/*
 * A custom operator that throws on one account's values fails that decision like a built-in
 * operator does: an ArrearsError CONDITION_FAILED at the condition's path (code operator_threw),
 * with the operator's own error as `cause`. decideMany reports it with that code and path, not as
 * UNEXPECTED (which means a bug in arrears), and goes on with the batch.
 */

const failure = new RangeError('operator failed');
const boom = new Operator('boomOnX', (tags: unknown) => {
  if (Array.isArray(tags) && tags.includes('x')) throw failure;
  return true;
});
const policy = {
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'tags', operator: 'boomOnX', value: null }] }, then: ['call'] }],
  compliance: [{ id: 'l', constraints: [{ kind: 'block', id: 'b', message: 'blocked', when: { any: [{ fact: 'tags', operator: 'not:boomOnX', value: 1 }] } }] }],
};
const account = (id: string, tags = [id]) => ({
  id,
  currency: 'USD',
  amountDue: 100,
  dueDate: '2026-11-01',
  debtor: { timeZone: 'UTC' },
  tags,
  contacts: [{ id: 'self', relationship: 'self', channels: [{ channel: 'phone' }] }],
});
const now = '2026-11-23T12:00:00Z';

describe('a custom operator that throws', () => {
  const engine = createEngine(policy, { operators: [boom] });

  it('decide throws ArrearsError CONDITION_FAILED at the comparison in the rule, the operator’s error as cause', () => {
    const error = arrearsErrorOf(() => engine.decide(account('x'), { now }));
    expect(error.code).toBe('CONDITION_FAILED');
    expect(error.issues).toEqual([
      {
        code: 'operator_threw',
        path: ['rules', 0, 'when', 'all', 0],
        message:
          'the custom operator \'boomOnX\' threw "operator failed" comparing fact \'tags\' = ["x"] with null; make it return false for values it cannot take, or give it a validator (a falsy validator fails the comparison without calling it)',
      },
    ]);
    expect(error.cause).toBe(failure);
  });

  it('decideMany reports CONDITION_FAILED with its path, and decides the rest of the batch', () => {
    const results = [...engine.decideMany([account('a'), account('x'), account('b')], { now })];
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({
      ok: false,
      accountId: 'x',
      error: { code: 'CONDITION_FAILED', issues: [{ code: 'operator_threw', path: ['rules', 0, 'when', 'all', 0] }] },
    });
  });

  it("a block's condition is located at the block, decorated forms included", () => {
    // The rule always fires; the block's `not:boomOnX` meets the 'x'.
    const blockOnly = createEngine(
      { ...policy, rules: [{ id: 'r', when: { all: [] }, then: ['call'] }] },
      { operators: [boom] },
    );
    expect(() => blockOnly.decide(account('x'), { now })).toThrow(
      expect.objectContaining({ code: 'CONDITION_FAILED', issues: [expect.objectContaining({ code: 'operator_threw', path: ['compliance', 0, 'constraints', 0, 'when', 'any', 0] })] }),
    );
  });

  it('the path leads to the comparison that threw: past priorities and `not`, into the named condition it is written in', () => {
    const located = (when: object, conditions: object = {}) =>
      arrearsErrorOf(() =>
        createEngine({ ...policy, conditions, rules: [{ id: 'r', when, then: ['call'] }], compliance: [] }, { operators: [boom] }).decide(account('x'), { now }),
      ).issues.map((i) => i.path);
    const throws = { fact: 'tags', operator: 'boomOnX', value: null };
    const fine = { fact: 'amountDue', operator: 'greaterThan', value: 0 };
    // The higher priority runs first; the index is the one written in the policy.
    expect(located({ all: [fine, { ...throws, priority: 5 }] })).toEqual([['rules', 0, 'when', 'all', 1]]);
    expect(located({ any: [{ not: { all: [fine, throws] } }] })).toEqual([['rules', 0, 'when', 'any', 0, 'not', 'all', 1]]);
    expect(located({ not: throws })).toEqual([['rules', 0, 'when', 'not']]);
    expect(located({ all: [fine, { condition: 'tagged' }] }, { tagged: { any: [fine, throws] } })).toEqual([['conditions', 'tagged', 'any', 1]]);
    expect(located({ condition: 'tagged' }, { tagged: { all: [throws] } })).toEqual([['conditions', 'tagged', 'all', 0]]);
  });

  it('the operator’s own message is quoted, whatever it threw on', () => {
    const odd = { name: 'odd', cb: (a: unknown) => { throw new Error(`cannot take ${typeof a}`); } };
    const uses = { ...policy, compliance: [], rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'odd', value: 1 }] }, then: ['call'] }] };
    expect(() => createEngine(uses, { operators: [odd] }).decide(account('a'), { now })).toThrow(
      expect.objectContaining({ code: 'CONDITION_FAILED', issues: [expect.objectContaining({ code: 'operator_threw', message: expect.stringContaining('"cannot take number"') })] }),
    );
  });
});
