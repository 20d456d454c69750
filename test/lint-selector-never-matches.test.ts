import { describe, expect, it } from 'vitest';
import { createEngine, lintPolicy, safeParsePolicy, type Issue } from '../src/index';

/**
 * `constraint_never_applies` for selectors no proposal can match: kinds that never have a channel
 * with `channels`, actions none of which fits the rest of the selector, windows (and contact
 * orders) that can only meet proposals reaching no one, and blocks whose `except` selects all
 * their `appliesTo` does. Reported on the list to change.
 */
const actions = { call: { channel: 'phone' }, sms: { channel: 'sms' }, sue: { kind: 'legal' }, report: { kind: 'credit_report' } };
const base = { id: 'p', version: '1', jurisdiction: 'US', actions };

function warningsOf(...constraints: object[]): readonly Issue[] {
  const result = safeParsePolicy({ ...base, compliance: [{ id: 'L', constraints }] });
  if (!result.success) throw new Error(`expected the policy to parse: ${JSON.stringify(result.issues)}`);
  expect(lintPolicy(result.policy)).toEqual(result.warnings);
  return result.warnings;
}

const at = (...path: (string | number)[]) => ['compliance', 0, 'constraints', 0, ...path];
const block = { kind: 'block', id: 'b', message: 'no' };
const window = { kind: 'window', id: 'w', from: '09:00', to: '10:00' };
const cap = { kind: 'cap', id: 'c', max: 1, period: { rolling: 'P7D' } };
const cooldown = { kind: 'cooldown', id: 'cd', after: { outcomes: ['right_party_contact'] }, wait: { duration: 'P1D' } };

describe('kinds that never have a channel', () => {
  it('with channels: a block on legal steps by phone', () => {
    expect(warningsOf({ ...block, appliesTo: { channels: ['phone'], kinds: ['legal'] } })).toEqual([
      {
        code: 'constraint_never_applies',
        path: at('appliesTo', 'kinds'),
        message:
          "block 'b' never applies: the kinds 'legal' never have a channel (only 'communication' and 'notice' do), yet it selects the channels 'phone'; select 'communication' or 'notice', or remove `channels`",
      },
    ]);
  });

  it('with relationships: a cap on legal steps against the debtor', () => {
    expect(warningsOf({ ...cap, appliesTo: { kinds: ['legal', 'internal'], relationships: ['self'] } })).toEqual([
      {
        code: 'constraint_never_applies',
        path: at('appliesTo', 'kinds'),
        message:
          "cap 'c' never applies: the kinds 'legal', 'internal' never have a channel (only 'communication' and 'notice' do), yet it selects whom they reach; select 'communication' or 'notice', or remove `relationships`",
      },
    ]);
  });

  it('in a window, which holds only proposals that reach a person: credit reports keep going at 3 a.m.', () => {
    const w = { ...window, appliesTo: { kinds: ['credit_report'] } };
    expect(warningsOf(w)).toEqual([
      {
        code: 'constraint_never_applies',
        path: at('appliesTo', 'kinds'),
        message:
          "window 'w' never applies: the kinds 'credit_report' never have a channel (only 'communication' and 'notice' do), and windows hold only proposals that reach a person; select 'communication' or 'notice', or remove the window",
      },
    ]);
    const policy = { ...base, rules: [{ id: 'r', when: { all: [] }, then: ['report'] }], compliance: [{ id: 'L', constraints: [w] }] };
    const account = { id: 'a1', currency: 'USD', amountDue: 42000, dueDate: '2026-10-15', debtor: { timeZone: 'America/New_York' }, contacts: [] };
    expect(createEngine(policy).decide(account, { now: '2026-11-24T03:00:00-05:00' }).proposals.map((p) => p.status)).toEqual(['allowed']);
  });

  it('in a contact order no action targets', () => {
    expect(warningsOf({ kind: 'contactOrder', id: 'o', ranks: [['self']], appliesTo: { kinds: ['legal'] } }).map((w) => [w.code, w.path])).toEqual([
      ['constraint_never_applies', at('appliesTo', 'kinds')],
    ]);
  });
});

describe('actions none of which fits the rest of the selector', () => {
  it('a window on actions that reach no one', () => {
    expect(warningsOf({ ...window, appliesTo: { actions: ['sue', 'report'] } })).toEqual([
      {
        code: 'constraint_never_applies',
        path: at('appliesTo', 'actions'),
        message:
          "window 'w' never applies: none of its actions ('sue' (legal, no channel), 'report' (credit_report, no channel)) reaches a person, and windows hold only proposals that do; list the actions it is meant for, or remove the window",
      },
    ]);
  });

  it('actions on other channels, or of other kinds', () => {
    expect(warningsOf({ ...block, appliesTo: { actions: ['call', 'sue'], channels: ['sms'] } })).toEqual([
      {
        code: 'constraint_never_applies',
        path: at('appliesTo', 'actions'),
        message:
          "block 'b' never applies: none of its actions ('call' (communication, on phone), 'sue' (legal, no channel)) matches the rest of its `appliesTo` (channels 'sms'); list the actions it is meant for, or change the rest",
      },
    ]);
    expect(warningsOf({ ...cooldown, appliesTo: { actions: ['sue'], kinds: ['communication'] } }).map((w) => w.path)).toEqual([at('appliesTo', 'actions')]);
  });

  it('no one list to blame: reported on appliesTo', () => {
    expect(warningsOf({ ...window, appliesTo: { actions: ['sue'], kinds: ['legal'] } })).toEqual([
      {
        code: 'constraint_never_applies',
        path: at('appliesTo'),
        message: "window 'w' never applies: no proposal any action could make matches its `appliesTo` (actions 'sue', kinds 'legal') and reaches a person; change it",
      },
    ]);
  });
});

describe('a block whose except selects everything its appliesTo does', () => {
  it('a wider list', () => {
    expect(warningsOf({ ...block, appliesTo: { channels: ['phone'] }, except: { channels: ['phone', 'sms'] } })).toEqual([
      {
        code: 'constraint_never_applies',
        path: at('except', 'channels'),
        message: "block 'b' excepts everything it applies to: its `except` (channels 'phone', 'sms') selects every proposal its `appliesTo` (channels 'phone') does, so it never blocks anything; narrow the `except`",
      },
    ]);
  });

  it('every kind, without appliesTo', () => {
    expect(warningsOf({ ...block, except: { kinds: ['communication', 'notice', 'credit_report', 'legal', 'internal'] } })).toEqual([
      {
        code: 'constraint_never_applies',
        path: at('except', 'kinds'),
        message:
          "block 'b' excepts everything: it has no `appliesTo` and its `except` (kinds 'communication', 'notice', 'credit_report', 'legal', 'internal') selects every proposal, so it never blocks anything; narrow the `except`",
      },
    ]);
  });

  it('another field that covers it: every proposal by phone is a communication or a notice', () => {
    expect(warningsOf({ ...block, appliesTo: { channels: ['phone'] }, except: { kinds: ['communication', 'notice'] } }).map((w) => w.path)).toEqual([at('except', 'kinds')]);
  });
});

describe('not for selectors some proposal can match', () => {
  it('kinds that reach no one, where the constraint holds them', () => {
    // Blocks hold every proposal; caps, cool-downs and promise holds hold internal actions they name.
    expect(warningsOf({ ...block, appliesTo: { kinds: ['legal', 'credit_report'] } })).toEqual([]);
    expect(warningsOf({ ...cap, appliesTo: { kinds: ['legal'] } })).toEqual([]);
    expect(warningsOf({ ...cooldown, appliesTo: { actions: ['sue'] } })).toEqual([]);
    expect(warningsOf({ kind: 'promiseHold', id: 'h', appliesTo: { actions: ['report'] } })).toEqual([]);
    expect(warningsOf({ kind: 'approval', id: 'a', appliesTo: { kinds: ['legal'], workplace: false } })).toEqual([]);
  });

  it('a kind or channel no action of this policy has: a composed policy may add one', () => {
    expect(warningsOf({ ...window, appliesTo: { kinds: ['notice'], channels: ['letter'] } })).toEqual([]);
    expect(warningsOf({ ...block, appliesTo: { channels: ['visit'], relationships: ['employer'], workplace: true } })).toEqual([]);
  });

  it('one kind or action of several that fits', () => {
    expect(warningsOf({ ...window, appliesTo: { kinds: ['legal', 'communication'] } })).toEqual([]);
    expect(warningsOf({ ...window, appliesTo: { actions: ['sue', 'call'] } })).toEqual([]);
    expect(warningsOf({ ...block, appliesTo: { actions: ['call', 'sms'], channels: ['sms'] } })).toEqual([]);
  });

  it('an except that leaves something blocked', () => {
    // Internal actions have no kind 'communication', and no channel.
    expect(warningsOf({ ...block, except: { kinds: ['communication', 'notice'] } })).toEqual([]);
    expect(warningsOf({ ...block, except: { channels: ['phone', 'sms', 'email', 'letter', 'visit', 'app'] } })).toEqual([]);
    expect(warningsOf({ ...block, appliesTo: { channels: ['phone'] }, except: { workplace: true } })).toEqual([]);
    expect(warningsOf({ ...block, appliesTo: { kinds: ['communication'] }, except: { actions: ['call', 'sms'] } })).toEqual([]);
  });
});
