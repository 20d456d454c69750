import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/index';
import { run } from './fixtures/cli/harness';

/*
 * JSON nested a few thousand levels deep used to overflow the stack in the CLI's parser (exit 3,
 * a raw RangeError). It is invalid input like any other: `too_deep` at the place the nesting
 * passes the library's `limits.maxDepth`, exit 1 — found before anything recursive runs.
 */

const MAX = DEFAULT_LIMITS.maxDepth;
const AT = '2026-11-23T10:00:00-06:00';
const MESSAGE = `nested deeper than ${MAX} levels (limits.maxDepth); flatten the data [too_deep]`;

const deepObject = (levels: number, separator = ''): string => `${`{"a":${separator}`.repeat(levels)}1${`}${separator}`.repeat(levels)}`;
const deepArray = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;

const dir = mkdtempSync(join(tmpdir(), 'arrears-too-deep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The path of the first value past the limit: `a` (or `[0]`) once per enclosing level. */
const objectPath = Array.from({ length: MAX }, () => 'a').join('.');
const arrayPath = '[0]'.repeat(MAX);

describe('deeply nested JSON is refused as too_deep, exit 1', () => {
  it('a policy file: validate, and decide --policy', async () => {
    const policy = file('deep-policy.json', deepObject(5000));
    // Each level is `{"a":`, five characters: the first one past the limit starts at column 5 × MAX + 1.
    const expected = `${policy}:1:${5 * MAX + 1}: error: ${objectPath}: ${MESSAGE}`;

    const validated = await run(['validate', policy]);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain(expected);

    const decided = await run(['decide', '--policy', policy, '--account', 'account.json', '--at', AT]);
    expect(decided.code).toBe(1);
    expect(decided.stderr).toContain(expected);
    expect(decided.stderr).toContain('arrears decide: stopped on 1 error in the input.');
    expect(decided.stderr).not.toContain('RangeError');
  });

  it('an account file: decide, simulate and validate --account', async () => {
    const account = file('deep-account.json', deepArray(100_000));
    const expected = `${account}:1:${MAX + 1}: error: ${arrayPath}: ${MESSAGE}`;

    const decided = await run(['decide', '--policy', 'policy.json', '--account', account, '--at', AT]);
    expect(decided.code).toBe(1);
    expect(decided.stderr).toContain(expected);

    const simulated = await run(['simulate', '--policy', 'policy.json', '--account', account]);
    expect(simulated.code).toBe(1);
    expect(simulated.stderr).toContain(expected);

    const validated = await run(['validate', '--account', account]);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain(expected);
  });

  it('an NDJSON line and a log file', async () => {
    const accounts = file('deep-accounts.ndjson', `{"id":"A-1"}\n${deepArray(100_000)}\n`);
    const validated = await run(['validate', '--account', accounts]);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain(`${accounts}:2:${MAX + 1}: error: ${arrayPath}: ${MESSAGE}`);

    const log = file('deep-log.json', deepArray(100_000));
    const checked = await run(['check', '--policy', 'policy.json', '--log', log, '--account', 'account.json']);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain(`${log}:1:${MAX + 1}: error: ${arrayPath}: ${MESSAGE}`);
  });

  it('standard input, on one line or pretty-printed', async () => {
    const oneLine = await run(['validate', '-'], { stdin: deepArray(100_000) });
    expect(oneLine.code).toBe(1);
    expect(oneLine.stdout).toContain(`<stdin>:1:${MAX + 1}: error: ${arrayPath}: ${MESSAGE}`);

    // Pretty-printed: one level per line, so the first past the limit is on line MAX + 1. Read as
    // NDJSON instead, its lines would each be a syntax error.
    const pretty = deepObject(5000, '\n');
    const expected = `<stdin>:${MAX + 1}:1: error: ${objectPath}: ${MESSAGE}`;
    for (const args of [
      ['validate', '--account', '-'],
      ['decide', '--policy', 'policy.json', '--account', '-', '--at', AT],
      ['check', '--policy', 'policy.json', '--log', '-', '--account', 'account.json'],
    ]) {
      const r = await run(args, { stdin: pretty });
      expect(r.code, args.join(' ')).toBe(1);
      expect(`${r.stdout}${r.stderr}`, args.join(' ')).toContain(expected);
      expect(`${r.stdout}${r.stderr}`, args.join(' ')).not.toContain('[ValueExpected]');
    }
  });
});

describe('stray closers do not hide the nesting', () => {
  it("'[},' repeated: the parser skips the '}' and nests on, so the scan does too", async () => {
    const r = await run(['validate', '--json', file('stray.json', `${'[},'.repeat(100_000)}1`)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('too_deep');
  });
});

describe('nesting within the limit is read as before', () => {
  it('exactly maxDepth levels is not too deep', async () => {
    const r = await run(['validate', '--account', '--json', file('at-limit.json', deepArray(MAX))]);
    expect(r.code).toBe(1); // a list of lists is no account, but it is read
    expect(r.stdout).not.toContain('too_deep');
  });

  it('brackets in strings and comments do not count', async () => {
    const text = `// ${'['.repeat(1000)}\n/* ${'{'.repeat(1000)} */\n{ "id": "${'['.repeat(1000)}", "x\\"[": "\\\\", "y": [[{ "z": "${'{'.repeat(1000)}" }]] }`;
    const r = await run(['validate', '--account', '--json', file('brackets.jsonc', text)]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('too_deep');
  });

  it('a normal policy and account still work', async () => {
    const validated = await run(['validate', 'policy.json']);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toContain('✓ policy.json');

    const decided = await run(['decide', '--policy', 'policy.json', '--account', 'account.json', '--at', AT]);
    expect(decided.code).toBe(0);
    expect(decided.stderr).toBe('');
  });
});
