import { describe, expect, it } from 'vitest';
import { safeParsePolicy } from '../src/index';

const policyWhen = (when: unknown) => ({
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone' }, refer_legal: { kind: 'legal', requiresApproval: true } },
  rules: [{ id: 'r', when, then: ['call_self'] }],
});
const issuesOf = (when: unknown) => {
  const r = safeParsePolicy(policyWhen(when));
  return r.success ? [] : r.issues.map((i) => ({ code: i.code, path: i.path.join('.'), message: i.message }));
};
const one = (comparison: Record<string, unknown>) => issuesOf({ all: [comparison] });

describe('equal / notEqual against a value the fact can never have', () => {
  it.each([
    [{ fact: 'hasOpenPromise', operator: 'equal', value: 'false' }, "fact 'hasOpenPromise' is boolean, so it never equals \"false\" (a string): write false without quotes"],
    [{ fact: 'daysPastDue', operator: 'notEqual', value: '30' }, "fact 'daysPastDue' is number, so it never equals \"30\" (a string): write 30 without quotes"],
    [{ fact: 'bucket', operator: 'equal', value: 3 }, "fact 'bucket' is string, so it never equals 3 (a number)"],
    [{ fact: 'daysPastDue', operator: 'equal', value: null }, "fact 'daysPastDue' is number, so it never equals null (null)"],
  ])('%o', (comparison, message) => {
    expect(one(comparison)).toEqual([{ code: 'type_mismatch', path: 'rules.0.when.all.0.value', message }]);
  });

  it('values of the fact’s type, null where it may be null, fact references, paths and other operators are left alone', () => {
    expect(one({ fact: 'hasOpenPromise', operator: 'equal', value: false })).toEqual([]);
    expect(one({ fact: 'daysSinceLastRightPartyContact', operator: 'equal', value: null })).toEqual([]);
    expect(one({ fact: 'daysPastDue', operator: 'equal', value: { fact: 'contactCount' } })).toEqual([]);
    expect(one({ fact: 'attributes', path: '$.segment', operator: 'equal', value: 'prime' })).toEqual([]);
    expect(one({ fact: 'tags', operator: 'contains', value: 'vip' })).toEqual([]);
    expect(one({ fact: 'attributes.score', operator: 'equal', value: '7' })).toEqual([]);
  });
});

describe('fact params', () => {
  it('a fact that takes no params refuses them', () => {
    expect(one({ fact: 'daysPastDue', params: { within: 'P7D' }, operator: 'greaterThan', value: 0 })).toEqual([
      { code: 'invalid_params', path: 'rules.0.when.all.0.params', message: "fact 'daysPastDue' params: takes no params; remove 'within'" },
    ]);
    expect(one({ fact: 'daysPastDue', params: {}, operator: 'greaterThan', value: 0 })).toEqual([]);
  });

  it('hasApproval names an action of the policy', () => {
    expect(one({ fact: 'hasApproval', params: { action: 'refer_legal' }, operator: 'equal', value: true })).toEqual([]);
    expect(one({ fact: 'hasApproval', params: { action: ['refer_legal', 'refer_legl'] }, operator: 'equal', value: true })).toEqual([
      { code: 'invalid_params', path: 'rules.0.when.all.0.params.action.1', message: expect.stringMatching(/^fact 'hasApproval' params\.action\[1\]: unknown action 'refer_legl'; did you mean 'refer_legal'\?$/) },
    ]);
  });

  it.each(['attemptCount', 'daysSinceLastAction'])('%s names actions of the policy: a typo would make a block on it never hold', (fact) => {
    const operator = fact === 'attemptCount' ? 'greaterThanInclusive' : 'lessThan';
    expect(one({ fact, params: { action: 'call_self' }, operator, value: 3 })).toEqual([]);
    expect(one({ fact, params: { action: ['call_self', 'cal_self'] }, operator, value: 3 })).toEqual([
      { code: 'invalid_params', path: 'rules.0.when.all.0.params.action.1', message: `fact '${fact}' params.action[1]: unknown action 'cal_self'; did you mean 'call_self'?` },
    ]);
  });
});
