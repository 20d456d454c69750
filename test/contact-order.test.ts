import { describe, expect, it } from 'vitest';
import { createEngine, type PolicyInput } from '../src/index';

const agency: PolicyInput = {
  id: 'agency',
  version: '1',
  jurisdiction: 'CN',
  actions: { screen: { channel: 'phone', target: { order: 'manual-order' } } },
  rules: [{ id: 'screen-new-cases', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['screen'] }],
  compliance: [
    {
      id: 'agency-manual',
      constraints: [{ kind: 'contactOrder', id: 'manual-order', ranks: [['employer'], ['reference'], ['community'], ['family', 'spouse'], ['self']], exhaustedAfter: { attempts: 1 } }],
    },
  ],
};

const contacts = [
  { id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] },
  { id: 'mum', relationship: 'family', channels: [{ channel: 'phone' }] },
  { id: 'boss', relationship: 'employer', channels: [{ channel: 'phone' }] },
  { id: 'ref', relationship: 'reference', channels: [{ channel: 'phone' }] },
  { id: 'committee', relationship: 'community', channels: [{ channel: 'phone' }] },
];
const account = (history: unknown[] = [], cs: unknown[] = contacts) => ({ id: 'N-1', currency: 'CNY', amountDue: 1, dueDate: '2026-10-01', debtor: { timeZone: 'Asia/Shanghai' }, contacts: cs, history });
const tried = (contactId: string, outcome = 'no_answer') => ({ at: '2026-11-23T09:00:00+08:00', action: 'screen', channel: 'phone', contactId, outcome });
const now = '2026-11-23T10:00:00+08:00';

describe('contact order', () => {
  it('tries the employer before anyone else, and lists every other contact as blocked by order', () => {
    const d = createEngine(agency).decide(account(), { now });
    expect(d.next?.contactId).toBe('boss');
    expect(d.proposals.map((p) => [p.contactId, p.status])).toEqual([
      ['boss', 'allowed'],
      ['ref', 'blocked'],
      ['committee', 'blocked'],
      ['mum', 'blocked'],
      ['me', 'blocked'],
    ]);
    expect(d.proposals[4]?.reasons[0]?.code).toBe('CONTACT_ORDER');
  });

  it('opens each rank when every earlier rank is exhausted', () => {
    const engine = createEngine(agency);
    expect(engine.decide(account([tried('boss')]), { now }).next?.contactId).toBe('ref');
    expect(engine.decide(account([tried('boss'), tried('ref')]), { now }).next?.contactId).toBe('committee');
    expect(engine.decide(account([tried('boss'), tried('ref'), tried('committee')]), { now }).next?.contactId).toBe('mum');
    expect(engine.decide(account([tried('boss'), tried('ref'), tried('committee'), tried('mum')]), { now }).next?.contactId).toBe('me');
  });

  it('skips a contact with no usable channel, and a wrong number exhausts at once', () => {
    const optedOut = contacts.map((c) => (c.id === 'boss' ? { ...c, channels: [{ channel: 'phone', optedOut: true }] } : c));
    expect(createEngine(agency).decide(account([], optedOut), { now }).next?.contactId).toBe('ref');
    expect(createEngine(agency).decide(account([tried('boss', 'wrong_number')]), { now }).next?.contactId).toBe('ref');
  });

  it('a rank with two contacts opens the next only when both are exhausted', () => {
    const withSpouse = [...contacts, { id: 'wife', relationship: 'spouse', channels: [{ channel: 'phone' }] }];
    const history = [tried('boss'), tried('ref'), tried('committee'), tried('mum')];
    const d = createEngine(agency).decide(account(history, withSpouse), { now });
    expect(d.next?.contactId).toBe('wife');
    expect(d.proposals.find((p) => p.contactId === 'me')?.status).toBe('blocked');
  });

  it('"self first, third parties after 3 failed attempts to self"', () => {
    const policy: PolicyInput = {
      ...agency,
      actions: { call: { channel: 'phone', target: ['self', 'family'] } },
      rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call'] }],
      compliance: [{ id: 'company', constraints: [{ kind: 'contactOrder', id: 'self-first', ranks: [['self']], exhaustedAfter: { attempts: 3, outcomes: ['no_answer', 'voicemail', 'busy'] } }] }],
    };
    const engine = createEngine(policy);
    const two = [tried('me'), tried('me')].map((a) => ({ ...a, action: 'call' }));
    expect(engine.decide(account(two), { now }).proposals.find((p) => p.contactId === 'mum')?.status).toBe('blocked');
    const three = [...two, { ...tried('me'), action: 'call' }];
    expect(engine.decide(account(three), { now }).proposals.find((p) => p.contactId === 'mum')?.status).toBe('allowed');
  });

  it('unranked relationships can be forbidden outright', () => {
    const policy: PolicyInput = {
      ...agency,
      compliance: [{ id: 'strict', constraints: [{ kind: 'contactOrder', id: 'manual-order', ranks: [['self'], ['guarantor']], unranked: 'forbidden' }] }],
      actions: { screen: { channel: 'phone', target: ['self', 'employer'] } },
    };
    const d = createEngine(policy).decide(account(), { now });
    expect(d.proposals.find((p) => p.contactId === 'boss')?.reasons[0]?.code).toBe('RELATIONSHIP_FORBIDDEN');
    expect(d.next?.contactId).toBe('me');
  });

  it('a contact blocked by an earlier layer (China: no unrelated third parties) is skipped, so the cardholder is reached', () => {
    const cn = { id: 'cn', constraints: [{ kind: 'block', id: 'no-third-parties', appliesTo: { relationships: ['employer', 'reference', 'community', 'family', 'spouse'] }, code: 'RELATIONSHIP_FORBIDDEN', message: 'no unrelated third parties' }] } as const;
    const policy: PolicyInput = { ...agency, compliance: [cn, ...(agency.compliance ?? [])] };
    const d = createEngine(policy).decide(account(), { now });
    expect(d.next?.contactId).toBe('me');
    expect(d.proposals.filter((p) => p.status === 'blocked').every((p) => p.reasons.some((r) => r.code === 'RELATIONSHIP_FORBIDDEN'))).toBe(true);
    // Listed after the order, the block only restricts: it never lets the order move on.
    const after = createEngine({ ...agency, compliance: [...(agency.compliance ?? []), cn] }).decide(account(), { now });
    expect(after.next).toBeNull();
    expect(after.proposals.find((p) => p.contactId === 'me')?.reasons[0]?.code).toBe('CONTACT_ORDER');
  });
});
