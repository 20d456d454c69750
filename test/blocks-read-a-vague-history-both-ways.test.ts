import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, presets } from '../src/index';

// A history may not say all a block's attempt counts ask: the channel (an action on SMS or phone,
// logged without `channel`), whom it reached (no `contactId`), the action (none, or an old id).
// Compliance may only restrict: a block holds when it holds on either reading — counting such an
// attempt only where it certainly matches, or wherever it may.
const now = '2026-11-23T10:00:00-05:00';
const account = (history: unknown[]) => ({
  id: 'A-1',
  currency: 'USD',
  amountDue: 100_000,
  dueDate: '2026-09-01',
  debtor: { timeZone: 'America/New_York' },
  contacts: [
    { id: 'me', relationship: 'self', channels: [{ channel: 'sms' }, { channel: 'phone' }] },
    { id: 'mum', relationship: 'family', channels: [{ channel: 'phone' }] },
  ],
  history,
});

describe('blocks read a vague history both ways', () => {
  it('a right-party contact under a call-or-text action is no proof of a conversation (Reg F, before a credit report)', () => {
    const strategy = (channel: unknown) => ({
      id: 's',
      version: '1',
      jurisdiction: 'US',
      actions: { reach_out: { channel, target: 'self' }, report: { kind: 'credit_report' } },
      rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 30 }] }, then: ['report'] }],
    });
    const texted = [{ at: '2026-11-20T10:00:00-05:00', action: 'reach_out', contactId: 'me', outcome: 'right_party_contact' }];
    for (const channel of ['sms', ['sms', 'phone']]) {
      const d = createEngine(composePolicies(presets.usRegulationF, strategy(channel))).decide(account(texted), { now });
      expect(d.proposals[0]?.status).toBe('blocked');
      expect(d.proposals[0]?.reasons.map((r) => r.constraint)).toContain('regf-no-report-before-contact');
    }
    // Logged with its channel, the call is a conversation: the block lifts.
    const called = [{ ...texted[0], channel: 'phone' }];
    expect(createEngine(composePolicies(presets.usRegulationF, strategy(['sms', 'phone']))).decide(account(called), { now }).proposals[0]?.status).not.toBe('blocked');
  });

  const capped = createEngine({
    id: 'p',
    version: '1',
    jurisdiction: 'US',
    actions: { call: { channel: 'phone', target: 'self' }, call_family: { channel: 'phone', target: 'family' } },
    rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call', 'call_family'] }],
    compliance: [
      {
        id: 'house',
        constraints: [
          {
            kind: 'block',
            id: 'three-calls-a-week',
            appliesTo: { actions: ['call'] },
            when: { all: [{ fact: 'attemptCount', params: { channel: 'phone', within: 'P7D' }, operator: 'greaterThanInclusive', value: 3 }] },
            message: 'three calls a week at most',
          },
          {
            kind: 'block',
            id: 'family-twice',
            appliesTo: { relationships: ['family'] },
            when: { all: [{ fact: 'attemptCount', params: { relationship: 'family' }, operator: 'greaterThanInclusive', value: 2 }] },
            message: 'the family is called twice at most',
          },
        ],
      },
    ],
  });
  const statusOf = (history: unknown[], action: string) => capped.decide(account(history), { now }).proposals.find((p) => p.action === action);

  it('attempts on no known channel count toward a block that stops at a number of calls, and it lifts when they age out', () => {
    const days = ['2026-11-18', '2026-11-20', '2026-11-22'];
    const vague = days.map((day) => ({ at: `${day}T10:00:00-05:00`, action: 'dial_v1', contactId: 'me', outcome: 'no_answer' }));
    const call = statusOf(vague, 'call');
    expect(call?.status).toBe('deferred');
    expect(call?.reasons.map((r) => r.constraint)).toContain('three-calls-a-week');
    // The first of the three leaves the week at 2026-11-25 10:00 New York.
    expect(call?.allowedFrom).toBe('2026-11-25T15:00:00Z');
    // Logged as texts, they are not calls.
    expect(statusOf(vague.map((a) => ({ ...a, channel: 'sms' })), 'call')?.status).toBe('allowed');
  });

  it('a vague attempt is read both ways in every zone: the order of the zones changes nothing', () => {
    const perDay = createEngine({
      id: 'p',
      version: '1',
      jurisdiction: 'US',
      actions: { call: { channel: 'phone', target: 'self' } },
      rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call'] }],
      compliance: [
        {
          id: 'reg',
          constraints: [
            {
              kind: 'block',
              id: 'two-calls-a-day',
              when: { all: [{ fact: 'attemptCount', params: { channel: 'phone', within: { calendarDays: 1 } }, operator: 'greaterThanInclusive', value: 2 }] },
              message: 'two calls a local day at most',
            },
          ],
        },
      ],
    });
    // A dialer import (no channel, no action) at 10:00Z: 02:00 in Los Angeles, today; 23:00 in Auckland, yesterday.
    const history = [
      { at: '2026-03-02T10:00:00Z', outcome: 'no_answer' },
      { at: '2026-03-02T19:30:00Z', action: 'call', channel: 'phone', contactId: 'me', outcome: 'no_answer' },
    ];
    for (const timeZone of [['America/Los_Angeles'], ['America/Los_Angeles', 'Pacific/Auckland'], ['Pacific/Auckland', 'America/Los_Angeles']]) {
      const d = perDay.decide({ ...account(history), dueDate: '2026-01-01', debtor: { timeZone } }, { now: '2026-03-02T20:00:00Z' });
      expect(d.proposals[0]?.status).toBe('deferred');
      expect(d.proposals[0]?.reasons[0]?.constraint).toBe('two-calls-a-day');
    }
  });

  it('an attempt under an action the policy does not know may have been only an action on its channel', () => {
    const oneCall = createEngine({
      id: 'p',
      version: '1',
      jurisdiction: 'US',
      actions: { call: { channel: 'phone', target: 'self' } },
      rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call'] }],
      compliance: [{ id: 'house', constraints: [{ kind: 'block', id: 'one-call', when: { all: [{ fact: 'attemptCount', params: { action: 'call' }, operator: 'greaterThanInclusive', value: 1 }] }, message: 'one call' }] }],
    });
    const logged = (channel?: string) => [{ at: '2026-11-20T10:00:00-05:00', action: 'reminder_v1', contactId: 'me', outcome: 'no_answer', ...(channel === undefined ? {} : { channel }) }];
    expect(oneCall.decide(account(logged('sms')), { now }).proposals[0]?.status).toBe('allowed');
    expect(oneCall.decide(account(logged('phone')), { now }).proposals[0]?.status).toBe('blocked');
    expect(oneCall.decide(account(logged()), { now }).proposals[0]?.status).toBe('blocked');
  });

  it('attempts that do not say whom they reached count toward a block on a relationship', () => {
    const unnamed = ['2026-11-10', '2026-11-12'].map((day) => ({ at: `${day}T10:00:00-05:00`, action: 'call_family', channel: 'phone', outcome: 'no_answer' }));
    expect(statusOf(unnamed, 'call_family')?.status).toBe('blocked');
    expect(statusOf(unnamed.map((a) => ({ ...a, contactId: 'me' })), 'call_family')?.status).toBe('allowed');
  });
});
