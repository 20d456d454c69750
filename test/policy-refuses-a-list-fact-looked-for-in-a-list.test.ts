import { describe, expect, it } from 'vitest';
import { decide, formatPath, safeParsePolicy } from '../src/index';

/* docs/errors.md (`invalid_operand`): comparisons false for every account are refused when the
   policy is parsed. json-rules-engine's `in` is `list.indexOf(factValue) > -1`: it looks for the
   fact's value itself in the list, with ===. A list fact (`tags`) or an object fact (`attributes`)
   is a new array or object on every account, never one of the policy's literals, so
   `tags in ['vip', 'gold']` — read by people as "has one of these tags" — is false whatever the
   tags are, and `notIn` is true: a block "do not call accounts tagged do-not-call" written so
   would never hold. */

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

describe('a list or object fact looked for in a list', () => {
  it.each([
    [{ fact: 'tags', operator: 'in', value: ['vip', 'gold'] }],
    [{ fact: 'tags', operator: 'notIn', value: ['do-not-call'] }],
    [{ fact: 'tags', operator: 'in', value: [['vip']] }],
    [{ fact: 'tags', operator: 'not:in', value: ['vip'] }],
    [{ fact: 'attributes', operator: 'in', value: ['prime'] }],
  ])('%j is refused at the operator', (comparison) => {
    expect(issuesOf(comparison)).toEqual([{ code: 'invalid_operand', path: 'rules[0].when.all[0].operator', message: expect.any(String) }]);
  });

  it('says why, and what to write instead', () => {
    expect(issuesOf({ fact: 'tags', operator: 'in', value: ['vip', 'gold'] })[0]?.message).toBe(
      "'in' looks for the fact 'tags' itself (a list) in the list with ===: a list is never one of its values, so 'in' is false for every account; to test whether one of its elements is in the list, use 'someFact:in'",
    );
    expect(issuesOf({ fact: 'tags', operator: 'notIn', value: ['x'] })[0]?.message).toBe(
      "'notIn' looks for the fact 'tags' itself (a list) in the list with ===: a list is never one of its values, so 'notIn' is true for every account; to test that none of its elements is in the list, use 'everyFact:notIn'",
    );
    expect(issuesOf({ fact: 'attributes', operator: 'in', value: ['prime'] })[0]?.message).toBe(
      "'in' looks for the fact 'attributes' itself (an object) in the list with ===: an object is never one of its values, so 'in' is false for every account; to compare one of its keys, read it as 'attributes.<key>' or with a `path`",
    );
  });

  it('the rule written so indeed never fires on an account with the tag', () => {
    // Accepted by the old check, this rule proposed nothing: json-rules-engine agrees it is false.
    const account = { id: 'A', currency: 'USD', amountDue: 100, dueDate: '2026-11-01', debtor: { timeZone: 'America/New_York' }, tags: ['vip'], contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }] };
    const what = { fact: 'tags', operator: 'someFact:in', value: ['vip', 'gold'] };
    expect(issuesOf(what)).toEqual([]);
    expect(decide(policy(what), account, { now: '2026-11-23T15:00:00Z' }).proposals.map((p) => p.action)).toEqual(['call_self']);
  });

  it('what searches the elements, a string, or a fact of unknown type is left alone', () => {
    expect(issuesOf({ fact: 'tags', operator: 'someFact:in', value: ['vip'] })).toEqual([]);
    expect(issuesOf({ fact: 'tags', operator: 'everyFact:notIn', value: ['vip'] })).toEqual([]);
    expect(issuesOf({ fact: 'tags', operator: 'contains', value: 'vip' })).toEqual([]);
    expect(issuesOf({ fact: 'attributes.segment', operator: 'in', value: ['prime'] })).toEqual([]);
    expect(issuesOf({ fact: 'attributes', path: '$.segment', operator: 'in', value: ['prime'] })).toEqual([]);
    expect(issuesOf({ fact: 'bucket', operator: 'in', value: { fact: 'tags' } })).toEqual([]);
  });
});
