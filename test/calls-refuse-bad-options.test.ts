import { describe, expect, test } from 'vitest';
import { ArrearsError, createEngine, decide, explain, lintPolicy, type PolicyInput } from '../src/index';
import { arrearsErrorOf } from './support/errors';

/* The options of every call are checked: a missing or non-object options argument, a key the call
   does not take (a typo, or an engine option given per call) is OPTIONS_INVALID, never a raw
   TypeError or an option silently ignored. */

const policy: PolicyInput = {
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call'] }],
};
const account = {
  id: 'A',
  currency: 'USD',
  amountDue: 100,
  dueDate: '2026-11-01',
  debtor: { timeZone: 'America/New_York' },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }],
};
const now = '2026-11-23T15:00:00Z';
const engine = createEngine(policy);

describe('options of decide, decideMany, explain and lintPolicy', () => {
  test('one-shot decide without options says now is required', () => {
    const error = arrearsErrorOf(() => decide(policy, account, undefined as never));
    expect(error).toMatchObject({ code: 'OPTIONS_INVALID', issues: [{ code: 'missing_now', path: ['now'] }] });
  });

  test.each([null, 5, 'now'])('options %j is not an object', (options) => {
    expect(arrearsErrorOf(() => decide(policy, account, options as never)).issues).toMatchObject([{ code: 'invalid_type', path: [] }]);
    expect(arrearsErrorOf(() => engine.decide(account, options as never)).issues).toMatchObject([{ code: 'invalid_type', path: [] }]);
  });

  test('an engine option given per call is named as one', () => {
    const error = arrearsErrorOf(() => engine.decide(account, { now, horizonDays: 1 } as never));
    expect(error.issues).toMatchObject([{ code: 'unrecognized_keys', path: [] }]);
    expect(error.issues[0]?.message).toContain('createEngine');
  });

  test('a typo is refused with a did-you-mean, by decide and decideMany', () => {
    expect(arrearsErrorOf(() => engine.decide(account, { now, nwo: 1 } as never)).issues).toMatchObject([{ code: 'unrecognized_keys', path: [] }]);
    expect(arrearsErrorOf(() => engine.decideMany([account], { now, nwo: 1 } as never)).code).toBe('OPTIONS_INVALID');
  });

  test('one-shot decide takes the engine options and refuses others', () => {
    expect(decide(policy, account, { now, horizonDays: 30 }).next?.action).toBe('call');
    expect(arrearsErrorOf(() => decide(policy, account, { now, horizon: 30 } as never)).issues).toMatchObject([{ code: 'unrecognized_keys', path: [] }]);
  });

  test.each([null, 5, {}])('decideMany(%j) is refused at the call', (accounts) => {
    expect(arrearsErrorOf(() => engine.decideMany(accounts as never, { now })).issues).toMatchObject([{ code: 'invalid_type' }]);
  });

  test('explain of something that is not a decision', () => {
    expect(arrearsErrorOf(() => explain({} as never)).code).toBe('OPTIONS_INVALID');
    expect(arrearsErrorOf(() => engine.explain(null as never)).code).toBe('OPTIONS_INVALID');
  });

  test('lintPolicy parses raw JSON first', () => {
    expect(lintPolicy(policy)).toEqual([]);
    expect(arrearsErrorOf(() => lintPolicy({ id: 'p' })).code).toBe('POLICY_INVALID');
  });
});

describe('ArrearsError across copies of the library', () => {
  test('an error made by another copy (the CJS build beside the ESM one) is instanceof ArrearsError', () => {
    const foreign = Object.defineProperty(new Error('x'), Symbol.for('arrears.ArrearsError'), { value: true });
    expect(foreign instanceof ArrearsError).toBe(true);
    expect(new Error('x') instanceof ArrearsError).toBe(false);
    expect(arrearsErrorOf(() => engine.decide(account, {} as never)) instanceof ArrearsError).toBe(true);
  });
});

describe('a Date that is not one', () => {
  test('Object.create(Date.prototype) is an invalid instant, not a crash', () => {
    const fake = Object.create(Date.prototype) as Date;
    expect(arrearsErrorOf(() => engine.decide(account, { now: fake })).issues).toMatchObject([{ code: 'invalid_instant', path: ['now'] }]);
    const withFake = { ...account, history: [{ at: fake, channel: 'phone', contactId: 'me', outcome: 'no_answer' }] };
    expect(arrearsErrorOf(() => engine.decide(withFake, { now })).code).toBe('ACCOUNT_INVALID');
  });
});
