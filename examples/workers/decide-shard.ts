/**
 * One worker of examples/workers.ts: builds its own engine (engines are cheap to create and
 * never shared between threads), decides its shard lazily with `decideMany` — constant memory
 * whatever the shard's size — and posts back a summary.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { syntheticBook } from '../../bench/workload';
import { composePolicies, createEngine, presets } from '../../src/index';

/** What the main thread asks a worker to do. */
export interface ShardJob {
  readonly shard: number;
  readonly shards: number;
  readonly accounts: number;
  readonly now: string;
}

/** What a worker reports. */
export interface ShardSummary {
  readonly shard: number;
  readonly decided: number;
  readonly failed: number;
  /** How many decisions chose each next action ('none' when nothing is allowed). */
  readonly next: Record<string, number>;
  readonly ms: number;
}

const job = workerData as ShardJob;
const strategy: unknown = JSON.parse(readFileSync(new URL('../policies/bank-card.json', import.meta.url), 'utf8'));
const engine = createEngine(composePolicies(presets.usRegulationF, presets.chinaCba, strategy));

// In production: read this shard's accounts (a key range of the table, one file of the export…).
// Here, a seeded synthetic book per shard.
const source = syntheticBook(job.accounts, Date.parse(job.now), 1_000 + job.shard);
const t0 = performance.now();
let decided = 0;
let failed = 0;
const next: Record<string, number> = {};
for (const d of engine.decideMany(source, { now: job.now })) {
  if (!d.ok) {
    failed++;
    continue;
  }
  decided++;
  const action = d.next?.action ?? 'none';
  next[action] = (next[action] ?? 0) + 1;
}
const summary: ShardSummary = { shard: job.shard, decided, failed, next, ms: performance.now() - t0 };
parentPort?.postMessage(summary);
