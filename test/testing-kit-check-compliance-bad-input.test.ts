import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../src/index';
import { anAccount, checkCompliance } from '../src/testing/index';
import { arrearsErrorOf } from './support/errors';

/* checkCompliance's log and options are checked: ArrearsError with a path, never a TypeError. */

const policy: PolicyInput = {
  id: 'cc-bad-input',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'overdue', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 }] }, then: ['call'] }],
};
const account = anAccount().inZone('America/New_York').overdueDays(5, { asOf: '2026-11-23' });

describe('checkCompliance refuses a log that is not one', () => {
  it.each([5, null, undefined, 'calls.csv', {}, { attempts: 5 }])('log %j: ACCOUNT_INVALID at `log`', (log) => {
    const e = arrearsErrorOf(() => checkCompliance(log as never, policy, { account }));
    expect(e.code).toBe('ACCOUNT_INVALID');
    expect(e.issues).toEqual([{ code: 'invalid_type', path: ['log'], message: expect.stringMatching(/^must be an array of attempts or a simulate\(\) timeline; received /) }]);
  });
});

describe('checkCompliance refuses bad options', () => {
  it('an unknown option is refused with a did-you-mean, not ignored', () => {
    const e = arrearsErrorOf(() => checkCompliance([], policy, { account, acount: account } as never));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'unrecognized_keys', path: [], message: "unknown key 'acount'; remove it or check the spelling" }]);
    expect(arrearsErrorOf(() => checkCompliance([], policy, { acount: account } as never)).issues).toMatchObject([{ code: 'unrecognized_keys', message: expect.stringMatching(/did you mean 'account'\?$/) }]);
  });

  it.each([null, 5, 'account'])('options %j: OPTIONS_INVALID, invalid_type at the root', (options) => {
    const e = arrearsErrorOf(() => checkCompliance([], policy, options as never));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toMatchObject([{ code: 'invalid_type', path: [], message: expect.stringMatching(/^must be an object: checkCompliance\(log, policy, \{ account/) }]);
  });

  it('valid input still works', () => {
    expect(checkCompliance([], policy, { account })).toEqual([]);
  });
});
