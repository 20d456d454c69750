import { describe, expect, it } from 'vitest';
import { run } from './fixtures/cli/harness';

/*
 * `--days -1` used to be refused as "option '--days' does not take a value" — it takes one, and
 * the answer is that -1 is not a number of days. A value starting with a dash is handed to the
 * option, which says what it requires. An option that keeps one value, given twice, is refused
 * rather than silently keeping the last.
 */

const SIMULATE = ['simulate', '--policy', 'policy.json', '--account', 'account.json', '--from', '2026-11-23T09:00:00-06:00'];

describe('values that start with a dash are checked by their option', () => {
  it.each([
    [['--days', '-1'], "--days must be a whole number from 1 to 3660, not '-1'"],
    [['--max-steps', '-5'], "--max-steps must be a whole number from 1 to 100000, not '-5'"],
    [['--pause', '-PT1H'], '--pause: must be a positive ISO 8601 duration such as \'PT2H\'; received "-PT1H" (a duration has no sign)'],
    [['--step', '-PT1H'], '--step: must be a positive ISO 8601 duration'],
  ])('simulate %j → exit 2, saying what the option requires', async (option, message) => {
    const r = await run([...SIMULATE, ...option]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`arrears simulate: error: ${message}`);
    expect(r.stderr).not.toContain('does not take a value');
  });

  it('--at -5 is read as an instant, and refused as one', async () => {
    const r = await run(['decide', '--policy', 'policy.json', '--account', 'account.json', '--at', '-5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/arrears decide: error: --at: /);
  });

  it('an option followed by another option is missing its value', async () => {
    const r = await run(['decide', '--policy', 'policy.json', '--account', '--at', '2026-11-23T10:00:00-06:00']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("arrears decide: error: option '--account' needs a value");
  });
});

describe('an option that keeps one value, given twice', () => {
  it.each([
    [['decide', '--policy', 'policy.json', '--account', 'account.json', '--at', '2026-11-23T10:00:00-06:00', '--at', '2026-11-24T10:00:00-06:00'], 'decide', "--at is given twice ('2026-11-23T10:00:00-06:00' and '2026-11-24T10:00:00-06:00'); give it once"],
    [['decide', '--policy', 'policy.json', '--account', 'account.json', '--account=accounts.json', '--at', '2026-11-23T10:00:00-06:00'], 'decide', "--account is given twice ('account.json' and 'accounts.json')"],
    [[...SIMULATE, '--days', '3', '--days', '4'], 'simulate', "--days is given twice ('3' and '4')"],
  ])('%j → exit 2', async (args, command, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`arrears ${command}: error: ${message}`);
  });
});
