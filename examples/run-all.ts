/**
 * Runs every runnable example (`examples/*.ts`) and fails when one fails, so the examples in the
 * docs never rot. Part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const here = new URL('.', import.meta.url);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run-all.ts' && !f.endsWith('.test.ts'))
  .sort();
let failed = 0;
for (const file of files) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', new URL(file, here).pathname], { encoding: 'utf8' });
  const ok = run.status === 0;
  if (!ok) failed++;
  const lines = (run.stdout ?? '').trim().split('\n').length;
  console.log(`${ok ? 'ok  ' : 'FAIL'} examples/${file} (${lines} lines of output)`);
  if (!ok) console.log(run.stdout, run.stderr);
}
console.log(`${files.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
