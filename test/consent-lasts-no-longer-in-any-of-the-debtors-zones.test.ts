import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, presets, type PolicyInput } from '../src/index';

// Reg F's prior consent lasts 7 days (`consentLasts: 'P7D'`, nominal days in the debtor's zone).
// A debtor who may be in London or in New York: the week after 28 October is 168 hours in London
// (which changed its clocks on the 25th) and 169 in New York (1 November). Caps and cool-downs are
// read in every zone and each must allow, so the consent must not outlast its 7 days in any of
// them: which zone is listed first changes nothing.
const strategy: PolicyInput = {
  id: 'calls',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone', target: 'self' } },
  rules: [{ id: 'always', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: -10_000 }] }, then: ['call'] }],
};
const engine = createEngine(composePolicies(presets.usRegulationF, strategy));

// Consent given on 28 October at 14:30Z: 7 days end at 14:30Z in London, at 15:30Z in New York.
const method = { channel: 'phone' as const, consentUntil: '2026-11-30T00:00:00Z', consentGivenAt: '2026-10-28T14:30:00Z' };
const account = (timeZone: string[], history: readonly object[]) => ({
  id: 'A-1',
  currency: 'USD',
  amountDue: 10_000,
  dueDate: '2026-06-01',
  debtor: { timeZone },
  contacts: [{ id: 'me', relationship: 'self', channels: [method] }],
  history,
});
const call = (at: string, outcome = 'no_answer') => ({ at, action: 'call', channel: 'phone', contactId: 'me', outcome });
const sevenCalls = ['10-29', '10-30', '10-31', '11-01', '11-02', '11-03', '11-04'].map((d) => call(`2026-${d}T14:00:00Z`));

describe('prior consent bounded by consentLasts, for a debtor in several zones', () => {
  it.each([[['Europe/London', 'America/New_York']], [['America/New_York', 'Europe/London']]])('the 8th call at 15:00Z is capped, zones %j', (zones) => {
    const p = engine.decide(account(zones, sevenCalls), { now: '2026-11-04T15:00:00Z' }).proposals[0];
    expect(p?.status).toBe('deferred');
    expect(p?.reasons.map((r) => r.code)).toContain('FREQUENCY_CAP');
  });

  it.each([[['Europe/London', 'America/New_York']], [['America/New_York', 'Europe/London']]])('a consented call allowed before 14:30Z ends its allowance there, zones %j', (zones) => {
    expect(engine.decide(account(zones, sevenCalls), { now: '2026-11-04T14:15:00Z' }).proposals[0]).toMatchObject({ status: 'allowed', allowedUntil: '2026-11-04T14:30:00Z' });
  });

  it.each([[['Europe/London', 'America/New_York']], [['America/New_York', 'Europe/London']]])('the cool-down after a conversation holds once consent is over, zones %j', (zones) => {
    const p = engine.decide(account(zones, [call('2026-11-04T14:05:00Z', 'right_party_contact')]), { now: '2026-11-04T15:00:00Z' }).proposals[0];
    expect(p?.reasons.map((r) => r.code)).toContain('COOLDOWN');
  });
});
