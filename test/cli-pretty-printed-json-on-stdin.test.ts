import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run } from './fixtures/cli/harness';

/*
 * A pretty-printed account piped to `decide --account -` used to give one JSON_INVALID record per
 * line. Standard input that is not NDJSON but is one JSON document as a whole is read as that
 * document, the way its file would be; NDJSON is still streamed, and a broken NDJSON stream still
 * gets a record per line.
 */

const account = readFileSync(join(FIXTURES, 'account.json'), 'utf8'); // pretty-printed
const accounts = readFileSync(join(FIXTURES, 'accounts.json'), 'utf8');
const DECIDE = ['decide', '--policy', 'policy.json', '--account', '-', '--at', '2026-11-23T10:00:00-06:00'];

describe('decide --account - with one pretty-printed JSON document', () => {
  it('an account: decided and explained, as with its file name; NDJSON is still streamed', async () => {
    const piped = await run(DECIDE, { stdin: account });
    const named = await run(['decide', '--policy', 'policy.json', '--account', 'account.json', '--at', '2026-11-23T10:00:00-06:00']);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(named.stdout);
    expect(piped.stdout).not.toContain('JSON_INVALID');

    // One compact account per line: one decision per line, as before.
    const line = JSON.stringify(JSON.parse(account));
    const stream = await run(DECIDE, { stdin: `${line}\n${line}\n` });
    expect(stream.code).toBe(0);
    const records = stream.stdout.trim().split('\n');
    expect(records).toHaveLength(2);
    expect(JSON.parse(records[0] as string)).toMatchObject({ ok: true, accountId: 'ACME-1001' });

    // A first NDJSON line cut short is not one document either: NDJSON, the bad line in its place.
    const broken = await run(DECIDE, { stdin: `{"id": "ACME-3003",\n${line}\n` });
    expect(broken.code).toBe(1);
    const lines = broken.stdout.trim().split('\n').map((l) => JSON.parse(l) as { ok: boolean; line?: number; error?: { code: string } });
    expect(lines).toMatchObject([{ ok: false, line: 1, error: { code: 'JSON_INVALID' } }, { ok: true }]);
  });

  it('an array of accounts with --json: the same output as the file', async () => {
    const piped = await run([...DECIDE, '--json'], { stdin: accounts });
    const named = await run(['decide', '--policy', 'policy.json', '--account', 'accounts.json', '--at', '2026-11-23T10:00:00-06:00', '--json']);
    expect(piped.code).toBe(named.code);
    expect(piped.stdout).toBe(named.stdout);
  });
});

describe('validate --account - with one pretty-printed account', () => {
  it('is valid, as its file is', async () => {
    const r = await run(['validate', '--account', '-'], { stdin: account });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ <stdin>: account is valid');
  });
});
