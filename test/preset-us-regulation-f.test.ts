/**
 * Regulation F (12 CFR part 1006), tested from the text of the rule and its official commentary:
 * § 1006.6(b)(1)(i) convenient hours, § 1006.14(b)(2)-(3) call frequencies, and the examples of
 * comments 14(b)(2)(i)-1 and 14(b)(2)(ii)-1. Every test goes through the public API.
 */
import { describe, expect, it } from 'vitest';
import { type AccountInput, composePolicies, createEngine, explain, presets, type PolicyInput } from '../src/index';

/** A tiny strategy: always propose a call to the debtor; texts when asked for. */
const strategy = (then: readonly string[] = ['call']): PolicyInput => ({
  id: 'tiny-strategy',
  version: '1',
  jurisdiction: 'US',
  actions: {
    call: { channel: 'phone', target: 'self' },
    text: { channel: 'sms', target: 'self' },
  },
  rules: [{ id: 'always', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: -10_000 }] }, then: [...then] }],
});

const engine = createEngine(composePolicies(presets.usRegulationF, strategy()));
const textEngine = createEngine(composePolicies(presets.usRegulationF, strategy(['text'])));

type Attempt = NonNullable<AccountInput['history']>[number];
const call = (at: string, outcome: Attempt['outcome'] = 'no_answer', extra: Partial<Attempt> = {}): Attempt => ({ at, action: 'call', channel: 'phone', contactId: 'me', outcome, ...extra });

function account(extra: Partial<AccountInput> = {}, timeZone: string | string[] = 'America/New_York'): AccountInput {
  return {
    id: 'US-1',
    currency: 'USD',
    amountDue: 125_000,
    dueDate: '2026-06-01',
    debtor: { timeZone, jurisdiction: 'US-NY' },
    contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone', address: '+1 212 555 0100' }, { channel: 'sms', address: '+1 212 555 0100' }] }],
    ...extra,
  };
}

const first = (now: string, extra: Partial<AccountInput> = {}, zone?: string | string[], e = engine) => {
  const d = e.decide(account(extra, zone), { now });
  const p = d.proposals[0];
  if (!p) throw new Error('no proposal');
  return p;
};

describe('Reg F § 1006.6(b)(1)(i): before 8 a.m. and after 9 p.m. at the consumer’s location are inconvenient', () => {
  // Tuesday 2026-11-24, Eastern Standard Time (UTC−5).
  it.each([
    ['07:59', 'deferred', '2026-11-24T13:00:00Z'],
    ['08:00', 'allowed', '2026-11-24T13:00:00Z'],
    ['20:59', 'allowed', '2026-11-25T01:59:00Z'],
    ['21:00', 'deferred', '2026-11-25T13:00:00Z'],
  ])('a call at %s local is %s (from %s)', (time, status, from) => {
    const p = first(`2026-11-24T${time}:00-05:00`);
    expect(p.status).toBe(status);
    expect(p.allowedFrom).toBe(from);
    if (status === 'deferred') {
      expect(p.reasons).toEqual([expect.objectContaining({ code: 'OUTSIDE_CONTACT_WINDOW', constraint: 'regf-convenient-hours', citation: '12 CFR 1006.6(b)(1)(i)' })]);
    } else {
      expect(p.allowedUntil).toBe('2026-11-25T02:00:00Z');
    }
  });

  it('applies to text messages alike', () => {
    expect(first('2026-11-24T07:59:00-05:00', {}, undefined, textEngine)).toMatchObject({ channel: 'sms', status: 'deferred', allowedFrom: '2026-11-24T13:00:00Z' });
    expect(first('2026-11-24T21:00:00-05:00', {}, undefined, textEngine).status).toBe('deferred');
  });

  it('follows the consumer’s clock across the spring-forward night (America/New_York 2026-03-08)', () => {
    // Saturday 22:00 EST: the next 08:00 is Sunday 08:00 EDT (UTC−4), one hour earlier in UTC.
    expect(first('2026-03-07T22:00:00-05:00').allowedFrom).toBe('2026-03-08T12:00:00Z');
    expect(first('2026-03-08T07:59:00-04:00').status).toBe('deferred');
    expect(first('2026-03-08T08:00:00-04:00').status).toBe('allowed');
    expect(first('2026-03-08T20:59:00-04:00')).toMatchObject({ status: 'allowed', allowedUntil: '2026-03-09T01:00:00Z' });
    expect(first('2026-03-08T21:00:00-04:00').allowedFrom).toBe('2026-03-09T12:00:00Z');
  });

  it('follows the consumer’s clock across the fall-back night (America/New_York 2026-11-01)', () => {
    // Saturday 21:30 EDT: the next 08:00 is Sunday 08:00 EST (UTC−5).
    expect(first('2026-10-31T21:30:00-04:00').allowedFrom).toBe('2026-11-01T13:00:00Z');
    expect(first('2026-11-01T07:59:00-05:00').status).toBe('deferred');
    expect(first('2026-11-01T08:00:00-05:00').status).toBe('allowed');
    expect(first('2026-11-01T21:00:00-05:00').allowedFrom).toBe('2026-11-02T13:00:00Z');
  });

  it('the consumer’s own convenient times replace the default hours ("in the absence of knowledge of circumstances to the contrary")', () => {
    const nightShift = { debtor: { timeZone: 'America/New_York', contactPreferences: { windows: [{ from: '21:00', to: '23:00' }] } } };
    expect(first('2026-11-24T22:00:00-05:00', nightShift).status).toBe('allowed');
    expect(first('2026-11-24T10:00:00-05:00', nightShift)).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-25T02:00:00Z' });
  });
});

describe('Reg F: a consumer whose possible locations disagree — every one must be convenient', () => {
  const both = ['America/New_York', 'America/Los_Angeles'];

  it('08:00 in New York is 05:00 in Los Angeles: deferred to 08:00 Los Angeles = 11:00 New York', () => {
    const p = first('2026-11-24T08:00:00-05:00', {}, both);
    expect(p.status).toBe('deferred');
    expect(p.allowedFrom).toBe('2026-11-24T16:00:00Z');
    expect(p.zones).toEqual(both);
    const text = explain(engine.decide(account({}, both), { now: '2026-11-24T08:00:00-05:00' }));
    expect(text).toContain('2026-11-24 11:00');
    expect(text).toContain('2026-11-24 08:00');
  });

  it('20:30 in Los Angeles is 23:30 in New York: blocked until the next morning in Los Angeles', () => {
    const p = first('2026-11-24T20:30:00-08:00', {}, both);
    expect(p.status).toBe('deferred');
    expect(p.allowedFrom).toBe('2026-11-25T16:00:00Z');
  });

  it('the open span is 11:00–21:00 New York time (08:00–18:00 Los Angeles)', () => {
    expect(first('2026-11-24T11:00:00-05:00', {}, both)).toMatchObject({ status: 'allowed', allowedUntil: '2026-11-25T02:00:00Z' });
    expect(first('2026-11-24T17:59:00-08:00', {}, both).status).toBe('allowed');
  });

  it('an Eastern area code on a Pacific address: the number’s zone counts too', () => {
    const contacts = [{ id: 'me', relationship: 'self' as const, channels: [{ channel: 'phone' as const, timeZone: 'America/New_York' }] }];
    const p = first('2026-11-24T06:30:00-08:00', { contacts }, 'America/Los_Angeles');
    expect(p.zones).toEqual(['America/New_York', 'America/Los_Angeles']);
    expect(p.allowedFrom).toBe('2026-11-24T16:00:00Z');
    // 20:30 Pacific = 23:30 Eastern where the phone may ring.
    expect(first('2026-11-24T20:30:00-08:00', { contacts }, 'America/Los_Angeles').status).toBe('deferred');
  });

  it('across the DST change the two zones switch on different instants and the intersection follows both', () => {
    // 2026-03-08 10:00 EDT = 07:00 PDT (Los Angeles switched at its own 02:00): deferred to 08:00 PDT = 15:00Z.
    expect(first('2026-03-08T10:00:00-04:00', {}, both).allowedFrom).toBe('2026-03-08T15:00:00Z');
  });
});

describe('Reg F § 1006.14(b)(2)(i)(A): more than seven calls within seven consecutive days', () => {
  // Monday 2026-11-02 … Sunday 2026-11-08, one unanswered call a day at 10:14 Eastern.
  const week = Array.from({ length: 7 }, (_, i) => call(`2026-11-0${2 + i}T10:14:00-05:00`));

  it('the 7th call is allowed, the 8th within the same 7 calendar days is deferred', () => {
    expect(first('2026-11-08T12:00:00-05:00', { history: week.slice(0, 6) }).status).toBe('allowed');
    const eighth = first('2026-11-08T12:00:00-05:00', { history: week });
    expect(eighth.status).toBe('deferred');
    expect(eighth.reasons.map((r) => [r.code, r.constraint, r.citation])).toEqual([
      ['FREQUENCY_CAP', 'regf-7-calls-in-7-days', '12 CFR 1006.14(b)(2)(i)(A), (b)(3)'],
      // The slot frees at midnight, when the window is closed.
      ['OUTSIDE_CONTACT_WINDOW', 'regf-convenient-hours', '12 CFR 1006.6(b)(1)(i)'],
    ]);
    // Calendar days at the consumer's location: the Monday call leaves the period at the start of
    // the next Monday, and the window opens at 08:00 — not at 10:14 (168 hours later).
    expect(eighth.allowedFrom).toBe('2026-11-09T13:00:00Z');
  });

  it('comment 14(b)(2)(i)-1.i: seven calls Wednesday to Tuesday, the next on Wednesday, complies', () => {
    // Wed 2026-11-04 … Tue 2026-11-10.
    const days = ['04', '05', '06', '07', '08', '09', '10'];
    const history = days.map((d) => call(`2026-11-${d}T09:30:00-05:00`));
    expect(first('2026-11-10T19:00:00-05:00', { history }).status).toBe('deferred');
    expect(first('2026-11-11T08:00:00-05:00', { history }).status).toBe('allowed');
  });

  it('comment 14(b)(2)(ii)-1.i: eight calls within the seven days starting Wednesday is one too many', () => {
    const history = [call('2026-11-04T09:00:00-05:00'), ...['05', '06', '09'].flatMap((d) => [call(`2026-11-${d}T09:00:00-05:00`), call(`2026-11-${d}T15:00:00-05:00`)])];
    expect(history).toHaveLength(7);
    expect(first('2026-11-10T10:00:00-05:00', { history })).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-11T13:00:00Z' });
  });

  it('seven calls crammed into one Monday evening hold the line until the following Monday 08:00', () => {
    const history = Array.from({ length: 7 }, (_, i) => call(`2026-11-02T20:0${i}:00-05:00`));
    expect(first('2026-11-08T20:00:00-05:00', { history }).allowedFrom).toBe('2026-11-09T13:00:00Z');
  });

  it('calls that never connect do not count (busy, not in service): comment 14(b)(3)(ii)-1', () => {
    const history = [...week.slice(0, 6), call('2026-11-08T09:00:00-05:00', 'busy'), call('2026-11-08T09:30:00-05:00', 'not_connected')];
    expect(first('2026-11-08T12:00:00-05:00', { history }).status).toBe('allowed');
  });

  it('a call that rings unanswered or reaches voicemail counts: comment 14(b)(3)(ii)-1', () => {
    const history = [...week.slice(0, 6), call('2026-11-08T09:00:00-05:00', 'voicemail')];
    expect(first('2026-11-08T12:00:00-05:00', { history }).status).toBe('deferred');
  });

  it('calls placed with the consumer’s prior consent do not count: § 1006.14(b)(3)(i)', () => {
    const history = [...week.slice(0, 6), call('2026-11-08T09:00:00-05:00', 'no_answer', { consented: true })];
    expect(first('2026-11-08T12:00:00-05:00', { history }).status).toBe('allowed');
  });

  it('a number under consent (valid up to 7 days) is not capped until the consent ends', () => {
    const contacts = [{ id: 'me', relationship: 'self' as const, channels: [{ channel: 'phone' as const, consentUntil: '2026-11-10T00:00:00-05:00', consentGivenAt: '2026-11-06T12:00:00-05:00' }] }];
    expect(first('2026-11-08T12:00:00-05:00', { history: week, contacts })).toMatchObject({ status: 'allowed', allowedUntil: '2026-11-09T02:00:00Z' });
  });

  it('counts calls in the consumer’s calendar days across the fall-back night', () => {
    // Seven calls Mon 2026-10-26 … Sun 2026-11-01 (clocks go back on Sunday 02:00).
    const history = ['10-26', '10-27', '10-28', '10-29', '10-30', '10-31'].map((d) => call(`2026-${d}T10:00:00-04:00`)).concat(call('2026-11-01T10:00:00-05:00'));
    expect(first('2026-11-01T18:00:00-05:00', { history }).allowedFrom).toBe('2026-11-02T13:00:00Z');
  });

  it('text messages are not telephone calls for the frequencies (comment 14(b)-1)', () => {
    expect(first('2026-11-08T12:00:00-05:00', { history: week }, undefined, textEngine).status).toBe('allowed');
  });
});

describe('Reg F § 1006.14(b)(2)(i)(B): seven consecutive days after a telephone conversation, its date being day 1', () => {
  const talk = call('2026-11-02T15:00:00-05:00', 'right_party_contact'); // Monday

  it('conversation Monday 15:00: Sunday 20:00 is day 7 (held), the next Monday from 08:00 is day 8 (allowed)', () => {
    const sunday = first('2026-11-08T20:00:00-05:00', { history: [talk] });
    expect(sunday.status).toBe('deferred');
    expect(sunday.reasons.map((r) => [r.code, r.constraint, r.until])).toEqual([
      ['COOLDOWN', 'regf-7-days-after-conversation', '2026-11-09T05:00:00Z'],
      ['OUTSIDE_CONTACT_WINDOW', 'regf-convenient-hours', '2026-11-09T13:00:00Z'],
    ]);
    expect(sunday.allowedFrom).toBe('2026-11-09T13:00:00Z');
    expect(first('2026-11-09T07:59:00-05:00', { history: [talk] }).status).toBe('deferred');
    expect(first('2026-11-09T08:00:00-05:00', { history: [talk] }).status).toBe('allowed');
  });

  it('comment 14(b)(2)(i)-1.ii: the consumer calls in on Thursday; the collector may call again the next Thursday', () => {
    const inbound = { at: '2026-08-13T16:00:00-04:00', channel: 'phone' as const, contactId: 'me', direction: 'inbound' as const, outcome: 'right_party_contact' as const };
    expect(first('2026-08-19T12:00:00-04:00', { history: [inbound] })).toMatchObject({ status: 'deferred', allowedFrom: '2026-08-20T12:00:00Z' });
    expect(first('2026-08-20T08:00:00-04:00', { history: [inbound] }).status).toBe('allowed');
  });

  it('the 7 days run in local calendar days across spring-forward: Monday 2026-03-02 → Monday 2026-03-09 08:00 EDT', () => {
    const p = first('2026-03-05T12:00:00-05:00', { history: [call('2026-03-02T15:00:00-05:00', 'promise_to_pay')] });
    expect(p.allowedFrom).toBe('2026-03-09T12:00:00Z');
  });

  it('an unanswered call is not a conversation', () => {
    expect(first('2026-11-03T10:00:00-05:00', { history: [call('2026-11-02T15:00:00-05:00', 'voicemail')] }).status).toBe('allowed');
  });

  it('"call me back on Monday": prior consent lets the call through (comment 14(b)(3)(i)-3.i)', () => {
    const contacts = [{ id: 'me', relationship: 'self' as const, channels: [{ channel: 'phone' as const, consentUntil: '2026-11-06T00:00:00-05:00', consentGivenAt: '2026-11-02T15:05:00-05:00' }] }];
    expect(first('2026-11-05T10:00:00-05:00', { history: [call('2026-11-02T15:00:00-05:00', 'right_party_contact')], contacts }).status).toBe('allowed');
    // Consent of unknown age may be stale: without consentGivenAt the cool-down holds.
    const unknownAge = [{ id: 'me', relationship: 'self' as const, channels: [{ channel: 'phone' as const, consentUntil: '2026-11-06T00:00:00-05:00' }] }];
    expect(first('2026-11-05T10:00:00-05:00', { history: [call('2026-11-02T15:00:00-05:00', 'right_party_contact')], contacts: unknownAge }).status).toBe('deferred');
  });
});

describe('Reg F § 1006.14(b)(3)(iii): calls to the consumer’s attorney are outside the frequencies', () => {
  it('seven calls to the attorney this week do not hold an eighth', () => {
    const contacts = [{ id: 'lawyer', relationship: 'attorney' as const, channels: [{ channel: 'phone' as const }] }];
    const policy = composePolicies(presets.usRegulationF, { ...strategy(), actions: { call: { channel: 'phone', target: 'attorney' } } });
    const history = Array.from({ length: 7 }, (_, i) => ({ ...call(`2026-11-0${2 + i}T10:00:00-05:00`, 'right_party_contact'), contactId: 'lawyer' }));
    const p = createEngine(policy).decide(account({ contacts, history }), { now: '2026-11-08T12:00:00-05:00' }).proposals[0];
    expect(p?.status).toBe('allowed');
  });
});
