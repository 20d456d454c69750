import { describe, expect, it } from 'vitest';
import { createEngine, deriveFacts, parseAccount, parsePolicy, presets, safeParsePolicy } from '../src/index';

/*
 * `attemptCount` counts per contact with `params.contactId`, for books whose accounts name their
 * contacts alike ('primary', 'co-borrower'): "three unanswered calls to the co-borrower".
 */

const NOW = '2026-11-23T15:00:00-05:00';
const account = parseAccount({
  id: 'A-1',
  currency: 'USD',
  amountDue: 50_000,
  dueDate: '2026-10-01',
  debtor: { timeZone: 'America/New_York' },
  contacts: [
    { id: 'primary', relationship: 'self', channels: [{ channel: 'phone' }] },
    { id: 'co-borrower', relationship: 'self', channels: [{ channel: 'phone' }] },
    { id: 'spouse', relationship: 'spouse', channels: [{ channel: 'phone' }] },
  ],
  history: [
    { at: '2026-11-20T10:00:00-05:00', channel: 'phone', contactId: 'primary', outcome: 'no_answer' },
    { at: '2026-11-21T10:00:00-05:00', channel: 'phone', contactId: 'co-borrower', outcome: 'no_answer' },
    { at: '2026-11-22T10:00:00-05:00', channel: 'phone', contactId: 'co-borrower', outcome: 'voicemail' },
    { at: '2026-11-22T11:00:00-05:00', channel: 'phone', contactId: 'spouse', outcome: 'no_answer' },
    // Whom it reached is not logged: it is no contact's attempt as the history says.
    { at: '2026-11-22T12:00:00-05:00', channel: 'phone', outcome: 'no_answer' },
  ],
});

const count = (params: Record<string, unknown>) => {
  const facts = deriveFacts(account, NOW, presets.usRegulationF, { facts: [{ fact: 'attemptCount', params }] });
  return Object.keys(params).length === 0 ? facts.attemptCount : facts[`attemptCount${JSON.stringify(params)}`];
};

describe('attemptCount per contact', () => {
  it('counts the attempts to one contact, or to any of several', () => {
    expect(count({ contactId: 'co-borrower' })).toBe(2);
    expect(count({ contactId: 'primary' })).toBe(1);
    expect(count({ contactId: ['primary', 'spouse'] })).toBe(2);
    expect(count({ contactId: 'co-borrower', outcome: 'voicemail' })).toBe(1);
    expect(count({ contactId: 'nobody' })).toBe(0);
    expect(count({})).toBe(5);
  });

  it('drives a rule', () => {
    const policy = parsePolicy({
      id: 'p',
      version: '1',
      jurisdiction: 'US',
      actions: { letter_to_co_borrower: { channel: 'letter' } },
      rules: [{ id: 'after-two-calls', when: { all: [{ fact: 'attemptCount', params: { contactId: 'co-borrower', channel: 'phone' }, operator: 'greaterThanInclusive', value: 2 }] }, then: ['letter_to_co_borrower'] }],
    });
    expect(createEngine(policy).decide(account, { now: NOW }).trace.rules[0]?.fired).toBe(true);
  });

  it('refuses an empty list or a non-string id at the param', () => {
    for (const contactId of [[], 7]) {
      const r = safeParsePolicy({
        id: 'p',
        version: '1',
        jurisdiction: 'US',
        actions: { call: { channel: 'phone' } },
        rules: [{ id: 'r', when: { all: [{ fact: 'attemptCount', params: { contactId }, operator: 'greaterThan', value: 0 }] }, then: ['call'] }],
      });
      expect(r.success).toBe(false);
      if (!r.success) expect(r.issues[0]).toMatchObject({ code: 'invalid_params', path: ['rules', 0, 'when', 'all', 0, 'params', 'contactId'] });
    }
  });
});
