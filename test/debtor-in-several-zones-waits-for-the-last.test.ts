import { describe, expect, it } from 'vitest';
import { createEngine, type PolicyInput } from '../src/index';

/*
 * A debtor in several zones (debtor.timeZone a list) is held by a day-bound rule until the day is
 * over in every one of them: a promise's date, a daily cap. The reason's `until` says the same
 * instant as `allowedFrom`, whichever zone is listed first.
 */

const NOW = '2026-11-24T15:00:00Z'; // 23:00 in Shanghai, 10:00 in New York
const ZONES = [
  ['Asia/Shanghai', 'America/New_York'],
  ['America/New_York', 'Asia/Shanghai'],
];
const policy = (constraint: object): PolicyInput =>
  ({
    id: 'p',
    version: '1',
    jurisdiction: 'US',
    actions: { sms: { channel: 'sms', target: 'self' } },
    rules: [{ id: 'r', when: { all: [] }, then: ['sms'] }],
    compliance: [{ id: 'c', constraints: [constraint] }],
  }) as PolicyInput;
const account = (timeZone: string[], extra: object) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 100,
  dueDate: '2026-10-01',
  debtor: { timeZone },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'sms' }] }],
  ...extra,
});

describe('a debtor in several zones is held until the day is over in the last of them', () => {
  it.each(ZONES)('a promise for 25 November holds until midnight in New York (%s first)', (...zones) => {
    const engine = createEngine(policy({ kind: 'promiseHold', id: 'hold' }));
    const d = engine.decide(account(zones, { promises: [{ madeAt: '2026-11-20T15:00:00Z', dueDate: '2026-11-25', amount: 100 }] }), { now: NOW });
    expect(d.proposals[0]).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-26T05:00:00Z', reasons: [{ constraint: 'hold', until: '2026-11-26T05:00:00Z' }] });
  });

  it.each(ZONES)('one SMS a calendar day: the next when 25 November has begun in both zones (%s first)', (...zones) => {
    const engine = createEngine(policy({ kind: 'cap', id: 'daily', max: 1, period: { calendar: 'day' }, scope: 'contact' }));
    const d = engine.decide(account(zones, { history: [{ at: '2026-11-24T14:00:00Z', channel: 'sms', contactId: 'me', outcome: 'delivered' }] }), { now: NOW });
    expect(d.proposals[0]).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-25T05:00:00Z', reasons: [{ constraint: 'daily', until: '2026-11-25T05:00:00Z' }] });
  });
});
