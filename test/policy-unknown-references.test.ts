import { describe, expect, it } from 'vitest';
import { ArrearsError, parsePolicy, safeParsePolicy, type Issue } from '../src/index';

const actions = {
  call_self: { channel: 'phone' },
  sms_reminder: { channel: 'sms' },
  lawyer_letter: { channel: 'letter', kind: 'notice' },
};
const base = { id: 'p', version: '1', jurisdiction: 'CN', actions };
const rule = (id: string, then: string[]): unknown => ({ id, when: { all: [] }, then });
const layer = (...constraints: unknown[]): unknown[] => [{ id: 'L', constraints }];

function issuesOf(input: unknown): readonly Issue[] {
  const result = safeParsePolicy(input);
  if (result.success) throw new Error('expected the policy to be refused');
  return result.issues;
}

function errorOf(input: unknown): ArrearsError {
  try {
    parsePolicy(input);
  } catch (error) {
    if (error instanceof ArrearsError) return error;
    throw error;
  }
  throw new Error('expected parsePolicy to throw');
}

describe('unknown_action', () => {
  const policy = { ...base, rules: [rule('a', ['sms_reminder']), rule('b', ['sms_reminder']), rule('c', ['call_self']), rule('d', ['cal_self'])] };

  it("in a rule's then, with a did-you-mean, at its path", () => {
    expect(issuesOf(policy)).toEqual([{ code: 'unknown_action', path: ['rules', 3, 'then', 0], message: "unknown action 'cal_self'; did you mean 'call_self'?" }]);
  });

  it('ArrearsError.message carries exactly that line', () => {
    const error = errorOf(policy);
    expect(error.code).toBe('POLICY_INVALID');
    expect(error.message.split('\n').map((line) => line.replace(/^ {2}- /, ''))).toContain("rules[3].then[0]: unknown action 'cal_self'; did you mean 'call_self'?");
    expect(error.message).toBe("Invalid policy (1 issue):\n  - rules[3].then[0]: unknown action 'cal_self'; did you mean 'call_self'?");
  });

  it('without a did-you-mean when nothing is close', () => {
    expect(issuesOf({ ...base, rules: [rule('a', ['field_visit'])] })).toEqual([{ code: 'unknown_action', path: ['rules', 0, 'then', 0], message: "unknown action 'field_visit'" }]);
  });

  it('in a selector, a cool-down and a block exception', () => {
    const compliance = layer(
      { kind: 'window', id: 'w', from: '08:00', to: '20:00', appliesTo: { actions: ['sms_reminde'] } },
      { kind: 'cooldown', id: 'c', after: { actions: ['cal_self'] }, wait: { duration: 'P1D' } },
      { kind: 'block', id: 'b', message: 'Ceased.', except: { actions: ['lawyer_leter'] } },
    );
    expect(issuesOf({ ...base, compliance })).toEqual([
      { code: 'unknown_action', path: ['compliance', 0, 'constraints', 0, 'appliesTo', 'actions', 0], message: "unknown action 'sms_reminde'; did you mean 'sms_reminder'?" },
      { code: 'unknown_action', path: ['compliance', 0, 'constraints', 1, 'after', 'actions', 0], message: "unknown action 'cal_self'; did you mean 'call_self'?" },
      { code: 'unknown_action', path: ['compliance', 0, 'constraints', 2, 'except', 'actions', 0], message: "unknown action 'lawyer_leter'; did you mean 'lawyer_letter'?" },
    ]);
  });

  it('not in a compliance-only policy (a regulation), which names actions of the strategies it will be composed with', () => {
    const regulation = {
      id: 'reg',
      version: '1',
      jurisdiction: 'CN',
      compliance: layer({ kind: 'cap', id: 'one-letter', appliesTo: { actions: ['lawyer_letter'] }, max: 1, period: { rolling: 'P30D' } }),
    };
    expect(safeParsePolicy(regulation).success).toBe(true);
  });
});

describe('unknown_calendar', () => {
  it('a window closed on a calendar not in holidays, with a did-you-mean', () => {
    const policy = { ...base, holidays: { CN: ['2026-10-01/2026-10-07'] }, compliance: layer({ kind: 'window', id: 'w', from: '09:00', to: '20:00', closedOn: ['CN', 'Cn-bank'] }) };
    expect(issuesOf(policy)).toEqual([
      {
        code: 'unknown_calendar',
        path: ['compliance', 0, 'constraints', 0, 'closedOn', 1],
        message: expect.stringMatching(/^unknown holiday calendar 'Cn-bank'.*calendars are defined in `holidays`/),
      },
    ]);
  });

  it('with a did-you-mean for a near miss', () => {
    const policy = { ...base, holidays: { UK: ['2026-12-25'] }, compliance: layer({ kind: 'window', id: 'w', from: '09:00', to: '20:00', closedOn: ['US'] }) };
    expect(issuesOf(policy)[0]?.message).toContain("did you mean 'UK'?");
  });

  it('reads as one sentence: the hint comes last, no "?;"', () => {
    const policy = { ...base, holidays: { UK: ['2026-12-25'] }, compliance: layer({ kind: 'window', id: 'w', from: '09:00', to: '20:00', closedOn: ['US'] }) };
    expect(issuesOf(policy)[0]?.message).toBe("unknown holiday calendar 'US'; calendars are defined in `holidays`; did you mean 'UK'?");
  });
});

describe('unknown_contact_order', () => {
  it('an action targeting a contact order that does not exist', () => {
    const policy = {
      ...base,
      actions: { ...actions, call_family: { channel: 'phone', target: { order: 'family-frist' } } },
      compliance: layer({ kind: 'contactOrder', id: 'family-first', ranks: [['self'], ['spouse']] }),
    };
    expect(issuesOf(policy)).toEqual([
      {
        code: 'unknown_contact_order',
        path: ['actions', 'call_family', 'target', 'order'],
        message: expect.stringMatching(/^unknown contact order 'family-frist'.*contactOrder constraint/),
      },
    ]);
  });

  it('reads as one sentence: the hint comes last, no "?;"', () => {
    const policy = {
      ...base,
      actions: { ...actions, call_family: { channel: 'phone', target: { order: 'family-frist' } } },
      compliance: layer({ kind: 'contactOrder', id: 'family-first', ranks: [['self'], ['spouse']] }),
    };
    expect(issuesOf(policy)[0]?.message).toBe("unknown contact order 'family-frist'; it must be the id of a contactOrder constraint; did you mean 'family-first'?");
  });

  it('accepts a target naming an existing contact order', () => {
    const policy = {
      ...base,
      actions: { ...actions, call_family: { channel: 'phone', target: { order: 'family-first' } } },
      compliance: layer({ kind: 'contactOrder', id: 'family-first', ranks: [['self'], ['spouse']] }),
    };
    expect(safeParsePolicy(policy).success).toBe(true);
  });
});

describe('target_without_channel', () => {
  it('an action that targets someone but has no channel', () => {
    expect(issuesOf({ ...base, actions: { ...actions, escalate: { kind: 'internal', target: 'self' } } })).toEqual([
      { code: 'target_without_channel', path: ['actions', 'escalate', 'target'], message: 'an action without a channel reaches no one: remove `target` or add a `channel`' },
    ]);
  });
});
