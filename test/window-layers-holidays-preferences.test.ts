import { describe, expect, it } from 'vitest';
import { createEngine, parsePolicy, safeParsePolicy } from '../src/index';
import { callPolicy, debtor, window } from './support/policies';

const next = (policy: unknown, account: unknown, now: string) => createEngine(policy).decide(account, { now }).next;

describe('windows: layers, holidays, preferences', () => {
  it('windows of one layer are a union', () => {
    const policy = callPolicy([window('weekdays', '09:00', '20:00', { days: ['mon', 'tue', 'wed', 'thu', 'fri'] }), window('saturday', '10:00', '14:00', { days: ['sat'] })]);
    expect(next(policy, debtor('UTC'), '2026-11-28T11:00:00Z')?.status).toBe('allowed'); // Saturday 11:00
    expect(next(policy, debtor('UTC'), '2026-11-28T15:00:00Z')?.allowedFrom).toBe('2026-11-30T09:00:00Z'); // → Monday 09:00
  });

  it('windows of different layers intersect', () => {
    const policy = callPolicy([window('law', '08:00', '21:00')], [window('company', '09:30', '22:00')]);
    expect(next(policy, debtor('UTC'), '2026-11-24T09:00:00Z')?.allowedFrom).toBe('2026-11-24T09:30:00Z');
    expect(next(policy, debtor('UTC'), '2026-11-24T20:00:00Z')?.allowedUntil).toBe('2026-11-24T21:00:00Z');
  });

  it('windows that can never overlap are reported when the policy is parsed', () => {
    const r = safeParsePolicy(callPolicy([window('morning', '08:00', '12:00')], [window('afternoon', '13:00', '17:00')]));
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]).toMatchObject({ code: 'unsatisfiable_windows', path: ['actions', 'call', 'channel'] });
  });

  it('a holiday closes the day, and the reason says HOLIDAY', () => {
    const policy = { ...callPolicy([window('hours', '09:00', '18:00', { closedOn: ['cn'] })]), holidays: { cn: ['2026-10-01/2026-10-07'] } };
    const d = createEngine(policy).decide(debtor('Asia/Shanghai'), { now: '2026-10-01T10:00:00+08:00' }).next;
    expect(d?.allowedFrom).toBe('2026-10-08T01:00:00Z');
    expect(d?.reasons[0]?.code).toBe('HOLIDAY');
    // allowedUntil stops before a holiday that starts tomorrow.
    const eve = createEngine(policy).decide(debtor('Asia/Shanghai'), { now: '2026-09-30T10:00:00+08:00' }).next;
    expect(eve?.allowedUntil).toBe('2026-09-30T10:00:00Z');
  });

  it('holiday dates are local to the person contacted', () => {
    const policy = { ...callPolicy([window('hours', '00:00', '24:00', { closedOn: ['ny'] })]), holidays: { ny: ['2026-12-25'] } };
    // 2026-12-25 03:00Z is still 12-24 22:00 in New York: open.
    expect(next(policy, debtor('America/New_York'), '2026-12-25T03:00:00Z')?.status).toBe('allowed');
    expect(next(policy, debtor('America/New_York'), '2026-12-25T06:00:00Z')?.allowedFrom).toBe('2026-12-26T05:00:00Z');
  });

  it('the debtor’s stated hours replace a window that allows it, and only that window', () => {
    const prefers = debtor('America/New_York', { debtor: { timeZone: 'America/New_York', contactPreferences: { windows: [{ from: '22:00', to: '23:00' }] } } });
    const overridable = callPolicy([window('regf', '08:00', '21:00', { debtorMayOverride: true })]);
    expect(next(overridable, prefers, '2026-06-10T22:15:00-04:00')?.status).toBe('allowed');
    expect(next(overridable, prefers, '2026-06-10T12:00:00-04:00')?.allowedFrom).toBe('2026-06-11T02:00:00Z');
    // A company layer without the override still restricts: the two never overlap → nothing within the horizon.
    const both = callPolicy([window('regf', '08:00', '21:00', { debtorMayOverride: true })], [window('company', '09:00', '20:00')]);
    const blocked = createEngine(both).decide(prefers, { now: '2026-06-10T22:15:00-04:00' }).proposals[0];
    expect(blocked?.status).toBe('blocked');
    expect(blocked?.reasons.at(-1)?.code).toBe('BEYOND_HORIZON');
  });

  it('the debtor’s stated hours are the debtor’s alone: calls to anyone else keep the window’s hours', () => {
    const account = debtor('America/New_York', {
      debtor: { timeZone: 'America/New_York', contactPreferences: { windows: [{ from: '06:00', to: '23:30' }] } },
      contacts: [
        { id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] },
        { id: 'g', relationship: 'guarantor', channels: [{ channel: 'phone' }] },
        { id: 'law', relationship: 'attorney', channels: [{ channel: 'phone' }] },
      ],
    });
    const policy = { ...callPolicy([window('regf', '08:00', '21:00', { debtorMayOverride: true })]), actions: { call: { channel: 'phone', target: ['self', 'guarantor', 'attorney'] }, text: { channel: 'sms' } } };
    const d = createEngine(policy).decide(account, { now: '2026-06-10T06:30:00-04:00' });
    expect(d.proposals.map((p) => [p.contactId, p.status, p.allowedFrom])).toEqual([
      ['me', 'allowed', '2026-06-10T10:30:00Z'],
      ['g', 'deferred', '2026-06-10T12:00:00Z'],
      ['law', 'deferred', '2026-06-10T12:00:00Z'],
    ]);
  });

  it('a window in a fixed zone reads that zone whatever the debtor’s', () => {
    const policy = callPolicy([window('office', '09:00', '18:00', { zone: 'Asia/Shanghai' })]);
    expect(next(policy, debtor('America/New_York'), '2026-11-23T20:30:00-05:00')?.status).toBe('allowed'); // 09:30 Shanghai
  });

  it('a window applying to one channel leaves the others alone', () => {
    const policy = { ...callPolicy([window('calls', '09:00', '18:00', { appliesTo: { channels: ['phone'] } })]), rules: [{ id: 'r', when: { all: [] }, then: ['call', 'text'] }] };
    const d = createEngine(parsePolicy(policy)).decide(debtor('UTC'), { now: '2026-11-23T20:00:00Z' });
    expect(d.proposals.map((p) => [p.action, p.status])).toEqual([
      ['call', 'deferred'],
      ['text', 'allowed'],
    ]);
    expect(d.next?.action).toBe('text');
  });
});
