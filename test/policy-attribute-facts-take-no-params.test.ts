import { describe, expect, it } from 'vitest';
import { formatPath, safeParsePolicy } from '../src/index';

/* docs/facts.md: facts with params take them in the condition, checked when the policy is parsed
   (`invalid_params`); a fact that takes none is refused params ("takes no params"), since
   json-rules-engine would pass them on and the fact ignore them. `attributes.<key>` takes none
   either — it reads one of the account's attributes — but its params were accepted and ignored:
   `{ fact: 'attributes.score', params: { within: 'P30D' } }` read today's score, not what was written. */

const policy = (comparison: object) => ({
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [comparison] }, then: ['call_self'] }],
});
const issuesOf = (comparison: object) => {
  const r = safeParsePolicy(policy(comparison));
  return r.success ? [] : r.issues.map((i) => ({ code: i.code, path: formatPath(i.path), message: i.message }));
};

describe('attributes.<key> takes no params', () => {
  it('params on it are refused, as on any fact that takes none', () => {
    expect(issuesOf({ fact: 'attributes.score', params: { within: 'P30D' }, operator: 'greaterThan', value: 600 })).toEqual([
      { code: 'invalid_params', path: 'rules[0].when.all[0].params', message: "fact 'attributes.score' params: takes no params; remove 'within'" },
    ]);
    expect(issuesOf({ fact: 'attributes', params: { within: 'P30D' }, path: '$.score', operator: 'greaterThan', value: 600 }).map((i) => i.code)).toEqual(['invalid_params']);
  });

  it('on the value side too', () => {
    expect(issuesOf({ fact: 'amountDue', operator: 'greaterThan', value: { fact: 'attributes.limit', params: { x: 1 } } }).map((i) => `${i.code} ${i.path}`)).toEqual([
      'invalid_params rules[0].when.all[0].value.params',
    ]);
  });

  it('empty params, or none, are accepted', () => {
    expect(issuesOf({ fact: 'attributes.score', params: {}, operator: 'greaterThan', value: 600 })).toEqual([]);
    expect(issuesOf({ fact: 'attributes.score', operator: 'greaterThan', value: 600 })).toEqual([]);
  });
});
