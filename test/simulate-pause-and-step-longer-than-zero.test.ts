import { describe, expect, it } from 'vitest';
import { simulate } from '../src/testing/index';
import { run } from './fixtures/cli/harness';
import { arrearsErrorOf } from './support/errors';
import { simulation } from './support/simulation';

/*
 * `pause` and `step` are durations longer than zero. A zero `step` silently became the default
 * jump to midnight and a zero `pause` no pause at all; a signed one said only "not a duration".
 * Both are checked before anything runs, whether or not the run would have needed them.
 */

const { policy, account, from, to } = simulation;

describe('simulate refuses a pause or step that is not longer than zero', () => {
  it.each([
    ['pause', 'PT0S', /^must be longer than zero; received "PT0S" \(leave `pause` out/],
    ['pause', 'P0D', /^must be longer than zero; received "P0D"/],
    ['step', 'PT0S', /^must be longer than zero; received "PT0S" \(leave `step` out/],
    ['step', 'P0DT0H', /^must be longer than zero/],
    ['pause', '-PT1H', /^must be a positive ISO 8601 duration such as 'PT2H'; received "-PT1H" \(a duration has no sign\)/],
    ['step', '-P1D', /^must be a positive ISO 8601 duration/],
  ])('%s: %j → OPTIONS_INVALID at that option', (name, value, message) => {
    const e = arrearsErrorOf(() => simulate(policy, account, { from, to, [name]: value }));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'invalid_option', path: [name], message: expect.stringMatching(message) }]);
  });

  it('a step that is never used is still checked', () => {
    // Every decision of this run allows a call: the step would never be taken.
    expect(arrearsErrorOf(() => simulate(policy, account, { from, to: '2026-11-23T09:00:01-05:00', step: 'PT0S' })).issues[0]?.path).toEqual(['step']);
  });
});

describe('arrears simulate: the same, as usage errors naming the flag', () => {
  it.each([
    [['--step', 'PT0S'], "--step: must be longer than zero; received \"PT0S\" (leave --step out to jump at most to the debtor's next local midnight)"],
    [['--pause', 'P0D'], '--pause: must be longer than zero; received "P0D" (leave --pause out to decide again at the same instant)'],
  ])('%j → exit 2', async (option, message) => {
    const r = await run(['simulate', '--policy', 'policy.json', '--account', 'account.json', '--from', from, '--days', '1', ...option]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`arrears simulate: error: ${message}`);
  });
});
