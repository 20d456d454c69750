import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../src/index';
import { anAccount, runFixtures } from '../src/testing/index';
import { describeFixtures } from '../src/testing/vitest';
import { arrearsErrorOf } from './support/errors';

/*
 * runFixtures never throws for a bad case (it is that case's failure), but a call that is not one
 * — cases that are not a list, options that are not an object or hold unknown keys — is refused
 * with ArrearsError and a path, never a TypeError.
 */

const policy: PolicyInput = {
  id: 'fixtures-bad-input',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'overdue', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 }] }, then: ['call'] }],
};
const account = anAccount().inZone('America/New_York').overdueDays(5, { asOf: '2026-11-23' });
const now = '2026-11-23T10:00:00-05:00';

describe('runFixtures refuses what is not a call', () => {
  it.each([5, undefined, null, 'cases.json', { description: 'one case' }])('cases %j: OPTIONS_INVALID at `cases`', (cases) => {
    const e = arrearsErrorOf(() => runFixtures(cases as never, { policy }));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'invalid_type', path: ['cases'], message: expect.stringMatching(/^must be an array of fixture cases/) }]);
  });

  it.each([null, 5])('options %j: OPTIONS_INVALID, invalid_type at the root', (options) => {
    expect(arrearsErrorOf(() => runFixtures([], options as never)).issues).toMatchObject([{ code: 'invalid_type', path: [] }]);
  });

  it('an unknown option is refused with a did-you-mean, not ignored', () => {
    const e = arrearsErrorOf(() => runFixtures([], { polcy: policy } as never));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'unrecognized_keys', path: [], message: "unknown key 'polcy'; remove it or check the spelling; did you mean 'policy'?" }]);
  });
});

describe('a malformed case is that case’s failure, with its path, never a throw', () => {
  const run = (c: unknown) => runFixtures([c as never], { policy })[0];

  it.each([
    ['a case that is not an object', null, /^the case is invalid: \(root\): must be an object, not null$/],
    ['expect.allowed that is not a list', { description: 'd', account, now, expect: { allowed: 5 } }, /^the case is invalid: expect\.allowed: /],
    ['an entry of expect.blocked that is null', { description: 'd', account, now, expect: { blocked: [null] } }, /^the case is invalid: expect\.blocked\[0\]: /],
    ['an unknown key of the case', { description: 'd', account, now, expct: { next: 'call' } }, /^the case is invalid: \(root\): unknown key 'expct'.*did you mean 'expect'\?/],
    ['an unknown expectation', { description: 'd', account, now, expect: { alowed: ['call'] } }, /^the case is invalid: expect: unknown key 'alowed'.*did you mean 'allowed'\?/],
  ])('%s', (_, c, failure) => {
    const r = run(c);
    expect(r?.pass).toBe(false);
    expect(r?.failures).toHaveLength(1);
    expect(r?.failures[0]).toMatch(failure);
  });

  it('a good case still passes', () => {
    expect(run({ description: 'd', account, now, expect: { next: 'call', allowed: ['call'] } })).toMatchObject({ pass: true, failures: [] });
  });
});

describe('an expectation with an option it does not take', () => {
  it('fails the case naming the key, instead of checking less than written', () => {
    const r = runFixtures([{ description: 'd', account, now, expect: { deferred: [{ action: 'call', unti: now }], next: { action: 'call', channel: 'phone' } } } as never], { policy })[0];
    expect(r?.pass).toBe(false);
    expect(r?.failures).toEqual(["the case is invalid: unknown key 'unti'; remove it or check the spelling; did you mean 'until'?"]);
  });
});

describe('describeFixtures refuses what is not a call, before registering anything', () => {
  it('cases that are not a list, options that are not an object or misspelt', () => {
    expect(arrearsErrorOf(() => describeFixtures(5 as never, { policy })).issues).toMatchObject([{ code: 'invalid_type', path: ['cases'] }]);
    expect(arrearsErrorOf(() => describeFixtures([], null as never)).issues).toMatchObject([{ code: 'invalid_type', path: [] }]);
    expect(arrearsErrorOf(() => describeFixtures([], { nme: 'x' } as never)).issues).toMatchObject([{ code: 'unrecognized_keys', message: expect.stringContaining("did you mean 'name'?") }]);
  });
});
