/**
 * A collection agency's new-case screening in the manual's call order — employer → listed contacts
 * → village/neighbourhood committee → family → cardholder — then the clearing sequence. Alone, the
 * strategy calls the third parties first; composed with the China preset, every third party
 * unrelated to the debt is blocked and the cardholder (then the guarantor) is called instead.
 */
import { describe, expect, it } from 'vitest';
import { type AccountInput, composePolicies, createEngine, explain, presets } from '../src/index';
import { ladder, runTimeline } from './strategy-timeline';

const phone = [{ channel: 'phone' as const }];
const newCase: AccountInput = {
  id: 'CASE-88231',
  currency: 'CNY',
  amountDue: 3_120_000,
  dueDate: '2025-12-10',
  debtor: { name: 'Zhao Lei', timeZone: 'Asia/Shanghai', jurisdiction: 'CN' },
  contacts: [
    { id: 'me', relationship: 'self', channels: [{ channel: 'phone' }, { channel: 'visit', address: 'Haidian, Beijing' }, { channel: 'letter', address: 'Haidian, Beijing' }] },
    { id: 'mother', relationship: 'family', channels: phone },
    { id: 'committee', relationship: 'community', channels: phone },
    { id: 'colleague', relationship: 'reference', channels: phone },
    { id: 'employer', relationship: 'employer', channels: phone },
    { id: 'guarantor', relationship: 'guarantor', channels: phone },
  ],
};
const FROM = '2026-03-02';
const TO = '2026-06-29'; // 120 days

describe('agency screening alone: the manual’s order', () => {
  const engine = createEngine(presets.strategies.agencyScreening);
  const { steps, approvalsAsked } = runTimeline(engine, newCase, { from: FROM, to: TO });

  it('calls employer, contacts, committee, family, then the cardholder — two calls each, two hours apart', () => {
    expect(ladder(steps, (s) => s.action === 'screening_call')).toEqual([
      '0:screening_call@employer',
      '1:screening_call@employer',
      '1:screening_call@colleague',
      '2:screening_call@colleague',
      '2:screening_call@committee',
      '3:screening_call@committee',
      '3:screening_call@mother',
      '4:screening_call@mother',
      '4:screening_call',
      '5:screening_call',
    ]);
  });

  it('then the clearing sequence: first call, second call a day later, visit and lawyer’s letter, third call, suit', () => {
    expect(ladder(steps, (s) => s.action !== 'screening_call')).toEqual([
      '6:first_call',
      '7:second_call',
      '9:field_visit',
      '10:lawyer_letter', // proposed on day 9, approved by the bank the next morning
      '13:third_call',
      '21:recommend_suit',
    ]);
    expect(approvalsAsked).toEqual([
      { action: 'lawyer_letter', day: 9 },
      { action: 'recommend_suit', day: 20 },
    ]);
  });

  it('on the first morning the employer comes first and every later rank waits for it', () => {
    const d = engine.decide(newCase, { now: '2026-03-02T10:00:00+08:00' });
    expect(d.next).toMatchObject({ action: 'screening_call', contactId: 'employer', status: 'allowed' });
    const waiting = d.proposals.filter((p) => p.contactId !== 'employer').map((p) => [p.contactId, p.reasons[0]?.code]);
    expect(waiting).toEqual([
      ['colleague', 'CONTACT_ORDER'],
      ['committee', 'CONTACT_ORDER'],
      ['mother', 'CONTACT_ORDER'],
      ['me', 'CONTACT_ORDER'],
      ['guarantor', 'CONTACT_ORDER'],
    ]);
  });
});

describe('agency screening composed with the China preset: what the law forbids', () => {
  const engine = createEngine(composePolicies(presets.chinaCba, presets.strategies.agencyScreening));
  const { steps } = runTimeline(engine, newCase, { from: FROM, to: TO });

  it('employer, contacts, committee and family are blocked as unrelated third parties; the cardholder is called first', () => {
    const d = engine.decide(newCase, { now: '2026-03-02T10:00:00+08:00' });
    expect(d.next).toMatchObject({ action: 'screening_call', contactId: 'me', status: 'allowed' });
    expect(Object.fromEntries(d.proposals.map((p) => [p.contactId, p.reasons[0]?.code ?? p.status]))).toEqual({
      employer: 'RELATIONSHIP_FORBIDDEN',
      colleague: 'RELATIONSHIP_FORBIDDEN',
      committee: 'RELATIONSHIP_FORBIDDEN',
      mother: 'RELATIONSHIP_FORBIDDEN',
      me: 'allowed',
      guarantor: 'CONTACT_ORDER',
    });
    const text = explain(d);
    expect(text).toContain('cn-no-unrelated-third-parties');
    expect(text).toContain('art. 68');
  });

  it('only the cardholder and then the guarantor (a party to the debt) are ever called', () => {
    expect(new Set(steps.filter((s) => s.channel === 'phone').map((s) => s.contactId))).toEqual(new Set(['me', 'guarantor']));
    expect(ladder(steps)).toEqual([
      '0:screening_call',
      '1:screening_call',
      '1:screening_call@guarantor',
      '2:screening_call@guarantor',
      // Nothing left to call on day 3: screening is over on day 4.
      '4:first_call',
      '5:second_call',
      '7:field_visit',
      '8:lawyer_letter',
      '11:third_call',
      '19:recommend_suit',
    ]);
  });
});
