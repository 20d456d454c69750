/**
 * US state add-ons composed on top of Regulation F: Massachusetts 940 CMR 7.04(1)(f) (two telephone
 * communications in each seven-day period, two in 30 days elsewhere) and Washington
 * RCW 19.16.250(13) (three a week, one a week at work, not before 07:30 nor after 21:00).
 * Composition only restricts: the stricter rule binds.
 */
import { describe, expect, it } from 'vitest';
import { type AccountInput, composePolicies, createEngine, presets, type PolicyInput } from '../src/index';

const strategy = (channel: 'phone' | 'sms' = 'phone'): PolicyInput => ({
  id: 'tiny-strategy',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel, target: 'self' } },
  rules: [{ id: 'always', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: -10_000 }] }, then: ['call'] }],
});

type Attempt = NonNullable<AccountInput['history']>[number];
const call = (at: string, extra: Partial<Attempt> = {}): Attempt => ({ at, action: 'call', channel: 'phone', contactId: 'me', outcome: 'no_answer', ...extra });

function account(zone: string, extra: Partial<AccountInput> = {}): AccountInput {
  return {
    id: 'ST-1',
    currency: 'USD',
    amountDue: 40_000,
    dueDate: '2026-09-01',
    debtor: { timeZone: zone },
    contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone', address: 'cell' }, { channel: 'sms', address: 'cell' }] }],
    ...extra,
  };
}

describe('Massachusetts on top of Reg F: 940 CMR 7.04(1)(f)', () => {
  const engine = createEngine(composePolicies(presets.usRegulationF, presets.usMassachusetts, strategy()));
  const decide = (history: Attempt[], now: string, extra: Partial<AccountInput> = {}) => engine.decide(account('America/New_York', { history, ...extra }), { now }).proposals[0];

  it('the 3rd call in 7 days is blocked although Reg F would allow up to 7: the stricter cap binds', () => {
    const history = [call('2026-11-02T10:00:00-05:00'), call('2026-11-04T15:30:00-05:00')];
    expect(decide(history.slice(0, 1), '2026-11-04T15:00:00-05:00')?.status).toBe('allowed');
    const third = decide(history, '2026-11-05T10:00:00-05:00');
    expect(third?.status).toBe('deferred');
    expect(third?.reasons.map((r) => [r.code, r.constraint, r.citation])).toEqual([
      ['FREQUENCY_CAP', 'ma-2-calls-in-7-days', '940 CMR 7.04(1)(f)'],
      ['FREQUENCY_CAP', 'ma-2-calls-in-168-hours', '940 CMR 7.04(1)(f)'],
    ]);
    // Any seven-day period (7 × 24 h): free again when the Monday 10:00 call is a week old.
    expect(third?.allowedFrom).toBe('2026-11-09T15:00:00Z');
  });

  it('across the DST changes: free when the oldest call is both seven local days and 7 × 24 hours old', () => {
    // Spring forward (2026-03-08): 10:00 EST + 168 h is 11:00 EDT, later than seven days (10:00 EDT, 167 h).
    const spring = decide([call('2026-03-05T10:00:00-05:00'), call('2026-03-06T10:00:00-05:00')], '2026-03-12T10:30:00-04:00');
    expect(spring).toMatchObject({ status: 'deferred', allowedFrom: '2026-03-12T15:00:00Z' });
    // Fall back (2026-11-01): seven days after 10:00 EDT is 10:00 EST (169 h), later than 168 h (09:00 EST).
    const fall = decide([call('2026-10-29T10:00:00-04:00'), call('2026-10-30T10:00:00-04:00')], '2026-11-05T08:30:00-05:00');
    expect(fall).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-05T15:00:00Z' });
  });

  it('calls to the consumer’s attorney are not counted, nor held: they are not to a number of the debtor’s', () => {
    const withAttorney = (history: Attempt[], target: 'self' | 'attorney') =>
      createEngine(composePolicies(presets.usRegulationF, presets.usMassachusetts, { ...strategy(), actions: { call: { channel: 'phone', target } } })).decide(
        account('America/New_York', {
          history,
          contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone', address: 'cell' }] }, { id: 'att', relationship: 'attorney', channels: [{ channel: 'phone', address: 'office' }] }],
        }),
        { now: '2026-11-24T12:00:00-05:00' },
      ).proposals[0];
    const toAttorney = [call('2026-11-23T10:00:00-05:00', { contactId: 'att' }), call('2026-11-23T11:00:00-05:00', { contactId: 'att' })];
    expect(withAttorney(toAttorney, 'attorney')?.status).toBe('allowed');
    expect(withAttorney(toAttorney, 'self')?.status).toBe('allowed');
    const toDebtor = [call('2026-11-23T10:00:00-05:00'), call('2026-11-23T11:00:00-05:00')];
    expect(withAttorney(toDebtor, 'self')?.reasons.map((r) => r.constraint)).toEqual(['ma-2-calls-in-7-days', 'ma-2-calls-in-168-hours']);
  });

  it('the order of composition does not matter', () => {
    const reversed = createEngine(composePolicies(presets.usMassachusetts, presets.usRegulationF, strategy()));
    const history = [call('2026-11-02T10:00:00-05:00'), call('2026-11-04T15:30:00-05:00')];
    expect(reversed.decide(account('America/New_York', { history }), { now: '2026-11-05T10:00:00-05:00' }).proposals[0]?.allowedFrom).toBe('2026-11-09T15:00:00Z');
  });

  it('text messages are telephone communications too', () => {
    const texts = createEngine(composePolicies(presets.usRegulationF, presets.usMassachusetts, strategy('sms')));
    const history = [call('2026-11-02T10:00:00-05:00'), { at: '2026-11-03T10:00:00-05:00', action: 'call', channel: 'sms' as const, contactId: 'me', outcome: 'delivered' as const }];
    expect(texts.decide(account('America/New_York', { history }), { now: '2026-11-05T10:00:00-05:00' }).proposals[0]?.status).toBe('deferred');
  });

  it('calls that never connect are not communications', () => {
    const history = [call('2026-11-02T10:00:00-05:00', { outcome: 'busy' }), call('2026-11-03T10:00:00-05:00', { outcome: 'not_connected' }), call('2026-11-04T10:00:00-05:00')];
    expect(decide(history, '2026-11-05T10:00:00-05:00')?.status).toBe('allowed');
  });

  it('Reg F’s hours and 7-day conversation rule still hold under the Massachusetts cap', () => {
    expect(decide([], '2026-11-05T07:59:00-05:00')?.reasons[0]?.code).toBe('OUTSIDE_CONTACT_WINDOW');
    expect(decide([call('2026-11-02T10:00:00-05:00', { outcome: 'right_party_contact' })], '2026-11-05T10:00:00-05:00')?.reasons[0]?.code).toBe('COOLDOWN');
  });

  it('a number other than the residence, cell or personal number: 2 in each 30-day period', () => {
    const contacts = [{ id: 'me', relationship: 'self' as const, channels: [{ channel: 'phone' as const, address: 'office', workplace: true }] }];
    const history = [call('2026-11-02T10:00:00-05:00', { address: 'office' }), call('2026-11-12T10:00:00-05:00', { address: 'office' })];
    const p = decide(history, '2026-11-24T10:00:00-05:00', { contacts });
    expect(p?.reasons.map((r) => r.constraint)).toEqual(['ma-2-calls-in-30-days-elsewhere', 'ma-2-calls-in-720-hours-elsewhere']);
    expect(p?.allowedFrom).toBe('2026-12-02T15:00:00Z');
  });
});

describe('Washington: RCW 19.16.250(13)', () => {
  const alone = createEngine(composePolicies(presets.usWashington, strategy()));
  const withRegF = createEngine(composePolicies(presets.usRegulationF, presets.usWashington, strategy()));
  const zone = 'America/Los_Angeles';

  it('not before 07:30 nor after 21:00 at the debtor’s (Washington alone)', () => {
    expect(alone.decide(account(zone), { now: '2026-11-24T07:29:00-08:00' }).proposals[0]).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-24T15:30:00Z' });
    expect(alone.decide(account(zone), { now: '2026-11-24T07:30:00-08:00' }).proposals[0]?.status).toBe('allowed');
    expect(alone.decide(account(zone), { now: '2026-11-24T21:00:00-08:00' }).proposals[0]?.status).toBe('deferred');
  });

  it('on top of Reg F, 08:00 binds; a debtor who asked for 07:00–09:00 still gets no call before 07:30', () => {
    expect(withRegF.decide(account(zone), { now: '2026-11-24T07:45:00-08:00' }).proposals[0]?.allowedFrom).toBe('2026-11-24T16:00:00Z');
    const early = { debtor: { timeZone: zone, contactPreferences: { windows: [{ from: '07:00', to: '09:00' }] } } };
    const p = withRegF.decide(account(zone, early), { now: '2026-11-24T07:15:00-08:00' }).proposals[0];
    expect(p?.allowedFrom).toBe('2026-11-24T15:30:00Z');
    expect(p?.reasons.map((r) => r.constraint)).toEqual(['wa-hours']);
  });

  it('three communications in a single (Sunday-first) week; the 4th waits for Sunday', () => {
    // Sun 2026-11-22, Mon, Tue: three calls. Wednesday: the 4th is deferred to Sunday 2026-11-29 08:00.
    const history = [call('2026-11-22T10:00:00-08:00'), call('2026-11-23T10:00:00-08:00'), call('2026-11-24T10:00:00-08:00')];
    const p = withRegF.decide(account(zone, { history }), { now: '2026-11-25T10:00:00-08:00' }).proposals[0];
    expect(p?.reasons[0]).toMatchObject({ code: 'FREQUENCY_CAP', constraint: 'wa-3-communications-a-week', citation: 'RCW 19.16.250(13)(a)' });
    expect(p?.allowedFrom).toBe('2026-11-29T16:00:00Z');
    // Saturday's calls belong to the week before.
    const lastWeek = [call('2026-11-19T10:00:00-08:00'), call('2026-11-20T10:00:00-08:00'), call('2026-11-21T10:00:00-08:00')];
    expect(withRegF.decide(account(zone, { history: lastWeek }), { now: '2026-11-22T10:00:00-08:00' }).proposals[0]?.status).toBe('allowed');
  });

  it('letters count as communications “in any form”, statutory notices do not', () => {
    const policy: PolicyInput = {
      ...strategy(),
      actions: { call: { channel: 'phone', target: 'self' }, letter: { channel: 'letter', target: 'self' }, notice: { channel: 'letter', target: 'self', kind: 'notice' } },
    };
    const engine = createEngine(composePolicies(presets.usWashington, policy));
    const contacts = [{ id: 'me', relationship: 'self' as const, channels: [{ channel: 'phone' as const }, { channel: 'letter' as const }] }];
    const sent = (action: string) => ({ at: '2026-11-23T09:00:00-08:00', action, channel: 'letter' as const, contactId: 'me', outcome: 'delivered' as const });
    const history = [sent('letter'), sent('letter'), sent('notice'), sent('notice')];
    expect(engine.decide(account(zone, { contacts, history: [...history, sent('letter')] }), { now: '2026-11-24T10:00:00-08:00' }).proposals[0]?.status).toBe('deferred');
    expect(engine.decide(account(zone, { contacts, history }), { now: '2026-11-24T10:00:00-08:00' }).proposals[0]?.status).toBe('allowed');
  });

  it('at the place of employment once a week', () => {
    const contacts = [{ id: 'me', relationship: 'self' as const, channels: [{ channel: 'phone' as const, address: 'office', workplace: true }, { channel: 'phone' as const, address: 'cell' }] }];
    const history = [call('2026-11-23T10:00:00-08:00', { address: 'office' })];
    const d = withRegF.decide(account(zone, { contacts, history }), { now: '2026-11-24T10:00:00-08:00' });
    const byAddress = Object.fromEntries(d.proposals.map((p) => [p.address, p]));
    expect(byAddress.office).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-29T16:00:00Z' });
    expect(byAddress.office?.reasons[0]).toMatchObject({ constraint: 'wa-1-communication-a-week-at-work', citation: 'RCW 19.16.250(13)(b)' });
    expect(byAddress.cell?.status).toBe('allowed');
    expect(d.next?.address).toBe('cell');
  });
});
