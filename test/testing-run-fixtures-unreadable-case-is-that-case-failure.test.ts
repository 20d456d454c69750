import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../src/index';
import { anAccount, runFixtures } from '../src/testing/index';
import { arrearsErrorOf } from './support/errors';

/*
 * runFixtures never throws for a case (docs/testing.md): a case whose getter or Proxy throws when
 * read — at the top, in its account or in its expectations — is that case's failure, naming the
 * value that threw; the other cases still run.
 */

const policy: PolicyInput = {
  id: 'fixtures-unreadable',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'overdue', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 }] }, then: ['call'] }],
};
const account = anAccount().inZone('America/New_York').overdueDays(5, { asOf: '2026-11-23' });
const good = { description: 'good', account, now: '2026-11-23T10:00:00-05:00', expect: { next: 'call' } };
const boom = {
  enumerable: true,
  get(): never {
    throw new Error('boom');
  },
};
const because = (path: string) => `the case is invalid: ${path}: reading this value threw: boom — pass plain JSON data (values, not getters or Proxies that compute them)`;

describe('a case that throws when read fails alone', () => {
  it.each([
    ['its account', Object.defineProperty({ ...good }, 'account', boom), 'account'],
    ['its expectations', { ...good, expect: Object.defineProperty({}, 'next', boom) }, 'expect.next'],
    ['a value deep in its account', { ...good, account: { ...account.build(), debtor: Object.defineProperty({}, 'timeZone', boom) } }, 'account.debtor.timeZone'],
  ])('a getter in %s', (_, c, path) => {
    const [bad, after] = runFixtures([c as never, good], { policy });
    expect(bad).toEqual({ description: 'good', pass: false, failures: [because(path)], decision: null, explanation: null });
    expect(after?.pass).toBe(true);
  });

  it('a case whose description throws is named by its position', () => {
    const [bad] = runFixtures([Object.defineProperty({ ...good }, 'description', boom)], { policy });
    expect(bad).toMatchObject({ description: 'case 1', pass: false, failures: [because('description')] });
  });

  it('a case that is a Proxy, or a list entry that throws', () => {
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    const cases = Object.defineProperty([good, good], 1, boom);
    expect(runFixtures([proxy as never], { policy })[0]?.failures).toEqual([
      'the case is invalid: (root): listing the keys of this object threw: boom — pass plain JSON data (values, not getters or Proxies that compute them)',
    ]);
    expect(runFixtures(cases, { policy }).map((r) => r.failures)).toEqual([[], [because('(root)')]]);
  });

  it('a hole in the list of cases is a missing case, not a missing result', () => {
    // eslint-disable-next-line no-sparse-arrays
    const results = runFixtures([, good] as never, { policy });
    expect(results).toHaveLength(2);
    expect(Object.hasOwn(results, 0)).toBe(true);
    expect(results[0]).toMatchObject({ description: 'case 1', pass: false, failures: [expect.stringMatching(/^the case is invalid: \(root\): /)] });
    expect(results[1]?.pass).toBe(true);
  });
});

describe('a list of cases that cannot be read is refused like one that is not a list', () => {
  it('a Proxy whose length throws: OPTIONS_INVALID at cases', () => {
    const cases = new Proxy([], {
      get() {
        throw new Error('boom');
      },
    });
    const e = arrearsErrorOf(() => runFixtures(cases, { policy }));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([
      { code: 'unreadable', path: ['cases'], message: 'reading the length of the list of cases threw: boom — pass plain JSON data (values, not getters or Proxies that compute them)' },
    ]);
  });
});
