import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, type Decision, presets } from '../src/index';

/*
 * compliance.md: the reasons of a deferred proposal are every constraint that refused it between
 * `now` and `allowedFrom`. A block that starts holding where another lifts refused it too: without
 * its reason, "deferred until Monday" after "not after 17:30 until Saturday 00:00" explains nothing.
 */

const block = (id: string, when: unknown, message: string) => ({ kind: 'block', id, when, code: 'BLOCKED', message });
const strategy = (constraints: readonly unknown[], channel = 'phone') => ({
  id: 's',
  version: '1',
  jurisdiction: 'US',
  actions: { reach: { channel } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['reach'] }],
  compliance: [{ id: 'own', constraints }],
});
const account = (channel: string, flags: Record<string, unknown> = {}) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 1000,
  dueDate: '2026-01-15',
  debtor: { timeZone: 'America/New_York', flags },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel }] }],
});
const reasonsOf = (d: Decision | { ok: false }) => {
  if (!d.ok || d.next === null) throw new Error('expected a next proposal');
  return { status: d.next.status, allowedFrom: d.next.allowedFrom, reasons: d.next.reasons.map((r) => `${r.constraint} until ${r.until}`) };
};

const evening = block('b-evening', { all: [{ fact: 'localMinuteOfDay', operator: 'greaterThanInclusive', value: 1050 }] }, 'not after 17:30');
const morning = block('b-morning', { all: [{ fact: 'localHour', operator: 'lessThan', value: 10 }] }, 'not before 10:00');
const weekend = block('b-weekend', { all: [{ fact: 'isWeekend', operator: 'equal', value: true }] }, 'not at weekends');

describe('the reasons of a deferral name every block met on the way to allowedFrom', () => {
  it('the morning block that holds from midnight, after the evening block lifts', () => {
    const d = createEngine(strategy([morning, evening])).decide(account('phone'), { now: '2026-06-10T18:00:00-04:00' });
    expect(reasonsOf(d)).toEqual({
      status: 'deferred',
      allowedFrom: '2026-06-11T14:00:00Z',
      reasons: ['b-evening until 2026-06-11T04:00:00Z', 'b-morning until 2026-06-11T14:00:00Z'],
    });
  });

  it('a weekend block after Friday evening: deferred to Monday, with both reasons', () => {
    const d = createEngine(strategy([evening, weekend])).decide(account('phone'), { now: '2026-06-12T18:00:00-04:00' });
    expect(reasonsOf(d)).toEqual({
      status: 'deferred',
      allowedFrom: '2026-06-15T04:00:00Z',
      reasons: ['b-evening until 2026-06-13T04:00:00Z', 'b-weekend until 2026-06-15T04:00:00Z'],
    });
  });

  it("Regulation F's dispute pause, then the strategy's legal hold", () => {
    const legalHold = { ...block('hold', { all: [{ fact: 'legalHold', operator: 'equal', value: true }] }, 'legal hold'), code: 'LEGAL_HOLD' };
    const flags = { disputed: { since: '2026-06-01', until: '2026-06-20' }, legal_hold: { since: '2026-06-20', until: '2026-07-01' } };
    const d = createEngine(composePolicies(presets.usRegulationF, strategy([legalHold], 'letter'))).decide(account('letter', flags), { now: '2026-06-10T12:00:00Z' });
    if (!d.ok || d.next === null) throw new Error('expected a next proposal');
    expect(d.next.status).toBe('deferred');
    expect(d.next.allowedFrom).toBe('2026-07-01T04:00:00Z');
    expect(d.next.reasons.map((r) => [r.code, r.until])).toEqual([
      ['DISPUTED', '2026-06-20T04:00:00Z'],
      ['LEGAL_HOLD', '2026-07-01T04:00:00Z'],
    ]);
  });

  it('re-decided where the first block lifts, the one that took over is the reason, with the same until', () => {
    const engine = createEngine(strategy([morning, evening]));
    const later = reasonsOf(engine.decide(account('phone'), { now: '2026-06-11T00:00:00-04:00' }));
    expect(later).toEqual({ status: 'deferred', allowedFrom: '2026-06-11T14:00:00Z', reasons: ['b-morning until 2026-06-11T14:00:00Z'] });
  });
});
