/**
 * China preset, from the text of the CBA guideline on personal consumer-loan collection (2026):
 * no telephone, visit or other collection 22:00–08:00 without the debtor's consent; when the
 * debtor's phone is not answered, at most 6 dial attempts a day to the same contact method (unless
 * agreed otherwise); no collection through unrelated third parties — and art. 68 of the
 * credit-card measures (2011): collect from the debtor and the guarantor only.
 */
import { describe, expect, it } from 'vitest';
import { type AccountInput, composePolicies, createEngine, explain, presets, type PolicyInput } from '../src/index';

const strategy: PolicyInput = {
  id: 'tiny-strategy',
  version: '1',
  jurisdiction: 'CN',
  actions: {
    call: { channel: 'phone', target: 'self' },
    letter: { channel: 'letter', target: 'self', kind: 'notice' },
    call_others: { channel: 'phone', target: ['guarantor', 'attorney', 'spouse', 'family', 'employer', 'reference', 'community', 'other'] },
  },
  rules: [{ id: 'always', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: -10_000 }] }, then: ['call'] }],
};
const engine = createEngine(composePolicies(presets.chinaCba, strategy));

type Attempt = NonNullable<AccountInput['history']>[number];
const dial = (at: string, address = 'A', outcome: Attempt['outcome'] = 'no_answer', extra: Partial<Attempt> = {}): Attempt => ({ at, action: 'call', channel: 'phone', contactId: 'me', address, outcome, ...extra });
const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

function account(extra: Partial<AccountInput> = {}): AccountInput {
  return {
    id: 'CN-1',
    currency: 'CNY',
    amountDue: 560_000,
    dueDate: '2026-10-15',
    debtor: { timeZone: 'Asia/Shanghai', jurisdiction: 'CN' },
    contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone', address: 'A' }, { channel: 'phone', address: 'B' }, { channel: 'letter' }] }],
    ...extra,
  };
}

describe('China: no collection from 22:00 to 08:00 without the debtor’s consent', () => {
  const first = (now: string, extra: Partial<AccountInput> = {}) => engine.decide(account(extra), { now }).proposals[0];

  it.each([
    ['21:59', 'allowed', null],
    ['22:00', 'deferred', '2026-11-24T00:00:00Z'],
    ['07:59', 'deferred', '2026-11-23T00:00:00Z'],
    ['08:00', 'allowed', null],
  ])('a call at %s Beijing time is %s', (time, status, from) => {
    const p = first(at('2026-11-23', time));
    expect(p?.status).toBe(status);
    if (from !== null) {
      expect(p?.allowedFrom).toBe(from);
      expect(p?.reasons[0]).toMatchObject({ code: 'OUTSIDE_CONTACT_WINDOW', constraint: 'cn-no-collection-at-night' });
      expect(p?.reasons[0]?.citation).toContain('个人消费类贷款催收工作指引');
    } else {
      expect(p?.allowedUntil).toBe('2026-11-23T14:00:00Z');
    }
  });

  it('covers letters and other collection too', () => {
    const letters = createEngine(composePolicies(presets.chinaCba, { ...strategy, rules: [{ id: 'l', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['letter'] }] }));
    expect(letters.decide(account(), { now: at('2026-11-23', '22:30') }).proposals[0]?.status).toBe('deferred');
  });

  it('with the debtor’s consent to other times, those times apply', () => {
    const consent = { debtor: { timeZone: 'Asia/Shanghai', contactPreferences: { windows: [{ from: '21:00', to: '23:00' }] } } };
    expect(first(at('2026-11-23', '22:30'), consent)?.status).toBe('allowed');
  });
});

describe('China: at most 6 unanswered dials a day to the same contact method', () => {
  const six = Array.from({ length: 6 }, (_, i) => dial(at('2026-11-23', `${String(9 + i).padStart(2, '0')}:00`)));
  const byAddress = (history: Attempt[], now = at('2026-11-23', '16:00'), extra: Partial<AccountInput> = {}) =>
    Object.fromEntries(engine.decide(account({ history, ...extra }), { now }).proposals.map((p) => [p.address, p]));

  it('the 6th unanswered dial to a number is allowed, the 7th is blocked until tomorrow 08:00', () => {
    expect(byAddress(six.slice(0, 5)).A?.status).toBe('allowed');
    const seventh = byAddress(six).A;
    expect(seventh?.status).toBe('deferred');
    expect(seventh?.reasons[0]).toMatchObject({ code: 'FREQUENCY_CAP', constraint: 'cn-6-unanswered-dials-a-day' });
    expect(seventh?.allowedFrom).toBe('2026-11-24T00:00:00Z');
  });

  it('another number of the same person is still allowed, and is what to do next', () => {
    const d = engine.decide(account({ history: six }), { now: at('2026-11-23', '16:00') });
    expect(byAddress(six).B?.status).toBe('allowed');
    expect(d.next?.address).toBe('B');
    expect(explain(d)).toContain('cn-6-unanswered-dials-a-day');
  });

  it('answered calls are not unanswered dials', () => {
    const history = [...six.slice(0, 5), dial(at('2026-11-23', '15:00'), 'A', 'right_party_contact')];
    expect(byAddress(history).A?.status).toBe('allowed');
  });

  it('busy, not connected and voicemail are unanswered', () => {
    const history = [...six.slice(0, 3), dial(at('2026-11-23', '13:00'), 'A', 'busy'), dial(at('2026-11-23', '14:00'), 'A', 'not_connected'), dial(at('2026-11-23', '15:00'), 'A', 'voicemail')];
    expect(byAddress(history).A?.status).toBe('deferred');
  });

  it('a day is a Beijing calendar day: yesterday’s dials do not count', () => {
    expect(byAddress(six, at('2026-11-24', '08:00')).A?.status).toBe('allowed');
  });

  it('unless otherwise agreed with the debtor (a method under consent is not capped)', () => {
    const contacts = [{ id: 'me', relationship: 'self' as const, channels: [{ channel: 'phone' as const, address: 'A', consentUntil: at('2026-11-30', '00:00') }] }];
    expect(byAddress(six, at('2026-11-23', '16:00'), { contacts }).A?.status).toBe('allowed');
  });
});

describe('China: no collection through unrelated third parties; the guarantor is related to the debt', () => {
  it('employer, family, spouse, references, committee and others are blocked; the guarantor and the debtor’s attorney are not', () => {
    const others = createEngine(composePolicies(presets.chinaCba, { ...strategy, rules: [{ id: 'o', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call_others'] }] }));
    const rel = ['guarantor', 'attorney', 'spouse', 'family', 'employer', 'reference', 'community', 'other'] as const;
    const contacts = rel.map((relationship) => ({ id: relationship, relationship, channels: [{ channel: 'phone' as const }] }));
    const d = others.decide(account({ contacts }), { now: at('2026-11-23', '10:00') });
    expect(Object.fromEntries(d.proposals.map((p) => [p.contactId, p.status === 'blocked' ? p.reasons[0]?.code : p.status]))).toEqual({
      guarantor: 'allowed',
      attorney: 'allowed',
      spouse: 'RELATIONSHIP_FORBIDDEN',
      family: 'RELATIONSHIP_FORBIDDEN',
      employer: 'RELATIONSHIP_FORBIDDEN',
      reference: 'RELATIONSHIP_FORBIDDEN',
      community: 'RELATIONSHIP_FORBIDDEN',
      other: 'RELATIONSHIP_FORBIDDEN',
    });
    expect(d.proposals.find((p) => p.contactId === 'employer')?.reasons[0]?.citation).toMatch(/art\. 68/);
  });
});
