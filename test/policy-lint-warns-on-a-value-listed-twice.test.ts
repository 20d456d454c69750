import { describe, expect, it } from 'vitest';
import { lintPolicy, safeParsePolicy } from '../src/index';

const base = { id: 'p', version: '1', jurisdiction: 'US', actions: { call_self: { channel: 'phone' } }, rules: [{ id: 'r', when: { all: [] }, then: ['call_self'] }] };
const withConstraint = (constraint: unknown) => ({ ...base, compliance: [{ id: 'L', constraints: [constraint] }] });
const at = (...rest: (string | number)[]) => ['compliance', 0, 'constraints', 0, ...rest];

describe('a value listed twice in a constraint list is a duplicate_value warning at the repeat', () => {
  it.each([
    ["a window's days", { kind: 'window', id: 'w', from: '08:00', to: '21:00', days: ['mon', 'tue', 'mon'] }, at('days', 2), 'mon', 'days'],
    ["a cap's appliesTo.channels", { kind: 'cap', id: 'c', max: 3, period: { rolling: 'P7D' }, appliesTo: { channels: ['phone', 'phone'] } }, at('appliesTo', 'channels', 1), 'phone', 'channels'],
    ["a selector's relationships", { kind: 'cap', id: 'c', max: 3, period: { rolling: 'P7D' }, appliesTo: { relationships: ['self', 'spouse', 'self'] } }, at('appliesTo', 'relationships', 2), 'self', 'relationships'],
    ["a block's except.kinds", { kind: 'block', id: 'b', message: 'no', appliesTo: { channels: ['phone'] }, except: { kinds: ['notice', 'notice'] } }, at('except', 'kinds', 1), 'notice', 'kinds'],
    ["a cap's outcomes", { kind: 'cap', id: 'c', max: 3, period: { rolling: 'P7D' }, outcomes: ['no_answer', 'busy', 'no_answer'] }, at('outcomes', 2), 'no_answer', 'outcomes'],
    ["a cool-down's after.channels", { kind: 'cooldown', id: 'cd', wait: { duration: 'P1D' }, after: { channels: ['sms', 'sms'] } }, at('after', 'channels', 1), 'sms', 'channels'],
    ["a contact order's exhaustedBy", { kind: 'contactOrder', id: 'o', ranks: [['self']], exhaustedBy: ['wrong_number', 'wrong_number'] }, at('exhaustedBy', 1), 'wrong_number', 'exhaustedBy'],
  ])('%s', (_, constraint, path, value, field) => {
    const result = safeParsePolicy(withConstraint(constraint));
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.warnings).toEqual([
      { code: 'duplicate_value', path, message: `'${value}' is listed twice in \`${field}\`; it counts once, so the repeat does nothing: remove it, or write the value you meant` },
    ]);
    expect(lintPolicy(result.policy)).toEqual(result.warnings);
  });

  it('lists without a repeat give no warning', () => {
    const result = safeParsePolicy(withConstraint({ kind: 'window', id: 'w', from: '08:00', to: '21:00', days: ['mon', 'tue'], appliesTo: { channels: ['phone', 'sms'] } }));
    expect(result.success && result.warnings).toEqual([]);
  });
});
