import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, run } from './fixtures/cli/harness';

/*
 * A file that starts with a byte-order mark is refused, as JSON.parse in the user's service would
 * refuse it: "a policy that validates loads in your service too". It used to be stripped silently.
 */

const BOM = '\uFEFF';
const MESSAGE = 'starts with a byte-order mark (BOM), which JSON.parse refuses: save it as UTF-8 without BOM';
const dir = mkdtempSync(join(tmpdir(), 'arrears-bom-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const AT = ['--at', '2026-11-23T10:00:00-06:00'];

describe('a byte-order mark is refused wherever the command reads JSON', () => {
  it('validate: file:1:1, exit 1 as for other invalid JSON', async () => {
    const file = write('bom.json', `${BOM}{"id":"p","version":"1","jurisdiction":"US"}`);
    const r = await run(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:1:1: error: ${MESSAGE} [byte_order_mark]`);
  });

  it('validate --json reports it with its code', async () => {
    const file = write('bom2.json', `${BOM}{"id":"p","version":"1","jurisdiction":"US"}`);
    const r = await run(['validate', '--json', file]);
    expect(JSON.parse(r.stdout)).toMatchObject([{ valid: false, errors: [{ line: 1, column: 1, code: 'byte_order_mark', message: MESSAGE }] }]);
  });

  it('validate --account on NDJSON: line 1 is refused, the other lines are still validated', async () => {
    const lines = fixture('accounts-valid.ndjson');
    const file = write('bom.ndjson', `${BOM}${lines}`);
    const r = await run(['validate', '--account', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:1:1: error: ${MESSAGE} [byte_order_mark]`);
  });

  it('--policy of decide: exit 1', async () => {
    const file = write('policy.json', `${BOM}${fixture('policy.json')}`);
    const r = await run(['decide', '--policy', file, '--account', 'account.json', ...AT]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:1:1: error: ${MESSAGE}`);
  });

  it('--account of decide (JSON): exit 1', async () => {
    const file = write('account.json', `${BOM}${fixture('account.json')}`);
    const r = await run(['decide', '--policy', 'policy.json', '--account', file, ...AT]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:1:1: error: ${MESSAGE}`);
  });

  it('decide streaming NDJSON: line 1 gets a failure record saying so', async () => {
    const file = write('accounts.ndjson', `${BOM}${fixture('accounts-valid.ndjson')}`);
    const r = await run(['decide', '--policy', 'policy.json', '--account', file, ...AT]);
    expect(r.code).toBe(1);
    const first = JSON.parse(r.stdout.split('\n')[0] as string) as { ok: boolean; line: number; error: { code: string; message: string } };
    expect(first).toMatchObject({ ok: false, line: 1, error: { code: 'JSON_INVALID', message: expect.stringContaining(MESSAGE) } });
  });

  it('check --log on NDJSON: exit 1 at line 1', async () => {
    const file = write('calls.ndjson', `${BOM}${fixture('calls.ndjson')}`);
    const r = await run(['check', '--policy', 'policy.json', '--log', file, '--account', 'account-log.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:1:1: error: ${MESSAGE}`);
  });

  it('simulate --account: exit 1', async () => {
    const file = write('sim-account.json', `${BOM}${fixture('account.json')}`);
    const r = await run(['simulate', '--policy', 'policy.json', '--account', file, '--from', '2026-11-23T09:00:00-06:00', '--days', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:1:1: error: ${MESSAGE}`);
  });
});
