import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, presets, type PolicyInput } from '../src/index';

// The company's rule book: the debtor first; a third party only after 3 unanswered calls to the debtor.
const company: PolicyInput = {
  id: 'acme-rules',
  version: '1',
  jurisdiction: 'US',
  compliance: [{ id: 'acme', constraints: [{ kind: 'contactOrder', id: 'self-first', ranks: [['self']], exhaustedAfter: { attempts: 3, outcomes: ['no_answer', 'voicemail', 'busy'] } }] }],
};
const strategy = (constraints: unknown[] = []): PolicyInput => ({
  id: 'campaign',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone', target: ['self', 'guarantor'] } },
  rules: [{ id: 'overdue', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call'] }],
  ...(constraints.length > 0 ? { compliance: [{ id: 'campaign-rules', constraints: constraints as NonNullable<PolicyInput['compliance']>[number]['constraints'] }] } : {}),
});
const account = (history: unknown[] = []) => ({
  id: 'A-1',
  currency: 'USD',
  amountDue: 50_000,
  dueDate: '2026-10-01',
  debtor: { timeZone: 'America/New_York' },
  contacts: [
    { id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] },
    { id: 'g', relationship: 'guarantor', channels: [{ channel: 'phone' }] },
  ],
  history,
});
const now = '2026-11-23T12:00:00-05:00';
const statusOf = (policy: PolicyInput, contactId: string, options: { horizonDays?: number } = {}, history: unknown[] = []) => {
  const d = createEngine(policy, options).decide(account(history), { now });
  return d.proposals.find((p) => p.contactId === contactId);
};

describe('contact order moves on past a blocked contact only for rules that bind it', () => {
  it('a later layer that blocks the debtor does not open the third parties', () => {
    const plain = composePolicies(company, strategy());
    expect(statusOf(plain, 'g')?.reasons[0]?.code).toBe('CONTACT_ORDER');
    // The campaign adds a restriction of its own: no calls to the debtor. A restriction cannot allow anything.
    const noDebtor = composePolicies(company, strategy([{ kind: 'block', id: 'no-debtor', appliesTo: { relationships: ['self'] }, message: 'not the debtor' }]));
    expect(statusOf(noDebtor, 'me')?.status).toBe('blocked');
    expect(statusOf(noDebtor, 'g')?.status).toBe('blocked');
    expect(statusOf(noDebtor, 'g')?.reasons[0]?.code).toBe('CONTACT_ORDER');
    // Nor does a cap of zero.
    const zeroCap = composePolicies(company, strategy([{ kind: 'cap', id: 'none', appliesTo: { relationships: ['self'] }, max: 0, period: { calendar: 'day' } }]));
    expect(statusOf(zeroCap, 'g')?.reasons[0]?.code).toBe('CONTACT_ORDER');
  });

  it('a block in the order’s own layer, or an earlier one, moves it on', () => {
    const regulation: PolicyInput = { id: 'reg', version: '1', jurisdiction: 'US', compliance: [{ id: 'reg', constraints: [{ kind: 'block', id: 'no-debtor', appliesTo: { relationships: ['self'] }, message: 'not the debtor' }] }] };
    expect(statusOf(composePolicies(regulation, company, strategy()), 'g')?.status).toBe('allowed');
    const sameLayer: PolicyInput = { ...company, compliance: [{ id: 'acme', constraints: [...(company.compliance?.[0]?.constraints ?? []), { kind: 'block', id: 'no-debtor', appliesTo: { relationships: ['self'] }, message: 'not the debtor' }] }] };
    expect(statusOf(composePolicies(sameLayer, strategy()), 'g')?.status).toBe('allowed');
  });

  it('a proposal past the search horizon is not a blocked contact', () => {
    // Spoke to the debtor yesterday: Reg F's 7-day wait defers the next call past a 1-day horizon.
    const talked = [{ at: '2026-11-22T15:00:00-05:00', action: 'call', channel: 'phone', contactId: 'me', outcome: 'right_party_contact' }];
    const policy = composePolicies(presets.usRegulationF, company, strategy());
    expect(statusOf(policy, 'g', {}, talked)?.reasons[0]?.code).toBe('CONTACT_ORDER');
    const short = statusOf(policy, 'me', { horizonDays: 1 }, talked);
    expect(short?.reasons.map((r) => r.code)).toContain('BEYOND_HORIZON');
    expect(statusOf(policy, 'g', { horizonDays: 1 }, talked)?.reasons[0]?.code).toBe('CONTACT_ORDER');
  });

  it('a block that time lifts past the search horizon is not a blocked contact either', () => {
    const screening: PolicyInput = {
      id: 'p',
      version: '1',
      jurisdiction: 'US',
      actions: { call: { channel: 'phone', target: { order: 'screening' } } },
      rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call'] }],
      compliance: [
        { id: 'reg', constraints: [{ kind: 'block', id: 'no-employer-before-day-60', appliesTo: { relationships: ['employer'] }, when: { all: [{ fact: 'daysPastDue', operator: 'lessThan', value: 60 }] }, message: 'not yet' }] },
        { id: 'agency', constraints: [{ kind: 'contactOrder', id: 'screening', ranks: [['employer'], ['family']] }] },
      ],
    };
    const book = { ...account(), dueDate: '2026-11-13', contacts: [{ id: 'boss', relationship: 'employer', channels: [{ channel: 'phone' }] }, { id: 'mum', relationship: 'family', channels: [{ channel: 'phone' }] }] };
    for (const horizonDays of [30, 120]) {
      const family = createEngine(screening, { horizonDays }).decide(book, { now }).proposals.find((p) => p.contactId === 'mum');
      expect(family?.reasons[0]?.code).toBe('CONTACT_ORDER');
    }
  });

  it('three unanswered calls to the debtor still open the guarantor', () => {
    const calls = ['2026-11-20', '2026-11-21', '2026-11-22'].map((day) => ({ at: `${day}T10:00:00-05:00`, action: 'call', channel: 'phone', contactId: 'me', outcome: 'no_answer' }));
    expect(statusOf(composePolicies(company, strategy()), 'g', {}, calls)?.status).toBe('allowed');
  });
});
