import { describe, expect, test } from 'vitest';
import { composePolicies, createEngine, deriveFacts, presets, type PolicyInput } from '../src/index';
import { checkCompliance } from '../src/testing/index';

/* A dialer may log an attempt by the policy action it carried out, without `channel`. Every rule
   that reads an attempt's channel reads the action's then: cool-downs, opt-outs, dead numbers and
   the attemptCount fact, not only the caps. */

const strategy: PolicyInput = {
  id: 's',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone' }, sms_self: { channel: 'sms' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call_self', 'sms_self'] }],
};
const policy = composePolicies(presets.usRegulationF, strategy);
const engine = createEngine(policy);
const account = (history: object[]) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 1000,
  dueDate: '2026-09-01',
  debtor: { timeZone: 'America/New_York' },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone', address: '+12125550100' }, { channel: 'sms', address: '+12125550100' }] }],
  history,
});
const byAction = (action: string, outcome: string, at = '2026-11-23T15:00:00-05:00') => ({ at, action, contactId: 'me', outcome });
const statusOf = (d: { proposals: readonly { action: string; status: string; reasons: readonly { code: string }[] }[] }) =>
  Object.fromEntries(d.proposals.map((p) => [p.action, `${p.status}${p.reasons.length > 0 ? ` ${p.reasons.map((r) => r.code).join('+')}` : ''}`]));

describe('an attempt logged by its action alone', () => {
  test("a conversation starts Reg F's 7-day cool-down on calls", () => {
    const d = engine.decide(account([byAction('call_self', 'right_party_contact')]), { now: '2026-11-25T10:00:00-05:00' });
    expect(d.proposals.find((p) => p.action === 'call_self')?.reasons.map((r) => r.constraint)).toContain('regf-7-days-after-conversation');
    expect(d.proposals.find((p) => p.action === 'call_self')?.allowedFrom).toBe('2026-11-30T13:00:00Z');
  });

  test('and a call during that cool-down is a violation', () => {
    const log = [{ at: '2026-11-25T10:00:00-05:00', action: 'call_self', contactId: 'me', outcome: 'no_answer' }];
    const violations = checkCompliance(log, policy, { account: account([byAction('call_self', 'right_party_contact')]) });
    expect(violations.map((v) => v.constraint)).toEqual(['regf-7-days-after-conversation']);
  });

  test('a STOP reply opts out the SMS number (§1006.14(h)), and only that channel', () => {
    const d = engine.decide(account([byAction('sms_self', 'opt_out')]), { now: '2026-11-24T10:00:00-05:00' });
    expect(statusOf(d)).toEqual({ call_self: 'allowed', sms_self: 'blocked OPTED_OUT' });
  });

  test('a wrong number marks the phone number dead, and texts to that number with it', () => {
    const d = engine.decide(account([byAction('call_self', 'wrong_number')]), { now: '2026-11-24T10:00:00-05:00' });
    expect(statusOf(d)).toEqual({ call_self: 'blocked INVALID_CONTACT_METHOD', sms_self: 'blocked INVALID_CONTACT_METHOD' });
  });

  test('a bounced text marks the SMS number dead, and only that channel', () => {
    const d = engine.decide(account([byAction('sms_self', 'bounced')]), { now: '2026-11-24T10:00:00-05:00' });
    expect(statusOf(d)).toEqual({ call_self: 'allowed', sms_self: 'blocked INVALID_CONTACT_METHOD' });
  });

  test("attemptCount with a channel counts it on its action's channel", () => {
    const facts = deriveFacts(
      account([byAction('call_self', 'no_answer', '2026-11-20T10:00:00-05:00'), byAction('sms_self', 'delivered', '2026-11-21T10:00:00-05:00')]),
      '2026-11-24T10:00:00-05:00',
      policy,
      { facts: [{ fact: 'attemptCount', params: { channel: 'phone' } }, { fact: 'attemptCount', params: { channel: ['sms', 'email'] } }] },
    );
    expect(Object.values(facts)).toEqual([1, 1]);
  });
});
