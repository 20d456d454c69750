import { describe, expect, test } from 'vitest';
import { composePolicies, createEngine, presets } from '../src/index';
import { readJson } from './support/accounts';

/* Reg F: no credit report until 14 local days after a delivered message. The report is deferred
   to the midnight that count reaches 14 — not to some later date on the account that the block
   never reads (another flag's end, an approval of another action expiring). */

const engine = createEngine(composePolicies(presets.usRegulationF, readJson('examples/policies/us-collections.json')));
const account = (zone: string, more: object = {}) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 577_370,
  dueDate: '2025-12-13',
  debtor: { timeZone: zone },
  contacts: [{ id: 'self', relationship: 'self', channels: [] }],
  history: [{ at: '2026-12-22T23:20:00Z', outcome: 'delivered', contactId: 'self', channel: 'email' }],
  ...more,
});
const report = (acc: object, now: string) => engine.decide(acc, { now }).proposals.find((p) => p.action === 'credit_report');
const now = '2026-12-25T06:45:00Z';

describe('a credit report waiting for its 14 days', () => {
  test.each([
    ['America/New_York', '2027-01-05T05:00:00Z'],
    ['America/St_Johns', '2027-01-05T03:30:00Z'],
    ['Asia/Shanghai', '2027-01-05T16:00:00Z'],
  ])('in %s is deferred to the local midnight of day 14, with or without another flag ending after it', (zone, midnight) => {
    const plain = report(account(zone), now);
    const flagged = report(account(zone, { debtor: { timeZone: zone, flags: { hardship: { since: '2026-12-15', until: '2027-01-07T17:45:00Z' } } } }), now);
    for (const p of [plain, flagged]) {
      expect(p?.status).toBe('deferred');
      expect(p?.allowedFrom).toBe(midnight);
      expect(p?.reasons.map((r) => [r.constraint, r.until])).toEqual([['regf-no-report-before-contact', midnight]]);
    }
    // And it is: a minute before, it still waits; at that midnight, it may go.
    const before = new Date(Date.parse(midnight) - 60_000).toISOString();
    expect(report(account(zone), before)?.status).toBe('deferred');
    expect(report(account(zone), midnight)?.status).toBe('allowed');
  });

  test('an approval of another action expiring after day 14 does not hold it back either', () => {
    const approvals = [{ action: 'legal_referral', at: '2026-12-20T08:00:00Z', expiresAt: '2027-01-08T10:00:00Z' }];
    expect(report(account('America/New_York', { approvals }), now)?.allowedFrom).toBe('2027-01-05T05:00:00Z');
  });
});
