import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, type Decision, type DecisionFailure, presets } from '../src/index';
import { FIXTURES, run } from './fixtures/cli/harness';

const AT = '2026-11-23T10:00:00-06:00'; // Monday 10:00 in Chicago
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

describe('arrears decide', () => {
  it('explains the decision in plain text, at the instant given', async () => {
    const r = await run(['decide', '--policy', 'policy.json', '--account', 'account.json', '--at', AT]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Account ACME-1001 at 2026-11-23 10:00 (America/Chicago, UTC-06:00) — policy acme-consumer v1.0.0');
    expect(lines[1]).toMatch(/^Next: call_self \(Reminder call\) — phone .*to self 'sam' — allowed now, until 2026-11-23 18:00/);
    expect(r.stdout).toContain('Rules fired: overdue (of 1).');
  });

  it('without --at reads the clock once and says which instant it used', async () => {
    const r = await run(['decide', '--policy', 'policy.json', '--account', 'account.json'], { now: '2026-11-23T15:00:42.750Z' });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Using the current time, 2026-11-23T15:00:42Z (pass --at <instant> to choose another).');
    expect(r.stdout).toContain('Account ACME-1001 at 2026-11-23 09:00:42 (America/Chicago, UTC-06:00)');
  });

  it('composes several --policy in order, presets by id: Reg F defers the call after a conversation', async () => {
    const r = await run(['decide', '--policy', 'preset:us-regulation-f', '--policy', 'policy.json', '--account', 'account.json', '--at', AT]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('policy us-regulation-f+acme-consumer v2026.12+1.0.0');
    expect(r.stdout).toMatch(/Next: sms_self/);
    expect(r.stdout).toMatch(/call_self \(Reminder call\) — phone .* — deferred until 2026-11-27 09:00 \(America\/Chicago, UTC-06:00\)/);
    expect(r.stdout).toContain('COOLDOWN [regf-7-days-after-conversation');
  });

  it('--json prints the Decision exactly as the library returns it', async () => {
    const r = await run(['decide', '--policy', 'preset:usRegulationF', '--policy', 'policy.json', '--account', 'account.json', '--at', AT, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const expected = createEngine(composePolicies(presets.usRegulationF, fixture('policy.json'))).decide(fixture('account.json'), { now: AT });
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('--json without --at keeps stdout pure JSON and states the instant on stderr', async () => {
    const r = await run(['decide', '--policy', 'policy.json', '--account', 'account.json', '--json']);
    expect((JSON.parse(r.stdout) as Decision).now).toBe('2026-11-23T15:00:00Z');
    expect(r.stderr).toBe('Using the current time, 2026-11-23T15:00:00Z (pass --at <instant> to choose another).\n');
  });

  it('decides every account of a JSON array; an invalid one is located and makes the exit code 1', async () => {
    const r = await run(['decide', '--policy', 'policy.json', '--account', 'accounts.json', '--at', AT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Account ACME-2001 at');
    expect(r.stdout).toContain('Account ACME-2002 at');
    expect(r.stderr).toContain("Account #3 'ACME-2003' could not be decided: it is invalid");
    expect(r.stderr).toContain("accounts.json:66:3: error: [2].amountDue: is required (a number)");
  });

  it('--json on an array prints an array of decisions and failures, in order', async () => {
    const r = await run(['decide', '--policy', 'policy.json', '--account', 'accounts.json', '--at', AT, '--json']);
    const results = JSON.parse(r.stdout) as (Decision | DecisionFailure)[];
    expect(results.map((x) => [x.ok, x.accountId])).toEqual([
      [true, 'ACME-2001'],
      [true, 'ACME-2002'],
      [false, 'ACME-2003'],
    ]);
  });

  it('an invalid account: exit 1, every problem at file:line:column', async () => {
    const r = await run(['decide', '--policy', 'policy.json', '--account', 'account-invalid.json', '--at', AT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      'The account could not be decided: it is invalid',
      "account-invalid.json:3:15: error: currency: must be an ISO 4217 currency code of three capital letters, e.g. 'USD', 'CNY' [invalid_format]",
      'account-invalid.json:4:16: error: amountDue: amounts are integers in minor units (cents, fen): 12.5 USD is 1250 [invalid_type]',
    ]);
  });

  it('an invalid policy: exit 1, its problems located in its own file, nothing decided', async () => {
    const r = await run(['decide', '--policy', 'policy-refs.jsonc', '--account', 'account.json', '--at', AT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("policy-refs.jsonc:13:16: error: rules[0].then[0]: unknown action 'cal_self'; did you mean 'call_self'? [unknown_action]");
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('arrears decide: stopped on 3 errors in the input.');
  });

  it('policies that cannot be composed: the conflict is located in the later file', async () => {
    const r = await run(['decide', '--policy', 'policy.json', '--policy', 'policy-conflict.json', '--account', 'account.json', '--at', AT]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("policy-conflict.json:5:29: error: actions.call_self: 'call_self' is defined differently by two of the composed policies [conflict]");
  });

  it('bad JSON in the account file: exit 1 with line:column', async () => {
    const r = await run(['decide', '--policy', 'policy.json', '--account', 'policy-syntax.json', '--at', AT]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('policy-syntax.json:6:3: error: expected \',\' between values [CommaExpected]');
  });

  it.each([
    [['decide', '--account', 'account.json'], 'missing --policy <file | preset:id>'],
    [['decide', '--policy', 'policy.json'], 'missing --account <file | ->'],
    [['decide', '--policy', 'policy.json', '--account', 'account.json', '--at', '2026-11-23T10:00:00'], '--at: "2026-11-23T10:00:00" has no UTC offset'],
    [['decide', '--policy', 'policy.json', '--account', 'account.json', '--at', 'tomorrow'], '--at: "tomorrow" is not a valid instant'],
    [['decide', '--policy', 'preset:us-regulation-g', '--account', 'account.json'], "unknown preset 'us-regulation-g'; the presets are 'us-regulation-f'"],
    [['decide', '--polcy', 'policy.json'], "unknown option '--polcy'; did you mean '--policy'?"],
    [['decide', 'policy.json'], "unexpected argument 'policy.json'"],
    [['decide', '--policy'], "option '--policy' needs a value"],
  ])('usage error %j → exit 2', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`arrears decide: error: ${message}`);
    expect(r.stderr).toContain("Run 'arrears decide --help' for usage.");
  });

  it('a missing file: exit 2, a clear message', async () => {
    const r = await run(['decide', '--policy', 'policy.json', '--account', 'nope.json']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "arrears: error: cannot read 'nope.json': no such file\n" });
  });
});

describe('arrears decide with NDJSON (streaming)', () => {
  const parseLines = (text: string) => text.trimEnd().split('\n').map((l) => JSON.parse(l) as (Decision | (DecisionFailure & { line?: number })));

  it('answers each line with one JSON decision, in order; failures in place with their line', async () => {
    const r = await run(['decide', '--policy', 'policy.json', '--account', 'accounts.ndjson', '--at', AT]);
    expect(r.code).toBe(1);
    const out = parseLines(r.stdout);
    expect(out.map((x) => [x.ok, x.accountId])).toEqual([
      [true, 'ACME-3001'],
      [false, 'ACME-3002'],
      [false, null],
      [true, 'ACME-3004'],
    ]);
    expect(out[1]).toMatchObject({ line: 2, error: { code: 'ACCOUNT_INVALID' } });
    expect(out[2]).toMatchObject({ line: 3, error: { code: 'JSON_INVALID', message: 'line 3, column 20: expected a property name in double quotes (NDJSON: one account per line)' } });
    expect(r.stderr).toBe('4 accounts read from accounts.ndjson: 2 decided, 2 could not be decided (their lines say why).\n');
  });

  it('gives the same decisions as engine.decideMany', async () => {
    const r = await run(['decide', '--policy', 'policy.json', '--account', 'accounts-valid.ndjson', '--at', AT]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const inputs = readFileSync(join(FIXTURES, 'accounts-valid.ndjson'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
    const expected = [...createEngine(fixture('policy.json')).decideMany(inputs, { now: AT })];
    expect(parseLines(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('reads standard input with --account -, in batches (more accounts than one batch)', async () => {
    const account = fixture('account.json') as { id: string };
    const lines = Array.from({ length: 600 }, (_, i) => JSON.stringify({ ...account, id: `A-${i}` }));
    const r = await run(['decide', '--policy', 'policy.json', '--account', '-', '--at', AT], { stdin: `${lines.join('\r\n')}\r\n` });
    expect(r.code).toBe(0);
    const out = parseLines(r.stdout);
    expect(out).toHaveLength(600);
    expect(out.map((d) => d.accountId)).toEqual(lines.map((_, i) => `A-${i}`));
  });

  it('states the instant on stderr when it reads the clock', async () => {
    const r = await run(['decide', '--policy', 'policy.json', '--account', 'accounts-valid.ndjson']);
    expect(r.stderr).toBe('Using the current time, 2026-11-23T15:00:00Z (pass --at <instant> to choose another).\n');
    expect(parseLines(r.stdout).every((d) => d.ok && d.now === '2026-11-23T15:00:00Z')).toBe(true);
  });

  it('a missing NDJSON file: exit 2', async () => {
    const r = await run(['decide', '--policy', 'policy.json', '--account', 'nope.ndjson', '--at', AT]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "arrears: error: cannot read 'nope.ndjson': no such file\n" });
  });
});
