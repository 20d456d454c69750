import { describe, expect, it } from 'vitest';
import { createEngine, lintPolicy, parsePolicy, safeParsePolicy, type Issue, type PolicyInput } from '../src/index';

/** Warnings never refuse a policy: they come beside it from safeParsePolicy, and from lintPolicy. */
const base = { id: 'p', version: '1', jurisdiction: 'US', actions: { call_self: { channel: 'phone' }, sms: { channel: 'sms' } } };

function warningsOf(input: unknown): readonly Issue[] {
  const result = safeParsePolicy(input);
  if (!result.success) throw new Error(`expected the policy to parse: ${JSON.stringify(result.issues)}`);
  expect(lintPolicy(result.policy)).toEqual(result.warnings);
  expect(() => parsePolicy(input)).not.toThrow();
  return result.warnings;
}

describe('cap_blocks_channel', () => {
  it('a cap of 0 on a channel an action uses', () => {
    const compliance = [{ id: 'L', constraints: [{ kind: 'cap', id: 'no-calls', max: 0, period: { calendar: 'day' }, appliesTo: { channels: ['phone'] } }] }];
    expect(warningsOf({ ...base, compliance })).toEqual([
      { code: 'cap_blocks_channel', path: ['compliance', 0, 'constraints', 0, 'max'], message: "cap 'no-calls' allows 0 attempts: it blocks 'call_self' on phone" },
    ]);
  });

  it('not when no action uses the channel', () => {
    const compliance = [{ id: 'L', constraints: [{ kind: 'cap', id: 'no-visits', max: 0, period: { calendar: 'day' }, appliesTo: { channels: ['visit'] } }] }];
    expect(warningsOf({ ...base, compliance })).toEqual([]);
  });
});

describe('window_widened', () => {
  it('a window for every proposal widens a narrower window of the same layer', () => {
    const compliance = [
      {
        id: 'L',
        constraints: [
          { kind: 'window', id: 'calls', from: '09:00', to: '12:00', appliesTo: { channels: ['phone'] } },
          { kind: 'window', id: 'all-day', from: '08:00', to: '21:00' },
        ],
      },
    ];
    expect(warningsOf({ ...base, compliance })).toEqual([
      {
        code: 'window_widened',
        path: ['compliance', 0, 'constraints', 0],
        message: "windows of one layer are a union: 'all-day' (all proposals) widens 'calls'; put 'calls' in a layer of its own to restrict",
      },
    ]);
  });

  it('not when the narrow window has a layer of its own', () => {
    const compliance = [
      { id: 'A', constraints: [{ kind: 'window', id: 'calls', from: '09:00', to: '12:00', appliesTo: { channels: ['phone'] } }] },
      { id: 'B', constraints: [{ kind: 'window', id: 'all-day', from: '08:00', to: '21:00' }] },
    ];
    expect(warningsOf({ ...base, compliance })).toEqual([]);
  });
});

describe('duplicate_action', () => {
  it("an action listed twice in a rule's then", () => {
    expect(warningsOf({ ...base, rules: [{ id: 'r', when: { all: [] }, then: ['sms', 'call_self', 'sms'] }] })).toEqual([
      { code: 'duplicate_action', path: ['rules', 0, 'then', 2], message: "'sms' is listed twice" },
    ]);
  });
});

describe('duplicate_channel', () => {
  it("a channel listed twice in an action's channels: warned, and proposed once", () => {
    const policy = { ...base, actions: { ...base.actions, nudge: { channel: ['sms', 'email', 'sms'] } }, rules: [{ id: 'r', when: { all: [] }, then: ['nudge'] }] };
    expect(warningsOf(policy)).toEqual([{ code: 'duplicate_channel', path: ['actions', 'nudge', 'channel', 2], message: "'sms' is listed twice; it is tried once, where first listed" }]);
    const account = { id: 'A', currency: 'USD', amountDue: 1, dueDate: '2026-11-01', debtor: { timeZone: 'UTC' }, contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'sms' }, { channel: 'email' }] }] };
    const d = createEngine(policy as PolicyInput).decide(account, { now: '2026-11-23T12:00:00Z' });
    expect(d.proposals.map((p) => p.channel)).toEqual(['sms', 'email']);
  });
});

it('a clean policy has no warnings', () => {
  expect(warningsOf({ ...base, rules: [{ id: 'r', when: { all: [] }, then: ['sms', 'call_self'] }] })).toEqual([]);
});

describe('constraint_never_applies', () => {
  it('a cap that excludes every outcome it counts', () => {
    const compliance = [{ id: 'L', constraints: [{ kind: 'cap', id: 'c', max: 1, period: { rolling: 'P1D' }, outcomes: ['no_answer'], excludeOutcomes: ['no_answer', 'busy'] }] }];
    expect(warningsOf({ ...base, compliance })).toEqual([
      { code: 'constraint_never_applies', path: ['compliance', 0, 'constraints', 0, 'excludeOutcomes'], message: "cap 'c' excludes every outcome it counts (no_answer): it counts no attempt and never restricts" },
    ]);
  });

  it('a block that excepts exactly what it applies to', () => {
    const compliance = [{ id: 'L', constraints: [{ kind: 'block', id: 'b', appliesTo: { channels: ['phone'] }, except: { channels: ['phone'] }, message: 'no calls' }] }];
    expect(warningsOf({ ...base, compliance })).toEqual([
      { code: 'constraint_never_applies', path: ['compliance', 0, 'constraints', 0, 'except'], message: "block 'b' excepts exactly what it applies to: it never blocks anything" },
    ]);
  });

  it('not when some counted outcome stays, or the exception is narrower', () => {
    const compliance = [
      {
        id: 'L',
        constraints: [
          { kind: 'cap', id: 'c', max: 1, period: { rolling: 'P1D' }, outcomes: ['no_answer', 'voicemail'], excludeOutcomes: ['no_answer'] },
          { kind: 'block', id: 'b', appliesTo: { channels: ['phone', 'sms'] }, except: { channels: ['sms'] }, message: 'no calls' },
        ],
      },
    ];
    expect(warningsOf({ ...base, compliance })).toEqual([]);
  });
});
