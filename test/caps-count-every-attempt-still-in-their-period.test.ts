import { TZDate } from '@date-fns/tz';
import { add, startOfMonth, startOfWeek } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/index';
import { callPolicy, debtor } from './support/policies';

// Caps skip attempts too old to count before reading them; these properties check, against
// date-fns as an oracle, that no attempt still inside a period is ever skipped: long histories,
// periods from a day to a quarter, zones with DST, without, and with odd offsets.
const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham', 'Pacific/Kiritimati'];
const MIN = Date.UTC(2026, 0, 1);
const MAX = Date.UTC(2029, 0, 1);

type Period = { rolling: string } | { calendar: 'day' | 'week' | 'month' };
const periodArb: fc.Arbitrary<Period> = fc.oneof(
  fc.constantFrom('P1D', 'P7D', 'P1W', 'P1M', 'P3M', 'PT24H', 'PT36H', 'P1MT12H').map((rolling) => ({ rolling })),
  fc.constantFrom('day', 'week', 'month').map((calendar) => ({ calendar }) as Period),
);
const historyArb = fc.array(fc.integer({ min: 1, max: 120 * 1440 }), { maxLength: 30 });

/** Oracle: does an attempt at `at` count at `t` (both ms), in `zone`? */
function counts(period: Period, at: number, t: number, zone: string): boolean {
  if ('rolling' in period) {
    const m = /^P(?:(\d+)M)?(?:(\d+)[DW])?(?:T(\d+)H)?$/.exec(period.rolling) as RegExpExecArray;
    const unit = period.rolling.includes('W') ? 'weeks' : 'days';
    const end = add(new TZDate(at, zone), { months: Number(m[1] ?? 0), [unit]: Number(m[2] ?? 0), hours: Number(m[3] ?? 0) });
    return at <= t && end.getTime() > t;
  }
  const start = (ms: number): number => {
    const local = new TZDate(ms, zone);
    if (period.calendar === 'month') return startOfMonth(local).getTime();
    if (period.calendar === 'week') return startOfWeek(local, { weekStartsOn: 1 }).getTime();
    return new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), zone).getTime();
  };
  return at <= t && start(at) === start(t);
}

describe('caps count every attempt still in their period', () => {
  it('allowed exactly when fewer than max attempts count; deferred to the first instant one fewer counts', () => {
    fc.assert(
      fc.property(
        periodArb,
        fc.integer({ min: 1, max: 6 }),
        historyArb,
        fc.constantFrom(...ZONES),
        fc.integer({ min: MIN, max: MAX }).map((ms) => Math.floor(ms / 60_000) * 60_000),
        (period, max, offsets, zone, ms) => {
          const instants = offsets.map((m) => ms - m * 60_000);
          const history = instants.map((at) => ({ at: new Date(at).toISOString(), channel: 'phone', contactId: 'me', outcome: 'no_answer' }));
          const policy = callPolicy([{ kind: 'cap', id: 'cap', max, period: 'calendar' in period && period.calendar === 'week' ? { ...period, weekStartsOn: 'mon' } : period, scope: 'contact' }]);
          const engine = createEngine(policy);
          const at = (t: number) => engine.decide(debtor(zone, { history }), { now: new Date(t) }).proposals[0];
          const counted = (t: number) => instants.filter((i) => counts(period, i, t, zone)).length;

          const p = at(ms);
          expect(p?.status === 'allowed', `${counted(ms)} counted of ${max}`).toBe(counted(ms) < max);
          if (p?.status === 'deferred' && p.allowedFrom) {
            const from = Date.parse(p.allowedFrom);
            expect(counted(from)).toBeLessThan(max);
            expect(counted(from - 1)).toBeGreaterThanOrEqual(max);
          }
        },
      ),
      { seed: 8, numRuns: 300 },
    );
  });
});
