import { describe, expect, it } from 'vitest';
import { run } from './fixtures/cli/harness';

/*
 * A simulation stopped by --max-steps used to end its table with "nothing done: … allowed" over
 * every remaining day — days it never simulated, described by a decision of an earlier day.
 */

describe('arrears simulate stopped by --max-steps', () => {
  it('says the days after the last decision were not simulated', async () => {
    const r = await run(['simulate', '--policy', 'policy.json', '--account', 'account.json', '--from', '2026-11-23T09:00:00-06:00', '--days', '5', '--step', 'PT1S', '--max-steps', '20']);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n');
    expect(rows).toContainEqual(expect.stringMatching(/^2026-11-24 … 2026-11-28\s+—\s+not simulated: stopped by --max-steps$/));
    expect(r.stdout).not.toMatch(/nothing done: \S+ allowed/);
    expect(r.stdout).toContain('Stopped after 20 decisions (--max-steps): the timeline is incomplete.');

    // A run that reaches its end simulated every day.
    const whole = await run(['simulate', '--policy', 'policy.json', '--account', 'account.json', '--from', '2026-11-23T09:00:00-06:00', '--days', '3']);
    expect(whole.stdout).not.toContain('not simulated');
  });
});
