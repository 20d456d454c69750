import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, presets, type PolicyInput } from '../src/index';
import { anAccount } from '../src/testing/index';

// `called(n, { within: 'P7D', before })` promises that both a rolling 7-day cap and Reg F's "7
// consecutive calendar days" count every call at `before`. The calendar days a cap counts at
// `before` end with `before`'s own day: when `before` is a local midnight, the seven days are that
// day and the six before it, so the calls must not fall on the seventh day back.
const strategy: PolicyInput = {
  id: 'calls',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone', target: 'self' } },
  rules: [{ id: 'always', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: -10_000 }] }, then: ['call'] }],
};
const regF = createEngine(composePolicies(presets.usRegulationF, strategy));
const massachusetts = createEngine(composePolicies(presets.usMassachusetts, strategy));

const sevenCalls = (zone: string, before: string) => anAccount().inZone(zone).overdueDays(30, { asOf: before }).called(7, { within: 'P7D', before }).build();
const capReasons = (engine: ReturnType<typeof createEngine>, account: unknown, now: string) =>
  engine
    .decide(account, { now })
    .proposals[0]?.reasons.filter((r) => r.code === 'FREQUENCY_CAP')
    .map((r) => r.constraint);

describe('called(n, { within: P7D, before }) with `before` at a local midnight', () => {
  it('puts every call on the 7 local days Reg F counts at `before` (Monday 00:00 in New York)', () => {
    const before = '2026-11-23T00:00:00-05:00';
    const account = sevenCalls('America/New_York', before);
    // The 7 consecutive days ending on Monday the 23rd start on Tuesday the 17th (05:00Z).
    expect(account.history?.every((a) => Date.parse(a.at as string) >= Date.parse('2026-11-17T05:00:00Z') && Date.parse(a.at as string) < Date.parse(before))).toBe(true);
    expect(capReasons(regF, account, before)).toEqual(['regf-7-calls-in-7-days']);
  });

  it('does so where the midnight falls in a spring-forward gap (America/Santiago, 2026-09-13 00:00 −03)', () => {
    const before = '2026-09-13T00:00:00-03:00';
    expect(capReasons(regF, sevenCalls('America/Santiago', before), before)).toEqual(['regf-7-calls-in-7-days']);
  });

  it('and across a fall-back week (Australia/Lord_Howe, 2026-04-11 00:00 +10:30)', () => {
    const before = '2026-04-11T00:00:00+10:30';
    expect(capReasons(regF, sevenCalls('Australia/Lord_Howe', before), before)).toEqual(['regf-7-calls-in-7-days']);
  });

  it('a rolling 7-day cap still counts every one', () => {
    const before = '2026-11-23T00:00:00-05:00';
    const account = anAccount().inZone('America/New_York').overdueDays(30, { asOf: before }).called(2, { within: 'P7D', before }).build();
    expect(capReasons(massachusetts, account, before)).toEqual(['ma-2-calls-in-7-days', 'ma-2-calls-in-168-hours']);
  });

  it('a single day before a midnight is still the day before (no day of `before` precedes it)', () => {
    const history = anAccount().inZone('Asia/Shanghai').overdueDays(3, { asOf: '2026-11-23' }).called(3, { before: '2026-11-23T00:00:00+08:00' }).build().history;
    expect(history?.map((a) => a.at)).toEqual(['2026-11-21T22:00:00Z', '2026-11-22T04:00:00Z', '2026-11-22T10:00:00Z']);
  });
});
