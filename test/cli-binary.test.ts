/**
 * The built executable, as a user runs it: bundled by tsup exactly like dist/cli/index.js (same
 * entry, ESM, splitting, dependencies external), spawned as a real process on the fixture files,
 * checking exit codes, stdout and stderr of every command's success and failure path. The other
 * cli-*.test.ts files run the same `main` in process (fast, with a fixed clock); this file proves
 * the wiring: shebang, process streams, exit codes, stdin, a closed pipe.
 *
 * It builds into node_modules/.cache (not dist/, so it never races `npm run build` nor tests a
 * stale dist) and removes the build afterwards.
 */
import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, it } from 'vitest';
import pkg from '../package.json';
import { FIXTURES } from './fixtures/cli/harness';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'node_modules', '.cache', `arrears-cli-test-${process.pid}`);
const BIN = join(OUT, 'cli', 'index.js');

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built binary in the fixtures folder, with no colour-forcing environment and an optional stdin. */
function arrears(args: readonly string[], stdin?: string): Promise<Result> {
  const env = { ...process.env, NO_COLOR: '', FORCE_COLOR: '' };
  return outcome(spawn(process.execPath, [BIN, ...args], { cwd: FIXTURES, env, stdio: ['pipe', 'pipe', 'pipe'] }), stdin);
}

/** Feeds `stdin` to a child and collects its exit code and output. */
function outcome(child: ChildProcessWithoutNullStreams, stdin?: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => undefined); // a command that does not read stdin (or stops reading) may exit first
    child.stdin.end(stdin ?? '');
  });
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  await build({
    entry: { 'cli/index': join(ROOT, 'src/cli/index.ts') },
    format: ['esm'],
    outDir: OUT,
    target: 'es2022',
    splitting: true,
    dts: false,
    sourcemap: false,
    clean: true,
    silent: true,
    config: false,
  });
  // node_modules/ has no package scope of its own: say the bundle is ESM, as the package does.
  writeFileSync(join(OUT, 'package.json'), '{ "type": "module" }\n');
}, 120_000);

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

const AT = '2026-11-23T10:00:00-06:00';

describe.concurrent('the built `arrears` binary', { timeout: 90_000 }, () => {
  it('is executable through its shebang and prints the version', async ({ expect }) => {
    const r = await new Promise<Result>((resolve) =>
      execFile(BIN, ['--version'], { cwd: FIXTURES }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr })),
    );
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('--help: exit 0', async ({ expect }) => {
    const r = await arrears(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: arrears <command> [options]');
  });

  it('an unknown command: exit 2', async ({ expect }) => {
    const r = await arrears(['explode']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "arrears: error: unknown command 'explode'\nRun 'arrears --help' for usage.\n" });
  });

  it('validate: a valid policy exits 0, an invalid one 1 with file:line:column', async ({ expect }) => {
    expect((await arrears(['validate', 'policy.json'])).code).toBe(0);
    const bad = await arrears(['validate', 'policy-refs.jsonc']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("policy-refs.jsonc:13:16: error: rules[0].then[0]: unknown action 'cal_self'");
  });

  it('decide: explains; a missing file exits 2', async ({ expect }) => {
    const ok = await arrears(['decide', '--policy', 'preset:us-regulation-f', '--policy', 'policy.json', '--account', 'account.json', '--at', AT]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Account ACME-1001 at 2026-11-23 10:00 (America/Chicago, UTC-06:00)');
    expect(ok.stderr).toBe('');
    const missing = await arrears(['decide', '--policy', 'policy.json', '--account', 'missing.json', '--at', AT]);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: "arrears: error: cannot read 'missing.json': no such file\n" });
  });

  it('decide without --at reads the real clock and says so', async ({ expect }) => {
    const r = await arrears(['decide', '--policy', 'policy.json', '--account', 'account.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Using the current time, \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(pass --at <instant> to choose another\)\.\n/);
  });

  it('decide streams NDJSON from stdin to stdout; an invalid account makes it exit 1', async ({ expect }) => {
    const input = '{"id":"bad"}\n';
    const r = await arrears(['decide', '--policy', 'policy.json', '--account', '-', '--at', AT], input);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, accountId: 'bad', line: 1 });
    expect(r.stderr).toContain('1 account read from <stdin>: 0 decided, 1 could not be decided');
  });

  it('simulate: a timeline, exit 0; a bad option exits 2', async ({ expect }) => {
    const ok = await arrears(['simulate', '--policy', 'policy.json', '--account', 'account.json', '--from', AT, '--days', '3']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Date\s+Day\s+Time\s+Action\s+To\s+Outcome$/m);
    const bad = await arrears(['simulate', '--policy', 'policy.json', '--account', 'account.json', '--days', 'many']);
    expect(bad.code).toBe(2);
  });

  it('check: violations exit 1, a clean log 0', async ({ expect }) => {
    const violations = await arrears(['check', '--policy', 'preset:us-regulation-f', '--log', 'calls.ndjson', '--account', 'account-log.json']);
    expect(violations.code).toBe(1);
    expect(violations.stdout).toContain('2 violations in 1 of 8 attempts');
    const clean = await arrears(['check', '--policy', 'preset:us-regulation-f', '--log', 'calls-clean.json', '--account', 'account-log.json']);
    expect(clean.code).toBe(0);
  });

  it('schema and presets: exit 0', async ({ expect }) => {
    const schema = await arrears(['schema']);
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout)).toMatchObject({ title: 'arrears policy' });
    const presets = await arrears(['presets']);
    expect(presets.code).toBe(0);
    expect(presets.stdout).toContain('us-regulation-f');
  });

  it('stops quietly when the reader closes the pipe (… | head -1)', async ({ expect }) => {
    const account = JSON.stringify({ id: 'A', currency: 'USD', amountDue: 100, dueDate: '2026-10-01', debtor: { timeZone: 'America/Chicago' } });
    const input = `${Array.from({ length: 3000 }, () => account).join('\n')}\n`;
    // The binary stops reading once head has its line; `outcome` ignores the closed stdin.
    const command = `"${process.execPath}" "${BIN}" decide --policy policy.json --account - --at ${AT} | head -n 1 > /dev/null; echo "status=\${PIPESTATUS[0]}"`;
    // bash warns on stderr about a locale the machine lacks (the TZ × locale runs set some).
    const r = await outcome(spawn('bash', ['-c', command], { cwd: FIXTURES, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } }), input);
    expect(r.stdout).toBe('status=0\n');
    expect(r.stderr).toBe('');
  });
});
