import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run } from './fixtures/cli/harness';

/*
 * Standard input can be read once. Two options reading '-' used to let the first take everything
 * and the second find nothing: `decide --policy - --account -` printed nothing and exited 0.
 */

const policy = readFileSync(join(FIXTURES, 'policy.json'), 'utf8');
const AT = ['--at', '2026-11-23T10:00:00-06:00'];

describe('two options reading standard input: a usage error, before anything is read', () => {
  it.each([
    [['decide', '--policy', '-', '--account', '-', ...AT], 'decide', 'only one of --policy and --account can be read from standard input (standard input can be read only once)'],
    [['check', '--policy', '-', '--log', '-'], 'check', 'only one of --policy and --log can be read from standard input (standard input can be read only once)'],
    [['check', '--policy', '-', '--log', '-', '--account', '-'], 'check', 'only one of --policy, --log and --account can be read from standard input (standard input can be read only once); give the others a file'],
    [['simulate', '--policy', '-', '--account', '-', '--from', '2026-11-23T10:00:00-06:00'], 'simulate', 'only one of --policy and --account can be read from standard input'],
    [['decide', '--policy', '-', '--policy', '-', '--account', 'account.json', ...AT], 'decide', "--policy is given '-' twice (standard input can be read only once)"],
    [['validate', '-', '-'], 'validate', "'-' is given twice (standard input can be read only once)"],
  ])('%j → exit 2', async (args, command, message) => {
    const r = await run(args, { stdin: policy });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`arrears ${command}: error: ${message}`);
  });
});
