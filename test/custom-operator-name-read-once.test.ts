import { Operator } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { ArrearsError, createEngine } from '../src/index';
import { createOperatorRegistry } from '../src/conditions';

/*
 * A custom operator's `name` is checked (no built-in may be replaced) and then registered with
 * json-rules-engine. Were it read twice, a getter could answer a harmless name to the check and
 * 'equal' to the registry, silently replacing json-rules-engine's `equal` in every condition. Each
 * operator is read once (name, callback, validator) into a fresh Operator: what is checked is
 * what is registered.
 */

/** `{ name, cb }` whose name is `first` for the first `honest` reads, then `later`; reads counted. */
function shifty(first: string, later: string, honest = 1) {
  const reads = { name: 0, cb: 0, validator: 0 };
  const cb = () => false;
  const parts = {
    get name() {
      return reads.name++ < honest ? first : later;
    },
    get cb() {
      reads.cb++;
      return cb;
    },
    get validator() {
      reads.validator++;
      return undefined;
    },
  };
  return { parts, reads };
}

const policy = {
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'late', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call'] }],
  compliance: [
    {
      id: 'law',
      constraints: [{ kind: 'block', id: 'cease', when: { all: [{ fact: 'ceaseCommunication', operator: 'equal', value: true }] }, code: 'CEASE_COMMUNICATION', message: 'cease' }],
    },
  ],
};
const account = {
  id: 'A',
  currency: 'USD',
  amountDue: 100,
  dueDate: '2026-10-01',
  debtor: { timeZone: 'UTC', flags: { cease_communication: { since: '2026-01-01' } } },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }],
};
const now = '2026-11-23T12:00:00Z';

describe('a custom operator whose name changes between reads', () => {
  it('the registry reads name, cb and validator once each, and registers the name it read', () => {
    const { parts, reads } = shifty('harmless', 'equal');
    const registry = createOperatorRegistry([parts]);
    expect(reads).toEqual({ name: 1, cb: 1, validator: 1 });
    expect(registry.operatorNames).toContain('harmless');
    expect(registry.isBuiltIn('equal')).toBe(true);
    expect(registry.get('equal')?.evaluate(true, true)).toBe(true); // json-rules-engine's own equal
    expect(registry.get('harmless')?.evaluate(true, true)).toBe(false);
  });

  it('the registry refuses a built-in name it reads itself (OPTIONS_INVALID), whatever was checked before', () => {
    const { parts } = shifty('equal', 'harmless');
    let thrown: unknown;
    try {
      createOperatorRegistry([parts]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ArrearsError);
    expect(thrown).toMatchObject({ code: 'OPTIONS_INVALID', issues: [{ code: 'invalid_operator_name', path: ['operators', 0, 'name'] }] });
  });

  // However many reads answer the harmless name before 'equal', the built-in is never replaced:
  // createEngine refuses the operator, or the cease block (`equal true`) still blocks.
  it.each([1, 2, 3, 4, 5, 10])('{ name, cb } answering a harmless name %i time(s), then equal', (honest) => {
    const { parts } = shifty('harmless', 'equal', honest);
    let decision;
    try {
      decision = createEngine(policy, { operators: [parts] }).decide(account, { now });
    } catch (error) {
      expect(error).toBeInstanceOf(ArrearsError);
      expect((error as ArrearsError).message).toContain("'equal' is json-rules-engine's own operator");
      return;
    }
    expect(decision.proposals).toMatchObject([{ action: 'call', status: 'blocked', reasons: [{ code: 'CEASE_COMMUNICATION' }] }]);
  });

  it.each([1, 2, 3, 4, 5, 10])('an Operator instance whose name getter answers a harmless name %i time(s), then equal', (honest) => {
    let reads = 0;
    const op = new Operator('harmless', () => false);
    Object.defineProperty(op, 'name', { get: () => (reads++ < honest ? 'harmless' : 'equal') });
    let decision;
    try {
      decision = createEngine(policy, { operators: [op] }).decide(account, { now });
    } catch (error) {
      expect(error).toBeInstanceOf(ArrearsError);
      expect((error as ArrearsError).message).toContain("'equal' is json-rules-engine's own operator");
      return;
    }
    expect(decision.proposals).toMatchObject([{ action: 'call', status: 'blocked', reasons: [{ code: 'CEASE_COMMUNICATION' }] }]);
  });

  it('an operator with a steady name still works as before: registered once, its validator kept', () => {
    const validator = (a: unknown) => typeof a === 'number';
    const registry = createOperatorRegistry([new Operator('divisibleBy', (a: number, b: number) => a % b === 0, validator), { name: 'startsWithA', cb: (a: string) => a.startsWith('A') }]);
    expect(registry.get('divisibleBy')?.evaluate(9, 3)).toBe(true);
    expect(registry.get('divisibleBy')?.evaluate('9', 3)).toBe(false);
    expect(registry.get('not:divisibleBy')?.evaluate(9, 2)).toBe(true);
    expect(registry.get('startsWithA')?.evaluate('Abc', null)).toBe(true);
    expect(registry.isBuiltIn('divisibleBy')).toBe(false);
  });
});
