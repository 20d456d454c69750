import { describe, expect, it } from 'vitest';
import { createEngine, type PolicyInput } from '../src/index';
import { anAccount, expectAllowed, verdictMessage } from '../src/testing/index';
import { arrearsErrorOf } from './support/errors';

/*
 * verdictMessage writes the sentence of a verdict an expect* function returned. Given anything else
 * (null, a hand-made object missing its words) or a negation that is not a boolean, it throws
 * ArrearsError OPTIONS_INVALID at `verdict` or `negated` — not a TypeError, nor a message made of
 * `undefined`s that would hide the failure it was meant to report.
 */

const policy: PolicyInput = {
  id: 'verdict-message',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'overdue', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 }] }, then: ['call'] }],
};
const decision = createEngine(policy).decide(anAccount().inZone('America/New_York').overdueDays(5, { asOf: '2026-11-23' }).build(), { now: '2026-11-23T10:00:00-05:00' });

describe('verdictMessage refuses what is not a verdict', () => {
  it.each([null, undefined, 'expected call to be allowed', 5])('verdict %j: OPTIONS_INVALID invalid_type at `verdict`', (v) => {
    const e = arrearsErrorOf(() => verdictMessage(v as never, false));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'invalid_type', path: ['verdict'], message: expect.stringMatching(/^must be a verdict \{ pass, subject, wanted, actual, … \}: verdictMessage\(verdict, negated\) writes what expectAllowed/) }]);
  });

  it('a verdict missing its words: each one at its path', () => {
    const e = arrearsErrorOf(() => verdictMessage({ pass: false, subject: 'call' } as never, false));
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_type', ['verdict', 'wanted']],
      ['invalid_type', ['verdict', 'actual']],
    ]);
  });

  it.each([undefined, 'not', 1])('negated %j: OPTIONS_INVALID at `negated`', (negated) => {
    const e = arrearsErrorOf(() => verdictMessage(expectAllowed(decision, 'call'), negated as never));
    expect(e.issues).toEqual([{ code: 'invalid_type', path: ['negated'], message: expect.stringMatching(/^must be true \(the expectation is negated, `\.not`\) or false; received /) }]);
  });
});

describe('a verdict is written as before', () => {
  it('positive and negated', () => {
    const v = expectAllowed(decision, 'call');
    expect(verdictMessage(v, false)).toBe(`expected ${v.subject} to ${v.wanted}, but ${v.actual}`);
    expect(verdictMessage(v, true)).toBe(`expected ${v.subject} not to ${v.wanted}, but ${v.actual}`);
  });
});
