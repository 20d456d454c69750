import { describe, expect, it } from 'vitest';
import { createEngine, type AccountInput } from '../src/index';
import { overdue, readJson } from './support/accounts';

const engine = createEngine(readJson('examples/policies/bank-card.json'));
const TUESDAY = '2026-11-24';
const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

interface Row {
  dpd: number;
  now: string;
  next: string | null;
  status?: 'allowed' | 'deferred';
  allowedFrom?: string;
  extra?: Partial<AccountInput>;
}

const sms = (when: string) => ({ at: when, action: 'sms_reminder', channel: 'sms' as const, contactId: 'me', outcome: 'delivered' as const });
const call = (when: string, outcome: 'no_answer' | 'busy' = 'no_answer') => ({ at: when, action: 'call_self', channel: 'phone' as const, contactId: 'me', outcome });

const rows: Row[] = [
  { dpd: -10, now: at(TUESDAY, '10:30'), next: null },
  { dpd: -4, now: at(TUESDAY, '10:30'), next: null },
  { dpd: -3, now: at(TUESDAY, '10:30'), next: 'app_reminder' },
  { dpd: -1, now: at(TUESDAY, '10:30'), next: 'app_reminder' },
  { dpd: 0, now: at(TUESDAY, '10:30'), next: null },
  { dpd: 1, now: at(TUESDAY, '10:30'), next: 'sms_reminder' },
  { dpd: 3, now: at(TUESDAY, '10:30'), next: 'sms_reminder' },
  { dpd: 7, now: at(TUESDAY, '10:30'), next: 'sms_reminder' },
  // An SMS yesterday: the 1-per-2-calendar-days cap defers SMS; the app reminder goes first.
  { dpd: 3, now: at(TUESDAY, '10:30'), next: 'app_reminder', extra: { history: [sms(at('2026-11-23', '10:00'))] } },
  // Two days later the SMS cap has freed.
  { dpd: 4, now: at('2026-11-25', '10:30'), next: 'sms_reminder', extra: { history: [sms(at('2026-11-23', '10:00'))] } },
  { dpd: 8, now: at(TUESDAY, '10:30'), next: 'call_self' },
  { dpd: 10, now: at(TUESDAY, '10:30'), next: 'call_self' },
  { dpd: 30, now: at(TUESDAY, '10:30'), next: 'call_self' },
  // Three calls today: the daily cap defers calls, SMS is the fallback.
  { dpd: 12, now: at(TUESDAY, '15:00'), next: 'sms_reminder', extra: { history: [call(at(TUESDAY, '09:10')), call(at(TUESDAY, '11:00')), call(at(TUESDAY, '14:00'), 'busy')] } },
  { dpd: 31, now: at(TUESDAY, '10:30'), next: 'call_firm' },
  { dpd: 44, now: at(TUESDAY, '10:30'), next: 'call_firm' },
  { dpd: 45, now: at(TUESDAY, '10:30'), next: 'field_visit' },
  { dpd: 60, now: at(TUESDAY, '10:30'), next: 'field_visit' },
  // Visits close at 18:00, calls at 20:00.
  { dpd: 60, now: at(TUESDAY, '18:30'), next: 'call_firm' },
  { dpd: 90, now: at(TUESDAY, '10:30'), next: 'field_visit' },
  { dpd: 91, now: at(TUESDAY, '10:30'), next: 'lawyer_letter' },
  { dpd: 95, now: at(TUESDAY, '10:30'), next: 'lawyer_letter' },
  { dpd: 200, now: at(TUESDAY, '10:30'), next: 'lawyer_letter' },
  // Before the company's 09:00: every proposal waits for 09:00.
  { dpd: 10, now: at(TUESDAY, '08:15'), next: 'call_self', status: 'deferred', allowedFrom: '2026-11-24T01:00:00Z' },
  // After 20:00: next morning 09:00.
  { dpd: 10, now: at(TUESDAY, '21:30'), next: 'call_self', status: 'deferred', allowedFrom: '2026-11-25T01:00:00Z' },
  // Saturday is open, Sunday closed: Sunday 11:00 waits for Monday 09:00.
  { dpd: 10, now: at('2026-11-28', '11:00'), next: 'call_self', status: 'allowed' },
  { dpd: 10, now: at('2026-11-29', '11:00'), next: 'call_self', status: 'deferred', allowedFrom: '2026-11-30T01:00:00Z' },
  // National Day week (holiday calendar CN): deferred to 2026-10-08 09:00.
  { dpd: 10, now: at('2026-10-03', '10:00'), next: 'call_self', status: 'deferred', allowedFrom: '2026-10-08T01:00:00Z' },
  // Saturday night before Sunday: Monday 09:00.
  { dpd: 45, now: at('2026-11-28', '19:00'), next: 'call_firm', status: 'allowed' },
  { dpd: 45, now: at('2026-11-28', '20:00'), next: 'field_visit', status: 'deferred', allowedFrom: '2026-11-30T01:00:00Z' },
  // An open promise to pay holds every rule.
  { dpd: 20, now: at(TUESDAY, '10:30'), next: null, extra: { promises: [{ dueDate: '2026-11-27', amount: 100_000 }] } },
  // A broken promise no longer holds.
  { dpd: 20, now: at(TUESDAY, '10:30'), next: 'call_self', extra: { promises: [{ dueDate: '2026-11-20', amount: 100_000 }] } },
];

describe('bank-card strategy ladder', () => {
  it.each(rows.map((r, i) => ({ ...r, i })))('#$i day $dpd at $now → $next', ({ dpd, now, next, status, allowedFrom, extra }) => {
    const decision = engine.decide(overdue(dpd, now.slice(0, 10), extra), { now });
    expect(decision.next?.action ?? null).toBe(next);
    if (status) expect(decision.next?.status).toBe(status);
    if (allowedFrom) expect(decision.next?.allowedFrom).toBe(allowedFrom);
  });

  it('has at least 30 cases', () => {
    expect(rows.length).toBeGreaterThanOrEqual(30);
  });

  it('past 90 days proposes the whole legal route, litigation awaiting approval', () => {
    const d = engine.decide(overdue(120, TUESDAY), { now: at(TUESDAY, '10:30') });
    expect(d.proposals.map((p) => [p.action, p.status])).toEqual([
      ['lawyer_letter', 'allowed'],
      ['credit_report', 'allowed'],
      ['litigation', 'needs_approval'],
      ['call_firm', 'allowed'],
    ]);
    const approved = engine.decide(overdue(120, TUESDAY, { approvals: [{ action: 'litigation', at: '2026-11-20T09:00:00+08:00' }] }), { now: at(TUESDAY, '10:30') });
    expect(approved.proposals.find((p) => p.action === 'litigation')?.status).toBe('allowed');
  });
});
