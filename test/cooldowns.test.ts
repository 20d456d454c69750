import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/index';
import { callPolicy, debtor, window } from './support/policies';

const afterConversation = {
  kind: 'cooldown',
  id: 'after-conversation',
  appliesTo: { channels: ['phone'] },
  after: { channels: ['phone'], outcomes: ['right_party_contact', 'promise_to_pay', 'refused'] },
  wait: { calendarDays: 7 },
  scope: 'contact',
} as const;
const hours = window('hours', '08:00', '21:00');
const talk = (at: string, outcome = 'right_party_contact', extra = {}) => ({ at, action: 'call', channel: 'phone', contactId: 'me', outcome, ...extra });
const first = (history: unknown[], now: string, policy = callPolicy([afterConversation, hours]), zone = 'America/New_York') =>
  createEngine(policy).decide(debtor(zone, { history }), { now }).proposals[0];

describe('cool-downs', () => {
  it('after a conversation on Monday, Sunday (day 7) is closed and the next Monday (day 8) opens at 08:00', () => {
    const history = [talk('2026-11-02T15:00:00-05:00')]; // Monday
    expect(first(history, '2026-11-08T20:00:00-05:00')?.status).toBe('deferred'); // Sunday, day 7
    expect(first(history, '2026-11-08T20:00:00-05:00')?.allowedFrom).toBe('2026-11-09T13:00:00Z');
    expect(first(history, '2026-11-09T07:59:00-05:00')?.status).toBe('deferred');
    expect(first(history, '2026-11-09T08:00:00-05:00')?.status).toBe('allowed'); // day 8 at 08:00, not 15:00
  });

  it('counts calendar days across the fall-back change (2026-10-29 → day 8 is 2026-11-05)', () => {
    const history = [talk('2026-10-29T23:30:00-04:00')];
    expect(first(history, '2026-11-04T12:00:00-05:00')?.allowedFrom).toBe('2026-11-05T13:00:00Z');
  });

  it('an inbound conversation starts the cool-down too', () => {
    expect(first([talk('2026-11-02T15:00:00-05:00', 'right_party_contact', { direction: 'inbound' })], '2026-11-03T12:00:00-05:00')?.status).toBe('deferred');
  });

  it('an unanswered call does not start it', () => {
    expect(first([talk('2026-11-02T15:00:00-05:00', 'no_answer')], '2026-11-03T12:00:00-05:00')?.status).toBe('allowed');
  });

  it('a duration cool-down ends at the exact instant (then the window decides)', () => {
    const gap = { kind: 'cooldown', id: 'gap', after: {}, wait: { duration: 'PT36H' } } as const;
    const d = first([talk('2026-11-02T15:00:00-05:00', 'no_answer')], '2026-11-03T12:00:00-05:00', callPolicy([gap], [hours]));
    expect(d?.allowedFrom).toBe('2026-11-04T13:00:00Z'); // 03:00 local → the window opens at 08:00
    const shorter = { ...gap, wait: { duration: 'PT30H' } } as const;
    const late = first([talk('2026-11-02T10:30:00-05:00', 'no_answer')], '2026-11-03T12:00:00-05:00', callPolicy([shorter], [hours]));
    expect(late?.allowedFrom).toBe('2026-11-03T21:30:00Z'); // 16:30 local, inside the window
  });

  it('a cool-down ending at 23:00 local pushes to 08:00 next morning', () => {
    const gap = { kind: 'cooldown', id: 'gap', after: {}, wait: { duration: 'PT12H' } } as const;
    expect(first([talk('2026-11-02T11:00:00-05:00', 'no_answer')], '2026-11-02T12:00:00-05:00', callPolicy([gap, hours]))?.allowedFrom).toBe('2026-11-03T13:00:00Z');
  });

  it('is scoped: a conversation with the employer does not hold calls to the debtor (scope contact)', () => {
    const policy = callPolicy([afterConversation, hours]);
    const account = debtor('America/New_York', {
      contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }, { id: 'boss', relationship: 'employer', channels: [{ channel: 'phone' }] }],
      history: [{ ...talk('2026-11-02T15:00:00-05:00'), contactId: 'boss' }],
    });
    expect(createEngine(policy).decide(account, { now: '2026-11-03T12:00:00-05:00' }).proposals[0]?.status).toBe('allowed');
  });
});
