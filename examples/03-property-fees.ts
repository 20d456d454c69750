/**
 * Property-management fees (presets.strategies.propertyFees): two owners decided on a few mornings —
 * the monthly notice, the call and the notice on the building board after the failed direct debit,
 * the written report after 3 months in arrears and the legal route waiting for approval.
 *
 *   npx tsx examples/03-property-fees.ts
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createEngine, explain, presets } from '../src/index';

const engine = createEngine(presets.strategies.propertyFees);
const owners = JSON.parse(readFileSync(new URL('./accounts/property-fees.json', import.meta.url), 'utf8')) as unknown[];

const mornings = [
  ['the day after the failed debit', '2026-03-02T10:00:00+08:00'],
  ['the first of the month', '2026-04-01T10:00:00+08:00'],
  ['over 3 months in arrears', '2026-04-03T10:00:00+08:00'],
] as const;

for (const [what, now] of mornings) {
  console.log(`=== ${what}: ${now} ===\n`);
  for (const decision of engine.decideMany(owners, { now })) {
    if (!decision.ok) throw new Error(decision.error.message);
    console.log(explain(decision));
    console.log('');
  }
}

// The second owner is 92 days in arrears on 2026-04-03: the written report comes first.
const late = engine.decide(owners[1], { now: '2026-04-03T10:00:00+08:00' });
assert.equal(late.next?.action, 'written_report');
