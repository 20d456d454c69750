import { describe, expect, test } from 'vitest';
import { composePolicies, presets, type PolicyInput } from '../src/index';
import { anAccount, checkCompliance } from '../src/testing/index';

// A policy whose action reaches a contact order: judging a timed constraint alone (window, cap)
// must not lose the order the action needs to find its contacts.
const agency: PolicyInput = {
  id: 'agency',
  version: '1',
  jurisdiction: 'CN',
  actions: { screening_call: { channel: 'phone', target: { order: 'screening' } } },
  rules: [{ id: 'new-case', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 90 }] }, then: ['screening_call'] }],
  compliance: [
    {
      id: 'agency',
      constraints: [
        { kind: 'contactOrder', id: 'screening', ranks: [['employer'], ['self']] },
        { kind: 'window', id: 'hours', from: '09:00', to: '20:00' },
        { kind: 'cap', id: 'two-a-day', max: 2, scope: 'contact', period: { calendar: 'day' } },
      ],
    },
  ],
};
const account = anAccount()
  .inZone('Asia/Shanghai')
  .overdueDays(140, { asOf: '2026-11-23' })
  .withoutDefaultContact()
  .withContact('self', { id: 'me', phone: true })
  .withContact('employer', { id: 'hr', phone: true });
const call = (at: string, contactId: string) => ({ at, action: 'screening_call', channel: 'phone', contactId, outcome: 'no_answer' });

describe('checkCompliance on a policy whose actions reach a contact order', () => {
  test('a call outside the window is reported, not a policy error', () => {
    const violations = checkCompliance([call('2026-11-23T21:00:00+08:00', 'hr')], agency, { account });
    expect(violations.map((v) => [v.index, v.code, v.constraint])).toEqual([[0, 'OUTSIDE_CONTACT_WINDOW', 'hours']]);
  });

  test('a third call in a day is reported as the cap', () => {
    const log = ['10:00', '11:00', '12:00'].map((t) => call(`2026-11-23T${t}:00+08:00`, 'hr'));
    expect(checkCompliance(log, agency, { account }).map((v) => [v.index, v.code, v.constraint])).toEqual([[2, 'FREQUENCY_CAP', 'two-a-day']]);
  });

  test('calling the debtor before the employer is tried is reported as the order', () => {
    const violations = checkCompliance([call('2026-11-23T10:00:00+08:00', 'me')], agency, { account });
    expect(violations.map((v) => [v.index, v.code, v.constraint])).toEqual([[0, 'CONTACT_ORDER', 'screening']]);
  });

  test('the shipped agency screening order under the China preset', () => {
    const policy = composePolicies(presets.chinaCba, presets.strategies.agencyScreening);
    const late = { at: '2026-11-23T22:30:00+08:00', channel: 'phone', contactId: 'me', outcome: 'no_answer' };
    const violations = checkCompliance([late], policy, { account });
    expect(violations.map((v) => v.code)).toContain('OUTSIDE_CONTACT_WINDOW');
  });
});
