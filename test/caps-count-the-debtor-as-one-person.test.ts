import { describe, expect, test } from 'vitest';
import { composePolicies, createEngine, presets, type PolicyInput } from '../src/index';

/* "scope: 'contact'" is one person. The debtor listed as two `self` contacts (one row per phone
   number, as imports often do) is still one person for Reg F's 7-in-7 and its cool-down. */

const strategy: PolicyInput = {
  id: 's',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call_self'] }],
};
const engine = createEngine(composePolicies(presets.usRegulationF, strategy));
const account = (history: object[], second: object = { id: 'me-cell', relationship: 'self', channels: [{ channel: 'phone', address: 'cell' }] }) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 100,
  dueDate: '2026-01-01',
  debtor: { timeZone: 'America/New_York' },
  contacts: [{ id: 'me-home', relationship: 'self', channels: [{ channel: 'phone', address: 'home' }] }, second],
  history,
});
const week = ['23', '24', '25', '26', '27', '28', '29'].map((d) => ({ at: `2026-11-${d}T10:00:00-05:00`, channel: 'phone', contactId: 'me-home', outcome: 'no_answer' }));

describe('the debtor under several self contacts', () => {
  test('7 calls to one of them leave no 8th call to the other', () => {
    const d = engine.decide(account(week), { now: '2026-11-29T12:00:00-05:00' });
    expect(d.proposals.map((p) => [p.contactId, p.status])).toEqual([
      ['me-home', 'deferred'],
      ['me-cell', 'deferred'],
    ]);
    expect(d.proposals.every((p) => p.reasons.some((r) => r.constraint === 'regf-7-calls-in-7-days'))).toBe(true);
  });

  test('a conversation on one starts the cool-down on the other', () => {
    const talk = [{ at: '2026-11-23T15:00:00-05:00', channel: 'phone', contactId: 'me-home', outcome: 'right_party_contact' }];
    const d = engine.decide(account(talk), { now: '2026-11-24T10:00:00-05:00' });
    expect(d.proposals.find((p) => p.contactId === 'me-cell')?.allowedFrom).toBe('2026-11-30T13:00:00Z');
  });

  test('a third party is still a person of their own', () => {
    const spouse = { id: 'spouse', relationship: 'spouse', channels: [{ channel: 'phone' }] };
    const policy = composePolicies(presets.usRegulationF, { ...strategy, actions: { call_self: { channel: 'phone', target: ['self', 'spouse'] } } });
    const d = createEngine(policy).decide(account(week, spouse), { now: '2026-11-29T12:00:00-05:00' });
    expect(d.proposals.find((p) => p.contactId === 'spouse')?.reasons.map((r) => r.constraint) ?? []).not.toContain('regf-7-calls-in-7-days');
  });
});
