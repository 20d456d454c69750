import { describe, expect, it } from 'vitest';
import { createEngine, deriveFacts, safeParseAccount } from '../src/index';
import { simulate } from '../src/testing';

/*
 * A `Date` is read by its time value alone: its own methods may be overridden, and may throw
 * (a proxy-like wrapper, a mocking library). Before, `now` given so let the raw error out.
 */

const POLICY = {
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call'] }],
  compliance: [{ id: 'hours', constraints: [{ kind: 'window', id: 'day', from: '08:00', to: '21:00' }] }],
};
const ACCOUNT = {
  id: 'A-1',
  currency: 'USD',
  amountDue: 5000,
  dueDate: '2026-10-01',
  debtor: { timeZone: 'America/New_York' },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }],
};
const NOW = '2026-11-23T20:59:00-05:00';

/** A Date whose every own method but the time value throws. */
function hostileDate(iso: string): Date {
  const d = new Date(iso);
  for (const m of ['toISOString', 'toJSON', 'toString', 'valueOf', 'getTime'] as const) {
    Object.defineProperty(d, m, { value: () => { throw new Error(`${m} was called`); } });
  }
  return d;
}

describe('a Date is read by its time value, whatever its own methods do', () => {
  const engine = createEngine(POLICY);

  it('as `now` of decide and decideMany: the same decision as the plain instant', () => {
    const expected = engine.decide(ACCOUNT, { now: NOW });
    expect(expected.ok).toBe(true);
    expect(engine.decide(ACCOUNT, { now: hostileDate(NOW) })).toEqual(expected);
    expect([...engine.decideMany([ACCOUNT], { now: hostileDate(NOW) })]).toEqual([expected]);
  });

  it('as `now` of deriveFacts and `from` of simulate', () => {
    expect(deriveFacts(ACCOUNT, hostileDate(NOW), POLICY)).toEqual(deriveFacts(ACCOUNT, NOW, POLICY));
    const plain = simulate(POLICY, ACCOUNT, { from: NOW, to: '2026-11-25T00:00:00Z' });
    expect(simulate(POLICY, ACCOUNT, { from: hostileDate(NOW), to: '2026-11-25T00:00:00Z' })).toEqual(plain);
  });

  it('inside an account: accepted as the instant it holds', () => {
    const parsed = safeParseAccount({ ...ACCOUNT, history: [{ at: hostileDate('2026-11-20T15:00:00Z'), channel: 'phone', outcome: 'no_answer' }] });
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(parsed.account.history[0]?.at).toBe('2026-11-20T15:00:00Z');
  });
});
