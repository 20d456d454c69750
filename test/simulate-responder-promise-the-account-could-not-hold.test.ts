import { describe, expect, it } from 'vitest';
import { createEngine, type PolicyInput } from '../src/index';
import { anAccount, simulate, type Responder } from '../src/testing/index';
import { arrearsErrorOf } from './support/errors';

/*
 * A responder's promise that the simulated account could not hold — due before the day it is made,
 * or one more than an account (or the engine's limits.maxArrayLength) takes — stopped the run with
 * ACCOUNT_INVALID at `promises[0].dueDate` or `promises`, paths inside the simulated account the
 * test author never wrote. It is the responder's value: OPTIONS_INVALID at `respond.promise.on` /
 * `respond.promise`, naming the attempt it answered, as for a date that does not exist.
 */

const policy: PolicyInput = {
  id: 'responder-promise',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'overdue', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 }] }, then: ['call'] }],
};
const options = { from: '2026-11-23T09:00:00-05:00', to: '2026-11-25T09:00:00-05:00', pause: 'PT1H' };
const promising = (on: string): Responder => () => ({ outcome: 'promise_to_pay', promise: { on } });
/** `n` promises already recorded and settled, none of them open. */
const kept = (n: number) => Array.from({ length: n }, (_, i) => ({ madeAt: '2026-11-01T12:00:00Z', dueDate: '2026-11-02', amount: 1, status: 'kept' as const, id: `p${i}` }));

describe('a responder promise the account could not hold', () => {
  it('due before the day it is made: OPTIONS_INVALID due_before_made at respond.promise.on', () => {
    const account = anAccount().inZone('America/New_York').overdueDays(5, { asOf: '2026-11-23' });
    const e = arrearsErrorOf(() => simulate(policy, account, { ...options, respond: promising('2020-01-01') }));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([
      {
        code: 'due_before_made',
        path: ['respond', 'promise', 'on'],
        message: expect.stringContaining('the responder returned "2020-01-01" (answering call at 2026-11-23T14:00:00Z): is before the day the promise is made'),
      },
    ]);
    expect(e.issues[0]?.message).toContain('give 2026-11-23 or later');
  });

  it('due the day before in one zone of the debtor but not in another: a promise, as the account takes it', () => {
    // 2026-11-24T04:00Z is the 23rd, 23:00, in New York and 20:00 in Los Angeles: due the 23rd is
    // that evening in both; due the 22nd is before the 23rd in both, and refused.
    const account = anAccount().inZone(['America/New_York', 'America/Los_Angeles']).overdueDays(5, { asOf: '2026-11-23' });
    const late = { from: '2026-11-24T04:00:00Z', to: '2026-11-24T05:00:00Z', maxSteps: 3 };
    expect(simulate(policy, account, { ...late, respond: promising('2026-11-23') }).account.promises).toMatchObject([{ dueDate: '2026-11-23' }]);
    expect(arrearsErrorOf(() => simulate(policy, account, { ...late, respond: promising('2026-11-22') })).issues).toMatchObject([{ code: 'due_before_made', path: ['respond', 'promise', 'on'] }]);
  });

  it('one promise over the 1,000 an account holds: OPTIONS_INVALID at respond.promise', () => {
    const account = { ...anAccount().inZone('America/New_York').overdueDays(5, { asOf: '2026-11-23' }).build(), promises: kept(1000) };
    const e = arrearsErrorOf(() => simulate(policy, account, { ...options, respond: promising('2026-12-01') }));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([
      {
        code: 'too_big',
        path: ['respond', 'promise'],
        message: expect.stringContaining('the responder returned a promise (answering call at 2026-11-23T14:00:00Z) the account cannot hold: with it the account would list 1001 promises (1 made by the simulation), and an account holds at most 1000 promises'),
      },
    ]);
  });

  it("one promise over the engine's maxArrayLength: OPTIONS_INVALID at respond.promise, naming the limit", () => {
    const account = { ...anAccount().inZone('America/New_York').overdueDays(5, { asOf: '2026-11-23' }).build(), promises: kept(3) };
    const engine = createEngine(policy, { limits: { maxArrayLength: 3 } });
    const e = arrearsErrorOf(() => simulate(engine, account, { ...options, respond: promising('2026-12-01') }));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toMatchObject([{ code: 'too_many_items', path: ['respond', 'promise'], message: expect.stringContaining('limits.maxArrayLength') }]);
  });

  it('an account over the limit before the run is still the account’s', () => {
    const account = { ...anAccount().inZone('America/New_York').overdueDays(5, { asOf: '2026-11-23' }).build(), promises: kept(1001) };
    expect(arrearsErrorOf(() => simulate(policy, account, { ...options, respond: promising('2026-12-01') }))).toMatchObject({ code: 'ACCOUNT_INVALID', issues: [{ path: ['promises'] }] });
  });
});
