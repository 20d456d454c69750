import { describe, expect, it } from 'vitest';
import { createEngine, presets } from '../src/index';
import { anAccount, checkCompliance, runFixtures, simulate } from '../src/testing/index';
import { arrearsErrorOf } from './support/errors';

// Options, cases and policies built in code may be getters or Proxies that throw when read: the
// testing kit says which (OPTIONS_INVALID / POLICY_INVALID, `unreadable`, at the path) instead of
// letting the raw error escape.
const revoked = (() => {
  const r = Proxy.revocable({}, {});
  r.revoke();
  return r.proxy;
})();
const throwing = { get horizonDays(): number { throw new Error('boom'); } };
const account = anAccount().overdueDays(10, { asOf: '2026-03-02' });

describe('testing kit: options that throw when read', () => {
  it('checkCompliance', () => {
    expect(arrearsErrorOf(() => checkCompliance([], presets.usRegulationF, throwing as never)).issues[0]).toMatchObject({ code: 'unreadable', path: ['horizonDays'] });
    expect(arrearsErrorOf(() => checkCompliance([], presets.usRegulationF, revoked as never)).issues[0]).toMatchObject({ code: 'unreadable', path: [] });
    expect(arrearsErrorOf(() => checkCompliance([], revoked, { account })).code).toBe('POLICY_INVALID');
  });

  it('runFixtures', () => {
    expect(arrearsErrorOf(() => runFixtures([], throwing as never)).issues[0]).toMatchObject({ code: 'unreadable', path: ['horizonDays'] });
    expect(arrearsErrorOf(() => runFixtures(revoked as never)).issues[0]).toMatchObject({ code: 'unreadable', path: ['cases'] });
  });

  it('simulate', () => {
    const engine = createEngine(presets.strategies.bankCard);
    const options = { from: '2026-03-02T00:00:00Z', get to(): string { throw new Error('boom'); } };
    expect(arrearsErrorOf(() => simulate(engine, account, options as never)).issues[0]).toMatchObject({ code: 'unreadable', path: ['to'] });
    expect(arrearsErrorOf(() => simulate(engine, account, revoked as never)).issues[0]).toMatchObject({ code: 'unreadable', path: [] });
  });
});
