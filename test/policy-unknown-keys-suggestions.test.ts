import { describe, expect, it } from 'vitest';
import { safeParsePolicy, type Issue } from '../src/index';

const base = { id: 'p', version: '1', jurisdiction: 'US', actions: { call_self: { channel: 'phone' } } };
const layer = (constraint: unknown): unknown[] => [{ id: 'L', constraints: [constraint] }];

function issuesOf(input: unknown): readonly Issue[] {
  const result = safeParsePolicy(input);
  if (result.success) throw new Error('expected the policy to be refused');
  return result.issues;
}

describe('an unknown key in a policy names the known key it is likely a typo of', () => {
  it.each([
    ['the policy', { ...base, rulez: [] }, [], 'rulez', 'rules'],
    ['an action', { ...base, actions: { x: { chanel: 'sms' } } }, ['actions', 'x'], 'chanel', 'channel'],
    ['a rule', { ...base, rules: [{ id: 'r', when: { all: [] }, then: ['call_self'], priorty: 2 }] }, ['rules', 0], 'priorty', 'priority'],
    ['a layer', { ...base, compliance: [{ id: 'L', constraint: [] }] }, ['compliance', 0], 'constraint', 'constraints'],
    ['a window', { ...base, compliance: layer({ kind: 'window', id: 'w', from: '08:00', to: '21:00', closedon: [] }) }, ['compliance', 0, 'constraints', 0], 'closedon', 'closedOn'],
    ['a selector', { ...base, compliance: layer({ kind: 'window', id: 'w', from: '08:00', to: '21:00', appliesTo: { channel: ['sms'] } }) }, ['compliance', 0, 'constraints', 0, 'appliesTo'], 'channel', 'channels'],
    ['a cap period', { ...base, compliance: layer({ kind: 'cap', id: 'c', max: 1, period: { calendar: 'week', weekStartOn: 'sun' } }) }, ['compliance', 0, 'constraints', 0, 'period'], 'weekStartOn', 'weekStartsOn'],
  ])('in %s', (_, input, path, typo, known) => {
    expect(issuesOf(input)).toContainEqual({
      code: 'unrecognized_keys',
      path,
      message: `unknown key '${typo}'; remove it or check the spelling; did you mean '${known}'?`,
    });
  });

  it('gives no hint when no known key is close', () => {
    expect(issuesOf({ ...base, banana: 1 })).toEqual([
      { code: 'unrecognized_keys', path: [], message: "unknown key 'banana'; remove it or check the spelling" },
    ]);
  });
});
