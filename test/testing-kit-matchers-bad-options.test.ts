import { describe, expect, it } from 'vitest';
import { createEngine, type PolicyInput } from '../src/index';
import { anAccount, expectAllowed, expectBlocked, expectDeferred, expectNeedsApproval, expectNext } from '../src/testing/index';
import { arrearsErrorOf } from './support/errors';

/* The expectations' filters are options like any other: a typo is refused, not a wider check. */

const policy: PolicyInput = {
  id: 'matchers-bad-options',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'overdue', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 }] }, then: ['call'] }],
};
const decision = createEngine(policy).decide(anAccount().inZone('America/New_York').overdueDays(5, { asOf: '2026-11-23' }).build(), { now: '2026-11-23T10:00:00-05:00' });

describe('expect* refuse filters that are not ones', () => {
  it.each([
    ['expectAllowed', () => expectAllowed(decision, 'call', null as never)],
    ['expectDeferred', () => expectDeferred(decision, 'call', null as never)],
    ['expectBlocked', () => expectBlocked(decision, 'call', null as never)],
    ['expectNeedsApproval', () => expectNeedsApproval(decision, 'call', 5 as never)],
    ['expectNext', () => expectNext(decision, 'call', null as never)],
  ])('%s with a filter that is not an object: OPTIONS_INVALID, not a TypeError', (_, call) => {
    expect(arrearsErrorOf(call)).toMatchObject({ code: 'OPTIONS_INVALID', issues: [{ code: 'invalid_type', path: [] }] });
  });

  it.each([
    ['expectAllowed', () => expectAllowed(decision, 'call', { chanel: 'sms' } as never), 'channel'],
    ['expectDeferred', () => expectDeferred(decision, 'call', { unti: '2026-11-24T09:00:00Z' } as never), 'until'],
    ['expectBlocked', () => expectBlocked(decision, 'call', { cod: 'BLOCKED' } as never), 'code'],
    ['expectNext', () => expectNext(decision, 'call', { contct: 'self' } as never), 'contact'],
  ])('%s with a misspelt filter key: unrecognized_keys with a did-you-mean', (_, call, meant) => {
    expect(arrearsErrorOf(call).issues).toMatchObject([{ code: 'unrecognized_keys', message: expect.stringContaining(`did you mean '${meant}'?`) }]);
  });

  it('good filters still work', () => {
    expect(expectAllowed(decision, 'call', { channel: 'phone' }).pass).toBe(true);
    expect(expectNext(decision, 'call', { contact: 'self' }).pass).toBe(true);
  });
});
