import { describe, expect, it } from 'vitest';
import { composePolicies, presets } from '../src/index';
import { anAccount, checkCompliance } from '../src/testing/index';

/* docs/testing.md (checkCompliance): an attempt naming no action the policy knows is judged as a
   plain communication to its contact. One that gave no channel either was judged as an internal
   action, which reaches no one — so blocks on communication, third parties and contact windows
   never saw it, although the log says a person was reached: a conversation with the employer
   under Regulation F, or with a debtor who asked to cease, passed as compliant. It is judged as a
   communication on the contact's channels, by the most favourable one (as an attempt that does
   not say which of a contact's numbers it used). */

const strategy = { id: 's', version: '1', jurisdiction: 'US', actions: { call: { channel: 'phone' } }, rules: [{ id: 'r', when: { all: [] }, then: ['call'] }] };
const policy = composePolicies(presets.usRegulationF, strategy);
const debtor = anAccount()
  .amount(50_000, 'USD')
  .inZone('America/New_York')
  .dueOn('2026-10-01')
  .withContact('employer', { id: 'boss', phone: { address: '+1 212 555 0102' } });
const at = (local: string) => `2026-11-10T${local}:00-05:00`;
const judged = (log: object[], account = debtor) => checkCompliance(log, policy, { account }).map((v) => [v.index, v.code, v.constraint]);

describe('checkCompliance: a contact reached on no channel the log names', () => {
  it('a talk with the employer is a third-party communication', () => {
    expect(judged([{ at: at('10:00'), contactId: 'boss', outcome: 'third_party_contact' }])).toEqual([[0, 'RELATIONSHIP_FORBIDDEN', 'regf-third-parties']]);
  });

  it('a conversation with a debtor who asked to cease breaks the cease', () => {
    const ceased = debtor.flag('cease_communication', { since: '2026-11-01' });
    expect(judged([{ at: at('10:00'), contactId: 'self', outcome: 'right_party_contact' }], ceased)).toEqual([[0, 'CEASE_COMMUNICATION', 'regf-cease-communication']]);
  });

  it('at 23:00 on a contact reachable only by phone, the window refuses it', () => {
    const phoneOnly = anAccount().amount(50_000, 'USD').inZone('America/New_York').dueOn('2026-10-01').withoutDefaultContact().withContact('self', { phone: true });
    expect(judged([{ at: at('23:00'), contactId: 'self', outcome: 'no_answer' }], phoneOnly)).toEqual([[0, 'OUTSIDE_CONTACT_WINDOW', 'regf-convenient-hours']]);
  });

  it('by the most favourable channel: a letter could have reached the debtor at 23:00', () => {
    const withLetter = anAccount().amount(50_000, 'USD').inZone('America/New_York').dueOn('2026-10-01').withoutDefaultContact().withContact('self', { phone: true, letter: { address: '1 Main St' } });
    expect(judged([{ at: at('23:00'), contactId: 'self', outcome: 'delivered' }], withLetter)).toEqual([]);
  });

  it('what the log says plainly is judged as before', () => {
    expect(judged([{ at: at('10:00'), channel: 'phone', contactId: 'self', outcome: 'no_answer' }])).toEqual([]);
    // An internal step naming no contact reaches no one.
    expect(judged([{ at: at('23:00'), action: 'escalate', outcome: 'completed' }])).toEqual([]);
  });
});
