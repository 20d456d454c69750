import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, deriveFacts, type PolicyInput } from '../src/index';

/* Promise facts and promise holds: a payment keeps one promise, not every promise its date
   covers; a promised day is over when it is over in every zone of the debtor; a promise recorded
   `open` is broken once its date has passed. */

const policy: PolicyInput = { id: 'p', version: '1', jurisdiction: 'US' };
const account = (timeZone: string | string[], promises: object[], payments: object[] = []) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 1000,
  dueDate: '2026-02-01',
  debtor: { timeZone },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }],
  promises,
  payments,
});
const PROMISE_FACTS = ['hasOpenPromise', 'openPromiseAmount', 'nextPromiseDate', 'keptPromises', 'brokenPromises'].map((fact) => ({ fact }));
const facts = (input: object, now: string) => deriveFacts(input, now, policy, { facts: PROMISE_FACTS });

describe('promises', () => {
  const two = [
    { madeAt: '2026-03-05T10:00:00-05:00', dueDate: '2026-03-12', amount: 500 },
    { madeAt: '2026-03-05T10:00:00-05:00', dueDate: '2026-03-15', amount: 500 },
  ];
  const one = [{ at: '2026-03-11T10:00:00-05:00', amount: 500 }];

  it('one payment keeps one promise: the earliest due', () => {
    expect(facts(account('America/New_York', two, one), '2026-03-13T10:00:00-04:00')).toEqual({
      hasOpenPromise: true,
      openPromiseAmount: 500,
      nextPromiseDate: '2026-03-15',
      keptPromises: 1,
      brokenPromises: 0,
    });
    // Listed the other way round, the same.
    expect(facts(account('America/New_York', [...two].reverse(), one), '2026-03-13T10:00:00-04:00')).toMatchObject({ keptPromises: 1, hasOpenPromise: true });
    // Two payments keep both.
    expect(facts(account('America/New_York', two, [...one, { at: '2026-03-13T09:00:00-04:00', amount: 500 }]), '2026-03-13T10:00:00-04:00')).toMatchObject({ keptPromises: 2, hasOpenPromise: false });
  });

  it('and the promise hold goes on holding the call for the promise still open', () => {
    const strategy: PolicyInput = {
      id: 's',
      version: '1',
      jurisdiction: 'US',
      actions: { call: { channel: 'phone' } },
      rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call'] }],
      compliance: [{ id: 'company', constraints: [{ kind: 'promiseHold', id: 'hold' }] }],
    };
    const p = createEngine(composePolicies(strategy)).decide(account('America/New_York', two, one), { now: '2026-03-13T10:00:00-04:00' }).proposals[0];
    expect(p).toMatchObject({ status: 'deferred', allowedFrom: '2026-03-16T04:00:00Z' });
    expect(p?.reasons.map((r) => r.code)).toEqual(['PROMISE_PENDING']);
  });

  it('a promise made late in the evening in Los Angeles, due that day, is open and kept there whatever the zone order', () => {
    const late = [{ madeAt: '2026-03-10T23:30:00-07:00', dueDate: '2026-03-10', amount: 500 }];
    for (const zones of [['America/New_York', 'America/Los_Angeles'], ['America/Los_Angeles', 'America/New_York']]) {
      expect(facts(account(zones, late), '2026-03-10T23:31:00-07:00')).toMatchObject({ hasOpenPromise: true, brokenPromises: 0 });
      expect(facts(account(zones, late, [{ at: '2026-03-10T23:45:00-07:00', amount: 500 }]), '2026-03-11T10:00:00-07:00')).toMatchObject({ keptPromises: 1, brokenPromises: 0 });
    }
  });

  it("a promise recorded 'open' is open until its date has passed, then broken", () => {
    const recorded = [{ dueDate: '2026-03-01', amount: 500, status: 'open' }];
    expect(facts(account('UTC', recorded), '2026-03-01T12:00:00Z')).toMatchObject({ hasOpenPromise: true, brokenPromises: 0 });
    expect(facts(account('UTC', recorded), '2026-03-09T12:00:00Z')).toEqual({ hasOpenPromise: false, openPromiseAmount: 0, nextPromiseDate: null, keptPromises: 0, brokenPromises: 1 });
  });
});

describe('days since a flag', () => {
  it('is never below 0 while the flag holds, in any zone order', () => {
    // 10 March begins in New York at 05:00Z, in Los Angeles at 08:00Z.
    for (const zones of [['America/Los_Angeles', 'America/New_York'], ['America/New_York', 'America/Los_Angeles']]) {
      const input = { ...account(zones, []), debtor: { timeZone: zones, flags: { disputed: { since: '2026-03-10' } } } };
      expect(deriveFacts(input, '2026-03-10T06:30:00Z', policy, { facts: [{ fact: 'disputed' }, { fact: 'daysSinceFlag', params: { flag: 'disputed' } }] })).toEqual({
        disputed: true,
        'daysSinceFlag{"flag":"disputed"}': 0,
      });
    }
  });
});

describe('attempts at one instant', () => {
  it('are read the same whatever their order in the history', () => {
    const at = '2026-03-10T15:00:00Z';
    const answered = { at, channel: 'phone', contactId: 'me', outcome: 'right_party_contact' };
    const wrong = { at, channel: 'phone', contactId: 'me', outcome: 'wrong_number' };
    const read = (history: object[]) =>
      deriveFacts({ ...account('UTC', []), history }, '2026-03-11T12:00:00Z', policy, { facts: [{ fact: 'lastOutcome' }, { fact: 'selfReachable' }] });
    expect(read([answered, wrong])).toEqual(read([wrong, answered]));
    expect(read([answered, wrong])).toEqual({ lastOutcome: 'wrong_number', selfReachable: false });
  });
});
