import { describe, expect, it } from 'vitest';
import { createEngine, parsePolicy, policyHash, presets } from '../src/index';
import { arrearsErrorOf } from './support/errors';

/* createEngine(policy, { limits }): the same limits for the policy and every account it decides. */

const now = '2026-11-23T15:00:00Z';
const account = (attempts: number, id = 'A-1') => ({
  id,
  currency: 'USD',
  amountDue: 100,
  dueDate: '2026-11-01',
  debtor: { timeZone: 'America/Chicago' },
  contacts: [{ id: 'self', relationship: 'self', channels: [{ channel: 'phone' }] }],
  history: Array.from({ length: attempts }, () => ({ at: '2026-11-02T16:00:00Z', channel: 'phone', outcome: 'no_answer' })),
});


describe('createEngine limits option', () => {
  const engine = createEngine(presets.usRegulationF, { limits: { maxAttempts: 5 } });

  it('decides an account within the limit', () => {
    expect(engine.decide(account(5), { now }).ok).toBe(true);
  });

  it('refuses an account over it with LIMIT_EXCEEDED / too_many_attempts', () => {
    const error = arrearsErrorOf(() => engine.decide(account(6), { now }));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.issues).toMatchObject([{ code: 'too_many_attempts', path: ['history'] }]);
  });

  it('decideMany returns the over-limit account as a failure in place and goes on', () => {
    const results = [...engine.decideMany([account(1, 'ok-1'), account(9, 'big'), account(2, 'ok-2')], { now })];
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ ok: false, accountId: 'big', error: { code: 'LIMIT_EXCEEDED' } });
  });

  it('applies the limits to the policy too', () => {
    const error = arrearsErrorOf(() => createEngine(presets.usRegulationF, { limits: { maxStringLength: 10 } }));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.issues[0]?.code).toBe('string_too_long');
  });

  it('refuses a misspelt limit with OPTIONS_INVALID, naming the limit meant', () => {
    const error = arrearsErrorOf(() => createEngine(presets.usRegulationF, { limits: { maxAtempts: 5 } as never }));
    expect(error.code).toBe('OPTIONS_INVALID');
    expect(error.issues).toMatchObject([{ code: 'unrecognized_keys', path: ['limits'] }]);
    expect(error.issues[0]?.message).toMatch(/'maxAtempts'.*did you mean 'maxAttempts'\?$/);
  });

  it('refuses a limit that is not a whole number, at its path', () => {
    const error = arrearsErrorOf(() => createEngine(presets.usRegulationF, { limits: { maxAttempts: 0.5 } }));
    expect(error.code).toBe('OPTIONS_INVALID');
    expect(error.issues[0]?.path).toEqual(['limits', 'maxAttempts']);
  });
});

describe('createEngine with raised limits', () => {
  it('accepts a policy that needs them (a 12,000-value list), as parsePolicy does', () => {
    const segments = Array.from({ length: 12_000 }, (_, i) => `s${i}`);
    const policy = {
      id: 'big',
      version: '1',
      jurisdiction: 'US',
      actions: { call: { channel: 'phone' } },
      rules: [{ id: 'r', when: { all: [{ fact: 'attributes', path: '$.segment', operator: 'in', value: segments }] }, then: ['call'] }],
    };
    expect(arrearsErrorOf(() => createEngine(policy)).code).toBe('LIMIT_EXCEEDED');
    const engine = createEngine(policy, { limits: { maxArrayLength: 20_000 } });
    const d = engine.decide({ ...account(0), attributes: { segment: 's11999' } }, { now });
    expect(d.next?.action).toBe('call');
  });
});

describe('policyHash of a policy parsed under raised limits', () => {
  it('hashes it (parsePolicy already screened it under those limits)', () => {
    const policy = {
      id: 'big',
      version: '1',
      jurisdiction: 'US',
      actions: { call: { channel: 'phone' } },
      rules: [{ id: 'r', when: { all: [{ fact: 'attributes', path: '$.segment', operator: 'in', value: Array.from({ length: 12_000 }, (_, i) => `s${i}`) }] }, then: ['call'] }],
    };
    const parsed = parsePolicy(policy, { limits: { maxArrayLength: 20_000 } });
    expect(policyHash(parsed)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(policyHash(parsed)).toBe(createEngine(parsed, { limits: { maxArrayLength: 20_000 } }).hash);
    expect(arrearsErrorOf(() => policyHash(policy)).code).toBe('LIMIT_EXCEEDED');
  });
});
