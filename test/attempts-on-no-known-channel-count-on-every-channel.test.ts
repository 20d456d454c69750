import { describe, expect, test } from 'vitest';
import { composePolicies, createEngine, presets, type PolicyInput } from '../src/index';

/* An attempt logged without `channel` whose action the policy does not know (renamed since, or
   another system's id) may have been made on any channel: compliance counts it on every one.
   Counting it on none let a renamed action's conversation lift Reg F's cool-down and its calls
   escape the 7-in-7 cap. */

const strategy: PolicyInput = {
  id: 's',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone', target: 'self' }, sms_self: { channel: 'sms', target: 'self' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call_self', 'sms_self'] }],
};
const engine = createEngine(composePolicies(presets.usRegulationF, strategy));
const account = (history: object[]) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 1000,
  dueDate: '2026-10-01',
  debtor: { timeZone: 'America/Chicago' },
  contacts: [{ id: 'c', relationship: 'self', channels: [{ channel: 'phone', address: '+13125550101' }, { channel: 'sms', address: '+13125550101' }] }],
  history,
});
const NOW = '2026-11-23T16:00:00Z'; // Monday 10:00 in Chicago
const call = (d: ReturnType<typeof engine.decide>) => d.proposals.find((p) => p.action === 'call_self');

describe('an attempt on no known channel', () => {
  test('a conversation under an action the policy does not know starts the 7-day cool-down, as under a known one', () => {
    const at = '2026-11-23T15:00:00Z';
    for (const action of ['call_self', 'legacy_dialer_call']) {
      const p = call(engine.decide(account([{ at, action, contactId: 'c', outcome: 'right_party_contact' }]), { now: NOW }));
      expect(p?.status).toBe('deferred');
      expect(p?.reasons.map((r) => r.constraint)).toContain('regf-7-days-after-conversation');
    }
  });

  test('seven of them in seven days cap the eighth call', () => {
    const history = Array.from({ length: 7 }, (_, i) => ({ at: `2026-11-${17 + i}T15:00:00Z`, action: 'legacy_dialer_call', contactId: 'c', outcome: 'no_answer' }));
    const p = call(engine.decide(account(history), { now: NOW }));
    expect(p?.status).toBe('deferred');
    expect(p?.reasons.map((r) => r.code)).toContain('FREQUENCY_CAP');
    // Six leave room for a seventh.
    expect(call(engine.decide(account(history.slice(1)), { now: NOW }))?.status).toBe('allowed');
  });

  test('with neither action nor channel it counts too', () => {
    const history = Array.from({ length: 7 }, (_, i) => ({ at: `2026-11-${17 + i}T15:00:00Z`, contactId: 'c', outcome: 'no_answer' }));
    expect(call(engine.decide(account(history), { now: NOW }))?.reasons.map((r) => r.code)).toContain('FREQUENCY_CAP');
  });

  test('it opts out or kills no method: that needs its channel (on every channel it would exhaust the debtor for contact order)', () => {
    const d = engine.decide(account([{ at: '2026-11-22T15:00:00Z', action: 'legacy_sms', contactId: 'c', outcome: 'bounced' }]), { now: NOW });
    expect(d.proposals.map((p) => [p.action, p.status])).toEqual([
      ['call_self', 'allowed'],
      ['sms_self', 'allowed'],
    ]);
  });

  test('a known internal action without a channel still counts on no channel', () => {
    // A credit report is no call: it does not use up the week's calls.
    const withReport = (n: number) => [
      ...Array.from({ length: n }, (_, i) => ({ at: `2026-11-${17 + i}T15:00:00Z`, action: 'call_self', contactId: 'c', outcome: 'no_answer' })),
      { at: '2026-11-23T14:00:00Z', action: 'credit_report', outcome: 'completed' },
    ];
    const policy = composePolicies(presets.usRegulationF, { ...strategy, actions: { ...strategy.actions, credit_report: { kind: 'credit_report' } } });
    expect(call(createEngine(policy).decide(account(withReport(6)), { now: NOW }))?.status).toBe('allowed');
  });
});
