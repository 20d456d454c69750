/**
 * A right-party contact is the debtor reached. `right_party_contact` says so whichever number was
 * dialled; a refusal, promise or dispute voiced by the employer or a relative does not — the agency
 * manual's screening would otherwise end at the first third party who refused to help.
 */
import { describe, expect, it } from 'vitest';
import { createEngine, deriveFacts, presets, type PolicyInput } from '../src/index';
import { ladder, runTimeline } from './strategy-timeline';

const NOW = '2026-11-23T10:00:00+08:00';
const policy: PolicyInput = {
  id: 'rpc',
  version: '1',
  jurisdiction: 'CN',
  actions: { a: { kind: 'internal' } },
  rules: [
    {
      id: 'r',
      when: {
        all: [
          { fact: 'rightPartyContacts', operator: 'greaterThanInclusive', value: 0 },
          { fact: 'lastRightPartyContactAt', operator: 'notEqual', value: '2000-01-01T00:00:00Z' },
          { fact: 'daysSinceLastRightPartyContact', operator: 'notEqual', value: -1 },
        ],
      },
      then: ['a'],
    },
  ],
};
const account = (history: readonly object[]) => ({
  id: 'A',
  currency: 'CNY',
  amountDue: 1000,
  dueDate: '2026-11-01',
  debtor: { timeZone: 'Asia/Shanghai' },
  contacts: [
    { id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] },
    { id: 'boss', relationship: 'employer', channels: [{ channel: 'phone' }] },
    { id: 'mum', relationship: 'family', channels: [{ channel: 'phone' }] },
    { id: 'g', relationship: 'guarantor', channels: [{ channel: 'phone' }] },
  ],
  history,
});
const call = (at: string, contactId: string | undefined, outcome: string) => ({ at, channel: 'phone', ...(contactId ? { contactId } : {}), outcome });
const facts = (history: readonly object[]) => deriveFacts(account(history), NOW, policy);

describe('rightPartyContacts and the facts read from it', () => {
  it.each(['refused', 'promise_to_pay', 'dispute', 'cease_request', 'paid'])('%s from the employer, a relative or the guarantor is not the debtor reached', (outcome) => {
    const f = facts([call('2026-11-20T10:00:00+08:00', 'boss', outcome), call('2026-11-21T10:00:00+08:00', 'mum', outcome), call('2026-11-22T10:00:00+08:00', 'g', outcome)]);
    expect(f).toEqual({ rightPartyContacts: 0, lastRightPartyContactAt: null, daysSinceLastRightPartyContact: null });
  });

  it.each(['right_party_contact', 'refused', 'promise_to_pay', 'dispute', 'cease_request', 'paid'])('%s on the debtor’s own number is', (outcome) => {
    const f = facts([call('2026-11-20T10:00:00+08:00', 'me', outcome), call('2026-11-21T10:00:00+08:00', 'boss', 'refused')]);
    expect(f).toEqual({ rightPartyContacts: 1, lastRightPartyContactAt: '2026-11-20T02:00:00Z', daysSinceLastRightPartyContact: 3 });
  });

  it('right_party_contact logged on the employer’s line is the debtor answering there', () => {
    expect(facts([call('2026-11-22T10:00:00+08:00', 'boss', 'right_party_contact')])['rightPartyContacts']).toBe(1);
  });

  it('an attempt naming no contact is taken as the debtor’s', () => {
    expect(facts([call('2026-11-22T10:00:00+08:00', undefined, 'promise_to_pay')])['rightPartyContacts']).toBe(1);
  });

  it('no answer, a third party or a wrong number is never a right-party contact', () => {
    const f = facts(['no_answer', 'third_party_contact', 'wrong_number', 'voicemail'].map((o) => call('2026-11-22T10:00:00+08:00', 'me', o)));
    expect(f['rightPartyContacts']).toBe(0);
  });
});

describe('agency screening: a third party who refuses does not end screening', () => {
  const phone = [{ channel: 'phone' as const }];
  const newCase = {
    id: 'CASE-1',
    currency: 'CNY',
    amountDue: 3_120_000,
    dueDate: '2025-12-10',
    debtor: { timeZone: 'Asia/Shanghai', jurisdiction: 'CN' },
    contacts: [
      { id: 'me', relationship: 'self' as const, channels: phone },
      { id: 'mother', relationship: 'family' as const, channels: phone },
      { id: 'committee', relationship: 'community' as const, channels: phone },
      { id: 'colleague', relationship: 'reference' as const, channels: phone },
      { id: 'employer', relationship: 'employer' as const, channels: phone },
    ],
  };

  it('the employer refuses: not called again, and the contacts, the committee and the family are still called before the cardholder', () => {
    const engine = createEngine(presets.strategies.agencyScreening);
    const { steps } = runTimeline(engine, newCase, { from: '2026-03-02', to: '2026-03-12', outcome: (p) => (p.contactId === 'employer' ? 'refused' : 'no_answer') });
    const screening = ladder(steps, (s) => s.action === 'screening_call');
    expect(screening).toEqual(['0:screening_call@employer', '0:screening_call@colleague', '1:screening_call@colleague', '1:screening_call@committee', '2:screening_call@committee', '2:screening_call@mother', '3:screening_call@mother', '3:screening_call', '4:screening_call']);
    expect(ladder(steps, (s) => s.action !== 'screening_call')[0]).toBe('6:first_call');
  });
});
