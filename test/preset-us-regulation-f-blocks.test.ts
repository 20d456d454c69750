/**
 * Regulation F's blocks, from the text: cease communication (§ 1006.6(c)), attorney (§ 1006.6(b)(2)),
 * workplace (§ 1006.6(b)(3)), third parties (§ 1006.6(d)(1)), disputes (§ 1006.38(d)(2)), opted-out
 * media (§ 1006.14(h)) and no credit report before contact (§ 1006.30(a)(1), comment 30(a)(1)-2).
 */
import { describe, expect, it } from 'vitest';
import { type AccountInput, composePolicies, createEngine, presets, type PolicyInput } from '../src/index';

const strategy: PolicyInput = {
  id: 'tiny-strategy',
  version: '1',
  jurisdiction: 'US',
  actions: {
    call: { channel: 'phone', target: 'self' },
    call_lawyer: { channel: 'phone', target: 'attorney' },
    call_others: { channel: 'phone', target: ['spouse', 'family', 'employer', 'reference', 'community', 'guarantor', 'other'] },
    stop_notice: { channel: 'letter', target: 'self', kind: 'notice', label: 'We are stopping collection (§ 1006.6(c)(2)(i))' },
    report: { kind: 'credit_report' },
    sue: { kind: 'legal' },
  },
  rules: [{ id: 'always', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: -10_000 }] }, then: ['call', 'call_lawyer', 'call_others', 'stop_notice', 'report', 'sue'] }],
};
const engine = createEngine(composePolicies(presets.usRegulationF, strategy));

const phone = (extra: Record<string, unknown> = {}) => ({ channel: 'phone' as const, ...extra });
function account(extra: Partial<AccountInput> = {}): AccountInput {
  return {
    id: 'US-2',
    currency: 'USD',
    amountDue: 90_000,
    dueDate: '2026-09-01',
    debtor: { timeZone: 'America/Chicago' },
    contacts: [
      { id: 'me', relationship: 'self', channels: [phone({ address: 'cell' }), phone({ address: 'office', workplace: true }), { channel: 'letter' }, { channel: 'sms' }, { channel: 'email' }] },
      { id: 'lawyer', relationship: 'attorney', channels: [phone()] },
      { id: 'wife', relationship: 'spouse', channels: [phone()] },
      { id: 'mother', relationship: 'family', channels: [phone()] },
      { id: 'boss', relationship: 'employer', channels: [phone()] },
      { id: 'friend', relationship: 'reference', channels: [phone()] },
      { id: 'guarantor', relationship: 'guarantor', channels: [phone()] },
    ],
    ...extra,
  };
}
const NOW = '2026-11-24T11:00:00-06:00';

/** `action@contact[address]` → status, and the first reason code. */
function statuses(extra: Partial<AccountInput> = {}, now = NOW): Record<string, string> {
  const d = engine.decide(account(extra), { now });
  return Object.fromEntries(
    d.proposals.map((p) => [`${p.action}@${p.contactId ?? '-'}${p.address ? `[${p.address}]` : ''}`, p.status === 'blocked' || p.status === 'deferred' ? `${p.status} ${p.reasons[0]?.code}` : p.status]),
  );
}

describe('Reg F blocks', () => {
  it('without flags: the consumer, the spouse, the guarantor and the attorney may be called; other third parties may not (§ 1006.6(d)(1))', () => {
    expect(statuses()).toEqual({
      'call@me[cell]': 'allowed',
      'call@me[office]': 'allowed',
      'call_lawyer@lawyer': 'allowed',
      'call_others@wife': 'allowed',
      'call_others@mother': 'blocked RELATIONSHIP_FORBIDDEN',
      'call_others@boss': 'blocked RELATIONSHIP_FORBIDDEN',
      'call_others@friend': 'blocked RELATIONSHIP_FORBIDDEN',
      'call_others@guarantor': 'allowed',
      'stop_notice@me': 'allowed',
      'report@-': 'blocked BLOCKED',
      'sue@-': 'allowed',
    });
  });

  it('cease communication (§ 1006.6(c)): every communication is blocked, the notice that efforts stop is not', () => {
    const s = statuses({ debtor: { timeZone: 'America/Chicago', flags: { cease_communication: { since: '2026-11-20' } } } });
    expect(s['call@me[cell]']).toBe('blocked CEASE_COMMUNICATION');
    expect(s['call_others@wife']).toBe('blocked CEASE_COMMUNICATION');
    expect(s['stop_notice@me']).toBe('allowed');
    const reason = engine.decide(account({ debtor: { timeZone: 'America/Chicago', flags: { cease_communication: { since: '2026-11-20' } } } }), { now: NOW }).proposals[0]?.reasons[0];
    expect(reason).toMatchObject({ constraint: 'regf-cease-communication', citation: '12 CFR 1006.6(c)' });
  });

  it('the cease flag only holds from its date', () => {
    const s = statuses({ debtor: { timeZone: 'America/Chicago', flags: { cease_communication: { since: '2026-11-25' } } } });
    expect(s['call@me[cell]']).toBe('allowed');
  });

  it('attorney representation (§ 1006.6(b)(2)): only the attorney may be contacted, notices included', () => {
    const s = statuses({ debtor: { timeZone: 'America/Chicago', flags: { attorney_represented: { since: '2026-11-01' } } } });
    expect(s).toMatchObject({
      'call@me[cell]': 'blocked ATTORNEY_REPRESENTED',
      'call_others@wife': 'blocked ATTORNEY_REPRESENTED',
      'stop_notice@me': 'blocked ATTORNEY_REPRESENTED',
      'call_lawyer@lawyer': 'allowed',
    });
  });

  it('workplace prohibited (§ 1006.6(b)(3)): the office line is blocked, the cell phone is not', () => {
    const s = statuses({ debtor: { timeZone: 'America/Chicago', flags: { workplace_contact_prohibited: { since: '2026-10-01' } } } });
    expect(s['call@me[office]']).toBe('blocked WORKPLACE_PROHIBITED');
    expect(s['call@me[cell]']).toBe('allowed');
  });

  it('dispute within the validation period (§ 1006.38(d)(2)): collection and reporting pause until verification is sent', () => {
    const flags = { disputed: { since: '2026-11-10', until: '2026-11-30' } };
    const during = statuses({ debtor: { timeZone: 'America/Chicago', flags } });
    // Until the flag's `until`: then the call and the suit may go ahead; the report also waits for a contact.
    expect(during).toMatchObject({ 'call@me[cell]': 'deferred DISPUTED', 'report@-': 'blocked DISPUTED', 'sue@-': 'deferred DISPUTED' });
    // Sending the verification is itself a notice.
    expect(during['stop_notice@me']).toBe('allowed');
    expect(statuses({ debtor: { timeZone: 'America/Chicago', flags } }, '2026-11-30T11:00:00-06:00')['call@me[cell]']).toBe('allowed');
  });

  it('an opted-out medium is never used (§ 1006.14(h)(1))', () => {
    const contacts = [{ id: 'me', relationship: 'self' as const, channels: [phone({ optedOut: true })] }];
    expect(statuses({ contacts })['call@me']).toBe('blocked OPTED_OUT');
  });
});

describe('Reg F § 1006.30(a)(1): no credit report before contact', () => {
  const report = (history: AccountInput['history'], now = NOW) => engine.decide(account({ history }), { now }).proposals.find((p) => p.action === 'report');

  it('is blocked before any contact, citing the clause', () => {
    expect(report([])).toMatchObject({ status: 'blocked', reasons: [expect.objectContaining({ constraint: 'regf-no-report-before-contact', citation: '12 CFR 1006.30(a)(1); comment 30(a)(1)-2' })] });
  });

  it('is allowed after speaking to the consumer by telephone, even on a call the consumer placed', () => {
    expect(report([{ at: '2026-11-23T10:00:00-06:00', channel: 'phone', contactId: 'me', outcome: 'right_party_contact' }])?.status).toBe('allowed');
    expect(report([{ at: '2026-11-23T10:00:00-06:00', channel: 'phone', contactId: 'me', direction: 'inbound', outcome: 'dispute' }])?.status).toBe('allowed');
  });

  it('a reply by text message is not speaking to the consumer', () => {
    expect(report([{ at: '2026-11-23T10:00:00-06:00', channel: 'sms', contactId: 'me', outcome: 'right_party_contact' }])?.status).toBe('blocked');
  });

  it('comment 30(a)(1)-2: a letter mailed on the 1st, no notice of undeliverability through the 14th, may be followed by a report on the 15th', () => {
    const letter = [{ at: '2026-11-01T09:00:00-05:00', action: 'stop_notice', channel: 'letter' as const, contactId: 'me', outcome: 'delivered' as const }];
    expect(report(letter, '2026-11-14T16:00:00-06:00')).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-15T06:00:00Z' });
    expect(report(letter, '2026-11-15T08:00:00-06:00')?.status).toBe('allowed');
  });

  it('an e-mail counts as an electronic message; a bounced one does not', () => {
    const email = (outcome: 'delivered' | 'bounced') => [{ at: '2026-11-01T09:00:00-05:00', channel: 'email' as const, contactId: 'me', outcome }];
    expect(report(email('delivered'))?.status).toBe('allowed');
    expect(report(email('bounced'))?.status).toBe('blocked');
  });
});
