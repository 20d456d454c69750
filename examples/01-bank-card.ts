/**
 * Bank-card collection by buckets (examples/policies/bank-card.json) under the China preset: the
 * sample accounts decided in the morning, and again late in the evening when the preset's
 * 22:00–08:00 quiet hours and the card centre's 09:00–20:00 hours defer every call.
 *
 *   npx tsx examples/01-bank-card.ts
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { composePolicies, createEngine, explain, presets } from '../src/index';

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

// A regulation first, then the strategy: compliance layers can only restrict.
const policy = composePolicies(presets.chinaCba, read('./policies/bank-card.json'));
const engine = createEngine(policy);
const accounts = read('./accounts/bank-card-accounts.json') as unknown[];

for (const now of ['2026-11-23T10:30:00+08:00', '2026-11-23T22:15:00+08:00']) {
  console.log(`=== ${policy.id} at ${now} ===\n`);
  for (const result of engine.decideMany(accounts, { now })) {
    if (!result.ok) throw new Error(`${result.accountId}: ${result.error.message}`);
    console.log(explain(result));
    console.log('');
    // Late in the evening nothing that reaches a person is allowed.
    if (now.includes('T22:15')) assert.ok(result.proposals.every((p) => p.channel === null || p.status !== 'allowed'));
  }
}
