import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, presets, type PolicyInput } from '../src/index';

// "Seven-day period" read both ways: seven local days and 7 × 24 hours differ by the hour a clock
// change adds or removes; the presets bind with the longer of the two.
const strategy: PolicyInput = {
  id: 's',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone', target: 'self' }, email: { channel: 'email', target: 'self' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call', 'email'] }],
};
const call = (at: string) => ({ at, action: 'call', channel: 'phone', contactId: 'me', outcome: 'voicemail' });
const account = (zone: string, history: object[], extra: object = {}) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 1000,
  dueDate: '2026-01-01',
  debtor: { timeZone: zone, ...extra },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }, { channel: 'email' }] }],
  history,
});

describe('Massachusetts: two calls in seven days, on both sides of a clock change', () => {
  const engine = createEngine(composePolicies(presets.usRegulationF, presets.usMassachusetts, strategy));
  const callAt = (history: object[], now: string) => engine.decide(account('America/New_York', history), { now }).proposals.find((p) => p.action === 'call');

  it('the week clocks go back (169 hours): the third call waits for seven local days', () => {
    const p = callAt([call('2026-10-25T10:00:00-04:00'), call('2026-10-27T10:00:00-04:00')], '2026-11-01T09:00:00-05:00');
    expect(p?.status).toBe('deferred');
    expect(p?.allowedFrom).toBe('2026-11-01T15:00:00Z'); // Sunday 10:00 EST
  });

  it('the week clocks go forward (167 hours): the third call waits for 168 hours', () => {
    const p = callAt([call('2026-03-01T10:00:00-05:00'), call('2026-03-03T10:00:00-05:00')], '2026-03-08T10:00:00-04:00');
    expect(p?.status).toBe('deferred');
    expect(p?.allowedFrom).toBe('2026-03-08T15:00:00Z'); // Sunday 11:00 EDT
  });
});

describe('Washington: 07:30–21:00 holds for e-mail and app messages too', () => {
  const engine = createEngine(composePolicies(presets.usRegulationF, presets.usWashington, strategy));
  const prefs = { contactPreferences: { windows: [{ from: '06:00', to: '23:00' }] } };
  for (const now of ['2026-11-25T07:00:00-08:00', '2026-11-25T21:30:00-08:00']) {
    it(`a debtor who said 06:00–23:00 gets no e-mail at ${now.slice(11, 16)}`, () => {
      const d = engine.decide(account('America/Los_Angeles', [], prefs), { now });
      expect(d.proposals.map((p) => [p.action, p.status])).toEqual([
        ['call', 'deferred'],
        ['email', 'deferred'],
      ]);
    });
  }
});
