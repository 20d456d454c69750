/**
 * Every core: a book split into one shard per core, each decided by a worker thread with its own
 * engine. Decisions are pure, so shards never need to talk to each other: each worker reads its
 * own accounts, decides them and reports (here, a summary; in production, it writes its decisions
 * where they belong). Nothing per account crosses threads — posting each account to a worker costs
 * about as much as deciding it. See docs/scaling.md for the same idea across machines.
 *
 *   npx tsx examples/workers.ts                  # 4,000 accounts, one worker per core
 *   npx tsx examples/workers.ts --accounts 1000000
 */
import { strict as assert } from 'node:assert';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ShardJob, ShardSummary } from './workers/decide-shard';

const i = process.argv.indexOf('--accounts');
const accounts = i >= 0 ? Number(process.argv[i + 1]) : 4_000;
const shards = availableParallelism();
const now = '2026-11-23T10:30:00+08:00';

function runShard(job: ShardJob): Promise<ShardSummary> {
  return new Promise((resolve, reject) => {
    // The worker is TypeScript: tsx-worker.mjs loads it through tsx. With the built package, start
    // your .js worker file directly: `new Worker(new URL('./decide-shard.js', import.meta.url), …)`.
    const module = new URL('./workers/decide-shard.ts', import.meta.url).href;
    const worker = new Worker(new URL('./workers/tsx-worker.mjs', import.meta.url), { workerData: { ...job, module } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`shard ${job.shard} exited with code ${code}`));
    });
  });
}

const t0 = performance.now();
const jobs: ShardJob[] = Array.from({ length: shards }, (_, shard) => ({
  shard,
  shards,
  // Shard sizes differ by at most one account.
  accounts: Math.floor(accounts / shards) + (shard < accounts % shards ? 1 : 0),
  now,
}));
const summaries = await Promise.all(jobs.map(runShard));
const seconds = (performance.now() - t0) / 1000;

const decided = summaries.reduce((n, s) => n + s.decided, 0);
const failed = summaries.reduce((n, s) => n + s.failed, 0);
const next: Record<string, number> = {};
for (const s of summaries) for (const [action, n] of Object.entries(s.next)) next[action] = (next[action] ?? 0) + n;
assert.equal(decided + failed, accounts);
console.log(`${accounts.toLocaleString('en')} accounts on ${shards} worker threads in ${seconds.toFixed(1)} s (${(accounts / seconds).toFixed(0)}/s, start-up included)`);
for (const s of summaries) console.log(`  shard ${s.shard}: ${s.decided} decided, ${s.failed} failed, ${(s.decided / (s.ms / 1000)).toFixed(0)}/s`);
console.log('next actions:', Object.entries(next).sort(([a], [b]) => (a < b ? -1 : 1)).map(([a, n]) => `${a} ${n}`).join(', '));
