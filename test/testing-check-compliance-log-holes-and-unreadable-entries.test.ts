import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../src/index';
import { anAccount, checkCompliance } from '../src/testing/index';
import { arrearsErrorOf } from './support/errors';

/*
 * checkCompliance validates its log as parseAccount validates a history: screened first, so a hole
 * of a sparse array, a getter or a Proxy that throws is an ArrearsError at the entry's path in the
 * log — never a TypeError from inside the replay, nor the getter's own error.
 */

const policy: PolicyInput = {
  id: 'cc-log-screened',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'overdue', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 }] }, then: ['call'] }],
};
const account = anAccount().inZone('America/New_York').overdueDays(5, { asOf: '2026-11-23' });
const attempt = { at: '2026-11-23T10:00:00-05:00', action: 'call', channel: 'phone', contactId: 'self', outcome: 'no_answer' } as const;
const throwing = (key: string) =>
  Object.defineProperty({ ...attempt }, key, {
    enumerable: true,
    get() {
      throw new Error('boom');
    },
  });
const unreadable = (path: (string | number)[], what = 'reading this value') => ({
  code: 'unreadable',
  path,
  message: `${what} threw: boom — pass plain JSON data (values, not getters or Proxies that compute them)`,
});

describe('a hole in the log is a missing attempt at its index', () => {
  it('[ , attempt]: ACCOUNT_INVALID at log[0], as a hole in history is', () => {
    // eslint-disable-next-line no-sparse-arrays
    const e = arrearsErrorOf(() => checkCompliance([, attempt], policy, { account }));
    expect(e.code).toBe('ACCOUNT_INVALID');
    expect(e.issues).toEqual([{ code: 'invalid_type', path: ['log', 0], message: 'is required (an object)' }]);
  });

  it('a hole in a timeline’s attempts is at log[i], its index, as every issue of a timeline’s attempt', () => {
    // eslint-disable-next-line no-sparse-arrays
    const e = arrearsErrorOf(() => checkCompliance({ attempts: [attempt, , attempt], account } as never, policy));
    expect(e.issues).toEqual([{ code: 'invalid_type', path: ['log', 1], message: 'is required (an object)' }]);
  });
});

describe('values that throw when read are unreadable at their path, never the getter’s error', () => {
  it('a getter in an attempt', () => {
    const e = arrearsErrorOf(() => checkCompliance([attempt, throwing('at')], policy, { account }));
    expect(e.code).toBe('ACCOUNT_INVALID');
    expect(e.issues).toEqual([unreadable(['log', 1, 'at'])]);
  });

  it('a Proxy as the log', () => {
    const log = new Proxy([], {
      get() {
        throw new Error('boom');
      },
    });
    const e = arrearsErrorOf(() => checkCompliance(log, policy, { account }));
    expect(e.code).toBe('ACCOUNT_INVALID');
    expect(e.issues).toEqual([unreadable(['log'], 'reading the length of this list')]);
  });

  it('a timeline whose attempts or account throw', () => {
    const timeline = (key: string) =>
      Object.defineProperty({ attempts: [attempt], account }, key, {
        enumerable: true,
        get() {
          throw new Error('boom');
        },
      });
    expect(arrearsErrorOf(() => checkCompliance(timeline('attempts') as never, policy)).issues).toEqual([unreadable(['log', 'attempts'])]);
    expect(arrearsErrorOf(() => checkCompliance(timeline('account') as never, policy)).issues).toEqual([unreadable(['log', 'account'])]);
  });
});

describe('the log is held to the limits', () => {
  it('an attempt nested too deep is LIMIT_EXCEEDED at its path, not a stack overflow', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const e = arrearsErrorOf(() => checkCompliance([{ ...attempt, address: deep }], policy, { account }));
    expect(e.code).toBe('LIMIT_EXCEEDED');
    expect(e.issues.map((i) => [i.code, i.path.slice(0, 3)])).toEqual([['too_deep', ['log', 0, 'address']]]);
  });
});

describe('a plain log still works', () => {
  it('is judged as before', () => {
    expect(checkCompliance([attempt], policy, { account })).toEqual([]);
  });
});
