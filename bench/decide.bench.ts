/**
 * Decisions per second: arrears (full decisions: facts, strategy, every constraint, reasons) and,
 * in the same run, json-rules-engine's Engine on the same strategy conditions (strategy only).
 * Run on purpose: `npm run bench` (never part of `npm test`). Options: --accounts N.
 */
import { Engine } from 'json-rules-engine';
import { readFileSync } from 'node:fs';
import { composePolicies, createEngine, deriveFacts, parseAccount, presets } from '../src/index';
import { syntheticBook } from './workload';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('accounts', 20_000);
const now = '2026-11-23T10:30:00+08:00';
const nowMs = Date.parse(now);

const strategy = JSON.parse(readFileSync(new URL('../examples/policies/bank-card.json', import.meta.url), 'utf8'));
const policy = composePolicies(presets.usRegulationF, presets.chinaCba, strategy);
const engine = createEngine(policy);
const book = [...syntheticBook(N, nowMs)];

function stats(label: string, samples: number[], totalMs: number, n: number) {
  samples.sort((a, b) => a - b);
  const q = (p: number) => (samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? 0) * 1000;
  console.log(`${label.padEnd(34)} ${(n / (totalMs / 1000)).toFixed(0).padStart(9)} decisions/s   p50 ${q(0.5).toFixed(1).padStart(7)} µs   p99 ${q(0.99).toFixed(1).padStart(7)} µs`);
  return n / (totalMs / 1000);
}

// Warm up, then time each decision.
for (const a of book.slice(0, 500)) engine.decide(a, { now });
const samples: number[] = [];
const t0 = performance.now();
for (const a of book) {
  const s = performance.now();
  engine.decide(a, { now });
  samples.push(performance.now() - s);
}
const arrearsRate = stats('arrears (full decisions)', samples, performance.now() - t0, book.length);

// json-rules-engine on the strategy conditions only, facts precomputed (its best case).
const jre = new Engine([], { allowUndefinedFacts: true });
for (const [name, c] of Object.entries(policy.conditions)) jre.setCondition(name, c as never);
for (const rule of policy.rules) jre.addRule({ name: rule.id, priority: rule.priority, conditions: rule.when as never, event: { type: rule.id } });
const factSets = book.slice(0, Math.min(book.length, 5_000)).map((a) => deriveFacts(parseAccount(a), now, policy));
const jreSamples: number[] = [];
const t1 = performance.now();
for (const facts of factSets) {
  const s = performance.now();
  await jre.run(facts);
  jreSamples.push(performance.now() - s);
}
const jreRate = stats('json-rules-engine (strategy only)', jreSamples, performance.now() - t1, factSets.length);
console.log(`\narrears / json-rules-engine: ${(arrearsRate / jreRate).toFixed(1)}×   (${N} accounts, Node ${process.version}, peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB)`);
