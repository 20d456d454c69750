/**
 * `arrears explain`: the plain-text explanation of the decision — exactly what `decide` prints by
 * default — with the exit codes of the other commands.
 */
import { describe, expect, it } from 'vitest';
import { run } from './fixtures/cli/harness';

const AT = '2026-11-23T10:00:00-06:00';
const POLICIES = ['--policy', 'preset:us-regulation-f', '--policy', 'policy.json'];

describe('arrears explain', () => {
  it('prints the explanation decide prints, exit 0', async () => {
    const r = await run(['explain', ...POLICIES, '--account', 'account.json', '--at', AT]);
    expect(r).toEqual({ ...(await run(['decide', ...POLICIES, '--account', 'account.json', '--at', AT])), code: 0 });
    expect(r.stdout.split('\n')[0]).toBe('Account ACME-1001 at 2026-11-23 10:00 (America/Chicago, UTC-06:00) — policy us-regulation-f+acme-consumer v2026.12+1.0.0');
    expect(r.stdout).toMatch(/^Next: sms_self \(Reminder text\)/m);
    expect(r.stdout).toContain('COOLDOWN [regf-7-days-after-conversation');
  });

  it('the same on a terminal, colours included', async () => {
    const args = ['--account', 'account.json', '--at', AT];
    expect(await run(['explain', ...POLICIES, ...args], { tty: true })).toEqual(await run(['decide', ...POLICIES, ...args], { tty: true }));
  });

  it('an array of accounts, or one from standard input, as decide explains them', async () => {
    for (const [account, stdin] of [['accounts.json', undefined], ['-', '{\n  "id": "X",\n  "currency": "usd"\n}\n']] as const) {
      const args = ['--policy', 'policy.json', '--account', account, '--at', AT];
      const options = stdin === undefined ? {} : { stdin };
      expect(await run(['explain', ...args], options)).toEqual(await run(['decide', ...args], options));
    }
  });

  it('without --at reads the clock and says which instant it used', async () => {
    const r = await run(['explain', '--policy', 'policy.json', '--account', 'account.json'], { now: '2026-11-23T15:00:42Z' });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Using the current time, 2026-11-23T15:00:42Z (pass --at <instant> to choose another).');
  });

  it.each([
    ['an invalid account: its problems located', ['--policy', 'policy.json', '--account', 'account-invalid.json'], /^The account could not be decided: it is invalid\naccount-invalid\.json:\d+:\d+: error: /],
    ['an invalid policy', ['--policy', 'policy-invalid.json', '--account', 'account.json'], /arrears explain: stopped on 3 errors in the input\.\n$/],
    ['NDJSON, which is for decide', ['--policy', 'policy.json', '--account', 'accounts-valid.ndjson'], /explain reads one account, or a JSON array of them; for NDJSON use arrears decide/],
  ])('%s: exit 1, nothing on stdout', async (_, args, stderr) => {
    const r = await run(['explain', ...args, '--at', AT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(stderr);
  });

  it.each([
    [['--account', 'account.json'], "arrears explain: error: missing --policy <file | preset:id>\nRun 'arrears explain --help' for usage.\n"],
    [['--policy', 'policy.json'], "arrears explain: error: missing --account <file | ->\nRun 'arrears explain --help' for usage.\n"],
    [['--policy', 'policy.json', '--account', 'account.json', '--json'], "arrears explain: error: unknown option '--json'\nRun 'arrears explain --help' for usage.\n"],
    [['--policy', 'policy.json', '--account', 'account.json', '--at', '2026-11-23T10:00'], null],
    [['--policy', 'policy.json', '--account', 'no-such.json', '--at', AT], "arrears: error: cannot read 'no-such.json': no such file\n"],
  ])('usage errors and unreadable files, exit 2: %j', async (args, stderr) => {
    const r = await run(['explain', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    if (stderr !== null) expect(r.stderr).toBe(stderr);
    else expect(r.stderr).toMatch(/^arrears explain: error: --at: /);
  });

  it('is listed in the help, with a help of its own', async () => {
    expect((await run(['--help'])).stdout).toMatch(/^ {2}explain {2,}Explain in plain text/m);
    const help = await run(['explain', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: arrears explain --policy <file \| preset:id>… --account <file \| -> \[--at <instant>\]/);
  });
});
