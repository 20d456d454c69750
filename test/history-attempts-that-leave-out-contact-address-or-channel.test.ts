import { describe, expect, test } from 'vitest';
import { composePolicies, createEngine, presets, type PolicyInput } from '../src/index';
import { checkCompliance } from '../src/testing/index';

/* A log row that leaves something out (which contact, which number, which channel) is counted
   wherever it may belong: a constraint must never miss an attempt it might cover. */

const strategy = (channel: 'phone' | 'sms'): PolicyInput => ({
  id: 's',
  version: '1',
  jurisdiction: 'US',
  actions: { reach: { channel } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['reach'] }],
});
const account = (channels: object[], history: object[], more: object[] = []) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 1000,
  dueDate: '2026-01-01',
  debtor: { timeZone: 'America/New_York' },
  contacts: [{ id: 'me', relationship: 'self', channels }, ...more],
  history,
});
const status = (d: { proposals: readonly { address: string | null; status: string }[] }) => d.proposals.map((p) => `${p.address}:${p.status}`);

describe('an opt-out logged without the contact', () => {
  const regF = createEngine(composePolicies(presets.usRegulationF, strategy('sms')));
  const stop = { at: '2026-11-20T10:00:00-05:00', channel: 'sms', address: '+15551234567', direction: 'inbound', outcome: 'opt_out' };

  test('opts out the number it names, for whichever contact lists it', () => {
    const d = regF.decide(account([{ channel: 'sms', address: '+15551234567' }], [stop]), { now: '2026-11-24T10:00:00-05:00' });
    expect(d.proposals.map((p) => [p.status, p.reasons.map((r) => r.code)])).toEqual([['blocked', ['OPTED_OUT']]]);
  });

  test('leaves other numbers alone', () => {
    const d = regF.decide(account([{ channel: 'sms', address: '+15550000000' }], [stop]), { now: '2026-11-24T10:00:00-05:00' });
    expect(d.proposals.map((p) => p.status)).toEqual(['allowed']);
  });

  test('a text sent after it is a violation', () => {
    const acc = account([{ channel: 'sms', address: '+15551234567' }], [stop]);
    const log = [{ at: '2026-11-21T10:00:00-05:00', channel: 'sms', contactId: 'me', address: '+15551234567', outcome: 'delivered' }];
    expect(checkCompliance(log, composePolicies(presets.usRegulationF, strategy('sms')), { account: acc }).map((v) => v.code)).toEqual(['OPTED_OUT']);
  });

  test('a wrong number logged without the contact marks the number dead; a later anonymous answer does not revive it', () => {
    const dead = { at: '2026-11-20T10:00:00-05:00', channel: 'sms', address: '+15551234567', outcome: 'bounced' };
    const later = { at: '2026-11-21T10:00:00-05:00', channel: 'sms', outcome: 'delivered' };
    const d = regF.decide(account([{ channel: 'sms', address: '+15551234567' }], [dead, later]), { now: '2026-11-24T10:00:00-05:00' });
    expect(d.proposals.map((p) => p.reasons.map((r) => r.code))).toEqual([['INVALID_CONTACT_METHOD']]);
  });
});

describe('a call logged without the number', () => {
  const call = (at: string) => ({ at, channel: 'phone', contactId: 'me', outcome: 'voicemail' });
  const workFirst = [{ channel: 'phone', address: 'work', workplace: true }, { channel: 'phone', address: 'home' }];

  test('counts for the work-number cap and the home-number cap alike (Massachusetts)', () => {
    const ma = createEngine(composePolicies(presets.usRegulationF, presets.usMassachusetts, strategy('phone')));
    const d = ma.decide(account(workFirst, [call('2026-11-23T10:00:00-05:00'), call('2026-11-24T10:00:00-05:00')]), { now: '2026-11-25T10:00:00-05:00' });
    expect(status(d)).toEqual(['work:deferred', 'home:deferred']);
  });

  test('counts for the weekly workplace cap whichever number is listed first (Washington)', () => {
    const wa = createEngine(composePolicies(presets.usRegulationF, presets.usWashington, strategy('phone')));
    const homeFirst = [workFirst[1], workFirst[0]];
    const d = wa.decide(account(homeFirst as object[], [call('2026-11-23T10:00:00-05:00')]), { now: '2026-11-24T10:00:00-05:00' });
    const work = d.proposals.find((p) => p.address === 'work');
    expect(work?.reasons.map((r) => r.constraint)).toContain('wa-1-communication-a-week-at-work');
    expect(d.proposals.find((p) => p.address === 'home')?.status).toBe('allowed');
  });

  test('a call that names its number counts only for that number', () => {
    const wa = createEngine(composePolicies(presets.usRegulationF, presets.usWashington, strategy('phone')));
    const d = wa.decide(account(workFirst, [{ ...call('2026-11-23T10:00:00-05:00'), address: 'home' }]), { now: '2026-11-24T10:00:00-05:00' });
    expect(status(d)).toEqual(['work:allowed', 'home:allowed']);
  });
});

describe('a call logged without the channel', () => {
  test("counts on its action's channel", () => {
    const regF = createEngine(composePolicies(presets.usRegulationF, strategy('phone')));
    const week = ['23', '24', '25', '26', '27', '28', '29'].map((d) => ({ at: `2026-11-${d}T10:00:00-05:00`, action: 'reach', contactId: 'me', outcome: 'no_answer' }));
    const d = regF.decide(account([{ channel: 'phone' }], week), { now: '2026-11-29T12:00:00-05:00' });
    expect(d.proposals[0]?.status).toBe('deferred');
    expect(d.proposals[0]?.reasons.map((r) => r.constraint)).toContain('regf-7-calls-in-7-days');
  });
});
