import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/index';
import { callPolicy, debtor, window } from './support/policies';

const regF = createEngine(callPolicy([window('hours', '08:00', '21:00')]));
const next = (engine: ReturnType<typeof createEngine>, account: unknown, now: string) => engine.decide(account, { now }).next;

describe('contact windows in the debtor’s zone', () => {
  it('defers a call asked for at 21:30 local to 08:00 the next local morning (America/New_York)', () => {
    const n = next(regF, debtor('America/New_York'), '2026-06-10T21:30:00-04:00');
    expect(n?.status).toBe('deferred');
    expect(n?.allowedFrom).toBe('2026-06-11T12:00:00Z');
    expect(n?.reasons[0]?.code).toBe('OUTSIDE_CONTACT_WINDOW');
  });

  it('crosses spring-forward: 21:30 EST on 2026-03-07 → 08:00 EDT on 2026-03-08 (12:00Z, not 13:00Z)', () => {
    expect(next(regF, debtor('America/New_York'), '2026-03-07T21:30:00-05:00')?.allowedFrom).toBe('2026-03-08T12:00:00Z');
  });

  it('crosses fall-back: 21:30 EDT on 2026-10-31 → 08:00 EST on 2026-11-01 (13:00Z)', () => {
    expect(next(regF, debtor('America/New_York'), '2026-10-31T21:30:00-04:00')?.allowedFrom).toBe('2026-11-01T13:00:00Z');
  });

  it('on the fall-back day the window closes at 21:00 EST (02:00Z next day)', () => {
    const n = next(regF, debtor('America/New_York'), '2026-11-01T12:00:00-05:00');
    expect(n?.status).toBe('allowed');
    expect(n?.allowedUntil).toBe('2026-11-02T02:00:00Z');
  });

  it('boundary minutes: 07:59 deferred, 08:00 allowed, 20:59 allowed, 21:00 deferred', () => {
    const zone = 'America/Chicago';
    expect(next(regF, debtor(zone), '2026-07-01T07:59:00-05:00')?.status).toBe('deferred');
    expect(next(regF, debtor(zone), '2026-07-01T08:00:00-05:00')?.status).toBe('allowed');
    expect(next(regF, debtor(zone), '2026-07-01T20:59:00-05:00')?.status).toBe('allowed');
    expect(next(regF, debtor(zone), '2026-07-01T21:00:00-05:00')?.status).toBe('deferred');
  });

  it('reads the same instant given with any offset or as a Date', () => {
    const a = regF.decide(debtor('Asia/Shanghai'), { now: '2026-11-23T21:05:00+08:00' });
    const b = regF.decide(debtor('Asia/Shanghai'), { now: '2026-11-23T13:05:00Z' });
    const c = regF.decide(debtor('Asia/Shanghai'), { now: new Date('2026-11-23T13:05:00Z') });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('works in a half-hour zone without DST (Asia/Kolkata, +05:30)', () => {
    const n = next(regF, debtor('Asia/Kolkata'), '2026-11-23T07:45:00+05:30');
    expect(n?.allowedFrom).toBe('2026-11-23T02:30:00Z');
    expect(next(regF, debtor('Asia/Kolkata'), '2026-11-23T20:59:00+05:30')?.allowedUntil).toBe('2026-11-23T15:30:00Z');
  });

  it('works in a 45-minute zone (Asia/Kathmandu, +05:45)', () => {
    expect(next(regF, debtor('Asia/Kathmandu'), '2026-11-23T06:00:00+05:45')?.allowedFrom).toBe('2026-11-23T02:15:00Z');
  });

  it('handles Australia/Lord_Howe’s 30-minute DST (+10:30 → +11:00 on 2026-10-04)', () => {
    // Saturday 2026-10-03 22:00 +10:30 → Sunday 08:00 +11:00 = Saturday 21:00Z.
    expect(next(regF, debtor('Australia/Lord_Howe'), '2026-10-03T22:00:00+10:30')?.allowedFrom).toBe('2026-10-03T21:00:00Z');
  });

  it('takes every possible zone of the debtor into account (area code says New York, address says Los Angeles)', () => {
    const both = debtor(['America/New_York', 'America/Los_Angeles']);
    // 08:00 in New York is 05:00 in Los Angeles: wait for 08:00 in Los Angeles (11:00 New York).
    const morning = next(regF, both, '2026-06-10T08:00:00-04:00');
    expect(morning?.status).toBe('deferred');
    expect(morning?.allowedFrom).toBe('2026-06-10T15:00:00Z');
    // 20:30 in Los Angeles is 23:30 in New York: closed until 08:00 LA next day.
    const evening = next(regF, both, '2026-06-10T20:30:00-07:00');
    expect(evening?.allowedFrom).toBe('2026-06-11T15:00:00Z');
    // Allowed from 11:00 NY until 21:00 NY (18:00 LA).
    const noon = next(regF, both, '2026-06-10T12:00:00-04:00');
    expect(noon?.status).toBe('allowed');
    expect(noon?.allowedUntil).toBe('2026-06-11T01:00:00Z');
  });

  it('intersects the phone number’s own zone with the debtor’s', () => {
    const account = debtor('America/Los_Angeles', {
      contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone', timeZone: 'America/New_York' }] }],
    });
    expect(next(regF, account, '2026-06-10T06:00:00-07:00')?.allowedFrom).toBe('2026-06-10T15:00:00Z');
  });

  it('reads a third party in its own zone, not the debtor’s', () => {
    const engine = createEngine({ ...callPolicy([window('hours', '08:00', '21:00')]), actions: { call: { channel: 'phone', target: 'employer' } } });
    const account = debtor('Asia/Shanghai', {
      contacts: [{ id: 'boss', relationship: 'employer', timeZone: 'Europe/London', channels: [{ channel: 'phone' }] }],
    });
    // 09:00 in Shanghai is 01:00 in London: wait for 08:00 London.
    expect(next(engine, account, '2026-11-23T09:00:00+08:00')?.allowedFrom).toBe('2026-11-23T08:00:00Z');
  });

  it('reads a third party without a zone of their own where the debtor is, and also in their number’s zone', () => {
    const engine = createEngine({ ...callPolicy([window('hours', '08:00', '21:00')]), actions: { call: { channel: 'phone', target: 'spouse' } } });
    const account = debtor('America/New_York', {
      contacts: [{ id: 'wife', relationship: 'spouse', channels: [{ channel: 'phone', timeZone: 'America/Los_Angeles' }] }],
    });
    // 21:30 in New York (18:30 on the Pacific number): closed where the spouse may be, until 08:00 LA.
    const late = next(engine, account, '2026-06-10T21:30:00-04:00');
    expect(late?.status).toBe('deferred');
    expect(late?.allowedFrom).toBe('2026-06-11T15:00:00Z');
    // Open from 11:00 New York (08:00 LA) until 21:00 New York.
    const noon = next(engine, account, '2026-06-10T12:00:00-04:00');
    expect(noon?.status).toBe('allowed');
    expect(noon?.allowedUntil).toBe('2026-06-11T01:00:00Z');
  });

  it('a window past midnight (22:00–02:00) is open at 01:30 and closed at 02:00', () => {
    const engine = createEngine(callPolicy([window('night', '22:00', '02:00')]));
    expect(next(engine, debtor('Asia/Shanghai'), '2026-11-24T01:30:00+08:00')?.status).toBe('allowed');
    expect(next(engine, debtor('Asia/Shanghai'), '2026-11-24T01:30:00+08:00')?.allowedUntil).toBe('2026-11-23T18:00:00Z');
    expect(next(engine, debtor('Asia/Shanghai'), '2026-11-24T02:00:00+08:00')?.allowedFrom).toBe('2026-11-24T14:00:00Z');
  });

  it('a window past midnight that starts only on Fridays runs into Saturday morning', () => {
    const engine = createEngine(callPolicy([window('fri-night', '22:00', '02:00', { days: ['fri'] })]));
    expect(next(engine, debtor('UTC'), '2026-11-28T01:00:00Z')?.status).toBe('allowed'); // Saturday 01:00
    expect(next(engine, debtor('UTC'), '2026-11-29T01:00:00Z')?.allowedFrom).toBe('2026-12-04T22:00:00Z'); // Sunday → next Friday
  });

  it('a window spanning the repeated hour of fall-back is open in both occurrences', () => {
    const engine = createEngine(callPolicy([window('small-hours', '01:00', '01:30')]));
    // 2026-11-01 America/New_York: 01:00–01:30 EDT (05:00–05:30Z) and again 01:00–01:30 EST (06:00–06:30Z).
    expect(next(engine, debtor('America/New_York'), '2026-11-01T05:10:00Z')?.allowedUntil).toBe('2026-11-01T05:30:00Z');
    expect(next(engine, debtor('America/New_York'), '2026-11-01T05:40:00Z')?.allowedFrom).toBe('2026-11-01T06:00:00Z');
  });

  it('a window opening in the spring-forward gap opens at the transition', () => {
    const engine = createEngine(callPolicy([window('gap', '02:30', '04:00')]));
    // 2026-03-08 America/New_York: 02:00 EST jumps to 03:00 EDT at 07:00Z.
    expect(next(engine, debtor('America/New_York'), '2026-03-08T06:00:00Z')?.allowedFrom).toBe('2026-03-08T07:00:00Z');
  });

  it('rejects a local time without an offset, with a message that says why', () => {
    expect(() => regF.decide(debtor('UTC'), { now: '2026-11-23T21:05:00' })).toThrowError(/offset/);
    try {
      regF.decide(debtor('UTC'), { now: '2026-11-23T21:05:00' });
    } catch (e) {
      expect(e).toMatchObject({ code: 'OPTIONS_INVALID', path: ['now'] });
    }
  });

  it('several zones and a layer of two windows: each zone needs one of them open, not the same one', () => {
    // A lunch break. 14:30 in New York is 11:30 in Los Angeles: afternoon there, morning here.
    const lunch = createEngine(callPolicy([window('morning', '09:00', '12:00'), window('afternoon', '13:00', '18:00')]));
    const both = debtor(['America/New_York', 'America/Los_Angeles']);
    expect(next(lunch, both, '2026-11-23T14:30:00-05:00')).toMatchObject({ status: 'allowed', allowedUntil: '2026-11-23T20:00:00Z' });
    // 15:30 New York is 12:30 Los Angeles, its lunch break: wait for 13:00 there (16:00 here).
    expect(next(lunch, both, '2026-11-23T15:30:00-05:00')).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-23T21:00:00Z' });
  });

  it('several zones, a layer mixing a window in the person’s zones and one in a fixed zone', () => {
    // 'desk' is open 13:00–15:00 UTC wherever the debtor is; 'local' 09:00–12:00 in each of their zones.
    const mixed = createEngine(callPolicy([window('local', '09:00', '12:00'), window('desk', '13:00', '15:00', { zone: 'UTC' })]));
    const both = debtor(['America/New_York', 'America/Los_Angeles']);
    expect(next(mixed, both, '2026-11-23T13:30:00Z')).toMatchObject({ status: 'allowed', allowedUntil: '2026-11-23T15:00:00Z' });
    // 12:30 New York, 09:30 Los Angeles: 'local' holds in Los Angeles only, 'desk' is closed.
    expect(next(mixed, both, '2026-11-23T17:30:00Z')).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-24T13:00:00Z' });
  });

  it('several zones, a holiday closing one window of the layer: the other must then hold in every zone', () => {
    const policy = { ...callPolicy([window('morning', '09:00', '12:00', { closedOn: ['h'] }), window('afternoon', '13:00', '18:00')]), holidays: { h: ['2026-11-26'] } };
    const both = debtor(['America/New_York', 'America/Los_Angeles']);
    // Thanksgiving 14:30 New York = 11:30 Los Angeles: the morning window is closed for the holiday.
    const n = next(createEngine(policy), both, '2026-11-26T14:30:00-05:00');
    expect(n).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-26T21:00:00Z' });
    expect(n?.reasons[0]?.code).toBe('HOLIDAY');
    // The day before, the same minute is allowed.
    expect(next(createEngine(policy), both, '2026-11-25T14:30:00-05:00')?.status).toBe('allowed');
  });

  it('rejects an unknown time zone in the account', () => {
    expect(() => regF.decide(debtor('Mars/Olympus_Mons'), { now: '2026-11-23T10:00:00Z' })).toThrowError(expect.objectContaining({ code: 'ACCOUNT_INVALID' }));
  });
});
