/**
 * Strings from untrusted JSON (policy keys and labels, citations, account ids) and from the
 * command line reach the human output: a control character in them is shown escaped, as JSON
 * writes it, never sent to the terminal — with or without colours, which still work. `--json`
 * output is JSON.stringify's, unchanged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run, type RunResult } from './fixtures/cli/harness';

const AT = '2026-11-23T10:00:00-06:00';
/** The hostile text of the fixtures, as the output must show it. */
const SHOWN = String.raw`\u001b[2J\u001b]0;pwned\u0007\u001b[31mRED\u001b[0m\rOVER\u009b31m\u202eevil\u2028x\u007f`;
const ACCOUNT_ID = String.raw`A\u001b[2KX\u009b2J`;
// eslint-disable-next-line no-control-regex -- what a terminal would act on
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** The colour codes the CLI writes itself. */
// eslint-disable-next-line no-control-regex -- SGR codes start with ESC
const OWN_SGR = /\u001b\[(?:1|2|22|31|32|33|36|39)m/g;

/** Nothing a terminal would act on, but for the CLI's own colours on a terminal. */
function expectSafe(r: RunResult, tty: boolean): void {
  for (const text of [r.stdout, r.stderr]) {
    expect(text.replace(OWN_SGR, '')).not.toMatch(UNSAFE);
    if (!tty) expect(text).not.toMatch(OWN_SGR);
  }
}

const modes = [
  ['in a pipe', false],
  ['on a terminal', true],
] as const;

describe.each(modes)('human output %s', (_, tty) => {
  it('validate: an unknown key is quoted escaped in its error', async () => {
    const r = await run(['validate', 'policy-hostile-key.json'], { tty });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(String.raw`unknown key '\u001b[2J\u001b[32m✓ all good\u001b[0m\r'`);
    expectSafe(r, tty);
    if (tty) expect(r.stdout).toContain('\u001b[31m'); // the CLI's own red still works
  });

  it('decide and explain: labels, citations and account ids are escaped; the colours stay', async () => {
    for (const command of ['decide', 'explain']) {
      const r = await run([command, '--policy', 'policy-hostile.json', '--account', 'account-hostile.json', '--at', AT], { tty });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Account ${ACCOUNT_ID} at 2026-11-23 10:00`);
      expect(r.stdout).toContain(`call_self (Call ${SHOWN})`);
      expectSafe(r, tty);
      if (tty) expect(r.stdout).toContain('\u001b[32mallowed now\u001b[39m');
    }
  });

  it('decide: an account that cannot be decided is named escaped on stderr', async () => {
    // Pretty-printed, so standard input is read as one document (an array), not as NDJSON.
    const stdin = JSON.stringify([{ id: 'B\u001b[2K\r' }], null, 2);
    const r = await run(['decide', '--policy', 'policy.json', '--account', '-', '--at', AT], { tty, stdin });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(String.raw`Account #1 'B\u001b[2K\r' could not be decided`);
    expectSafe(r, tty);
  });

  it('simulate: the account id in the heading is escaped', async () => {
    const r = await run(['simulate', '--policy', 'policy-hostile.json', '--account', 'account-hostile.json', '--from', AT, '--days', '3'], { tty });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(ACCOUNT_ID);
    expectSafe(r, tty);
  });

  it('check: a citation is escaped in each violation', async () => {
    const r = await run(['check', '--policy', 'policy-hostile.json', '--log', 'calls.ndjson', '--account', 'account.json'], { tty });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`[acme-hours, Rule ${SHOWN}]`);
    expectSafe(r, tty);
  });

  it('usage errors: an argument is echoed escaped', async () => {
    const r = await run(['\u001b[2J\u001b]0;x\u0007oops\r'], { tty });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(String.raw`unknown command '\u001b[2J\u001b]0;x\u0007oops\r'`);
    expectSafe(r, tty);
  });
});

describe('what is not escaped', () => {
  it('tabs and line breaks, and characters of any script', async () => {
    const r = await run(['decide', '--policy', 'policy.json', '--account', '-', '--at', AT], { stdin: JSON.stringify([{ id: 'tab\there\nשלום 你好' }], null, 2) });
    expect(r.stderr).toContain("Account #1 'tab\there\nשלום 你好' could not be decided");
  });

  it('colour codes cannot be forged: only the CLI can write them, with a secret drawn for each run', async () => {
    // A token of the colour helpers' shape, with a guessed secret: printed as it is, never as colour.
    const forged = `\ue000${'0'.repeat(32)}31;`;
    const r = await run(['decide', '--policy', 'policy.json', '--account', '-', '--at', AT], { tty: true, stdin: JSON.stringify([{ id: `${forged}x` }], null, 2) });
    expect(r.stderr).toContain(`'${forged}x'`);
  });
});

describe('--json output is unchanged', () => {
  it('is JSON.stringify of the decision: controls escaped by JSON, the other characters as they are', async () => {
    for (const tty of [false, true]) {
      const r = await run(['decide', '--policy', 'policy-hostile.json', '--account', 'account-hostile.json', '--at', AT, '--json'], { tty });
      expect(r.code).toBe(0);
      const decision = JSON.parse(r.stdout) as { accountId: string };
      expect(r.stdout).toBe(`${JSON.stringify(decision, null, 2)}\n`);
      expect(decision.accountId).toBe('A\u001b[2KX\u009b2J');
      expect(r.stdout).toContain('"accountId": "A\\u001b[2KX\u009b2J"'); // C1 left raw by JSON.stringify, as before
    }
  });

  it('validate --json and NDJSON decisions too', async () => {
    const v = await run(['validate', 'policy-hostile-key.json', '--json']);
    expect(v.stdout).toContain(JSON.stringify("unknown key '\u001b[2J\u001b[32m✓ all good\u001b[0m\r'").slice(1, -1));
    const line = JSON.stringify(JSON.parse(readFileSync(join(FIXTURES, 'account-hostile.json'), 'utf8')));
    const d = await run(['decide', '--policy', 'policy-hostile.json', '--account', '-', '--at', AT], { stdin: `${line}\n` });
    expect(d.code).toBe(0);
    expect(d.stdout).toBe(`${JSON.stringify(JSON.parse(d.stdout))}\n`);
    expect(d.stdout).toContain('\u202eevil\u2028x\u007f');
  });
});
