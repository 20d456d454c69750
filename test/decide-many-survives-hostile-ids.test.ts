import { describe, expect, it } from 'vitest';
import { createEngine, type Decision, type DecisionFailure } from '../src/index';
import { callPolicy, debtor } from './support/policies';

/*
 * decideMany names a failed account by its id, read after the account check failed, outside the
 * batch's try. A getter or a Proxy trap that throws there used to escape as a raw Error and end
 * the batch; now the account comes back as a failure record (id null) and the batch goes on,
 * without calling a throwing getter again only to have it throw again.
 */

const engine = createEngine(callPolicy());
const now = '2026-11-23T10:00:00-06:00';
const account = (id: string) => ({ ...debtor('America/Chicago'), id });
const UNREADABLE = 'pass plain JSON data (values, not getters or Proxies that compute them)';

/** Decides A-1, the hostile input, then A-2: every result, in order. */
function around(hostile: unknown): (Decision | DecisionFailure)[] {
  return [...engine.decideMany([account('A-1'), hostile, account('A-2')], { now })];
}

/** An account whose `id` getter throws, counting how often it is called. */
function throwingId(): { input: object; calls: () => number } {
  let calls = 0;
  const input = account('never-read');
  Object.defineProperty(input, 'id', {
    get() {
      calls += 1;
      throw new Error('boom');
    },
    enumerable: true,
  });
  return { input, calls: () => calls };
}

const fail = (): never => {
  throw new Error('trap');
};

describe('decideMany with an input whose id cannot be read', () => {
  it('a throwing getter on id: a failure record in its place, the others decided', () => {
    const { input, calls } = throwingId();
    const results = around(input);
    expect(results.map((r) => [r.ok, r.accountId])).toEqual([
      [true, 'A-1'],
      [false, null],
      [true, 'A-2'],
    ]);
    expect(results[1]).toEqual({
      ok: false,
      accountId: null,
      error: { code: 'ACCOUNT_INVALID', message: expect.stringContaining('id: reading this value threw: boom'), issues: [{ code: 'unreadable', path: ['id'], message: expect.stringContaining(UNREADABLE) }] },
    });
    // Once, by the account check: the failure record does not read it again.
    expect(calls()).toBe(1);
  });

  it.each([
    ['get, has and getOwnPropertyDescriptor', { get: fail, has: fail, getOwnPropertyDescriptor: fail }],
    ['every trap that reads', { get: fail, has: fail, getOwnPropertyDescriptor: fail, ownKeys: fail }],
    ['get alone', { get: fail }],
  ])('a Proxy whose %s traps throw: a failure record at the root, the others decided', (_, traps) => {
    const results = around(new Proxy(account('hidden'), traps));
    expect(results.map((r) => [r.ok, r.accountId])).toEqual([
      [true, 'A-1'],
      [false, null],
      [true, 'A-2'],
    ]);
    expect(results[1]).toMatchObject({ ok: false, accountId: null, error: { code: 'ACCOUNT_INVALID', issues: expect.arrayContaining([expect.objectContaining({ code: 'unreadable' })]) } });
  });

  it('a revoked Proxy: a failure record, the others decided', () => {
    const { proxy, revoke } = Proxy.revocable(account('revoked'), {});
    revoke();
    expect(around(proxy).map((r) => [r.ok, r.accountId])).toEqual([
      [true, 'A-1'],
      [false, null],
      [true, 'A-2'],
    ]);
  });

  it('from a generator too (a stream, read lazily)', () => {
    function* book(): Generator<unknown> {
      yield account('A-1');
      yield throwingId().input;
      yield account('A-2');
    }
    expect([...engine.decideMany(book(), { now })].map((r) => r.ok)).toEqual([true, false, true]);
  });

  it('an unreadable value elsewhere in the account: still named by its id', () => {
    const input = account('A-9');
    Object.defineProperty(input, 'amountDue', { get: fail, enumerable: true });
    expect(around(input)[1]).toMatchObject({ ok: false, accountId: 'A-9', error: { code: 'ACCOUNT_INVALID', issues: [{ code: 'unreadable', path: ['amountDue'] }] } });
  });
});
