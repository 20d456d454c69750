import { describe, expect, test } from 'vitest';
import { composePolicies, createEngine, presets, type PolicyInput } from '../src/index';

/* A flag dated by day ("cease since 2026-11-24") starts at a local midnight, and a debtor who may
   be in several zones has several. It holds from the first of them to the last of its `until`'s,
   whatever order `debtor.timeZone` lists the zones in. */

const strategy: PolicyInput = {
  id: 's',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call_self'] }],
};
const engine = createEngine(composePolicies(presets.usRegulationF, strategy));
const account = (timeZone: string[], flag: { since: string; until?: string }) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 1000,
  dueDate: '2026-09-01',
  debtor: { timeZone, flags: { cease_communication: flag } },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }],
  history: [],
});
const orders = [
  ['America/Los_Angeles', 'America/New_York'],
  ['America/New_York', 'America/Los_Angeles'],
];
const codes = (zones: string[], flag: { since: string; until?: string }, now: string) =>
  engine.decide(account(zones, flag), { now }).proposals.map((p) => [p.status, p.allowedFrom, p.reasons.map((r) => r.code)]);

describe('a cease-communication flag dated by day, debtor in New York or Los Angeles', () => {
  // 01:00 on the 24th in New York is 22:00 on the 23rd in Los Angeles.
  const now = '2026-11-24T06:00:00Z';

  test.each(orders)('holds from the first midnight of its since (%s first)', (...zones) => {
    expect(codes(zones, { since: '2026-11-24' }, now)).toEqual([['blocked', null, ['CEASE_COMMUNICATION']]]);
  });

  test.each(orders)('holds until the last midnight of its until (%s first)', (...zones) => {
    const [[status, allowedFrom, reasons]] = codes(zones, { since: '2026-11-01', until: '2026-11-24' }, now) as [[string, string, string[]]];
    expect(status).toBe('deferred');
    expect(reasons).toContain('CEASE_COMMUNICATION');
    // Lifted at midnight in Los Angeles (08:00Z), then Reg F's 08:00 there (16:00Z).
    expect(allowedFrom).toBe('2026-11-24T16:00:00Z');
  });

  test('the two orders decide alike', () => {
    for (const flag of [{ since: '2026-11-24' }, { since: '2026-11-01', until: '2026-11-24' }]) {
      expect(codes(orders[0] as string[], flag, now)).toEqual(codes(orders[1] as string[], flag, now));
    }
  });
});
