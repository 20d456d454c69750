import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo, OutputStream } from '../src/cli/io';
import { main } from '../src/cli/main';
import { ACCOUNT_CORPUS, EDGE_DATES, expectNoPollution, fuzzParams, GENTLE, LENGTH_CRASHER_JSON, mutantOf, POLICY_CORPUS, type Sample } from './support/fuzz';

/*
 * Fuzz: the `arrears` command, in process, on mutated policy and account files (and mangled
 * text: cut short, a stray character, a comment, a BOM). Whatever the files hold, it answers with
 * exit 0 (done), 1 (invalid input) or 2 (usage) — never 3 (internal error), never a rejection.
 */

const dir = mkdtempSync(join(tmpdir(), 'arrears-fuzz-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

class Capture implements OutputStream {
  text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
  once(): this {
    return this;
  }
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(args: readonly string[], stdin = '', clock = '2026-11-23T15:00:00Z'): Promise<Run> {
  const stdout = new Capture();
  const stderr = new Capture();
  const io: CliIo = { stdout, stderr, stdin: Readable.from(stdin === '' ? [] : [stdin]), env: {}, cwd: dir, now: () => new Date(clock) };
  const start = performance.now();
  const code = await main(args, io);
  expect(performance.now() - start, `arrears ${args.join(' ')} took too long`).toBeLessThan(10_000);
  expectNoPollution();
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Exit 0, 1 or 2 and no internal error; the output names the command on failure. */
function expectHandled(r: Run, args: readonly string[], allowed: readonly number[] = [0, 1]): void {
  const where = `arrears ${args.join(' ')} → exit ${r.code}\n${r.stderr.slice(0, 1500)}`;
  expect(r.stderr, where).not.toContain('arrears: internal error');
  expect(r.stderr, where).not.toContain('This is a bug in arrears');
  expect(allowed, where).toContain(r.code);
}

/** JSON text of a mutant (bigints as strings: files hold JSON), or null when it cannot be written (a cycle). */
function textOf(value: unknown): string | null {
  try {
    return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? 'null';
  } catch {
    return null;
  }
}

/** Text-level damage, applied to a file's text with the given probability. */
const damage = fc.oneof(
  { arbitrary: fc.constant((t: string) => t), weight: 6 },
  { arbitrary: fc.nat().map((n) => (t: string) => t.slice(0, n % (t.length + 1))), weight: 1 },
  { arbitrary: fc.tuple(fc.nat(), fc.constantFrom(',', '}', ']', '"', '\\', '\u0000', '/* c */', '\uFEFF', '\n', 'NaN', '😀')).map(([n, s]) => (t: string) => t.slice(0, n % (t.length + 1)) + s + t.slice(n % (t.length + 1))), weight: 1 },
  { arbitrary: fc.constant((t: string) => `\uFEFF${t}`), weight: 1 },
);

// Unmutated files are drawn too, as often as mutants: decide is only reached when both files
// survive, and a run where none did would exercise nothing past validation (asserted below).
const corpusOrMutant = (corpus: typeof POLICY_CORPUS) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...corpus), weight: 2 },
    { arbitrary: mutantOf(corpus, { kinds: GENTLE, max: 2, min: 0 }), weight: 1 },
    { arbitrary: mutantOf(corpus, { max: 3 }), weight: 1 },
  );
const policies = corpusOrMutant(POLICY_CORPUS);
const accounts = corpusOrMutant(ACCOUNT_CORPUS);
const EDGES = EDGE_DATES;
const at = fc.oneof(
  { arbitrary: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2032-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()), weight: 4 },
  { arbitrary: fc.constantFrom(...EDGES), weight: 1 },
);

function write(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

describe('fuzz: the arrears command on mutated files', () => {
  it('validate, decide (text and --json) on a mutated policy and account: exit 0/1, never an internal error; decide is deterministic', async () => {
    let decided = 0;
    await fc.assert(
      fc.asyncProperty(policies, accounts, damage, damage, at, async (policy, account, cutPolicy, cutAccount, instant) => {
        const policyText = textOf(policy.value);
        const accountText = textOf(account.value);
        if (policyText === null || accountText === null) return;
        const p = write('policy.json', cutPolicy(policyText));
        const a = write('account.json', cutAccount(accountText));
        const validate = ['validate', p];
        expectHandled(await run(validate), validate);
        const validateAccount = ['validate', '--account', a, '--json'];
        expectHandled(await run(validateAccount), validateAccount);
        const decide = ['decide', '--policy', p, '--account', a, '--at', instant, '--json'];
        const first = await run(decide);
        expectHandled(first, decide, EDGES.includes(instant) ? [0, 1, 2] : [0, 1]);
        if (first.code === 0) {
          decided++;
          expect(() => JSON.parse(first.stdout) as unknown).not.toThrow();
          expect((await run(decide)).stdout, 'decide --json twice gave different output').toBe(first.stdout);
        }
        const text = ['decide', '--policy', p, '--account', '-', '--at', instant];
        expectHandled(await run(text, cutAccount(accountText)), text, [0, 1, 2]);
      }),
      fuzzParams(1),
    );
    expect(decided, 'no case reached a decision: the fuzz is not exercising decide').toBeGreaterThan(0);
  });

  it('decide on NDJSON streams of mutated accounts: one line out per line in, exit 0/1', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(POLICY_CORPUS.length - 1), fc.array(accounts, { minLength: 1, maxLength: 4 }), fc.array(damage, { minLength: 4, maxLength: 4 }), at, async (p, list, cuts, instant) => {
        const lines = list.map((m, i) => (cuts[i] as (t: string) => string)(textOf(m.value) ?? '{').replace(/[\n\r]/g, ' '));
        const policyFile = write('policy.json', textOf((POLICY_CORPUS[p] as Sample).value) as string);
        const accountsFile = write('accounts.ndjson', `${lines.join('\n')}\n`);
        const args = ['decide', '--policy', policyFile, '--account', accountsFile, '--at', instant];
        const r = await run(args);
        expectHandled(r, args, EDGES.includes(instant) ? [0, 1, 2] : [0, 1]);
        if (r.code !== 2) expect(r.stdout.split('\n').filter((l) => l !== '').length, `${r.stdout}\n${r.stderr}`).toBe(lines.filter((l) => l.trim() !== '').length);
      }),
      fuzzParams(0.5),
    );
  });

  it('simulate and check on mutated accounts, from ordinary and edge-of-range instants: exit 0/1/2, never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(POLICY_CORPUS.length - 1), accounts, at, fc.integer({ min: 1, max: 5 }), async (p, account, instant, days) => {
        const accountText = textOf(account.value);
        if (accountText === null) return;
        const policyFile = write('policy.json', textOf((POLICY_CORPUS[p] as Sample).value) as string);
        const a = write('account.json', accountText);
        const simulate = ['simulate', '--policy', policyFile, '--account', a, '--from', instant, '--days', String(days), '--json'];
        const sim = await run(simulate);
        expectHandled(sim, simulate, [0, 1, 2]);
        const history = (account.value as { history?: unknown } | null)?.history;
        const log = write('log.json', textOf(Array.isArray(history) ? history : []) ?? '[]');
        const check = ['check', '--policy', policyFile, '--log', log, '--account', a];
        expectHandled(await run(check), check, [0, 1]);
        if (sim.code === 0) {
          const replay = ['check', '--policy', policyFile, '--log', write('sim.json', sim.stdout)];
          expectHandled(await run(replay), replay, [0, 1]);
        }
      }),
      fuzzParams(0.5),
    );
  });

  it('decide (text) at the last supported instant: exit 0, not an internal error', async () => {
    write('one.json', textOf((ACCOUNT_CORPUS.find((s) => s.name === 'examples/accounts/agency-cases.json[0]') as Sample).value) as string);
    write('agency.json', textOf((POLICY_CORPUS.find((s) => s.name === 'examples/policies/agency-screening.json') as Sample).value) as string);
    const args = ['decide', '--policy', 'agency.json', '--account', 'one.json', '--at', '2200-12-31T23:59:59Z'];
    expectHandled(await run(args), args, [0]);
  });

  it.each(['null', '42', '"x"', '[]'])('check --account <a file holding %s>: exit 1 (invalid input), not a usage error (found by this fuzz)', async (json) => {
    const args = ['check', '--policy', write('policy.json', textOf((POLICY_CORPUS[0] as Sample).value) as string), '--log', write('log.json', '[]'), '--account', write('account.json', json)];
    const r = await run(args);
    expectHandled(r, args, [1]);
    expect(r.stderr).toContain('not_one_account');
  });

  it('validate a policy whose version is {"length":{"toString":1,"valueOf":1}}: exit 1, not an internal error', async () => {
    const args = ['validate', write('length.json', `{"id":"p","version":${LENGTH_CRASHER_JSON},"jurisdiction":"US"}`)];
    expectHandled(await run(args), args, [1]);
  });

  it('random argument vectors: exit 0/1/2, never an internal error', async () => {
    const word = fc.constantFrom('validate', 'decide', 'simulate', 'check', 'schema', 'presets', 'help', '--policy', '--account', '--at', '--from', '--days', '--json', '--log', '--respond', '--pause', '--step', '--max-steps', '-', 'policy.json', 'account.json', 'preset:us-regulation-f', 'preset:nope', '0', '-1', '99999999', 'P1D', 'PT0S', '', '--', '-h', '--version', 'never', 'answers', ...EDGES.slice(0, 4), '1900-01-01T00:00:00Z', '2200-12-31T00:00:00Z');
    write('policy.json', textOf((POLICY_CORPUS[0] as Sample).value) as string);
    write('account.json', textOf((ACCOUNT_CORPUS[0] as Sample).value) as string);
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 8 }), async (args) => {
        expectHandled(await run(args), args, [0, 1, 2]);
      }),
      fuzzParams(1),
    );
  });
});
