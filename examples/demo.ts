/**
 * The main job: the bank-card strategy composed with the China preset decides the bundled sample
 * accounts, and every decision is printed with its explanation.
 *
 *   npm run demo                       # at 2026-11-23 10:30 Beijing time
 *   npm run demo -- --at 2026-11-23T21:05:00+08:00
 */
import { readFileSync } from 'node:fs';
import { ArrearsError, composePolicies, createEngine, presets } from '../src/index';

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

const usage = 'usage: npm run demo [-- --at <instant with offset, e.g. 2026-11-23T21:05:00+08:00>]';
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(usage);
  process.exit(0);
}
const atFlag = process.argv.indexOf('--at');
const now = atFlag >= 0 ? process.argv[atFlag + 1] : '2026-11-23T10:30:00+08:00';
if (now === undefined) {
  console.error(`--at needs an instant\n${usage}`);
  process.exit(2);
}

const policy = composePolicies(presets.chinaCba, read('./policies/bank-card.json'));
const engine = createEngine(policy);
const accounts = read('./accounts/bank-card-accounts.json') as unknown[];

try {
  engine.decide(accounts[0], { now });
} catch (e) {
  // A bad --at is the caller's mistake: say which, not a stack trace.
  if (!(e instanceof ArrearsError)) throw e;
  console.error(`${e.message}\n${usage}`);
  process.exit(2);
}

console.log(`Policy ${policy.id} (${engine.hash.slice(0, 19)}…), ${accounts.length} accounts, now = ${now}\n`);
const tally: Record<string, number> = {};
for (const result of engine.decideMany(accounts, { now })) {
  if (!result.ok) {
    console.log(`Account ${result.accountId}: ${result.error.message}\n`);
    continue;
  }
  for (const p of result.proposals) tally[p.status] = (tally[p.status] ?? 0) + 1;
  console.log(engine.explain(result));
  console.log('');
}
const counts = Object.entries(tally).map(([status, n]) => `${n} ${status}`);
console.log(`Proposals: ${counts.length > 0 ? counts.join(', ') : 'none (no rule proposed an action at this instant)'}.`);
