import { describe, expect, it } from 'vitest';
import { composePoliciesWith, createEngine, decide, deriveFacts, resolveLimits, safeParseAccount, safeParsePolicy, safeResolveLimits } from '../src/index';
import { arrearsErrorOf } from './support/errors';

/* An options object built in code may throw when read (a getter, a Proxy): that is a bad option,
   OPTIONS_INVALID `unreadable` at its path — never a raw error out of a call (a safe* one least
   of all), nor blamed on the policy or the account. */

const policy = {
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call'] }],
};
const account = { id: 'A', currency: 'USD', amountDue: 1000, dueDate: '2026-10-01', debtor: { timeZone: 'UTC' }, contacts: [] };
const NOW = '2026-11-23T16:00:00Z';
const throwing = (key: string): never => {
  const o = {};
  Object.defineProperty(o, key, { enumerable: true, get: () => { throw new Error(`boom ${key}`); } });
  return o as never;
};
const keysThrow = <T extends object>(target: T): T => new Proxy(target, { ownKeys: () => { throw new Error('no keys'); } });
const unreadable = (path: (string | number)[]) => ({ code: 'unreadable', path, message: expect.stringContaining(`threw:`) });

describe('options that throw when read are OPTIONS_INVALID', () => {
  it('safe functions answer, at the option', () => {
    expect(safeParseAccount(account, throwing('limits'))).toEqual({ success: false, code: 'OPTIONS_INVALID', issues: [unreadable(['limits'])] });
    expect(safeParseAccount(account, { limits: throwing('maxRules') })).toEqual({ success: false, code: 'OPTIONS_INVALID', issues: [unreadable(['limits', 'maxRules'])] });
    expect(safeResolveLimits(throwing('maxRules'))).toEqual({ success: false, issues: [unreadable(['limits', 'maxRules'])] });
    // The options, not the policy.
    expect(safeParsePolicy(policy, { limits: keysThrow({ maxRules: 5 }) })).toEqual({ success: false, code: 'OPTIONS_INVALID', issues: [unreadable(['limits'])] });
  });

  it.each([
    ['engine.decide', () => createEngine(policy).decide(account, throwing('now')), ['now']],
    ['engine.decide, keys that throw', () => createEngine(policy).decide(account, keysThrow({ now: NOW })), []],
    ['engine.decideMany', () => [...createEngine(policy).decideMany([account], throwing('now'))], ['now']],
    ['decide', () => decide(policy, account, throwing('now')), ['now']],
    ['createEngine', () => createEngine(policy, { limits: keysThrow({ maxRules: 5 }) }), ['limits']],
    ['resolveLimits', () => resolveLimits(throwing('maxRules')), ['limits', 'maxRules']],
    ['composePoliciesWith', () => composePoliciesWith(throwing('operators'), policy), ['operators']],
    ['deriveFacts', () => deriveFacts(account, NOW, policy, throwing('facts')), ['facts']],
  ])('%s throws ArrearsError at the option', (_, call, path) => {
    const error = arrearsErrorOf(call);
    expect(error.code).toBe('OPTIONS_INVALID');
    expect(error.issues).toEqual([unreadable(path as (string | number)[])]);
  });

  it('options that read fine are used as given: a Date, a getter that answers, a class getter', () => {
    const now = { get now() { return new Date(NOW); } };
    expect(createEngine(policy).decide(account, now).now).toBe('2026-11-23T16:00:00Z');
    class AsOf {
      get now(): string {
        return NOW;
      }
    }
    expect(createEngine(policy).decide(account, new AsOf()).now).toBe('2026-11-23T16:00:00Z');
    class Short {
      get horizonDays(): number {
        return 1;
      }
    }
    // A one-day horizon: the call deferred past it is blocked, not deferred.
    const late = { ...account, debtor: { timeZone: 'UTC' }, contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }] };
    const hours = { ...policy, compliance: [{ id: 'l', constraints: [{ kind: 'window', id: 'w', from: '09:00', to: '10:00', days: ['mon'] }] }] };
    expect(createEngine(hours, new Short()).decide(late, { now: NOW }).proposals[0]?.status).toBe('blocked');
    expect(createEngine(hours).decide(late, { now: NOW }).proposals[0]?.status).toBe('deferred');
  });
});
