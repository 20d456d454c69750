/**
 * Builds `src/` the way the published package is built (esbuild, no `keepNames`) into a temporary
 * file and imports it. Why: `tsx` compiles with `keepNames`, which wraps every closure the engine
 * creates in a `__name(fn, 'name')` call (a `defineProperty` per closure, per decision) — a cost
 * users of `dist/` never pay. Benchmarks measure what ships; `--source` measures `src/` via tsx.
 */
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Entry from './entry';

/** What `bench/entry.ts` exports. */
export type Arrears = typeof Entry;

/**
 * The library (`bench/entry.ts`: the public API and the condition compiler), bundled like `tsup`
 * bundles `src/` (dependencies stay external).
 *
 * @example
 * const { createEngine } = await loadArrears(process.argv.includes('--source'));
 */
export async function loadArrears(fromSource = false): Promise<Arrears> {
  if (fromSource) return import('./entry');
  // Inside node_modules/.cache so the bundle's bare imports (zod, json-rules-engine…) resolve
  // to the project's packages.
  const cache = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'arrears-bench-'));
  const outfile = join(dir, 'arrears.mjs');
  try {
    await build({
      entryPoints: [fileURLToPath(new URL('./entry.ts', import.meta.url))],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'es2022',
      packages: 'external',
      outfile,
      logLevel: 'error',
    });
    return (await import(pathToFileURL(outfile).href)) as Arrears;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
