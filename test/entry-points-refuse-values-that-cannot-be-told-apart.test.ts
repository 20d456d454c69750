import { describe, expect, it } from 'vitest';
import { createEngine, decide, deriveFacts, explain } from '../src/index';
import { anAccount, checkCompliance, simulate } from '../src/testing/index';
import { arrearsErrorOf } from './support/errors';
import { callPolicy } from './support/policies';

/* A value built in code may be a Proxy with no keys whose `get` or `getPrototypeOf` trap throws:
   the guard's walk finds nothing to read, yet telling the value apart (a Date? a list?) or naming
   it in a message throws. Every entry point refuses it as OPTIONS_INVALID `unreadable` at the
   value's path, never with the caller's own error. */

const policy = callPolicy();
const account = anAccount().overdueDays(5, { asOf: '2026-11-23' }).build();
const now = '2026-11-23T12:00:00Z';
const getThrows = (): never => new Proxy({}, { get: () => { throw new Error('get trap'); } }) as never;
const protoThrows = (): never => new Proxy({}, { getPrototypeOf: () => { throw new Error('getPrototypeOf trap'); } }) as never;
const revoked = (): never => {
  const r = Proxy.revocable({}, {});
  r.revoke();
  return r.proxy as never;
};

describe.each([
  ['get', getThrows],
  ['getPrototypeOf', protoThrows],
  ['revoked', revoked],
])('a Proxy whose %s throws', (_, value) => {
  it.each([
    ['createEngine horizonDays', () => createEngine(policy, { horizonDays: value() }), ['horizonDays']],
    ['createEngine operators', () => createEngine(policy, { operators: value() }), ['operators']],
    ['decide now', () => decide(policy, account, { now: value() }), ['now']],
    ['decide horizonDays', () => decide(policy, account, { now, horizonDays: value() }), ['horizonDays']],
    ['engine.decide now', () => createEngine(policy).decide(account, { now: value() }), ['now']],
    ['engine.decideMany now', () => createEngine(policy).decideMany([account], { now: value() }), ['now']],
    ['deriveFacts now', () => deriveFacts(account, value(), policy), ['now']],
    ['checkCompliance account', () => checkCompliance([], policy, { account: value() }), ['account']],
    ['simulate from', () => simulate(policy, account, { from: value(), to: '2026-11-24T12:00:00Z' }), ['from']],
  ])('%s: OPTIONS_INVALID unreadable at its path', (_name, call, path) => {
    const e = arrearsErrorOf(call);
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'unreadable', path, message: expect.stringMatching(/threw: .*pass plain JSON data/) }]);
  });

  it('explain: OPTIONS_INVALID unreadable at the root', () => {
    const e = arrearsErrorOf(() => explain(value()));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'unreadable', path: [], message: expect.stringContaining('threw: ') }]);
  });

  it('simulate account: ACCOUNT_INVALID unreadable, as parseAccount says', () => {
    const e = arrearsErrorOf(() => simulate(policy, value(), { from: now, to: '2026-11-24T12:00:00Z' }));
    expect(e.code).toBe('ACCOUNT_INVALID');
    expect(e.issues[0]).toMatchObject({ code: 'unreadable', path: [] });
  });
});

describe('explain, given a decision with a value that throws when read', () => {
  it('names the value at its path', () => {
    const stored = JSON.parse(JSON.stringify(createEngine(policy).decide(account, { now }))) as Record<string, unknown>;
    Object.defineProperty(stored, 'accountId', { enumerable: true, get: () => { throw new Error('getter'); } });
    const e = arrearsErrorOf(() => explain(stored as never));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'unreadable', path: ['accountId'], message: expect.stringContaining('threw: getter') }]);
  });

  it('a Proxy whose has trap throws: unreadable at the root', () => {
    const e = arrearsErrorOf(() => explain(new Proxy({}, { has: () => { throw new Error('has trap'); } }) as never));
    expect(e.issues).toEqual([{ code: 'unreadable', path: [], message: expect.stringContaining('threw: has trap') }]);
  });
});
