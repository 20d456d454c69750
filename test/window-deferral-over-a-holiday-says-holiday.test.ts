import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, presets } from '../src/index';
import { callPolicy, debtor, window } from './support/policies';

/*
 * `closedOn` closes a window on holidays, and the reason is then HOLIDAY — also when the proposal
 * is asked about outside the hours, the evening before or the early morning of the holiday: the
 * window refuses for its hours until they would open (OUTSIDE_CONTACT_WINDOW), then for the
 * holiday until it really opens (HOLIDAY), each reason with its own end. The HOLIDAY message
 * names the calendar and the dates.
 */

const golden = { ...callPolicy([window('hours', '09:00', '20:00', { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], closedOn: ['CN'] })]), holidays: { CN: ['2026-10-01/2026-10-07'] } };
const reasonsOf = (policy: unknown, account: unknown, now: string) => {
  const next = createEngine(policy).decide(account, { now }).next;
  return { allowedFrom: next?.allowedFrom, reasons: next?.reasons.map((r) => [r.code, r.until]) };
};

describe('a deferral that passes over a holiday says HOLIDAY', () => {
  it('the evening before: outside the hours until the holiday morning, then HOLIDAY until the window opens', () => {
    expect(reasonsOf(golden, debtor('Asia/Shanghai'), '2026-09-30T20:30:00+08:00')).toEqual({
      allowedFrom: '2026-10-08T01:00:00Z',
      reasons: [
        ['OUTSIDE_CONTACT_WINDOW', '2026-10-01T01:00:00Z'],
        ['HOLIDAY', '2026-10-08T01:00:00Z'],
      ],
    });
    // An ordinary night, no holiday in the way: the hours alone.
    expect(reasonsOf(golden, debtor('Asia/Shanghai'), '2026-09-28T21:00:00+08:00').reasons).toEqual([['OUTSIDE_CONTACT_WINDOW', '2026-09-29T01:00:00Z']]);
  });

  it('early on the holiday itself: the same two steps', () => {
    expect(reasonsOf(golden, debtor('Asia/Shanghai'), '2026-10-01T07:00:00+08:00').reasons).toEqual([
      ['OUTSIDE_CONTACT_WINDOW', '2026-10-01T01:00:00Z'],
      ['HOLIDAY', '2026-10-08T01:00:00Z'],
    ]);
  });

  it('during the hours of a holiday: HOLIDAY alone, naming the days left', () => {
    expect(reasonsOf(golden, debtor('Asia/Shanghai'), '2026-10-01T10:00:00+08:00').reasons).toEqual([['HOLIDAY', '2026-10-08T01:00:00Z']]);
    const later = createEngine(golden).decide(debtor('Asia/Shanghai'), { now: '2026-10-05T10:00:00+08:00' }).next?.reasons[0];
    expect(later?.message).toMatch(/^closed on holiday 2026-10-05 to 2026-10-07 \(calendar CN\): /);
  });

  it('the HOLIDAY message names the calendar and the dates, and explain shows it', () => {
    const engine = createEngine(golden);
    const decision = engine.decide(debtor('Asia/Shanghai'), { now: '2026-09-30T20:30:00+08:00' });
    const holiday = decision.next?.reasons.find((r) => r.code === 'HOLIDAY');
    expect(holiday?.message).toBe("closed on holiday 2026-10-01 to 2026-10-07 (calendar CN): contact window 'hours' 09:00–20:00 mon/tue/wed/thu/fri/sat (Asia/Shanghai)");
    expect(engine.explain(decision)).toContain('HOLIDAY [hours]: closed on holiday 2026-10-01 to 2026-10-07 (calendar CN)');
  });

  it('a night window closed on its holiday names the day the night started on', () => {
    const night = { ...callPolicy([window('nights', '22:00', '02:00', { closedOn: ['x'] })]), holidays: { x: ['2026-12-24', '2026-12-31'] } };
    const next = createEngine(night).decide(debtor('UTC'), { now: '2026-12-25T01:00:00Z' }).next;
    expect(next?.reasons.map((r) => [r.code, r.until])).toEqual([['HOLIDAY', '2026-12-25T22:00:00Z']]);
    expect(next?.reasons[0]?.message).toMatch(/^closed on holiday 2026-12-24 \(calendar x\)/);
  });

  it('the shipped bank-card policy with the China preset, on the National Day holiday (CARD-1004)', () => {
    const policy = composePolicies(presets.chinaCba, JSON.parse(readFileSync(new URL('../examples/policies/bank-card.json', import.meta.url), 'utf8')));
    const accounts = JSON.parse(readFileSync(new URL('../examples/accounts/bank-card-accounts.json', import.meta.url), 'utf8')) as { id: string }[];
    const account = accounts.find((a) => a.id === 'CARD-1004');
    const company = (now: string) =>
      createEngine(policy)
        .decide(account, { now })
        .next?.reasons.filter((r) => r.constraint === 'company-call-hours')
        .map((r) => [r.code, r.until]);
    const twoSteps = [
      ['OUTSIDE_CONTACT_WINDOW', '2026-10-01T01:00:00Z'],
      ['HOLIDAY', '2026-10-08T01:00:00Z'],
    ];
    expect(company('2026-09-30T20:30:00+08:00')).toEqual(twoSteps);
    expect(company('2026-10-01T07:00:00+08:00')).toEqual(twoSteps);
    expect(company('2026-10-01T10:00:00+08:00')).toEqual([['HOLIDAY', '2026-10-08T01:00:00Z']]);
  });
});
