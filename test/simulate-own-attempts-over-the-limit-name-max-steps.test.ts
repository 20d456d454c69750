import { describe, expect, it } from 'vitest';
import { createEngine, type PolicyInput } from '../src/index';
import { anAccount, simulate } from '../src/testing/index';
import { arrearsErrorOf } from './support/errors';

/*
 * Every attempt a simulation makes joins the history, and the engine refuses a history over its
 * limits.maxAttempts. When the simulation's own attempts take it there, the error is the run's,
 * at `maxSteps` — how many attempts it made and how to stay under the limit — not the account's
 * "archive old attempts" at `history`, which the user never wrote. An account already over the
 * limit is still refused as the account's.
 */

const policy: PolicyInput = {
  id: 'sim-limit',
  version: '1',
  jurisdiction: 'US',
  actions: { note: { label: 'internal note' } },
  rules: [{ id: 'always', when: { all: [] }, then: ['note'] }],
};
const account = anAccount().inZone('America/New_York').overdueDays(5, { asOf: '2026-11-23' });
const options = { from: '2026-11-23T00:00:00Z', to: '2026-12-23T00:00:00Z', maxSteps: 100, pause: 'PT1M' };

describe('a simulation whose own attempts exceed the engine’s limit', () => {
  it('LIMIT_EXCEEDED too_many_attempts at maxSteps, saying how many it made and what to change', () => {
    const e = arrearsErrorOf(() => simulate(createEngine(policy, { limits: { maxAttempts: 20 } }), account, options));
    expect(e.code).toBe('LIMIT_EXCEEDED');
    expect(e.issues).toEqual([
      {
        code: 'too_many_attempts',
        path: ['maxSteps'],
        message:
          'the simulation made 21 attempts (the account had 0), and the engine takes at most 20 in a history (limits.maxAttempts), reached at 2026-11-23T00:21:00Z: give a smaller `maxSteps` (each step makes at most one attempt), an earlier `to` or a longer `pause`, or simulate with an engine that takes more: createEngine(policy, { limits: { maxAttempts } })',
      },
    ]);
    expect(e.cause).toMatchObject({ code: 'LIMIT_EXCEEDED', issues: [{ code: 'too_many_attempts', path: ['history'] }] });
  });

  it('counts the attempts the account already had', () => {
    const called = account.called(5, { within: 'P1D', before: '2026-11-22T12:00:00Z' });
    const e = arrearsErrorOf(() => simulate(createEngine(policy, { limits: { maxAttempts: 20 } }), called, options));
    expect(e.issues[0]?.message).toMatch(/^the simulation made 16 attempts \(the account had 5\), and the engine takes at most 20 /);
  });

  it('names limits.maxArrayLength when that is the lower limit', () => {
    const e = arrearsErrorOf(() => simulate(createEngine(policy, { limits: { maxArrayLength: 20 } }), account, options));
    expect(e.issues).toMatchObject([{ code: 'too_many_attempts', path: ['maxSteps'], message: expect.stringContaining('at most 20 in a history (limits.maxArrayLength)') }]);
  });

  it('a run within the limit is unchanged', () => {
    const timeline = simulate(createEngine(policy, { limits: { maxAttempts: 100 } }), account, options);
    expect(timeline.stopped).toBe('maxSteps');
    expect(timeline.attempts).toHaveLength(100);
  });
});

describe('an account already over the limit', () => {
  it('is still the account’s fault, at history', () => {
    const called = account.called(30, { within: 'P1D', before: '2026-11-22T12:00:00Z' });
    const e = arrearsErrorOf(() => simulate(createEngine(policy, { limits: { maxAttempts: 20 } }), called, options));
    expect(e.code).toBe('LIMIT_EXCEEDED');
    expect(e.issues).toMatchObject([{ code: 'too_many_attempts', path: ['history'] }]);
  });
});
