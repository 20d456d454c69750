import { describe, expect, test } from 'vitest';
import { composePolicies, createEngine, presets } from '../src/index';
import { callPolicy } from './support/policies';

/* Caps and cool-downs with `excludeConsented` let a call through while prior consent lasts. When
   consent lapses, the allowance ends only if the cap or cool-down would refuse the call then: with
   nothing to count (or the cool-down over by then) the lapse changes nothing, and `allowedUntil`
   is where something does — the window closing — as re-deciding at that instant shows. */

const engine = createEngine(composePolicies(presets.usRegulationF, callPolicy()));
// Consent given 13 November 12:00 in New York: Reg F honours it for 7 days, to 20 November 12:00.
const account = (history: object[] = []) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 1000,
  dueDate: '2026-09-01',
  debtor: { timeZone: 'America/New_York' },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone', consentGivenAt: '2026-11-13T12:00:00-05:00', consentUntil: '2026-11-30T00:00:00Z' }] }],
  history,
});
const call = (input: object, now: string) => engine.decide(input, { now }).proposals.find((p) => p.action === 'call');
const dial = (at: string, outcome = 'no_answer', consented = true) => ({ at, channel: 'phone', contactId: 'me', outcome, consented });

describe('a consent lapse ends an allowance only when it changes something', () => {
  test('nothing to count: allowed until the window closes, and still allowed at the lapse', () => {
    const p = call(account(), '2026-11-20T10:00:00-05:00');
    expect(p).toMatchObject({ status: 'allowed', allowedUntil: '2026-11-21T02:00:00Z' });
    expect(call(account(), '2026-11-20T12:00:00-05:00')?.status).toBe('allowed');
  });

  test('seven calls this week, not consented: the allowance ends at the lapse, and the cap refuses there', () => {
    const week = Array.from({ length: 7 }, (_, i) => dial(`2026-11-${14 + i}T09:00:00-05:00`, 'no_answer', false));
    const p = call(account(week), '2026-11-20T10:00:00-05:00');
    expect(p).toMatchObject({ status: 'allowed', allowedUntil: '2026-11-20T17:00:00Z' });
    expect(call(account(week), '2026-11-20T12:00:00-05:00')?.reasons.map((r) => r.code)).toContain('FREQUENCY_CAP');
  });

  test('a conversation under consent: the cool-down binds when the consent lapses', () => {
    const talked = (at: string) => account([dial(at, 'right_party_contact')]);
    // Talked on 19 November: the 7 days run past the lapse (20 November 12:00).
    expect(call(talked('2026-11-19T09:00:00-05:00'), '2026-11-20T10:00:00-05:00')).toMatchObject({ status: 'allowed', allowedUntil: '2026-11-20T17:00:00Z' });
    expect(call(talked('2026-11-19T09:00:00-05:00'), '2026-11-20T12:00:00-05:00')?.reasons.map((r) => r.code)).toContain('COOLDOWN');
  });
});
