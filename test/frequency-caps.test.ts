import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/index';
import { callPolicy, debtor, window } from './support/policies';

const call = (at: string, outcome = 'no_answer', extra: Record<string, unknown> = {}) => ({ at, action: 'call', channel: 'phone', contactId: 'me', outcome, ...extra });
const decideAt = (policy: unknown, history: unknown[], now: string, zone = 'America/New_York', extra: Record<string, unknown> = {}) =>
  createEngine(policy).decide(debtor(zone, { history, ...extra }), { now }).proposals[0];

const regFCap = { kind: 'cap', id: 'seven-in-seven', appliesTo: { channels: ['phone'] }, max: 7, period: { calendarDays: 7 }, scope: 'contact', excludeOutcomes: ['busy', 'not_connected'], excludeConsented: true } as const;
const hours = window('hours', '08:00', '21:00');

// Seven calls on seven days, Mon 2026-11-02 … Sun 2026-11-08, at 10:14 New York time.
const week = Array.from({ length: 7 }, (_, i) => call(`2026-11-0${2 + i}T10:14:00-05:00`));

describe('frequency caps', () => {
  it('allows the 7th call and blocks the 8th within 7 consecutive calendar days', () => {
    expect(decideAt(callPolicy([regFCap]), week.slice(0, 6), '2026-11-08T12:00:00-05:00')?.status).toBe('allowed');
    const eighth = decideAt(callPolicy([regFCap]), week, '2026-11-08T12:00:00-05:00');
    expect(eighth?.status).toBe('deferred');
    expect(eighth?.reasons.map((r) => r.code)).toContain('FREQUENCY_CAP');
    // Calendar days: the Monday call leaves the window at the start of the following Monday (local midnight).
    expect(eighth?.allowedFrom).toBe('2026-11-09T05:00:00Z');
  });

  it('combines the cap with the window: the slot frees at midnight, the window opens at 08:00', () => {
    const eighth = decideAt(callPolicy([regFCap, hours]), week, '2026-11-08T12:00:00-05:00');
    expect(eighth?.allowedFrom).toBe('2026-11-09T13:00:00Z');
  });

  it('a rolling cap frees a slot exactly when the oldest counted call leaves (08:00 window, slot at 10:14 → 10:14)', () => {
    const rolling = { ...regFCap, id: 'rolling', period: { rolling: 'P7D' } } as const;
    const d = decideAt(callPolicy([rolling], [hours]), week, '2026-11-09T07:00:00-05:00');
    expect(d?.status).toBe('deferred');
    expect(d?.allowedFrom).toBe('2026-11-09T15:14:00Z');
    expect(d?.reasons.map((r) => [r.code, r.until])).toEqual([
      ['FREQUENCY_CAP', '2026-11-09T15:14:00Z'],
      ['OUTSIDE_CONTACT_WINDOW', '2026-11-09T13:00:00Z'],
    ]);
  });

  it('does not count calls that never connect, nor calls with prior consent', () => {
    const history = [...week.slice(0, 5), call('2026-11-07T10:00:00-05:00', 'busy'), call('2026-11-07T11:00:00-05:00', 'not_connected'), call('2026-11-07T12:00:00-05:00', 'voicemail', { consented: true })];
    expect(decideAt(callPolicy([regFCap]), history, '2026-11-08T12:00:00-05:00')?.status).toBe('allowed');
  });

  it('counts voicemail and no-answer calls', () => {
    const history = [...week.slice(0, 6), call('2026-11-08T09:00:00-05:00', 'voicemail')];
    expect(decideAt(callPolicy([regFCap]), history, '2026-11-08T12:00:00-05:00')?.status).toBe('deferred');
  });

  it('a method under the consumer’s consent is not capped until the consent ends', () => {
    const consented = { contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone', consentUntil: '2026-11-09T00:00:00-05:00' }] }] };
    const d = decideAt(callPolicy([regFCap]), week, '2026-11-08T12:00:00-05:00', 'America/New_York', consented);
    expect(d?.status).toBe('allowed');
    // Consent ends at midnight, when the first call leaves the 7 days: the cap allows then anyway.
    expect(d?.allowedUntil).toBeNull();
    expect(decideAt(callPolicy([regFCap]), week, '2026-11-09T00:00:00-05:00', 'America/New_York', consented)?.status).toBe('allowed');
    // Ending an hour earlier, it leaves an hour the cap refuses.
    const earlier = { contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone', consentUntil: '2026-11-08T23:00:00-05:00' }] }] };
    expect(decideAt(callPolicy([regFCap]), week, '2026-11-08T12:00:00-05:00', 'America/New_York', earlier)?.allowedUntil).toBe('2026-11-09T04:00:00Z');
  });

  it('counts per contact: calls to the employer do not use the debtor’s slots (scope contact)', () => {
    const toBoss = week.map((c) => ({ ...c, contactId: 'boss' }));
    const extra = { contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }, { id: 'boss', relationship: 'employer', channels: [{ channel: 'phone' }] }] };
    expect(decideAt(callPolicy([regFCap]), toBoss, '2026-11-08T12:00:00-05:00', 'America/New_York', extra)?.status).toBe('allowed');
    const perDebt = { ...regFCap, scope: 'account' } as const;
    expect(decideAt(callPolicy([perDebt]), toBoss, '2026-11-08T12:00:00-05:00', 'America/New_York', extra)?.status).toBe('deferred');
  });

  it('an attempt that does not say whom it reached counts against every contact', () => {
    const anonymous = week.map(({ contactId: _, ...rest }) => rest);
    expect(decideAt(callPolicy([regFCap]), anonymous, '2026-11-08T12:00:00-05:00')?.status).toBe('deferred');
  });

  it('per calendar day (China: 6 unanswered dials a day per method) frees at local midnight', () => {
    const cap = { kind: 'cap', id: 'six-a-day', appliesTo: { channels: ['phone'] }, max: 6, period: { calendar: 'day' }, scope: 'method', outcomes: ['no_answer', 'busy', 'not_connected', 'voicemail'] } as const;
    const six = Array.from({ length: 6 }, (_, i) => call(`2026-11-23T1${i}:00:00+08:00`));
    const d = decideAt(callPolicy([cap]), six, '2026-11-23T16:30:00+08:00', 'Asia/Shanghai');
    expect(d?.allowedFrom).toBe('2026-11-23T16:00:00Z');
    // An answered call does not count.
    const answered = [...six.slice(0, 5), call('2026-11-23T15:00:00+08:00', 'right_party_contact')];
    expect(decideAt(callPolicy([cap]), answered, '2026-11-23T16:30:00+08:00', 'Asia/Shanghai')?.status).toBe('allowed');
  });

  it('per calendar week starts on the configured weekday', () => {
    const cap = { kind: 'cap', id: 'three-a-week', appliesTo: { channels: ['phone'] }, max: 3, period: { calendar: 'week', weekStartsOn: 'sun' }, scope: 'account' } as const;
    const three = [call('2026-11-22T10:00:00Z'), call('2026-11-23T10:00:00Z'), call('2026-11-24T10:00:00Z')]; // Sun, Mon, Tue
    expect(decideAt(callPolicy([cap]), three, '2026-11-25T10:00:00Z', 'UTC')?.allowedFrom).toBe('2026-11-29T00:00:00Z');
  });

  it('per calendar month frees on the 1st, local (month end, leap February)', () => {
    const cap = { kind: 'cap', id: 'one-a-month', appliesTo: { channels: ['phone'] }, max: 1, period: { calendar: 'month' }, scope: 'account' } as const;
    expect(decideAt(callPolicy([cap]), [call('2028-02-01T10:00:00+08:00')], '2028-02-29T23:59:00+08:00', 'Asia/Shanghai')?.allowedFrom).toBe('2028-02-29T16:00:00Z');
    expect(decideAt(callPolicy([cap]), [call('2026-12-31T10:00:00+08:00')], '2026-12-31T12:00:00+08:00', 'Asia/Shanghai')?.allowedFrom).toBe('2026-12-31T16:00:00Z');
  });

  it('a rolling month counts an attempt until it is a month old, as date-fns adds months: Jan 31 + P1M = Feb 28', () => {
    const cap = { kind: 'cap', id: 'one-a-month', appliesTo: { channels: ['phone'] }, max: 1, period: { rolling: 'P1M' }, scope: 'account' } as const;
    const at = (history: unknown[], now: string) => decideAt(callPolicy([cap]), history, now, 'UTC');
    for (const now of ['2026-02-01T10:00:00Z', '2026-02-28T09:59:00Z']) expect(at([call('2026-01-31T10:00:00Z')], now)).toMatchObject({ status: 'deferred', allowedFrom: '2026-02-28T10:00:00Z' });
    expect(at([call('2026-01-31T10:00:00Z')], '2026-02-28T10:00:00Z')).toMatchObject({ status: 'allowed', reasons: [] });
    // Leap year: Jan 31 + P1M is Feb 29.
    expect(at([call('2028-01-31T10:00:00Z')], '2028-02-28T12:00:00Z')).toMatchObject({ status: 'deferred', allowedFrom: '2028-02-29T10:00:00Z' });
    // Once out, an attempt stays out: a Feb 28 call leaves on Mar 28 10:00 and does not come back on
    // Mar 29-31 (where "now − P1M" would clamp back to Feb 28).
    const feb28 = [call('2027-02-28T10:00:00Z')];
    expect(at(feb28, '2027-03-28T09:00:00Z')).toMatchObject({ status: 'deferred', allowedFrom: '2027-03-28T10:00:00Z' });
    for (const now of ['2027-03-28T12:00:00Z', '2027-03-29T05:00:00Z', '2027-03-31T09:00:00Z']) expect(at(feb28, now)).toMatchObject({ status: 'allowed', allowedUntil: null });
  });

  it('a rolling day across fall-back counts an attempt until the same wall time next day', () => {
    const cap = { kind: 'cap', id: 'one-a-day', appliesTo: { channels: ['phone'] }, max: 1, period: { rolling: 'P1D' }, scope: 'account' } as const;
    // 2026-11-01 01:30 EST (the second 01:30, 06:30Z) + P1D = 2026-11-02 01:30 EST (06:30Z).
    const history = [call('2026-11-01T06:30:00Z')];
    expect(decideAt(callPolicy([cap]), history, '2026-11-02T06:00:00Z')).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-02T06:30:00Z' });
    expect(decideAt(callPolicy([cap]), history, '2026-11-02T06:45:00Z')).toMatchObject({ status: 'allowed' });
  });

  it('a cap of 0 blocks for good (and is linted when parsed)', () => {
    const cap = { kind: 'cap', id: 'none', appliesTo: { channels: ['phone'] }, max: 0, period: { calendar: 'day' } } as const;
    const d = decideAt(callPolicy([cap]), [], '2026-11-23T10:00:00Z', 'UTC');
    expect(d?.status).toBe('blocked');
    expect(d?.reasons[0]?.code).toBe('FREQUENCY_CAP');
  });

  it('stricter of two layers binds (Massachusetts 2-in-7 on top of Reg F 7-in-7)', () => {
    const ma = { kind: 'cap', id: 'ma', appliesTo: { channels: ['phone'] }, max: 2, period: { calendarDays: 7 }, scope: 'account' } as const;
    const d = decideAt(callPolicy([regFCap], [ma]), week.slice(0, 2), '2026-11-04T12:00:00-05:00');
    expect(d?.status).toBe('deferred');
    expect(d?.reasons.map((r) => r.constraint)).toEqual(['ma']);
  });
});
