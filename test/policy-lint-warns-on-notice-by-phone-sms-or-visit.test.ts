import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, lintPolicy, presets } from '../src/index';
import { regulations, strategies } from '../src/presets';
import { policyWith, warningsOf as warningsOfCode } from './support/lint-warnings';

/*
 * Regulation presets let `kind: 'notice'` through their cease and dispute blocks: the notices the
 * law allows after a cease request (Reg F § 1006.6(c)(2): efforts terminated, a remedy invoked) are
 * written. A call or a field visit labelled a notice passes those blocks too: the policy is legal,
 * so it parses, with a `notice_by_conversation` warning. Written channels (letter, email, and the
 * electronic messages sms and app) are not warned.
 */

const warningsOf = (input: unknown) => warningsOfCode(input, 'notice_by_conversation');

describe('notice_by_conversation', () => {
  it('a notice by phone: the warning is at its kind and says what to do', () => {
    expect(warningsOf(policyWith({ final_call: { channel: 'phone', kind: 'notice', label: 'Final demand call' } }))).toEqual([
      {
        code: 'notice_by_conversation',
        path: ['actions', 'final_call', 'kind'],
        message:
          "action 'final_call' has `kind: 'notice'` but goes by phone: regulation presets let notices through their cease and dispute blocks because the notices the law allows after a cease request (Reg F § 1006.6(c)(2): efforts terminated, a remedy invoked) are written, so this one would pass them too; set `kind: 'communication'`, or, if it is one of those notices, send it in writing (letter, email, sms or app)",
      },
    ]);
  });

  it.each([
    ['visit', { channel: 'visit', kind: 'notice' }, 'visit'],
    ['an array containing phone', { channel: ['letter', 'phone'], kind: 'notice' }, 'phone'],
    ['an array of phone and visit (one warning, both named)', { channel: ['visit', 'sms', 'phone'], kind: 'notice', target: 'self' }, 'visit, phone'],
  ])('%s', (_, action, channels) => {
    expect(warningsOf(policyWith({ n: action })).map((w) => [w.path, w.message.includes(`goes by ${channels}:`)])).toEqual([[['actions', 'n', 'kind'], true]]);
  });

  it.each([
    ['a notice by letter', { n: { channel: 'letter', kind: 'notice' } }],
    ['a notice by email', { n: { channel: 'email', kind: 'notice' } }],
    ['a notice by sms or app (written electronic messages)', { n: { channel: ['sms', 'app'], kind: 'notice' } }],
    ['a notice without a channel (posted)', { n: { kind: 'notice' } }],
    ['a call or visit of kind communication', { c: { channel: 'phone', kind: 'communication' }, v: { channel: ['visit', 'phone'] } }],
  ])('no warning for %s', (_, actions) => {
    expect(warningsOf(policyWith(actions))).toEqual([]);
  });

  it('the warning points at what the engine then does: the Reg F cease block lets the call labelled a notice through', () => {
    const decide = (kind: string) =>
      createEngine(composePolicies(presets.usRegulationF, policyWith({ final_call: { channel: 'phone', kind } })))
        .decide(
          {
            id: 'A',
            currency: 'USD',
            amountDue: 10_000,
            dueDate: '2025-10-01',
            debtor: { timeZone: 'America/New_York', flags: { cease_communication: { since: '2026-11-10' } } },
            contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }],
          },
          { now: '2026-11-20T10:00:00-05:00' },
        )
        .proposals.find((p) => p.action === 'final_call')?.status;
    expect(decide('notice')).toBe('allowed');
    expect(decide('communication')).toBe('blocked');
  });
});

describe('no notice_by_conversation warning on what ships', () => {
  it.each(Object.entries({ ...regulations, ...strategies }))('preset %s', (_, preset) => {
    expect(lintPolicy(preset).filter((w) => w.code === 'notice_by_conversation')).toEqual([]);
  });
});
