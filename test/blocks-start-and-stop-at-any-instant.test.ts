import { describe, expect, it } from 'vitest';
import { createEngine, type PolicyInput, type TopLevelCondition } from '../src/index';

// Blocks whose facts change at the hour, at an approval's expiry, at a payment dated after now,
// or at a midnight while an allowance with no end of its own runs: the proposal waits for them,
// and an allowance ends where one begins. New York debtor; window 09:00–18:00 on the phone.
const policy = (when: TopLevelCondition, extra: Partial<PolicyInput> = {}): PolicyInput => ({
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone', target: 'self' }, email: { channel: 'email', target: 'self' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'amountDue', operator: 'greaterThan', value: 0 }] }, then: ['call', 'email'] }],
  compliance: [
    {
      id: 'company',
      constraints: [
        { kind: 'window', id: 'w', from: '09:00', to: '18:00', appliesTo: { channels: ['phone'] } },
        { kind: 'block', id: 'b', when, message: 'not now' },
      ],
    },
  ],
  ...extra,
});
const account = (extra: object = {}) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 1000,
  dueDate: '2026-03-01',
  debtor: { timeZone: 'America/New_York' },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }, { channel: 'email' }] }],
  ...extra,
});
const decide = (when: TopLevelCondition, now: string, extra: object = {}) => {
  const d = createEngine(policy(when)).decide(account(extra), { now });
  return Object.fromEntries(d.proposals.map((p) => [p.action, p]));
};

describe('blocks that start or stop at any instant', () => {
  it('a block on the hour ends an allowance at that hour, and defers to the hour it stops', () => {
    expect(decide({ all: [{ fact: 'localHour', operator: 'greaterThanInclusive', value: 12 }] }, '2026-04-10T10:00:00-04:00').call).toMatchObject({
      status: 'allowed',
      allowedUntil: '2026-04-10T16:00:00Z',
    });
    expect(decide({ all: [{ fact: 'localHour', operator: 'lessThan', value: 10 }] }, '2026-04-10T07:00:00-04:00').call).toMatchObject({
      status: 'deferred',
      allowedFrom: '2026-04-10T14:00:00Z',
    });
  });

  it('a block on an approval ends the allowance when the approval expires', () => {
    const approvals = [{ action: 'call', at: '2026-04-01T00:00:00Z', expiresAt: '2026-04-10T12:00:00-04:00' }];
    const when = { all: [{ fact: 'hasApproval', params: { action: 'call' }, operator: 'equal', value: false }] };
    expect(decide(when, '2026-04-10T10:00:00-04:00', { approvals }).call).toMatchObject({ status: 'allowed', allowedUntil: '2026-04-10T16:00:00Z' });
  });

  it('records dated after now are not known at now, as attempts after now are not: a replay gives the same answer', () => {
    const when = { all: [{ fact: 'paymentCount', operator: 'greaterThan', value: 0 }] };
    const later = [{ at: '2026-03-05T08:00:00-05:00', amount: 100 }];
    const before = decide(when, '2026-03-04T19:00:00-05:00').call;
    expect(decide(when, '2026-03-04T19:00:00-05:00', { payments: later }).call).toEqual(before);
    expect(before).toMatchObject({ status: 'deferred', allowedFrom: '2026-03-05T14:00:00Z' });
    // Once the payment is made, it is known: the block holds.
    expect(decide(when, '2026-03-05T09:00:00-05:00', { payments: later }).call?.status).toBe('blocked');
  });

  it('an attempt leaving a rolling count ends the allowance of a block that needs none in it', () => {
    // Blocked unless the debtor was reached in the last 3 days; reached 2026-04-09 15:00.
    const when = { all: [{ fact: 'attemptCount', params: { within: 'P3D', outcome: 'right_party_contact' }, operator: 'equal', value: 0 }] };
    const history = [{ at: '2026-04-09T15:00:00-04:00', channel: 'phone', contactId: 'me', outcome: 'right_party_contact' }];
    expect(decide(when, '2026-04-10T10:00:00-04:00', { history }).email).toMatchObject({ status: 'allowed', allowedUntil: '2026-04-12T19:00:00Z' });
  });

  it('a weekday block ends an open-ended allowance on that weekday; a holiday block on the holiday', () => {
    expect(decide({ all: [{ fact: 'localWeekday', operator: 'equal', value: 'wed' }] }, '2026-04-09T10:00:00-04:00').email).toMatchObject({
      status: 'allowed',
      allowedUntil: '2026-04-15T04:00:00Z',
    });
  });

  it('an allowance with no end of its own ends at the midnight a day-count block begins', () => {
    // Due 2026-03-01: more than 44 days past due from 2026-04-15 (New York).
    const p = decide({ all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 44 }] }, '2026-04-10T10:00:00-04:00', {
      debtor: { timeZone: 'America/New_York', flags: { hardship: { since: '2026-04-20' } } },
    }).email;
    expect(p).toMatchObject({ status: 'allowed', allowedUntil: '2026-04-15T04:00:00Z' });
  });

  it('a weekday block against a weekday window still finds the day it lifts', () => {
    const when = { all: [{ fact: 'isWeekend', operator: 'equal', value: false }, { fact: 'daysPastDue', operator: 'lessThan', value: 60 }] };
    const engine = createEngine(
      policy(when, {
        compliance: [
          {
            id: 'company',
            constraints: [
              { kind: 'window', id: 'w', from: '09:00', to: '18:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
              { kind: 'block', id: 'b', when, message: 'not now' },
            ],
          },
        ],
      }),
    );
    const p = engine.decide(account(), { now: '2026-03-02T10:00:00-05:00' }).proposals.find((x) => x.action === 'call');
    // 60 days past due on 2026-04-30 (a Thursday): the first weekday 09:00 from then.
    expect(p).toMatchObject({ status: 'deferred', allowedFrom: '2026-04-30T13:00:00Z' });
  });
});
