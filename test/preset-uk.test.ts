/**
 * UK FCA CONC 7.9: "a firm must not contact customers at unreasonable times and must pay due regard
 * to the reasonable requests of customers (for example, customers who work in a shift pattern) in
 * respect of when, where and how they may be contacted" (7.9.4R); no unfair disclosure of the debt
 * to third parties (7.9.6R, 7.9.7R). The preset's 08:00–21:00 is a benchmark the customer's own
 * stated times replace.
 */
import { describe, expect, it } from 'vitest';
import { type AccountInput, composePolicies, createEngine, presets, type PolicyInput } from '../src/index';

const strategy: PolicyInput = {
  id: 'tiny-strategy',
  version: '1',
  jurisdiction: 'GB',
  actions: {
    call: { channel: 'phone', target: 'self' },
    text: { channel: 'sms', target: 'self' },
    call_family: { channel: 'phone', target: ['family', 'spouse', 'employer'] },
  },
  rules: [{ id: 'always', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: -10_000 }] }, then: ['call', 'text'] }],
};
const engine = createEngine(composePolicies(presets.ukConc7, strategy));

function account(extra: Partial<AccountInput> = {}): AccountInput {
  return {
    id: 'GB-1',
    currency: 'GBP',
    amountDue: 75_000,
    dueDate: '2026-05-01',
    debtor: { timeZone: 'Europe/London', jurisdiction: 'GB' },
    contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }, { channel: 'sms' }] }],
    ...extra,
  };
}
const decide = (now: string, extra: Partial<AccountInput> = {}) => engine.decide(account(extra), { now });
const call = (now: string, extra: Partial<AccountInput> = {}) => decide(now, extra).proposals.find((p) => p.action === 'call');

describe('CONC 7.9.4R: no contact at unreasonable times (08:00–21:00 benchmark)', () => {
  it.each([
    ['2026-11-24T07:59:00Z', 'deferred', '2026-11-24T08:00:00Z'],
    ['2026-11-24T08:00:00Z', 'allowed', '2026-11-24T08:00:00Z'],
    ['2026-11-24T20:59:00Z', 'allowed', '2026-11-24T20:59:00Z'],
    ['2026-11-24T21:00:00Z', 'deferred', '2026-11-25T08:00:00Z'],
  ])('winter (GMT): %s is %s', (now, status, from) => {
    const p = call(now);
    expect(p?.status).toBe(status);
    expect(p?.allowedFrom).toBe(from);
    if (status === 'deferred') expect(p?.reasons[0]).toMatchObject({ code: 'OUTSIDE_CONTACT_WINDOW', constraint: 'conc-reasonable-hours', citation: 'FCA CONC 7.9.4R' });
  });

  it.each([
    ['2026-06-15T07:59:00+01:00', 'deferred'],
    ['2026-06-15T08:00:00+01:00', 'allowed'],
    ['2026-06-15T20:59:00+01:00', 'allowed'],
    ['2026-06-15T21:00:00+01:00', 'deferred'],
  ])('summer (BST): %s is %s', (now, status) => {
    expect(call(now)?.status).toBe(status);
  });

  it('the clock change nights: 2026-03-29 and 2026-10-25', () => {
    expect(call('2026-03-28T22:00:00Z')?.allowedFrom).toBe('2026-03-29T07:00:00Z');
    expect(call('2026-10-24T22:00:00+01:00')?.allowedFrom).toBe('2026-10-25T08:00:00Z');
  });
});

describe('CONC 7.9.4R: due regard to the customer’s reasonable requests about when and how', () => {
  const shiftWorker = { debtor: { timeZone: 'Europe/London', contactPreferences: { windows: [{ from: '21:00', to: '23:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const }] } } };

  it('a shift worker who asked for 21:00–23:00 on weekdays is called then, not at the benchmark hours', () => {
    expect(call('2026-11-24T22:00:00Z', shiftWorker)?.status).toBe('allowed');
    expect(call('2026-11-24T10:00:00Z', shiftWorker)).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-24T21:00:00Z' });
    // Friday 23:00 → Monday 21:00.
    expect(call('2026-11-27T23:00:00Z', shiftWorker)?.allowedFrom).toBe('2026-11-30T21:00:00Z');
  });

  it('a request about one channel leaves the others at the benchmark', () => {
    const textsOnlyEvenings = { debtor: { timeZone: 'Europe/London', contactPreferences: { windows: [{ from: '18:00', to: '20:00', channels: ['sms' as const] }] } } };
    const d = decide('2026-11-24T10:00:00Z', textsOnlyEvenings);
    expect(d.proposals.find((p) => p.action === 'call')?.status).toBe('allowed');
    expect(d.proposals.find((p) => p.action === 'text')).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-24T18:00:00Z' });
  });

  it('“not by phone”: an opted-out channel is never used', () => {
    const contacts = [{ id: 'me', relationship: 'self' as const, channels: [{ channel: 'phone' as const, optedOut: true }, { channel: 'sms' as const }] }];
    const d = decide('2026-11-24T10:00:00Z', { contacts });
    expect(d.proposals.find((p) => p.action === 'call')?.reasons[0]?.code).toBe('OPTED_OUT');
    expect(d.next?.action).toBe('text');
  });
});

describe('CONC 7.9.6R/7.9.7R: no disclosure of the debt to third parties', () => {
  it('family, spouse and employer are not contacted about the debt', () => {
    const family = createEngine(composePolicies(presets.ukConc7, { ...strategy, rules: [{ id: 'f', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call_family'] }] }));
    const contacts = (['family', 'spouse', 'employer'] as const).map((relationship) => ({ id: relationship, relationship, channels: [{ channel: 'phone' as const }] }));
    const d = family.decide(account({ contacts }), { now: '2026-11-24T10:00:00Z' });
    expect(d.proposals.map((p) => [p.contactId, p.status, p.reasons[0]?.code, p.reasons[0]?.citation])).toEqual([
      ['family', 'blocked', 'RELATIONSHIP_FORBIDDEN', 'FCA CONC 7.9.6R, 7.9.7R'],
      ['spouse', 'blocked', 'RELATIONSHIP_FORBIDDEN', 'FCA CONC 7.9.6R, 7.9.7R'],
      ['employer', 'blocked', 'RELATIONSHIP_FORBIDDEN', 'FCA CONC 7.9.6R, 7.9.7R'],
    ]);
  });
});
