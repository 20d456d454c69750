import { describe, expect, test } from 'vitest';
import { composePolicies, createEngine, presets, type PolicyInput } from '../src/index';
import { checkCompliance } from '../src/testing/index';

/* A dialer logs `+8613800000000` for the number a CRM stores as `+86 138 0000 0000`. An attempt's
   address is matched to the contact's methods ignoring how it is written; an address that is none
   of them is an attempt whose number is not known, and counts against every one. */

const strategy = (jurisdiction: string, channel: 'phone' | 'sms'): PolicyInput => ({
  id: 's',
  version: '1',
  jurisdiction,
  actions: { reach: { channel } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['reach'] }],
});
const account = (zone: string, channels: object[], history: object[]) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 1000,
  dueDate: '2026-09-01',
  debtor: { timeZone: zone },
  contacts: [{ id: 'me', relationship: 'self', channels }],
  history,
});
const outcomes = (d: { proposals: readonly { address: string | null; status: string; reasons: readonly { code: string }[] }[] }) =>
  d.proposals.map((p) => `${p.address} ${p.status} ${p.reasons.map((r) => r.code).join('+')}`.trim());

describe("China's six unanswered dials a day per number", () => {
  const china = createEngine(composePolicies(presets.chinaCba, strategy('CN', 'phone')));
  const dials = (address: string) =>
    Array.from({ length: 6 }, (_, i) => ({ at: `2026-11-24T0${i + 1}:00:00Z`, channel: 'phone', contactId: 'me', outcome: 'no_answer', address }));
  const now = { now: '2026-11-24T15:00:00+08:00' };

  test.each(['+8613800000000', '+86-138-0000-0000', '+86 (138) 0000.0000', ' +86 138 0000 0000 '])('count dials logged as %j', (address) => {
    const d = china.decide(account('Asia/Shanghai', [{ channel: 'phone', address: '+86 138 0000 0000' }], dials(address)), now);
    expect(outcomes(d)).toEqual(['+86 138 0000 0000 deferred FREQUENCY_CAP+OUTSIDE_CONTACT_WINDOW']);
  });

  test("dials to a number the contact does not list count against each of the contact's numbers", () => {
    const d = china.decide(
      account('Asia/Shanghai', [{ channel: 'phone', address: '+86 138 0000 0000' }, { channel: 'phone', address: '+86 139 0000 0000' }], dials('13800000000')),
      now,
    );
    expect(d.proposals.map((p) => p.status)).toEqual(['deferred', 'deferred']);
  });

  test('dials to one listed number still leave the other free', () => {
    const d = china.decide(
      account('Asia/Shanghai', [{ channel: 'phone', address: '+86 138 0000 0000' }, { channel: 'phone', address: '+86 139 0000 0000' }], dials('+8613800000000')),
      now,
    );
    expect(d.proposals.map((p) => p.status)).toEqual(['deferred', 'allowed']);
  });
});

describe('opt-outs and dead numbers', () => {
  const policy = composePolicies(presets.usRegulationF, strategy('US', 'sms'));
  const regF = createEngine(policy);
  const now = { now: '2026-11-24T10:00:00-05:00' };
  const stop = (address: string, contactId?: string) => ({ at: '2026-11-20T10:00:00-05:00', channel: 'sms', outcome: 'opt_out', address, ...(contactId ? { contactId } : {}) });

  test.each([
    ['+12125550100', 'me'],
    ['+1 212-555-0100', undefined],
  ])('a STOP from %j (contact %s) opts out the number stored as +1 (212) 555-0100', (address, contactId) => {
    const d = regF.decide(account('America/New_York', [{ channel: 'sms', address: '+1 (212) 555-0100' }], [stop(address, contactId)]), now);
    expect(outcomes(d)).toEqual(['+1 (212) 555-0100 blocked OPTED_OUT']);
  });

  test('a STOP from a number the contact does not list opts out each of its numbers on that channel', () => {
    const numbers = [{ channel: 'sms', address: '+12125550100' }, { channel: 'sms', address: '+12125550199' }];
    expect(regF.decide(account('America/New_York', numbers, []), now).proposals.map((p) => p.status)).toEqual(['allowed', 'allowed']);
    // No number is left to text: the one proposal says why the first cannot be used.
    expect(outcomes(regF.decide(account('America/New_York', numbers, [stop('2125550100', 'me')]), now))).toEqual(['+12125550100 blocked OPTED_OUT']);
  });

  test('an e-mail address matches in any case', () => {
    const email = createEngine(composePolicies(presets.usRegulationF, { ...strategy('US', 'sms'), actions: { reach: { channel: 'email' } } }));
    const log = [{ at: '2026-11-20T10:00:00-05:00', channel: 'email', contactId: 'me', outcome: 'opt_out', address: 'Ana.Lee@Example.com' }];
    const d = email.decide(account('America/New_York', [{ channel: 'email', address: 'ana.lee@example.com' }], log), now);
    expect(outcomes(d)).toEqual(['ana.lee@example.com blocked OPTED_OUT']);
  });

  test('an answer from a number the contact does not list does not revive a dead one', () => {
    const log = [
      { at: '2026-11-20T10:00:00-05:00', channel: 'sms', contactId: 'me', outcome: 'bounced', address: '+12125550100' },
      { at: '2026-11-21T10:00:00-05:00', channel: 'sms', contactId: 'me', outcome: 'delivered', address: '2125550100' },
    ];
    const d = regF.decide(account('America/New_York', [{ channel: 'sms', address: '+12125550100' }], log), now);
    expect(outcomes(d)).toEqual(['+12125550100 blocked INVALID_CONTACT_METHOD']);
  });

  test('a text logged to the opted-out number written another way is a violation', () => {
    const acc = account('America/New_York', [{ channel: 'sms', address: '+1 (212) 555-0100' }], [stop('+12125550100', 'me')]);
    const log = [{ at: '2026-11-22T10:00:00-05:00', channel: 'sms', contactId: 'me', outcome: 'delivered', address: '+1 212 555 0100' }];
    expect(checkCompliance(log, policy, { account: acc }).map((v) => v.code)).toEqual(['OPTED_OUT']);
  });
});
