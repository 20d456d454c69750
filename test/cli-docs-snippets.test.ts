/**
 * The TypeScript snippets of the guides (getting started, concepts, recipes, regulations,
 * strategies) run, and print what their comments say. A snippet's output comments are the comment
 * lines right after a statement (or at the end of a `console.log` line) that read like output —
 * they start with a lower-case letter, a digit, `[`, `{` or a quote; prose comments start with a
 * capital. An explanation after two spaces and a parenthesis is not compared: `// deferred …  (why)`.
 * Whitespace is normalised, since Node wraps long arrays. Snippets that are vitest files are run
 * by docs-vitest-snippets.test.ts, not here. `arrears` imports are pointed at src/.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** tsx's loader by absolute URL: the snippets run in a temporary folder, outside this package. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const DOCS = ['docs/getting-started.md', 'docs/concepts.md', 'docs/recipes.md', 'docs/regulations.md', 'docs/strategies.md'];
const WORK = mkdtempSync(join(tmpdir(), 'arrears-doc-snippets-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

const SOURCES: Record<string, string> = {
  arrears: join(ROOT, 'src/index.ts'),
  'arrears/testing': join(ROOT, 'src/testing/index.ts'),
};

interface Snippet {
  readonly name: string;
  readonly code: string;
  readonly expected: readonly string[];
}

const isOutput = (text: string) => /^[a-z0-9[{'"]/.test(text);
const strip = (text: string) => text.replace(/ {2,}\(.*$/, '').trim();
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

function expectations(code: string): string[] {
  const lines = code.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const trailing = /console\.log\(.*\);\s*\/\/ (.*)$/.exec(line);
    if (trailing?.[1] !== undefined && isOutput(trailing[1])) out.push(strip(trailing[1]));
    if (line.trim().startsWith('//') || line.trim() === '') return;
    for (let j = i + 1; j < lines.length; j++) {
      const comment = /^\s*\/\/ (.*)$/.exec(lines[j] as string)?.[1];
      if (comment === undefined || !isOutput(comment)) break;
      out.push(strip(comment));
    }
  });
  return out;
}

function snippets(): Snippet[] {
  const found: Snippet[] = [];
  for (const doc of DOCS) {
    const text = readFileSync(join(ROOT, doc), 'utf8');
    // Files the guide asks the reader to save ("Save this as `policy.json`:").
    for (const m of text.matchAll(/Save this as `([\w.-]+\.json)`[^\n]*\n\n```json\n([\s\S]*?)```/g)) writeFileSync(join(WORK, m[1] as string), m[2] as string);
    [...text.matchAll(/```ts\n([\s\S]*?)```/g)].forEach((m, i) => {
      const code = m[1] as string;
      if (code.includes("from 'vitest'")) return;
      const rewritten = code.replace(/from '(arrears(?:\/testing)?)'/g, (_, name: string) => `from ${JSON.stringify(SOURCES[name])}`);
      found.push({ name: `${doc} #${i + 1}`, code: rewritten, expected: expectations(code) });
    });
  }
  return found;
}

function run(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', TSX, file], { cwd: WORK, env: { ...process.env, TZ: 'UTC' } }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr }),
    );
  });
}

const all = snippets();

describe.concurrent('the guides’ snippets run and print what they say', { timeout: 120_000 }, () => {
  it('finds the snippets', ({ expect }) => {
    expect(all.length).toBeGreaterThanOrEqual(8);
    expect(all.filter((s) => s.expected.length > 0).length).toBeGreaterThanOrEqual(7);
  });

  it.for(all.map((s, i) => [s.name, i] as const))('%s', async ([, i], { expect }) => {
    const snippet = all[i] as Snippet;
    const file = join(WORK, `snippet-${i}.ts`);
    writeFileSync(file, snippet.code);
    const result = await run(file);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const line of snippet.expected) expect(normalise(result.stdout)).toContain(normalise(line));
  });
});
