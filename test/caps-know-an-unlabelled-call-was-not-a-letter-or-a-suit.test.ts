import { describe, expect, it } from 'vitest';
import { createEngine, type PolicyInput } from '../src/index';

// Dialers log calls without the action id. Such a call counts wherever it may belong (an action
// on its channel), but a call cannot have been a letter, a lawsuit or a credit report.
const policy: PolicyInput = {
  id: 'p',
  version: '1',
  jurisdiction: 'CN',
  actions: {
    call: { channel: 'phone', target: 'self' },
    letter: { channel: 'letter', target: 'self' },
    suit: { kind: 'legal' },
    report: { kind: 'credit_report' },
  },
  rules: [{ id: 'all', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call', 'letter', 'suit', 'report'] }],
  compliance: [
    {
      id: 'company',
      constraints: [
        { kind: 'cap', id: 'one-call', appliesTo: { actions: ['call'] }, max: 1, period: { rolling: 'P7D' } },
        { kind: 'cap', id: 'one-letter', appliesTo: { actions: ['letter'] }, max: 1, period: { rolling: 'P30D' } },
        { kind: 'cap', id: 'one-suit', appliesTo: { actions: ['suit'] }, max: 1, period: { rolling: 'P365D' } },
        { kind: 'cap', id: 'one-report', appliesTo: { kinds: ['credit_report'] }, max: 1, period: { calendar: 'month' } },
      ],
    },
  ],
};
const account = (history: object[]) => ({
  id: 'A',
  currency: 'CNY',
  amountDue: 500_000,
  dueDate: '2026-08-01',
  debtor: { timeZone: 'Asia/Shanghai' },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }, { channel: 'letter' }] }],
  history,
});
const statuses = (history: object[]) =>
  Object.fromEntries(createEngine(policy).decide(account(history), { now: '2026-11-23T10:00:00+08:00' }).proposals.map((p) => [p.action, p.status]));

describe('caps and attempts logged without an action id', () => {
  it('a call on the phone counts against calls only, not letters, suits or reports', () => {
    expect(statuses([{ at: '2026-11-20T10:00:00+08:00', channel: 'phone', contactId: 'me', outcome: 'no_answer' }])).toEqual({
      call: 'deferred',
      letter: 'allowed',
      suit: 'allowed',
      report: 'allowed',
    });
  });

  it('a letter logged without an action id counts against letters, not calls', () => {
    expect(statuses([{ at: '2026-11-20T10:00:00+08:00', channel: 'letter', contactId: 'me', outcome: 'delivered' }])).toMatchObject({ call: 'allowed', letter: 'deferred' });
  });

  it('an attempt that names neither action nor channel still counts everywhere', () => {
    expect(statuses([{ at: '2026-11-20T10:00:00+08:00', contactId: 'me', outcome: 'no_answer' }])).toEqual({
      call: 'deferred',
      letter: 'deferred',
      suit: 'deferred',
      report: 'deferred',
    });
  });
});
