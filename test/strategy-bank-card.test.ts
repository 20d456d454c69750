/**
 * The bank-card bucket strategy composed with the China preset, day by day over 120 days with a
 * cardholder who never answers: SMS/app reminders around the due date, a call a day in M1, firm
 * calls to the cardholder and the guarantor and a weekly visit in M2-M3, then lawyer's letter,
 * credit-bureau report and suit (awaiting approval) past 90 days. The card centre works Monday to
 * Saturday and closes on the CN holidays.
 */
import { describe, expect, it } from 'vitest';
import { type AccountInput, composePolicies, createEngine, presets } from '../src/index';
import { addDays, daysOf, range, runTimeline, weekday } from './strategy-timeline';

const engine = createEngine(composePolicies(presets.chinaCba, presets.strategies.bankCard));
const DUE = '2026-03-02'; // Monday
const card: AccountInput = {
  id: 'CARD-2201',
  currency: 'CNY',
  amountDue: 356_000,
  dueDate: DUE,
  debtor: { name: 'Sun Li', timeZone: 'Asia/Shanghai', jurisdiction: 'CN' },
  contacts: [
    {
      id: 'me',
      relationship: 'self',
      channels: [{ channel: 'app' }, { channel: 'sms', address: '+86 138 0000 2201' }, { channel: 'phone', address: '+86 138 0000 2201' }, { channel: 'visit', address: 'Xuhui, Shanghai' }, { channel: 'letter', address: 'Xuhui, Shanghai' }],
    },
    { id: 'g', relationship: 'guarantor', channels: [{ channel: 'phone', address: '+86 139 0000 7788' }] },
  ],
};
// The State Council's 2026 notice: Qingming 4-6 April, Labour Day 1-5 May, Dragon Boat 19-21 June.
const HOLIDAYS = new Set(['2026-04-04', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', '2026-06-19', '2026-06-20', '2026-06-21']);
const open = (day: number) => weekday(addDays(DUE, day)) !== 7 && !HOLIDAYS.has(addDays(DUE, day));

describe('bank-card buckets + China preset: a cardholder who never answers, 120 days', () => {
  const { steps, approvalsAsked, lastDecisions } = runTimeline(engine, card, { from: addDays(DUE, -5), to: addDays(DUE, 120), origin: DUE, approve: () => false });

  it('before the due date: app and SMS reminders in the last 3 days (day −1 is a Sunday), SMS at most every 2 days', () => {
    expect(steps.filter((s) => s.day <= 0).map((s) => `${s.day}:${s.action}`)).toEqual(['-3:app_reminder', '-3:sms_reminder', '-2:app_reminder']);
  });

  it('days 1-7: an SMS every 2 days and an app push a day, nothing on Sunday', () => {
    expect(daysOf(steps, 'sms_reminder').filter((d) => d >= 1 && d <= 7)).toEqual([1, 3, 5, 7]);
    expect(daysOf(steps, 'app_reminder').filter((d) => d >= 1)).toEqual([1, 2, 3, 4, 5, 7]);
  });

  it('days 8-30 (M1): one reminder call a day on open days — the next would come two hours later', () => {
    expect(daysOf(steps, 'call_self')).toEqual(range(8, 30).filter(open));
  });

  it('days 31-120: a firm call a day to the cardholder and to the guarantor on open days (holidays closed)', () => {
    expect(daysOf(steps, 'call_firm', 'me')).toEqual(range(31, 120).filter(open));
    expect(daysOf(steps, 'call_firm', 'g')).toEqual(range(31, 120).filter(open));
    expect(open(60)).toBe(false); // 2026-05-01
  });

  it('days 45-90: a field visit a week', () => {
    expect(daysOf(steps, 'field_visit')).toEqual([45, 52, 59, 66, 73, 80, 87]);
  });

  it('past 90 days: lawyer’s letter and credit-bureau report on day 91; suit waits for the bank’s approval', () => {
    expect(daysOf(steps, 'lawyer_letter')).toEqual([91]);
    expect(daysOf(steps, 'credit_report')).toEqual([91]);
    expect(approvalsAsked).toEqual([{ action: 'litigation', day: 91 }]);
    expect(lastDecisions.at(-1)?.proposals.find((p) => p.action === 'litigation')?.status).toBe('needs_approval');
  });

  it('one call a day per person: the 2-hour gap and the daily run keep calls apart', () => {
    const calls = steps.filter((s) => s.channel === 'phone');
    const perDayAndPerson = new Map<string, number>();
    for (const c of calls) perDayAndPerson.set(`${c.day}:${c.contactId}`, (perDayAndPerson.get(`${c.day}:${c.contactId}`) ?? 0) + 1);
    expect(Math.max(...perDayAndPerson.values())).toBe(1);
  });
});

describe('bank-card buckets: the strategy is bounded at every instant', () => {
  it('deciding again at the same instant after each action ends: app once a day, one suit a year', () => {
    const late = { ...card, dueDate: addDays(DUE, -120) };
    const { steps } = runTimeline(engine, late, { from: DUE, to: addDays(DUE, 2), origin: DUE, approve: () => true });
    expect(daysOf(steps, 'litigation')).toEqual([1]);
  });
});
