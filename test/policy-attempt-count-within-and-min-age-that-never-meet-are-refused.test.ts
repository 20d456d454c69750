import { describe, expect, it } from 'vitest';
import { formatPath, safeParsePolicy } from '../src/index';

/* docs/facts.md: `attemptCount` counts the attempts its params select; params that select none
   make the count always 0 (a zero `within` is refused for that reason). `within` keeps attempts at
   most that old, `minAgeDays` attempts at least that many local days old: with a `minAgeDays`
   beyond `within`, no attempt is ever both, so `greaterThan 0` never holds — a block "no credit
   report before a letter sent 14 days ago, within the last 7" written so never lets anything
   through, silently. Refused when the policy is parsed (`invalid_params`, at `minAgeDays`). */

const policy = (params: object) => ({
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'attemptCount', params, operator: 'greaterThan', value: 0 }] }, then: ['call_self'] }],
});
const issuesOf = (params: object) => {
  const r = safeParsePolicy(policy(params));
  return r.success ? [] : r.issues.map((i) => ({ code: i.code, path: formatPath(i.path), message: i.message }));
};

describe('attemptCount: `within` and `minAgeDays` that no attempt meets together', () => {
  it.each([
    [{ within: 'P7D', minAgeDays: 8 }, "no attempt is both within P7D and at least 8 local days old: the count is always 0; make `within` longer or `minAgeDays` smaller"],
    [{ within: 'P1W', minAgeDays: 30 }, "no attempt is both within P1W and at least 30 local days old: the count is always 0; make `within` longer or `minAgeDays` smaller"],
    [{ within: { calendarDays: 7 }, minAgeDays: 7 }, "no attempt is both within the last 7 calendar days and at least 7 local days old: the count is always 0; make `within` longer or `minAgeDays` smaller"],
    [{ within: 'PT12H', minAgeDays: 3 }, "no attempt is both within PT12H and at least 3 local days old: the count is always 0; make `within` longer or `minAgeDays` smaller"],
  ])('%j is refused at minAgeDays', (params, message) => {
    expect(issuesOf(params)).toEqual([{ code: 'invalid_params', path: 'rules[0].when.all[0].params.minAgeDays', message: `fact 'attemptCount' params.minAgeDays: ${message}` }]);
  });

  it.each([
    [{ within: 'P7D', minAgeDays: 7 }],
    [{ within: 'P7D', minAgeDays: 3 }],
    [{ within: { calendarDays: 7 }, minAgeDays: 6 }],
    [{ within: 'PT12H', minAgeDays: 1 }],
    [{ within: 'P1M', minAgeDays: 28 }],
    [{ minAgeDays: 14 }],
    [{ within: 'P7D' }],
  ])('%j can count an attempt: accepted', (params) => {
    expect(issuesOf(params)).toEqual([]);
  });
});
