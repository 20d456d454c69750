import { describe, expect, it } from 'vitest';
import { ArrearsError, createEngine } from '../src/index';
import { anAccount, checkCompliance, expectAllowed, expectDeferred } from '../src/testing/index';

/* docs/testing.md: an argument a method cannot take is refused, saying what it received. JSON
   writes NaN and ±Infinity as `null`, so a message built from JSON blamed a null the test never
   passed — the usual slip being a count or an instant computed from something undefined. */

const issuesOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (error instanceof ArrearsError) return error.issues.map((i) => i.message);
    throw error;
  }
  return [];
};
const policy = {
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { sms_self: { channel: 'sms' } },
  rules: [{ id: 'r', when: { all: [] }, then: ['sms_self'] }],
};
const account = anAccount().inZone('America/New_York').overdueDays(10, { asOf: '2026-11-23' });

describe('NaN and Infinity in the testing kit are named as given', () => {
  it.each([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
  ])('called(%s, …) says it received %s', (n, shown) => {
    expect(issuesOf(() => account.called(n, { before: '2026-11-23T10:00:00Z' }))).toEqual([`called(n, …): n must be a whole number of attempts, at least 1; received ${shown}`]);
  });

  it('checkCompliance given NaN as its log says NaN', () => {
    expect(issuesOf(() => checkCompliance(Number.NaN as never, policy, { account }))).toEqual([expect.stringMatching(/; received NaN$/)]);
  });

  it('a matcher given NaN as a channel, a contact or an instant says NaN', () => {
    const decision = createEngine(policy).decide(account.build(), { now: '2026-11-23T15:00:00Z' });
    expect(expectAllowed(decision, 'sms_self', { contact: Number.NaN as never }).error?.issues.map((i) => i.message)).toEqual(['must be a contact id or a relationship; received NaN']);
    expect(expectAllowed(decision, 'sms_self', { channel: Number.NaN as never }).error?.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^NaN is not a channel/)]);
    expect(expectDeferred(decision, 'sms_self', { until: Number.POSITIVE_INFINITY as never }).subject).not.toContain('null');
  });
});
