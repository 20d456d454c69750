import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run } from './fixtures/cli/harness';

/*
 * A JSON array of accounts written on one line (`jq -c`, `JSON.stringify`) piped to
 * `--account -` was read as NDJSON — its first line is a JSON value — and the array became one
 * record: "must be an object, not an array", exit 1, where the same bytes in a file, or the
 * same array pretty-printed on stdin, are decided. An NDJSON record is one account, never an
 * array, so standard input whose first line is an array is read as one document when it is one.
 */

const accounts = JSON.stringify(JSON.parse(readFileSync(join(FIXTURES, 'accounts.json'), 'utf8')) as unknown);
const DECIDE = ['decide', '--policy', 'policy.json', '--account', '-', '--at', '2026-11-23T10:00:00-06:00'];

describe('a compact JSON array of accounts on standard input', () => {
  it('decide: decided as the file is, with and without --json', async () => {
    const named = await run(['decide', '--policy', 'policy.json', '--account', 'accounts.json', '--at', '2026-11-23T10:00:00-06:00']);
    for (const stdin of [accounts, `${accounts}\n`]) {
      const piped = await run(DECIDE, { stdin });
      expect(piped.code).toBe(named.code);
      expect(piped.stdout).toBe(named.stdout);
    }
    const namedJson = await run(['decide', '--policy', 'policy.json', '--account', 'accounts.json', '--at', '2026-11-23T10:00:00-06:00', '--json']);
    const pipedJson = await run([...DECIDE, '--json'], { stdin: accounts });
    expect(pipedJson.code).toBe(namedJson.code);
    expect(pipedJson.stdout).toBe(namedJson.stdout);
    expect(pipedJson.stdout).not.toContain('must be an object, not an array');
  });

  it('validate --account -: the accounts of the array are validated', async () => {
    const named = await run(['validate', '--account', 'accounts.json']);
    const piped = await run(['validate', '--account', '-'], { stdin: accounts });
    expect(piped.code).toBe(named.code);
    expect(piped.stdout + piped.stderr).not.toContain('must be an object, not an array');
  });

  it('two arrays on two lines are not one document: NDJSON, each line refused in its place', async () => {
    const r = await run(DECIDE, { stdin: `[]\n[]\n` });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { ok: boolean; line: number });
    expect(lines).toMatchObject([
      { ok: false, line: 1 },
      { ok: false, line: 2 },
    ]);
  });
});
