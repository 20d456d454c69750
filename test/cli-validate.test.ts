import { describe, expect, it } from 'vitest';
import { parseJson } from '../src/cli/source';
import { run } from './fixtures/cli/harness';

describe('arrears validate <policy…>', () => {
  it('accepts a valid policy: exit 0, one summary line, nothing on stderr', async () => {
    const r = await run(['validate', 'policy.json']);
    expect(r).toEqual({
      code: 0,
      stdout: "✓ policy.json: policy 'acme-consumer' v1.0.0: 2 actions, 1 rule, 1 compliance layer (3 constraints)\n",
      stderr: '',
    });
  });

  it('reports every shape problem at file:line:column of the offending value, exit 1', async () => {
    const r = await run(['validate', 'policy-invalid.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchInlineSnapshot(`
      "policy-invalid.json:1:1: error: version: is required (a string) [invalid_type]
      policy-invalid.json:5:40: error: actions.call_self: unknown key 'tagret'; remove it or check the spelling; did you mean 'target'? [unrecognized_keys]
      policy-invalid.json:11:57: error: compliance[0].constraints[0].from: must be a local time 'HH:mm' between 00:00 and 23:59 [invalid_format]
      ✗ policy-invalid.json: invalid — 3 errors
      "
    `);
  });

  it('reads JSONC (.jsonc: comments, trailing commas) and reports cross-reference errors with their fix', async () => {
    const r = await run(['validate', 'policy-refs.jsonc']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatchInlineSnapshot(`
      "policy-refs.jsonc:12:35: error: rules[0].when.all[0].fact: unknown fact 'daysPastDu'; did you mean 'daysPastDue'? [unknown_fact]
      policy-refs.jsonc:12:61: error: rules[0].when.all[0].operator: unknown operator 'greaterThen'; did you mean 'greaterThan'? [unknown_operator]
      policy-refs.jsonc:13:16: error: rules[0].then[0]: unknown action 'cal_self'; did you mean 'call_self'? [unknown_action]
      ✗ policy-refs.jsonc: invalid — 3 errors
      "
    `);
  });

  it('lists warnings (lint, duplicate keys) and still exits 0', async () => {
    const r = await run(['validate', 'policy-warnings.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchInlineSnapshot(`
      "policy-warnings.json:11:9: warning: compliance[0].constraints[0]: windows of one layer are a union: 'office-hours' (all proposals) widens 'calls-in-the-morning'; put 'calls-in-the-morning' in a layer of its own to restrict [window_widened]
      policy-warnings.json:16:3: warning: version: 'version' is defined twice in this object; only the last one counts [duplicate_key]
      ✓ policy-warnings.json: policy 'widened' v2: 1 action, 1 rule, 1 compliance layer (2 constraints) — 2 warnings
      "
    `);
  });

  it('reports every JSON syntax error with line:column; comments and trailing commas only in .jsonc', async () => {
    const r = await run(['validate', 'policy-syntax.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatchInlineSnapshot(`
      "policy-syntax.json:2:3: error: comments are not allowed in JSON; remove it, or name the file .jsonc [InvalidCommentToken]
      policy-syntax.json:4:18: error: trailing comma; remove it (trailing commas are allowed only in .jsonc files) [ValueExpected]
      policy-syntax.json:6:3: error: expected ',' between values [CommaExpected]
      ✗ policy-syntax.json: invalid — 3 errors
      "
    `);
  });

  it('validates several files, sums up, and exits 1 when any is invalid', async () => {
    const r = await run(['validate', 'policy.json', 'policy-refs.jsonc', 'policy-warnings.json']);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('3 files: 2 valid, 1 with errors');
  });

  it('exits 2 for a missing file, after validating the others', async () => {
    const r = await run(['validate', 'policy.json', 'no-such-policy.json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('✓ policy.json');
    expect(r.stdout).toContain('no-such-policy.json: error: cannot read the file: no such file [unreadable]');
  });

  it('exits 2 for a directory', async () => {
    const r = await run(['validate', '.']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('.: error: cannot read the file: it is a directory, not a file');
  });

  it('reads standard input with -', async () => {
    const r = await run(['validate', '-'], { stdin: '{ "id": "x", "version": "1", "jurisdiction": "US" }' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("✓ <stdin>: policy 'x' v1: 0 actions, 0 rules, 0 compliance layers (0 constraints)\n");
  });

  it('standard input is strict JSON, like every file but .jsonc: what validates loads with JSON.parse', async () => {
    const r = await run(['validate', '-'], { stdin: '{ "id": "x", "version": "1", "jurisdiction": "US" } // a comment' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<stdin>:1:53: error: comments are not allowed in JSON');
  });

  it('refuses a document too large to read whole, with a message, not a crash', async () => {
    const r = await run(['validate', '-'], { stdin: `[${'0,'.repeat(34 * 1024 * 1024)}0]` });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<stdin>: error: 68 MB: a policy, an account or a log is read whole, and at most 64 MB');
  });

  it('says so when the file is empty', async () => {
    const r = await run(['validate', '-'], { stdin: '  \n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<stdin>:1:1: error: the file is empty: expected a JSON value [ValueExpected]');
  });

  it('--json prints machine-readable results', async () => {
    const r = await run(['validate', '--json', 'policy.json', 'policy-refs.jsonc']);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as { file: string; valid: boolean; errors: { line: number; column: number; path: string; code: string }[] }[];
    expect(results.map((x) => [x.file, x.valid])).toEqual([
      ['policy.json', true],
      ['policy-refs.jsonc', false],
    ]);
    expect(results[1]?.errors[0]).toEqual({ line: 12, column: 35, path: 'rules[0].when.all[0].fact', code: 'unknown_fact', message: "unknown fact 'daysPastDu'; did you mean 'daysPastDue'?" });
  });

  it('usage error without a file', async () => {
    const r = await run(['validate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('arrears validate: error: give the policy file(s) to validate');
  });
});

describe('arrears validate <account> without --account', () => {
  it.each(['account.json', 'accounts.json'])('says that %s looks like an account and names the flag, exit 1', async (file) => {
    const r = await run(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`✗ ${file}: invalid as a policy; it looks like an account: validate it with --account`);
  });

  it('does not say it of a broken policy', async () => {
    const r = await run(['validate', 'policy-invalid.json']);
    expect(r.stdout).not.toContain('looks like an account');
  });
});

describe('arrears validate --account', () => {
  it('accepts a valid account', async () => {
    const r = await run(['validate', '--account', 'account.json']);
    expect(r).toMatchObject({ code: 0, stdout: '✓ account.json: account is valid\n' });
  });

  it('locates each problem of an invalid account', async () => {
    const r = await run(['validate', '--account', 'account-invalid.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("account-invalid.json:3:15: error: currency: must be an ISO 4217 currency code");
    expect(r.stdout).toContain('account-invalid.json:5:27: error: debtor.timeZone: must be an IANA time zone name');
    expect(r.stdout).toContain('account-invalid.json:6:81: error: contacts[0].channels[0].channel:');
    expect(r.stdout).toContain('✗ account-invalid.json: account is invalid — 4 errors');
  });

  it('validates a JSON array of accounts, with the index in the path', async () => {
    const r = await run(['validate', '--account', 'accounts.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("accounts.json:66:3: error: [2].amountDue: is required (a number) [invalid_type]");
    expect(r.stdout).toContain('✗ accounts.json: 3 accounts, 2 valid, 1 invalid — 3 errors');
  });

  it('validates NDJSON line by line: line numbers are the file lines, blank lines skipped', async () => {
    const r = await run(['validate', '--account', 'accounts.ndjson']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('accounts.ndjson:2:33: error: currency:');
    expect(r.stdout).toContain('accounts.ndjson:3:20: error: expected a property name in double quotes [PropertyNameExpected]');
    expect(r.stdout).toContain('✗ accounts.ndjson: 4 accounts, 2 valid, 2 invalid — 4 errors');
  });

  it('accepts a valid NDJSON file', async () => {
    const r = await run(['validate', '--account', 'accounts-valid.ndjson']);
    expect(r).toMatchObject({ code: 0, stdout: '✓ accounts-valid.ndjson: 2 accounts, 2 valid, 0 invalid\n' });
  });
});

describe('source positions (src/cli/source.ts)', () => {
  it('builds values as JSON.parse does, even for __proto__ keys and duplicates', () => {
    const text = '{ "__proto__": { "polluted": true }, "a": 1, "a": 2 }';
    const r = parseJson('x.json', text, { jsonc: false });
    if (!r.ok) throw new Error('expected ok');
    expect(r.document.value).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(r.document.value)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(r.document.duplicateKeys).toEqual([{ path: ['a'], key: 'a', position: { line: 1, column: 46 } }]);
  });

  it('locates values, keys, the last duplicate, and the nearest ancestor of a missing path', () => {
    const text = '{\n  "a": [1, {"b": 2}],\n  "c": 1,\n  "c": 3\n}';
    const r = parseJson('x.json', text, { jsonc: false });
    if (!r.ok) throw new Error('expected ok');
    expect(r.document.locate(['a', 1, 'b'])).toEqual({ line: 2, column: 18, exact: true });
    expect(r.document.locate(['a', 1, 'b'], { key: true })).toEqual({ line: 2, column: 13, exact: true });
    expect(r.document.locate(['c'])).toEqual({ line: 4, column: 8, exact: true });
    expect(r.document.locate(['a', 1, 'missing'])).toEqual({ line: 2, column: 12, exact: false });
  });

  it('strips a byte-order mark and counts lines from firstLine (NDJSON)', () => {
    const r = parseJson('x.ndjson', '\uFEFF{"a": tru}', { jsonc: false, firstLine: 7 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 7, column: 7 });
  });
});
