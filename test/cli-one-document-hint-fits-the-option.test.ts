import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './fixtures/cli/harness';

/*
 * Two JSON values where one is expected: the hint used to be "use .ndjson for one per line"
 * everywhere — nonsense for a file that already is .ndjson, and for options that take one
 * document (simulate's account, a policy). The hint now fits the option.
 */

const dir = mkdtempSync(join(tmpdir(), 'arrears-one-document-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const two = '{"id":"A-1"}\n{"id":"A-2"}\n';
const write = (name: string) => {
  writeFileSync(join(dir, name), two);
  return join(dir, name);
};

describe('the hint after "unexpected content after the end of the JSON value"', () => {
  it('simulate --account x.ndjson: it takes one account, as one JSON document', async () => {
    const file = write('accounts.ndjson');
    const r = await run(['simulate', '--policy', 'policy.json', '--account', file, '--from', '2026-11-23T09:00:00-06:00']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:2:1: error: unexpected content after the end of the JSON value (--account takes one account, as one JSON document) [EndOfFileExpected]`);
    expect(r.stderr).not.toContain('use .ndjson');
  });

  it('a policy file: one JSON document, repeat --policy to compose', async () => {
    const file = write('policies.json');
    const r = await run(['decide', '--policy', file, '--account', 'account.json', '--at', '2026-11-23T10:00:00-06:00']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('(a policy file holds one JSON document; repeat --policy to compose several)');
    expect(r.stderr).not.toContain('use .ndjson');
  });

  it('two values on one NDJSON line: not told to use .ndjson', async () => {
    const file = join(dir, 'line.ndjson');
    writeFileSync(file, '{"id":"A-1"} {"id":"A-2"}\n');
    const r = await run(['validate', '--account', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('unexpected content after the end of the JSON value (NDJSON: one account per line)');
    expect(r.stdout).not.toContain('use .ndjson');
  });
});
