import { describe, expect, test } from 'vitest';
import { composePolicies, createEngine, presets, type PolicyInput } from '../src/index';

/* § 1006.14(b)(2)(i)(B): no call within 7 days after a telephone conversation "with the person".
   Someone else answering the debtor's phone is not that conversation. */

const strategy: PolicyInput = {
  id: 's',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call_self'] }],
};
const engine = createEngine(composePolicies(presets.usRegulationF, strategy));
const after = (outcome: string) =>
  engine.decide(
    {
      id: 'A',
      currency: 'USD',
      amountDue: 100,
      dueDate: '2026-01-01',
      debtor: { timeZone: 'America/New_York' },
      contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }],
      history: [{ at: '2026-11-23T15:00:00-05:00', channel: 'phone', contactId: 'me', outcome }],
    },
    { now: '2026-11-24T10:00:00-05:00' },
  ).proposals[0];

describe('Reg F cool-down after a conversation', () => {
  test('a third party answering does not start it', () => {
    expect(after('third_party_contact')?.status).toBe('allowed');
  });

  test('speaking to the debtor does, until day 8 at 08:00', () => {
    expect(after('right_party_contact')).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-30T13:00:00Z' });
  });
});
