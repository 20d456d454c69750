import { describe, expect, it } from 'vitest';
import { deriveFacts, FACT_NAMES, type PolicyInput } from '../src/index';

const policy = (when: object, extra: Partial<PolicyInput> = {}): PolicyInput => ({
  id: 'f',
  version: '1',
  jurisdiction: 'CN',
  actions: { a: { kind: 'internal' } },
  rules: [{ id: 'r', when: when as never, then: ['a'] }],
  ...extra,
});
const account = (extra: Record<string, unknown> = {}) => ({
  id: 'A',
  currency: 'CNY',
  amountDue: 1000,
  dueDate: '2026-11-01',
  debtor: { timeZone: 'Asia/Shanghai' },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }],
  ...extra,
});

describe('facts', () => {
  it('computes only the facts the policy uses', () => {
    const facts = deriveFacts(account(), '2026-11-23T10:00:00+08:00', policy({ all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }));
    expect(facts).toEqual({ daysPastDue: 22 });
  });

  it("counts days past due in the debtor's calendar, not UTC", () => {
    const p = policy({ all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] });
    // 2026-11-23T17:00Z is already the 24th in Shanghai, still the 23rd in New York.
    expect(deriveFacts(account(), '2026-11-23T17:00:00Z', p)['daysPastDue']).toBe(23);
    expect(deriveFacts(account({ debtor: { timeZone: 'America/New_York' } }), '2026-11-23T17:00:00Z', p)['daysPastDue']).toBe(22);
  });

  it('buckets by 30 days (M0, M1…) or by the policy’s own edges', () => {
    // The condition only makes the policy read `bucket`; a reference to another fact is never refused as a value.
    const when = { all: [{ fact: 'bucket', operator: 'equal', value: { fact: 'localDate' } }] };
    const at = (dpd: number, p: PolicyInput) => {
      const due = new Date(Date.UTC(2026, 10, 23 - dpd)).toISOString().slice(0, 10);
      return deriveFacts(account({ dueDate: due }), '2026-11-23T10:00:00+08:00', p)['bucket'];
    };
    expect([0, 1, 30, 31, 60, 61, 91].map((d) => at(d, policy(when)))).toEqual(['M0', 'M1', 'M1', 'M2', 'M2', 'M3', 'M4']);
    const custom = policy(when, { buckets: [{ id: 'current', upTo: 0 }, { id: 'early', upTo: 30 }, { id: 'middle', upTo: 90 }, { id: 'late' }] });
    expect([-3, 0, 1, 30, 31, 90, 91].map((d) => at(d, custom))).toEqual(['current', 'current', 'early', 'early', 'middle', 'middle', 'late']);
  });

  it('derives the oldest unpaid due date from instalments', () => {
    const p = policy({ all: [{ fact: 'overdueInstalments', operator: 'greaterThan', value: 0 }, { fact: 'daysPastDue', operator: 'greaterThan', value: 0 }, { fact: 'overdueAmount', operator: 'greaterThan', value: 0 }] });
    const a = account({
      dueDate: undefined,
      instalments: [
        { dueDate: '2026-09-30', amount: 500, paid: 500 },
        { dueDate: '2026-10-31', amount: 500, paid: 100 },
        { dueDate: '2026-11-30', amount: 500 },
      ],
    });
    expect(deriveFacts(a, '2026-11-23T10:00:00+08:00', p)).toEqual({ daysPastDue: 23, overdueAmount: 400, overdueInstalments: 1 });
  });

  it('counts attempts with params (within, channel, outcome) and local time facts', () => {
    const p = policy({
      all: [
        { fact: 'attemptCount', params: { within: 'P7D', channel: 'phone' }, operator: 'greaterThan', value: 0 },
        { fact: 'attemptCount', params: { within: { calendarDays: 1 } }, operator: 'greaterThan', value: 0 },
        { fact: 'localHour', operator: 'greaterThan', value: 0 },
        { fact: 'localWeekday', operator: 'equal', value: 'mon' },
        { fact: 'daysSinceLastAttempt', operator: 'equal', value: 0 },
        { fact: 'attributes.segment', operator: 'equal', value: 'gold' },
        { fact: 'isHoliday', operator: 'equal', value: false },
      ],
    }, { holidays: { cn: ['2026-11-23'] } });
    const a = account({
      attributes: { segment: 'gold' },
      history: [
        { at: '2026-11-23T08:00:00+08:00', channel: 'phone', contactId: 'me', outcome: 'no_answer' },
        { at: '2026-11-20T08:00:00+08:00', channel: 'sms', contactId: 'me', outcome: 'delivered' },
        { at: '2026-11-10T08:00:00+08:00', channel: 'phone', contactId: 'me', outcome: 'no_answer' },
        { at: '2026-11-30T08:00:00+08:00', channel: 'phone', contactId: 'me', outcome: 'no_answer' },
      ],
    });
    expect(deriveFacts(a, '2026-11-23T10:00:00+08:00', p)).toEqual({
      'attemptCount{"channel":"phone","within":"P7D"}': 1,
      'attemptCount{"within":{"calendarDays":1}}': 1,
      'attributes.segment': 'gold',
      daysSinceLastAttempt: 0,
      isHoliday: true,
      localHour: 10,
      localWeekday: 'mon',
    });
  });

  it("'all' computes the whole param-less catalogue", () => {
    const facts = deriveFacts(account(), '2026-11-23T10:00:00+08:00', policy({ all: [] }), { facts: 'all' });
    expect(Object.keys(facts).length).toBe(FACT_NAMES.filter((n) => !['attemptCount', 'daysSinceLastAction', 'daysSinceFlag', 'hasApproval'].includes(n)).length);
    expect(facts).toMatchObject({ settled: false, selfReachable: true, ceaseCommunication: false, localDate: '2026-11-23', daysToMonthEnd: 7 });
  });
});
