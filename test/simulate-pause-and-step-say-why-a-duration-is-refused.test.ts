import { describe, expect, it } from 'vitest';
import { simulate } from '../src/testing/index';
import { run } from './fixtures/cli/harness';
import { arrearsErrorOf } from './support/errors';
import { simulation } from './support/simulation';

/*
 * A `pause` or `step` that is refused said it "is not an ISO 8601 duration" whatever the reason,
 * also for 'P99999D' (an ISO 8601 duration, only longer than the 100 years a duration may last),
 * and without the hints the policy's own durations give ('PT1.5H': fractions; 'pt2h': upper case).
 */

const { policy, account, from, to } = simulation;

describe('simulate says why a pause or step is not a duration it takes', () => {
  it.each([
    ['pause', 'P99999D', /^"P99999D" is longer than 100 years$/],
    ['step', 'PT1.5H', /fractions are not supported/],
    ['pause', 'pt2h', /designators are upper case/],
    ['step', '2h', /^"2h" is not an ISO 8601 duration/],
  ] as const)('%s %s', (name, value, message) => {
    const e = arrearsErrorOf(() => simulate(policy, account, { from, to, [name]: value }));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues[0]?.path).toEqual([name]);
    expect(e.issues[0]?.message).toMatch(message);
  });

  it('the command says the same, as a usage error', async () => {
    const r = await run(['simulate', '--policy', 'policy.json', '--account', 'account.json', '--from', '2026-11-23T16:00:00Z', '--days', '3', '--pause', 'P99999D']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--pause: "P99999D" is longer than 100 years');
  });
});
