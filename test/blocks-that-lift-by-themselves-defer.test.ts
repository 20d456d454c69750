import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, type PolicyInput, presets } from '../src/index';

// A block whose condition stops holding by itself — a flag's `until`, the days a condition
// counts — defers the proposal to that instant instead of blocking it for good.
const strategy: PolicyInput = {
  id: 's',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone', target: 'self' }, credit_report: { kind: 'credit_report' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call', 'credit_report'] }],
  compliance: [
    {
      id: 'company',
      constraints: [
        { kind: 'block', id: 'legal-hold', code: 'LEGAL_HOLD', when: { all: [{ fact: 'legalHold', operator: 'equal', value: true }] }, message: 'legal hold' },
        { kind: 'block', id: 'in-court', when: { all: [{ fact: 'legalStage', operator: 'equal', value: 'litigation' }] }, message: 'in court' },
      ],
    },
  ],
};
const engine = createEngine(composePolicies(presets.usRegulationF, strategy));
const account = (flags: object, history: object[] = [], extra: object = {}) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 1000,
  dueDate: '2026-08-01',
  debtor: { timeZone: 'America/New_York', flags },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }, { channel: 'letter' }] }],
  history,
  ...extra,
});
const proposal = (input: object, now: string, action: string) => engine.decide(input, { now }).proposals.find((p) => p.action === action);
const letter = { at: '2026-11-12T10:00:00-05:00', channel: 'letter', contactId: 'me', outcome: 'delivered' };

describe('blocks that lift by themselves', () => {
  it("a dispute with an `until` defers the call to that day's first allowed minute", () => {
    const p = proposal(account({ disputed: { since: '2026-11-10', until: '2026-11-25' } }), '2026-11-20T10:00:00-05:00', 'call');
    expect(p).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-25T13:00:00Z' });
    expect(p?.reasons.map((r) => [r.code, r.until])).toEqual([
      ['DISPUTED', '2026-11-25T05:00:00Z'],
      ['OUTSIDE_CONTACT_WINDOW', '2026-11-25T13:00:00Z'],
    ]);
  });

  it('no credit report until the 15th local day after a delivered letter: deferred to that midnight, exactly', () => {
    const input = account({}, [letter]);
    const p = proposal(input, '2026-11-20T10:00:00-05:00', 'credit_report');
    expect(p).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-26T05:00:00Z' });
    expect(p?.reasons.map((r) => [r.constraint, r.until])).toEqual([['regf-no-report-before-contact', '2026-11-26T05:00:00Z']]);
    expect(proposal(input, '2026-11-25T23:59:00-05:00', 'credit_report')?.status).toBe('deferred');
    expect(proposal(input, '2026-11-26T00:00:00-05:00', 'credit_report')?.status).toBe('allowed');
  });

  it('a block that holds again when the first lifts: the search goes on past it', () => {
    const flags = { disputed: { since: '2026-11-10', until: '2026-11-25' }, legal_hold: { since: '2026-11-25', until: '2026-12-01' } };
    const p = proposal(account(flags), '2026-11-20T10:00:00-05:00', 'call');
    expect(p).toMatchObject({ status: 'deferred', allowedFrom: '2026-12-01T13:00:00Z' });
  });

  it('a hold that starts before the proposal is allowed defers it past the hold (or blocks it, with no end)', () => {
    // 21:30: the window reopens at 08:00 tomorrow, when a legal hold has begun.
    const hold = (until?: string) => account({ legal_hold: { since: '2026-11-21', ...(until ? { until } : {}) } });
    expect(proposal(hold('2026-11-30'), '2026-11-20T21:30:00-05:00', 'call')).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-30T13:00:00Z' });
    const forGood = proposal(hold(), '2026-11-20T21:30:00-05:00', 'call');
    expect(forGood?.status).toBe('blocked');
    expect(forGood?.reasons.map((r) => [r.code, r.until])).toContainEqual(['LEGAL_HOLD', null]);
  });

  it('an allowance ends where a block begins', () => {
    const p = proposal(account({ legal_hold: { since: '2026-11-20T15:00:00-05:00' } }), '2026-11-20T10:00:00-05:00', 'call');
    expect(p).toMatchObject({ status: 'allowed', allowedUntil: '2026-11-20T20:00:00Z' });
  });

  it('blocks that cannot lift by themselves stay blocked, until null', () => {
    for (const [input, code] of [
      [account({ cease_communication: { since: '2026-11-01' } }), 'CEASE_COMMUNICATION'],
      [account({}, [], { legalStage: 'litigation' }), 'BLOCKED'],
      [account({ legal_hold: { since: '2026-11-01', until: '2028-01-01' } }), 'LEGAL_HOLD'], // beyond the horizon
    ] as const) {
      const p = proposal(input, '2026-11-20T10:00:00-05:00', 'call');
      expect(p?.status).toBe('blocked');
      expect(p?.reasons.find((r) => r.code === code)?.until).toBeNull();
    }
  });

  it('allowedFrom after a lifted block is allowed, and the minute before it is not', () => {
    const day = (d: number) => new Date(Date.UTC(2026, 10, 1 + d, 15)).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 20 }), fc.boolean(), (since, length, letterDay, withLetter) => {
        const flags = { disputed: { since: day(since), until: day(since + length) } };
        const history = withLetter ? [{ ...letter, at: `${day(letterDay)}T10:00:00-05:00` }] : [];
        const input = account(flags, history);
        const now = `${day(since)}T12:00:00-05:00`;
        for (const action of ['call', 'credit_report']) {
          const p = proposal(input, now, action);
          if (p?.status !== 'deferred' || p.allowedFrom === null) continue;
          const from = Date.parse(p.allowedFrom);
          expect(proposal(input, new Date(from).toISOString(), action)?.status, `${action} at ${p.allowedFrom}`).toBe('allowed');
          expect(proposal(input, new Date(from - 60_000).toISOString(), action)?.status).not.toBe('allowed');
        }
      }),
      { seed: 5, numRuns: 150 },
    );
  });

  it('with holds starting and ending around now: allowed only outside them, deferred to an allowed instant', () => {
    const day = (d: number) => new Date(Date.UTC(2026, 10, 10 + d, 15)).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 10 }), fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }), fc.integer({ min: 0, max: 47 }), (since, length, halfHour) => {
        const flags = { legal_hold: { since: day(since), ...(length === undefined ? {} : { until: day(since + length) }) } };
        const now = Date.UTC(2026, 10, 10, 5) + halfHour * 30 * 60_000; // 00:00 to 23:30 New York on 11-10
        const p = proposal(account(flags), new Date(now).toISOString(), 'call');
        const held = (t: number) => proposal(account(flags), new Date(t).toISOString(), 'call')?.reasons.some((r) => r.code === 'LEGAL_HOLD' && (r.until === null || Date.parse(r.until) > t));
        if (p?.status === 'allowed') {
          expect(held(now)).toBe(false);
          if (p.allowedUntil !== null) expect(proposal(account(flags), new Date(Date.parse(p.allowedUntil) - 60_000).toISOString(), 'call')?.status).toBe('allowed');
        }
        if (p?.status === 'deferred' && p.allowedFrom !== null) {
          expect(proposal(account(flags), p.allowedFrom, 'call')?.status, p.allowedFrom).toBe('allowed');
        }
      }),
      { seed: 9, numRuns: 150 },
    );
  });
});
