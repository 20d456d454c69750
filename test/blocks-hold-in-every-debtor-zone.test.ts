import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, type PolicyInput, presets } from '../src/index';

// A debtor in several zones (an Auckland number, a Los Angeles address): a block's day counts
// differ between the zones around midnight. Compliance restricts in every zone, so a block holds
// while it holds in any of them, and the order of `debtor.timeZone` changes nothing.
const strategy: PolicyInput = {
  id: 's',
  version: '1',
  jurisdiction: 'US',
  actions: { credit_report: { kind: 'credit_report' }, call: { channel: 'phone', target: 'self' } },
  // A rule that reads no calendar fact: the strategy proposes the same in every zone order.
  rules: [{ id: 'r', when: { all: [{ fact: 'amountDue', operator: 'greaterThan', value: 0 }] }, then: ['credit_report', 'call'] }],
  compliance: [
    {
      id: 'company',
      constraints: [
        // No call in the first 100 local days past due: 100 days in every zone.
        { kind: 'block', id: 'grace', when: { all: [{ fact: 'daysPastDue', operator: 'lessThan', value: 100 }] }, message: 'grace period' },
      ],
    },
  ],
};
const engine = createEngine(composePolicies(presets.usRegulationF, strategy));
const ZONES = ['Pacific/Auckland', 'America/Los_Angeles'];
// Delivered at 23:00 in Auckland (1 November there), 02:00 in Los Angeles (1 November there too).
const letter = { at: '2026-11-01T10:00:00Z', channel: 'letter', contactId: 'me', outcome: 'delivered' };
const account = (timeZone: string | string[], dueDate = '2026-08-01') => ({
  id: 'A',
  currency: 'USD',
  amountDue: 1000,
  dueDate,
  debtor: { timeZone },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }, { channel: 'letter' }] }],
  history: [letter],
});
const proposal = (input: object, now: string, action: string) => engine.decide(input, { now }).proposals.find((p) => p.action === action);

describe('blocks hold in every one of the debtor’s zones', () => {
  it('Reg F: no credit report until 14 days have passed since the letter in every zone, whichever zone is listed first', () => {
    // 2026-11-14T12:00Z: 15 November 01:00 in Auckland (day 14 after the letter), 14 November
    // 04:00 in Los Angeles (day 13): the wait is over in one zone only.
    const now = '2026-11-14T12:00:00Z';
    expect(proposal(account('Pacific/Auckland'), now, 'credit_report')?.status).toBe('allowed');
    expect(proposal(account('America/Los_Angeles'), now, 'credit_report')).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-15T08:00:00Z' });
    for (const zones of [ZONES, [...ZONES].reverse()]) {
      const p = proposal(account(zones), now, 'credit_report');
      expect(p).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-15T08:00:00Z' });
      expect(p?.reasons.map((r) => [r.constraint, r.until])).toEqual([['regf-no-report-before-contact', '2026-11-15T08:00:00Z']]);
    }
  });

  it('a day count in a company block lifts at the last zone’s midnight', () => {
    // Due 1 August: day 100 begins at 9 November 00:00 local, in Auckland first.
    const now = '2026-11-09T00:30:00+13:00';
    for (const zones of [ZONES, [...ZONES].reverse()]) {
      const p = proposal(account(zones), now, 'call');
      expect(p?.status).toBe('deferred');
      // The grace is over at midnight in Los Angeles (08:00Z); Reg F's window in both zones
      // (08:00–21:00 in each) then first opens at 08:00 in Auckland, 11:00 in Los Angeles.
      expect(p?.allowedFrom).toBe('2026-11-09T19:00:00Z');
      expect(p?.reasons.find((r) => r.constraint === 'grace')?.until).toBe('2026-11-09T08:00:00Z');
    }
  });

  it('property: the order of the debtor’s zones never changes what compliance allows', () => {
    const zoneList = ['Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kolkata', 'Australia/Adelaide', 'UTC', 'Asia/Kathmandu'];
    fc.assert(
      fc.property(
        fc.shuffledSubarray(zoneList, { minLength: 2, maxLength: 3 }),
        fc.integer({ min: 0, max: 30 * 24 * 60 }),
        fc.integer({ min: 0, max: 120 }),
        (zones, minutes, dueOffset) => {
          const now = new Date(Date.parse('2026-11-01T00:00:00Z') + minutes * 60_000).toISOString();
          const due = new Date(Date.parse('2026-11-01T00:00:00Z') - dueOffset * 86_400_000).toISOString().slice(0, 10);
          const a = engine.decide(account(zones, due), { now });
          const b = engine.decide(account([...zones].reverse(), due), { now });
          const view = (d: typeof a) => d.proposals.map((p) => [p.action, p.status, p.allowedFrom, p.allowedUntil]);
          expect(view(b)).toEqual(view(a));
        },
      ),
      { numRuns: 150 },
    );
  });
});
