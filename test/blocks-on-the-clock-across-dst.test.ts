import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/index';

// Blocks on the time of day (localHour, localMinute, localMinuteOfDay) start and stop where the
// local clock says so: twice on a fall-back night, at the jump on a spring-forward night, and at
// any minute for blocks on minutes.
const engineWith = (when: unknown) =>
  createEngine({
    id: 'p',
    version: '1',
    jurisdiction: 'US',
    actions: { email_self: { channel: 'email' } },
    rules: [{ id: 'r', when: { all: [{ fact: 'amountDue', operator: 'greaterThan', value: 0 }] }, then: ['email_self'] }],
    compliance: [{ id: 'L', constraints: [{ kind: 'block', id: 'quiet', when, message: 'quiet time' }] }],
  });
const account = (timeZone: string) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 1000,
  dueDate: '2026-01-01',
  debtor: { timeZone },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'email' }] }],
});
const before = (fact: string, value: number) => ({ all: [{ fact, operator: 'lessThan', value }] });
const proposal = (engine: ReturnType<typeof createEngine>, zone: string, now: string) => engine.decide(account(zone), { now }).proposals[0];

describe('blocks on the time of day across time changes', () => {
  it('an allowance on a fall-back night ends where the repeated hour starts the block again', () => {
    const engine = engineWith(before('localMinuteOfDay', 90)); // quiet before 01:30
    // 01:40 EDT: allowed until 01:00 EST (06:00Z), where the clock reads 01:00 again.
    expect(proposal(engine, 'America/New_York', '2026-11-01T01:40:00-04:00')).toMatchObject({ status: 'allowed', allowedUntil: '2026-11-01T06:00:00Z' });
    expect(proposal(engine, 'America/New_York', '2026-11-01T01:10:00-05:00')).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-01T06:30:00Z' });
    // Lord Howe falls back half an hour: 01:59 +11:00 is followed by 01:30 +10:30. Quiet before
    // 01:40, the block starts again at 02:00 +11:00 (15:00Z), where the clock reads 01:30.
    const lordHowe = engineWith(before('localMinuteOfDay', 100));
    expect(proposal(lordHowe, 'Australia/Lord_Howe', '2026-04-05T01:45:00+11:00')).toMatchObject({ status: 'allowed', allowedUntil: '2026-04-04T15:00:00Z' });
    expect(proposal(lordHowe, 'Australia/Lord_Howe', '2026-04-05T01:30:00+10:30')).toMatchObject({ status: 'deferred', allowedFrom: '2026-04-04T15:10:00Z' });
  });

  it('a block on an hour starts at a spring-forward jump into that hour (Chatham, 02:45 → 03:45)', () => {
    const engine = engineWith({ all: [{ fact: 'localHour', operator: 'equal', value: 3 }] });
    expect(proposal(engine, 'Pacific/Chatham', '2026-09-27T02:10:00+12:45')).toMatchObject({ status: 'allowed', allowedUntil: '2026-09-26T14:00:00Z' });
    expect(proposal(engine, 'Pacific/Chatham', '2026-09-26T14:00:00Z')).toMatchObject({ status: 'deferred', allowedFrom: '2026-09-26T14:15:00Z' });
  });

  it('a block on minutes lifts at the minute, not at the next hour', () => {
    expect(proposal(engineWith(before('localMinute', 30)), 'America/New_York', '2026-10-14T12:00:00-04:00')).toMatchObject({ status: 'deferred', allowedFrom: '2026-10-14T16:30:00Z' });
    expect(proposal(engineWith(before('localMinuteOfDay', 510)), 'America/New_York', '2026-10-14T08:00:00-04:00')).toMatchObject({
      status: 'deferred',
      allowedFrom: '2026-10-14T12:30:00Z',
    });
  });

  it('property: re-deciding inside an allowance, or at its start, is allowed', () => {
    // Each zone's 2026 time changes (Kathmandu has none: an ordinary night).
    const changes: readonly (readonly [string, string])[] = [
      ['America/New_York', '2026-03-08T07:00:00Z'],
      ['America/New_York', '2026-11-01T06:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
      ['Australia/Lord_Howe', '2026-10-03T15:30:00Z'],
      ['Pacific/Chatham', '2026-04-04T14:00:00Z'],
      ['Pacific/Chatham', '2026-09-26T14:00:00Z'],
      ['America/Santiago', '2026-04-05T03:00:00Z'],
      ['America/Santiago', '2026-09-06T04:00:00Z'],
      ['Asia/Kathmandu', '2026-06-01T20:00:00Z'],
    ];
    const blocks = [before('localMinuteOfDay', 150), { all: [{ fact: 'localHour', operator: 'equal', value: 2 }] }, before('localMinute', 20), { any: [{ fact: 'localHour', operator: 'equal', value: 1 }, { fact: 'localHour', operator: 'equal', value: 3 }] }];
    const engines = blocks.map(engineWith);
    fc.assert(
      fc.property(fc.constantFrom(...changes), fc.integer({ min: -180, max: 180 }), fc.nat(engines.length - 1), ([zone, change], minutes, b) => {
        const engine = engines[b] as ReturnType<typeof createEngine>;
        const now = new Date(Date.parse(change) + minutes * 60_000).toISOString();
        const p = proposal(engine, zone, now);
        if (p?.status === 'deferred' && p.allowedFrom !== null) expect(proposal(engine, zone, p.allowedFrom)?.status).toBe('allowed');
        if (p?.status === 'allowed' && p.allowedUntil !== null) {
          const end = Date.parse(p.allowedUntil);
          for (let t = Date.parse(now); t < Math.min(end, Date.parse(now) + 6 * 3_600_000); t += 5 * 60_000) {
            expect(proposal(engine, zone, new Date(t).toISOString())?.status).toBe('allowed');
          }
          expect(proposal(engine, zone, p.allowedUntil)?.status).not.toBe('allowed');
        }
      }),
      { numRuns: 300 },
    );
  });
});
