import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json';
import { COMMANDS, HELP } from '../src/cli/help';
import { main } from '../src/cli/main';
import { presetList } from '../src/cli/policies';
import { policyJsonSchema, presets } from '../src/index';
import { run } from './fixtures/cli/harness';

describe('arrears (top level)', () => {
  it('--version prints the package version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect((await run(['-v'])).stdout).toBe(`${pkg.version}\n`);
  });

  it('--help lists every command and the exit codes, on stdout, exit 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const command of COMMANDS.filter((c) => c !== 'help')) expect(r.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(r.stdout).toContain('Exit codes:');
    expect(r.stdout).toContain('2  usage error');
  });

  it('no command: the help on stderr, exit 2', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: arrears <command> [options]');
  });

  it('an unknown command suggests the nearest one, exit 2', async () => {
    const r = await run(['valdiate', 'policy.json']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "arrears: error: unknown command 'valdiate'; did you mean 'validate'?\nRun 'arrears --help' for usage.\n" });
  });

  it('an unknown top-level option, exit 2', async () => {
    const r = await run(['--verbose']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("arrears: error: unknown option '--verbose'");
  });

  it.each(COMMANDS.filter((c) => c !== 'help'))('%s --help, -h and `help %s` print the same help, exit 0', async (command) => {
    const long = await run([command, '--help']);
    expect(long).toEqual({ code: 0, stdout: `${HELP[command]}\n`, stderr: '' });
    expect((await run([command, '-h'])).stdout).toBe(long.stdout);
    expect((await run(['help', command])).stdout).toBe(long.stdout);
    expect(long.stdout).toMatch(/^Usage: arrears /);
    expect(long.stdout).toContain('Exit codes:');
  });

  it('help for an unknown command, exit 2', async () => {
    const r = await run(['help', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'nope'");
  });

  it('an unexpected exception is reported as an internal error, exit 3', async () => {
    const broken = { write: (): boolean => { throw new Error('disk on fire'); }, once: () => undefined };
    const lines: string[] = [];
    const stderr = { write: (s: string) => (lines.push(s), true), once: () => undefined };
    const code = await main(['schema'], { stdout: broken, stderr, stdin: Readable.from([]), env: {}, cwd: '.', now: () => new Date(0) });
    expect(code).toBe(3);
    expect(lines.join('')).toContain('arrears: internal error: Error: disk on fire');
  });
});

describe('standard input', () => {
  it('says it is waiting when standard input is a terminal', async () => {
    const stdin = Object.assign(Readable.from(['{ "id": "x", "version": "1", "jurisdiction": "US" }']), { isTTY: true });
    const err: string[] = [];
    const sink = (lines: string[]) => ({ write: (s: string) => (lines.push(s), true), once: () => undefined });
    const code = await main(['validate', '-'], { stdout: sink([]), stderr: sink(err), stdin, env: {}, cwd: '.', now: () => new Date(0) });
    expect(code).toBe(0);
    expect(err.join('')).toBe('arrears: reading standard input (paste, then Ctrl-D; or pipe a file in)…\n');
  });
});

describe('arrears schema', () => {
  it('prints the policy JSON Schema', async () => {
    const r = await run(['schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(policyJsonSchema());
  });

  it('takes no arguments', async () => {
    const r = await run(['schema', 'policy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("arrears schema: error: unexpected argument 'policy'");
  });
});

describe('arrears presets', () => {
  it('lists every regulation preset with each constraint and its citation', async () => {
    const r = await run(['presets']);
    expect(r.code).toBe(0);
    for (const [, preset] of presetList().regulations) {
      expect(r.stdout).toContain(`${preset.id} v${preset.version}`);
      expect(r.stdout).toContain(`--policy preset:${preset.id}`);
      for (const layer of preset.compliance ?? []) {
        for (const constraint of layer.constraints) expect(r.stdout).toContain(constraint.id);
      }
    }
    expect(r.stdout).toMatch(/window\s+regf-convenient-hours\s+12 CFR 1006\.6\(b\)\(1\)\(i\)/);
    expect(r.stdout).toContain('not');
    expect(r.stdout).toContain('legal advice');
  });

  it('prints one preset as JSON, by id or export name, with or without the preset: prefix', async () => {
    const byId = await run(['presets', 'us-regulation-f']);
    expect(byId.code).toBe(0);
    expect(JSON.parse(byId.stdout)).toEqual(JSON.parse(JSON.stringify(presets.usRegulationF)));
    expect((await run(['presets', 'usRegulationF'])).stdout).toBe(byId.stdout);
    expect((await run(['presets', 'preset:us-regulation-f'])).stdout).toBe(byId.stdout);
  });

  it('--json lists them as data', async () => {
    const r = await run(['presets', '--json']);
    const list = JSON.parse(r.stdout) as { id: string; constraints: { id: string; citation: string | null }[] }[];
    const regF = list.find((p) => p.id === 'us-regulation-f');
    expect(regF?.constraints.find((c) => c.id === 'regf-convenient-hours')?.citation).toBe('12 CFR 1006.6(b)(1)(i)');
  });

  it('an unknown preset, exit 2', async () => {
    const r = await run(['presets', 'reg-z']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("arrears presets: error: unknown preset 'reg-z'; the presets are 'us-regulation-f'");
  });
});

describe('colours', () => {
  const ESC = '\u001b[';

  it('none when the output is not a terminal', async () => {
    const r = await run(['validate', 'policy-refs.jsonc']);
    expect(r.stdout).not.toContain(ESC);
  });

  it('on a terminal', async () => {
    const r = await run(['validate', 'policy-refs.jsonc'], { tty: true });
    expect(r.stdout).toContain(`${ESC}31m`);
  });

  it('never when NO_COLOR is set, even on a terminal', async () => {
    const r = await run(['validate', 'policy-refs.jsonc'], { tty: true, env: { NO_COLOR: '1' } });
    expect(r.stdout).not.toContain(ESC);
  });

  it('an empty NO_COLOR does not count (no-color.org); FORCE_COLOR forces them in a pipe', async () => {
    expect((await run(['validate', 'policy-refs.jsonc'], { tty: true, env: { NO_COLOR: '' } })).stdout).toContain(ESC);
    expect((await run(['validate', 'policy-refs.jsonc'], { env: { FORCE_COLOR: '1' } })).stdout).toContain(ESC);
  });

  it('on a terminal the explanation keeps its words, only styled', async () => {
    const args = ['decide', '--policy', 'policy.json', '--account', 'account.json', '--at', '2026-11-23T10:00:00-06:00'];
    const plain = await run(args);
    const coloured = await run(args, { tty: true });
    // eslint-disable-next-line no-control-regex -- stripping ANSI escapes
    expect(coloured.stdout.replace(/\u001b\[\d+m/g, '')).toBe(plain.stdout);
    expect(coloured.stdout).toContain(ESC);
  });
});
