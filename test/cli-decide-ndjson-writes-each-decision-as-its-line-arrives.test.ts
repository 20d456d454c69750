/**
 * `arrears decide --account -` in a pipeline: each decision is written as soon as its line is
 * complete, while standard input stays open — not held back until more lines (or the end of the
 * input) arrive.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES, start } from './fixtures/cli/harness';

const AT = '2026-11-23T10:00:00-06:00';
const ACCOUNT = JSON.parse(readFileSync(join(FIXTURES, 'account.json'), 'utf8')) as Record<string, unknown>;
const line = (i: number) => `${JSON.stringify({ ...ACCOUNT, id: `ACME-${i}` })}\n`;
const records = (stdout: string) => stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { ok: boolean; accountId?: string; account?: { id: string } });

describe('decide streams NDJSON from standard input', () => {
  it('writes each decision before the next line is fed, the input never ending in between', async () => {
    const stdin = new PassThrough();
    const running = start(['decide', '--policy', 'policy.json', '--account', '-', '--at', AT], { stdinStream: stdin });
    for (let i = 1; i <= 6; i++) {
      stdin.write(line(i));
      await vi.waitFor(() => expect(records(running.output().stdout)).toHaveLength(i), { timeout: 5_000, interval: 5 });
      const last = records(running.output().stdout)[i - 1];
      expect(last?.ok).toBe(true);
    }
    stdin.end();
    const r = await running.result;
    expect(r.code).toBe(0);
    expect(records(r.stdout)).toHaveLength(6);
  });

  it('a line fed in pieces is decided when its newline arrives, a bad line as soon as it is complete', async () => {
    const stdin = new PassThrough();
    const running = start(['decide', '--policy', 'policy.json', '--account', '-', '--at', AT], { stdinStream: stdin });
    const first = line(1);
    stdin.write(first.slice(0, 40));
    stdin.write(first.slice(40, -1));
    // Without its newline the line may still go on: nothing is decided yet.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(running.output().stdout).toBe('');
    stdin.write('\n');
    await vi.waitFor(() => expect(records(running.output().stdout)).toHaveLength(1), { timeout: 5_000, interval: 5 });
    stdin.write('{"id": "ACME-2",\n');
    await vi.waitFor(() => expect(records(running.output().stdout)).toHaveLength(2), { timeout: 5_000, interval: 5 });
    expect(records(running.output().stdout)[1]).toMatchObject({ ok: false, line: 2 });
    stdin.end();
    expect((await running.result).code).toBe(1);
  });
});
