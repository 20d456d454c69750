import { expect } from 'vitest';
import { type Issue, lintPolicy, safeParsePolicy } from '../../src/index';

/** A small US policy whose one rule proposes a call and every action given. */
export const policyWith = (actions: Record<string, unknown>) => ({
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone' }, ...actions },
  rules: [{ id: 'late', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call_self', ...Object.keys(actions)] }],
});

/** The warnings of one code a policy that must parse gets; `lintPolicy` must give the same as the parse. */
export function warningsOf(input: unknown, code: string): readonly Issue[] {
  const result = safeParsePolicy(input);
  if (!result.success) throw new Error(`expected the policy to parse: ${JSON.stringify(result.issues)}`);
  expect(lintPolicy(result.policy)).toEqual(result.warnings);
  return result.warnings.filter((w) => w.code === code);
}
