import { Operator } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/index';
import { arrearsErrorOf } from './support/errors';

/*
 * json-rules-engine awaits what an operator returns: an async operator (one that looks the debtor
 * up somewhere) answers with the value its Promise resolves to. arrears evaluates conditions
 * synchronously and cannot wait, so a Promise was read as a truthy value: a rule fired, and a
 * `not` over it never held — a block written `not: { …: isSettledAsync }` silently never blocked.
 * A custom operator that returns a Promise (any thenable) fails the decision as CONDITION_FAILED
 * at the comparison's path (operator_threw), saying to make the operator synchronous.
 */

const resolvesFalse = new Operator('lookedUpAsync', () => Promise.resolve(false) as unknown as boolean);
const account = {
  id: 'A-1',
  currency: 'USD',
  amountDue: 100,
  dueDate: '2026-11-01',
  debtor: { timeZone: 'America/New_York' },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }],
};
const now = '2026-11-23T12:00:00-05:00';
const comparison = { fact: 'tags', operator: 'lookedUpAsync', value: 'vip' };

describe('a custom operator that returns a Promise', () => {
  it('in a rule: CONDITION_FAILED at the comparison, not a rule that fires on a pending Promise', () => {
    const engine = createEngine(
      { id: 'p', version: '1', jurisdiction: 'US', actions: { call: { channel: 'phone' } }, rules: [{ id: 'r', when: { all: [comparison] }, then: ['call'] }] },
      { operators: [resolvesFalse] },
    );
    const error = arrearsErrorOf(() => engine.decide(account, { now }));
    expect(error.code).toBe('CONDITION_FAILED');
    expect(error.issues).toEqual([
      {
        code: 'operator_threw',
        path: ['rules', 0, 'when', 'all', 0],
        message: expect.stringContaining("the custom operator 'lookedUpAsync' returned a Promise"),
      },
    ]);
    expect(error.issues[0]?.message).toContain('synchronous');
  });

  it('under a `not` in a block: CONDITION_FAILED, not a block that never holds', () => {
    const engine = createEngine(
      {
        id: 'p',
        version: '1',
        jurisdiction: 'US',
        actions: { call: { channel: 'phone' } },
        rules: [{ id: 'r', when: { all: [] }, then: ['call'] }],
        compliance: [{ id: 'l', constraints: [{ kind: 'block', id: 'b', message: 'not settled elsewhere', when: { not: comparison } }] }],
      },
      { operators: [resolvesFalse] },
    );
    const error = arrearsErrorOf(() => engine.decide(account, { now }));
    expect(error.code).toBe('CONDITION_FAILED');
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([['operator_threw', ['compliance', 0, 'constraints', 0, 'when', 'not']]]);
  });

  it('a synchronous operator returning any other value keeps json-rules-engine’s answer', () => {
    const yes = new Operator('yesSync', () => 'yes' as unknown as boolean);
    const engine = createEngine(
      { id: 'p', version: '1', jurisdiction: 'US', actions: { call: { channel: 'phone' } }, rules: [{ id: 'r', when: { all: [{ ...comparison, operator: 'yesSync' }] }, then: ['call'] }] },
      { operators: [yes] },
    );
    expect(engine.decide(account, { now }).trace.rules[0]?.fired).toBe(true);
  });
});
