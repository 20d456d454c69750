// Imports the BUILT package as ESM (through its exports map) and parses a policy.
import { readFileSync } from 'node:fs';
import { createEngine, parsePolicy, ArrearsError, presets } from 'arrears';
import { anAccount } from 'arrears/testing';

const policy = parsePolicy(JSON.parse(readFileSync(new URL('../examples/policies/bank-card.json', import.meta.url), 'utf8')));
const engine = createEngine(policy);
const decision = engine.decide(anAccount().overdueDays(10, { asOf: '2026-11-23' }).build(), { now: '2026-11-23T10:00:00+08:00' });
if (decision.policy.id !== 'bank-card-buckets') throw new Error('ESM: wrong policy');
try {
  parsePolicy({});
  throw new Error('ESM: parsePolicy accepted {}');
} catch (e) {
  if (!(e instanceof ArrearsError) || e.code !== 'POLICY_INVALID') throw e;
}
const schema = JSON.parse(readFileSync(new URL('../dist/policy.schema.json', import.meta.url), 'utf8'));
if (typeof schema.properties !== 'object') throw new Error('ESM: policy.schema.json has no properties');
if (!presets.usRegulationF) throw new Error('ESM: presets missing');
// Every preset is also a JSON file of the package, equal to its `presets.*` object.
const { default: regF } = await import('arrears/presets/us-regulation-f.json', { with: { type: 'json' } });
if (JSON.stringify(regF) !== JSON.stringify(presets.usRegulationF)) throw new Error('ESM: arrears/presets/us-regulation-f.json differs from presets.usRegulationF');
console.log(`ESM ok: ${decision.next?.action ?? 'no action'} (${decision.proposals.length} proposals)`);
