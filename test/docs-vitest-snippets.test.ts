/**
 * The test files the guides ask the reader to write pass under vitest, run the way a user runs
 * them: in a folder of their own, beside the JSON files the guides save. Getting started's
 * `policy.test.ts` is one snippet; the testing guide's `compliance.test.ts` is its section 2
 * snippet plus every later snippet that adds a test (`it(…)`, `describeFixtures(…)`), their imports
 * moved to the top. `arrears` imports are pointed at src/ (cli-docs-snippets.test.ts runs the
 * guides' other TypeScript snippets).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const WORK = mkdtempSync(join(tmpdir(), 'arrears-doc-tests-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

const SOURCES: Record<string, string> = {
  arrears: join(ROOT, 'src/index.ts'),
  'arrears/testing': join(ROOT, 'src/testing/index.ts'),
  'arrears/testing/vitest': join(ROOT, 'src/testing/vitest.ts'),
  'arrears/testing/arbitraries': join(ROOT, 'src/testing/arbitraries.ts'),
  'fast-check': createRequire(import.meta.url).resolve('fast-check'),
};

const read = (doc: string) => readFileSync(join(ROOT, doc), 'utf8');
const blocks = (text: string) => [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
const rewrite = (code: string) =>
  code.replace(/(from |import )'(arrears(?:\/testing(?:\/vitest|\/arbitraries)?)?|fast-check)'/g, (_, keyword: string, name: string) => `${keyword}${JSON.stringify(SOURCES[name])}`);

/** Writes the JSON files a guide asks to save ("Save this as `policy.json`:", "Save as `policy.cases.json`:"). */
function saveJson(text: string): string[] {
  const saved: string[] = [];
  for (const m of text.matchAll(/Save (?:this )?as\s+`([\w.-]+\.json)`[^\n]*\n\n```json\n([\s\S]*?)```/g)) {
    writeFileSync(join(WORK, m[1] as string), m[2] as string);
    saved.push(m[1] as string);
  }
  return saved;
}

function gettingStartedTest(): string {
  const text = read('docs/getting-started.md');
  saveJson(text);
  const test = blocks(text).find((code) => code.includes("from 'vitest'"));
  if (test === undefined) throw new Error('docs/getting-started.md: no vitest snippet');
  return test;
}

function testingGuideTest(): string {
  const text = read('docs/testing.md');
  saveJson(text);
  const start = text.indexOf('Save as `compliance.test.ts`');
  if (start < 0) throw new Error('docs/testing.md: no "Save as `compliance.test.ts`"');
  const [main, ...later] = blocks(text.slice(start));
  if (main === undefined) throw new Error('docs/testing.md: no snippet after "Save as `compliance.test.ts`"');
  const additions = later.filter((code) => /^\s*(it|describeFixtures)\(/m.test(code));
  const imports: string[] = [];
  const bodies: string[] = [];
  for (const code of additions) {
    const lines = code.split('\n');
    imports.push(...lines.filter((line) => line.startsWith('import ')));
    bodies.push(lines.filter((line) => !line.startsWith('import ')).join('\n'));
  }
  const lines = main.split('\n');
  const after = lines.indexOf("import 'arrears/testing/vitest';") + 1;
  if (after === 0) throw new Error("docs/testing.md: the compliance.test.ts snippet does not import 'arrears/testing/vitest'");
  return [...lines.slice(0, after), ...imports, ...lines.slice(after), ...bodies].join('\n');
}

interface Report {
  readonly testResults: readonly {
    readonly name: string;
    readonly message?: string;
    readonly assertionResults: readonly { readonly fullName: string; readonly status: string; readonly failureMessages: readonly string[] }[];
  }[];
}

function vitest(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [VITEST, 'run', '--reporter=json'], { cwd: WORK, env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' } }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr }),
    );
  });
}

describe('the test files of the guides pass', { timeout: 120_000 }, () => {
  it('getting started policy.test.ts and the testing guide compliance.test.ts', async () => {
    writeFileSync(join(WORK, 'policy.test.ts'), rewrite(gettingStartedTest()));
    writeFileSync(join(WORK, 'compliance.test.ts'), rewrite(testingGuideTest()));
    const result = await vitest();
    const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{')) || '{"testResults":[]}') as Report;
    const file = (path: string) => path.slice(WORK.length + 1);
    const failures = report.testResults.flatMap((f) => [
      ...(f.message ? [`${file(f.name)}: ${f.message}`] : []),
      ...f.assertionResults.filter((a) => a.status !== 'passed').map((a) => `${file(f.name)} > ${a.fullName}: ${a.status}\n${a.failureMessages.join('\n')}`),
    ]);
    expect(failures).toEqual([]);
    expect(result.code, result.stderr).toBe(0);
    const passed = Object.fromEntries(report.testResults.map((f) => [file(f.name), f.assertionResults.length]));
    expect(passed['policy.test.ts']).toBe(4);
    expect(passed['compliance.test.ts']).toBeGreaterThanOrEqual(5);
  });
});
