import { describe, expect, it } from 'vitest';
import { ArrearsError, createEngine, formatPath, type PolicyInput } from '../src/index';
import { formatLocal } from '../src/time';
import { anAccount, simulate, type RespondContext, type Timeline } from '../src/testing/index';

// A small card strategy of our own, so that these timelines do not move when the presets do.
const bankCard: PolicyInput = {
  id: 'card',
  version: '1',
  jurisdiction: 'CN',
  conditions: { noOpenPromise: { all: [{ fact: 'hasOpenPromise', operator: 'equal', value: false }] } },
  actions: {
    app_reminder: { channel: 'app' },
    sms_reminder: { channel: 'sms' },
    call_self: { channel: 'phone' },
  },
  rules: [
    { id: 'pre-due', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: -3 }, { fact: 'daysPastDue', operator: 'lessThan', value: 0 }] }, then: ['app_reminder'] },
    { id: 'early', priority: 2, when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 }, { fact: 'daysPastDue', operator: 'lessThan', value: 8 }, { condition: 'noOpenPromise' }] }, then: ['sms_reminder', 'app_reminder'] },
    { id: 'calls', priority: 3, when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 8 }, { condition: 'noOpenPromise' }] }, then: ['call_self', 'sms_reminder'] },
  ],
  compliance: [
    {
      id: 'company',
      constraints: [
        { kind: 'window', id: 'hours', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], from: '09:00', to: '20:00' },
        { kind: 'cap', id: 'calls-per-day', appliesTo: { channels: ['phone'] }, max: 3, period: { calendar: 'day' }, scope: 'contact' },
        { kind: 'cooldown', id: 'two-hours-between-calls', appliesTo: { channels: ['phone'] }, after: { channels: ['phone'] }, wait: { duration: 'PT2H' } },
        { kind: 'cap', id: 'sms-every-2-days', appliesTo: { channels: ['sms'] }, max: 1, period: { calendarDays: 2 } },
        { kind: 'cap', id: 'one-push-a-day', appliesTo: { channels: ['app'] }, max: 1, period: { calendar: 'day' } },
        { kind: 'promiseHold', id: 'respect-promises', graceDays: 1 },
      ],
    },
  ],
};
const card = anAccount().id('CARD-9').withContact('self', { phone: true, sms: true, app: true });
const shanghai = (t: Timeline) => t.attempts.map((a) => `${formatLocal(Date.parse(a.at), 'Asia/Shanghai').slice(0, 16)} ${a.action} ${a.outcome}`);

describe('simulate', () => {
  it('carries out each allowed next action, jumping to when deferred ones are allowed', () => {
    const timeline = simulate(bankCard, card.overdueDays(5, { asOf: '2026-11-23' }), { from: '2026-11-23T00:00:00+08:00', to: '2026-11-29T00:00:00+08:00' });
    expect(shanghai(timeline)).toMatchInlineSnapshot(`
      [
        "2026-11-23 09:00 sms_reminder delivered",
        "2026-11-23 09:00 app_reminder delivered",
        "2026-11-24 09:00 app_reminder delivered",
        "2026-11-25 09:00 sms_reminder delivered",
        "2026-11-25 09:00 app_reminder delivered",
        "2026-11-26 09:00 call_self no_answer",
        "2026-11-26 11:00 call_self no_answer",
        "2026-11-26 13:00 call_self no_answer",
        "2026-11-27 09:00 call_self no_answer",
        "2026-11-27 09:00 sms_reminder delivered",
        "2026-11-27 11:00 call_self no_answer",
        "2026-11-27 13:00 call_self no_answer",
        "2026-11-28 09:00 call_self no_answer",
        "2026-11-28 11:00 call_self no_answer",
        "2026-11-28 13:00 call_self no_answer",
      ]
    `);
    expect(timeline.stopped).toBe('end');
    expect(timeline.account.history).toEqual(timeline.attempts);
    expect(timeline.attempts.map((a) => a.id)).toEqual(timeline.attempts.map((_, i) => `sim-${i + 1}`));
  });

  it('records every decision as a step, the attempt made on it if any', () => {
    const timeline = simulate(bankCard, card.overdueDays(5, { asOf: '2026-11-23' }), { from: '2026-11-23T00:00:00+08:00', to: '2026-11-24T00:00:00+08:00' });
    expect(timeline.steps).toMatchInlineSnapshot(`
      [
        {
          "at": "2026-11-22T16:00:00Z",
          "attempt": null,
          "next": {
            "action": "sms_reminder",
            "address": null,
            "allowedFrom": "2026-11-23T01:00:00Z",
            "channel": "sms",
            "codes": [
              "OUTSIDE_CONTACT_WINDOW",
            ],
            "contactId": "self",
            "status": "deferred",
          },
        },
        {
          "at": "2026-11-23T01:00:00Z",
          "attempt": {
            "action": "sms_reminder",
            "at": "2026-11-23T01:00:00Z",
            "channel": "sms",
            "consented": false,
            "contactId": "self",
            "direction": "outbound",
            "id": "sim-1",
            "outcome": "delivered",
          },
          "next": {
            "action": "sms_reminder",
            "address": null,
            "allowedFrom": "2026-11-23T01:00:00Z",
            "channel": "sms",
            "codes": [],
            "contactId": "self",
            "status": "allowed",
          },
        },
        {
          "at": "2026-11-23T01:00:00Z",
          "attempt": {
            "action": "app_reminder",
            "at": "2026-11-23T01:00:00Z",
            "channel": "app",
            "consented": false,
            "contactId": "self",
            "direction": "outbound",
            "id": "sim-2",
            "outcome": "delivered",
          },
          "next": {
            "action": "app_reminder",
            "address": null,
            "allowedFrom": "2026-11-23T01:00:00Z",
            "channel": "app",
            "codes": [],
            "contactId": "self",
            "status": "allowed",
          },
        },
        {
          "at": "2026-11-23T01:00:00Z",
          "attempt": null,
          "next": {
            "action": "app_reminder",
            "address": null,
            "allowedFrom": "2026-11-24T01:00:00Z",
            "channel": "app",
            "codes": [
              "FREQUENCY_CAP",
              "OUTSIDE_CONTACT_WINDOW",
            ],
            "contactId": "self",
            "status": "deferred",
          },
        },
      ]
    `);
  });

  it('moves to the next local midnight when no rule fires (the strategy reads daily facts)', () => {
    // Not yet due: the pre-due reminders start 3 days before the due date.
    const timeline = simulate(bankCard, card.overdueDays(-6, { asOf: '2026-11-23' }), { from: '2026-11-23T10:00:00+08:00', to: '2026-11-27T00:00:00+08:00' });
    expect(timeline.steps.slice(0, 3).map((s) => [s.at, s.next])).toEqual([
      ['2026-11-23T02:00:00Z', null],
      ['2026-11-23T16:00:00Z', null],
      ['2026-11-24T16:00:00Z', null],
    ]);
    expect(shanghai(timeline)[0]).toBe('2026-11-26 09:00 app_reminder delivered');
  });

  it('steps at most `step` at a time, so rules reading the local hour are seen', () => {
    const afternoon: PolicyInput = {
      id: 'afternoon',
      version: '1',
      jurisdiction: 'CN',
      actions: { sms: { channel: 'sms' } },
      rules: [{ id: 'pm', when: { all: [{ fact: 'localHour', operator: 'equal', value: 15 }] }, then: ['sms'] }],
    };
    const options = { from: '2026-11-23T00:00:00+08:00', to: '2026-11-24T00:00:00+08:00' };
    expect(simulate(afternoon, card.overdueDays(5, { asOf: '2026-11-23' }), options).attempts).toEqual([]);
    expect(shanghai(simulate(afternoon, card.overdueDays(5, { asOf: '2026-11-23' }), { ...options, step: 'PT1H' }))).toEqual(['2026-11-23 15:00 sms delivered']);
  });

  it('keeps promises the scripted debtor makes, and the hold they put on collection', () => {
    // Each promise is for 3 days later; the hold lasts through the promised date and 1 day of grace.
    const timeline = simulate(bankCard, card.overdueDays(12, { asOf: '2026-11-23' }), { from: '2026-11-23T00:00:00+08:00', to: '2026-12-05T00:00:00+08:00', respond: 'promises-then-breaks' });
    expect(shanghai(timeline)).toMatchInlineSnapshot(`
      [
        "2026-11-23 09:00 call_self promise_to_pay",
        "2026-11-28 09:00 call_self promise_to_pay",
        "2026-12-03 09:00 call_self promise_to_pay",
      ]
    `);
    expect(timeline.account.promises[0]).toEqual({ madeAt: '2026-11-23T01:00:00Z', dueDate: '2026-11-26', amount: 100_000 });
  });

  it('asks a responder function, telling it which attempt this is', () => {
    const seen: RespondContext[] = [];
    const timeline = simulate(bankCard, card.overdueDays(12, { asOf: '2026-11-23' }), {
      from: '2026-11-23T00:00:00+08:00',
      to: '2026-11-25T00:00:00+08:00',
      pause: 'PT2H',
      respond: (ctx) => {
        seen.push(ctx);
        return ctx.channel === 'phone' && ctx.attemptNumber === 2 ? 'refused' : ctx.channel === 'phone' ? 'voicemail' : 'delivered';
      },
    });
    expect(seen.map((c) => `${c.localDate} ${c.action} #${c.attemptNumber}`)).toMatchInlineSnapshot(`
      [
        "2026-11-23 call_self #1",
        "2026-11-23 call_self #2",
        "2026-11-23 call_self #3",
        "2026-11-23 sms_reminder #1",
        "2026-11-24 call_self #4",
        "2026-11-24 call_self #5",
        "2026-11-24 call_self #6",
      ]
    `);
    expect(timeline.attempts.filter((a) => a.channel === 'phone').map((a) => a.outcome).slice(0, 3)).toEqual(['voicemail', 'refused', 'voicemail']);
  });

  it('is bounded by maxSteps and says so', () => {
    const timeline = simulate(bankCard, card.overdueDays(12, { asOf: '2026-11-23' }), { from: '2026-11-23T00:00:00+08:00', to: '2027-11-23T00:00:00+08:00', maxSteps: 25 });
    expect(timeline.steps).toHaveLength(25);
    expect(timeline.stopped).toBe('maxSteps');
  });

  it('is deterministic, takes an engine too, and leaves its inputs unchanged', () => {
    const account = card.overdueDays(40, { asOf: '2026-11-23' }).build();
    const frozen = JSON.stringify(account);
    const options = { from: '2026-11-23T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00', respond: 'answers-on-2nd' } as const;
    const a = simulate(bankCard, account, options);
    const b = simulate(createEngine(bankCard), account, options);
    expect(b).toEqual(a);
    expect(JSON.stringify(account)).toBe(frozen);
    expect(a.attempts.length).toBeGreaterThan(5);
  });

  it('refuses bad options with ArrearsError', () => {
    const account = card.overdueDays(5, { asOf: '2026-11-23' });
    const issue = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof ArrearsError ? `${e.code} ${formatPath(e.issues[0]?.path ?? [])}: ${e.issues[0]?.message}` : String(e);
      }
      return 'no error';
    };
    expect(issue(() => simulate(bankCard, account, { from: '2026-11-23T00:00:00', to: '2026-11-24T00:00:00Z' }))).toMatch(/^OPTIONS_INVALID from: .* has no UTC offset/);
    // @ts-expect-error: 'ghosts' is not a scripted responder
    expect(issue(() => simulate(bankCard, account, { from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z', respond: 'ghosts' }))).toMatch(/^OPTIONS_INVALID respond: unknown responder "ghosts"/);
    expect(issue(() => simulate(bankCard, account, { from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z', maxSteps: 0 }))).toMatch(/^OPTIONS_INVALID maxSteps/);
    // @ts-expect-error: a responder returns an outcome
    expect(issue(() => simulate(bankCard, account, { from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z', respond: () => 'picked up' }))).toMatch(/^OPTIONS_INVALID respond: the responder returned "picked up", not an outcome/);
    expect(issue(() => simulate(bankCard, account, { from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z', step: 'one day' }))).toMatch(/^OPTIONS_INVALID step: "one day" is not an ISO 8601 duration/);
  });
});
