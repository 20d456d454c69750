import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../src/index';
import { anAccount, simulate, type Responder } from '../src/testing/index';
import { arrearsErrorOf } from './support/errors';

/*
 * What a responder returns is the test author's code: a promise it makes that the account could
 * not hold is its fault, reported at `respond` (OPTIONS_INVALID) with the value — not as an
 * invalid account at `promises[0].dueDate`, which the author never wrote.
 */

const policy: PolicyInput = {
  id: 'responder-promise',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'overdue', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 }] }, then: ['call'] }],
};
const account = anAccount().inZone('America/New_York').overdueDays(5, { asOf: '2026-11-23' });
const options = { from: '2026-11-23T09:00:00-05:00', to: '2026-11-25T09:00:00-05:00' };
const run = (respond: unknown) => arrearsErrorOf(() => simulate(policy, account, { ...options, respond: respond as Responder }));

describe('simulate checks the promise a responder returns', () => {
  it.each([
    [{ on: '2026-02-30' }, ['respond', 'promise', 'on'], '"2026-02-30"', /is not a calendar date: 2026-02 has 28 days, not 30/],
    [{ on: '26-12-01' }, ['respond', 'promise', 'on'], '"26-12-01"', /must be a calendar date/],
    [{ on: '2026-12-01', amount: -1 }, ['respond', 'promise', 'amount'], '-1', /must be 0 or more/],
    [{ on: '2026-12-01', amount: 12.5 }, ['respond', 'promise', 'amount'], '12.5', /integers in minor units/],
  ])('promise %j: OPTIONS_INVALID at %j, naming the value', (promise, path, value, why) => {
    const e = run(() => ({ outcome: 'promise_to_pay', promise }));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]?.path).toEqual(path);
    expect(e.issues[0]?.message).toContain(`the responder returned ${value} (answering call at 2026-11-23T14:00:00Z)`);
    expect(e.issues[0]?.message).toMatch(why);
  });

  it('a promise that is not an object is refused at respond.promise', () => {
    const e = run(() => ({ outcome: 'promise_to_pay', promise: null }));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toMatchObject([{ path: ['respond', 'promise'], message: expect.stringMatching(/returned null .*must be \{ on: 'YYYY-MM-DD', amount\? \}, or left out/) }]);
  });

  it('a misspelt key is refused with a did-you-mean, not dropped with the promise it held', () => {
    const e = run(() => ({ outcome: 'promise_to_pay', promis: { on: '2026-12-01' } }));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toMatchObject([{ code: 'unrecognized_keys', path: ['respond'], message: expect.stringContaining("did you mean 'promise'?") }]);
  });
});
