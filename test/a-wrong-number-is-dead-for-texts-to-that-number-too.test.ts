import { describe, expect, test } from 'vitest';
import { composePolicies, createEngine, deriveFacts, presets, type PolicyInput } from '../src/index';
import { checkCompliance } from '../src/testing/index';

/*
 * A wrong number is someone else's phone: a text to it tells a stranger about the debt (Reg F
 * §1006.6(d), China's "no unrelated third parties"). A `wrong_number` on a call marks that number
 * dead for texts too, and a wrong number found by text marks it dead for calls; a conversation
 * with the debtor on the number says it is theirs again. A bounce stays the channel's own (a
 * landline takes no texts), and another number of the debtor is untouched.
 */

const strategy: PolicyInput = {
  id: 's',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone' }, sms_self: { channel: 'sms' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call_self', 'sms_self'] }],
};
const policy = composePolicies(presets.usRegulationF, strategy);
const engine = createEngine(policy);
const MOBILE = '+1 (212) 555-0100';
const account = (history: object[], channels: object[] = [{ channel: 'phone', address: MOBILE }, { channel: 'sms', address: '+12125550100' }]) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 1000,
  dueDate: '2026-09-01',
  debtor: { timeZone: 'America/New_York' },
  contacts: [{ id: 'me', relationship: 'self', channels }],
  history,
});
const attempt = (channel: string, outcome: string, at = '2026-11-23T15:00:00-05:00', extra: object = {}) => ({ at, channel, contactId: 'me', outcome, ...extra });
const now = '2026-11-24T10:00:00-05:00';
const statusOf = (history: object[], channels?: object[]) =>
  Object.fromEntries(engine.decide(account(history, channels), { now }).proposals.map((p) => [p.action, `${p.status}${p.reasons.length > 0 ? ` ${p.reasons.map((r) => r.code).join('+')}` : ''}`]));

describe('a wrong number', () => {
  test('on a call, marks the number dead for texts too (the number written either way)', () => {
    expect(statusOf([attempt('phone', 'wrong_number')])).toEqual({ call_self: 'blocked INVALID_CONTACT_METHOD', sms_self: 'blocked INVALID_CONTACT_METHOD' });
  });

  test('found by text, marks the number dead for calls', () => {
    expect(statusOf([attempt('sms', 'wrong_number', undefined, { address: '+12125550100' })])).toEqual({
      call_self: 'blocked INVALID_CONTACT_METHOD',
      sms_self: 'blocked INVALID_CONTACT_METHOD',
    });
  });

  test('leaves the debtor reachable by text on another number', () => {
    const channels = [
      { channel: 'phone', address: MOBILE },
      { channel: 'sms', address: '+12125550199' },
    ];
    expect(statusOf([attempt('phone', 'wrong_number')], channels)).toEqual({ call_self: 'blocked INVALID_CONTACT_METHOD', sms_self: 'allowed' });
  });

  test('is not inferred where the call does not say which of two numbers it was', () => {
    const channels = [
      { channel: 'phone', address: MOBILE },
      { channel: 'phone', address: '+12125550177' },
      { channel: 'sms', address: '+12125550100' },
    ];
    const d = engine.decide(account([attempt('phone', 'wrong_number')], channels), { now });
    expect(d.proposals.find((p) => p.action === 'sms_self')?.status).toBe('allowed');
  });

  test('a later conversation with the debtor on that number revives it on both channels', () => {
    const history = [attempt('phone', 'wrong_number', '2026-11-20T15:00:00-05:00'), attempt('phone', 'right_party_contact', '2026-11-21T15:00:00-05:00')];
    const d = engine.decide(account(history), { now });
    // Reg F's 7 days after a conversation defer the call; the text is allowed.
    expect(d.proposals.map((p) => [p.action, p.reasons.some((r) => r.code === 'INVALID_CONTACT_METHOD')])).toEqual([
      ['call_self', false],
      ['sms_self', false],
    ]);
  });

  test('a bounced text leaves calls to the number alone', () => {
    expect(statusOf([attempt('sms', 'bounced')])).toEqual({ call_self: 'allowed', sms_self: 'blocked INVALID_CONTACT_METHOD' });
  });

  test('selfReachable is false once the only number is found wrong', () => {
    const facts = (history: object[]) => Object.values(deriveFacts(account(history), now, policy, { facts: [{ fact: 'selfReachable' }] }));
    expect(facts([])).toEqual([true]);
    expect(facts([attempt('phone', 'wrong_number')])).toEqual([false]);
  });

  test('checkCompliance flags a text sent to the number after the wrong number', () => {
    const log = [attempt('sms', 'delivered', '2026-11-24T10:00:00-05:00')];
    const violations = checkCompliance(log, policy, { account: account([attempt('phone', 'wrong_number')]) });
    expect(violations.map((v) => v.code)).toContain('INVALID_CONTACT_METHOD');
  });
});
