// Requires the BUILT package as CommonJS (through its exports map) and parses a policy.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { createEngine, parsePolicy, ArrearsError, presets } = require('arrears');
const { anAccount, arrearsMatchers } = require('arrears/testing');

const policy = parsePolicy(JSON.parse(readFileSync(path.join(__dirname, '../examples/policies/bank-card.json'), 'utf8')));
const decision = createEngine(policy).decide(anAccount().overdueDays(10, { asOf: '2026-11-23' }).build(), { now: '2026-11-23T10:00:00+08:00' });
if (decision.policy.id !== 'bank-card-buckets') throw new Error('CJS: wrong policy');
try {
  parsePolicy({ id: 1 });
  throw new Error('CJS: parsePolicy accepted a bad policy');
} catch (e) {
  if (!(e instanceof ArrearsError) || e.code !== 'POLICY_INVALID') throw e;
}
if (JSON.stringify(require('arrears/presets/cn-cba-collection.json')) !== JSON.stringify(presets.chinaCba)) throw new Error('CJS: arrears/presets/cn-cba-collection.json differs from presets.chinaCba');
// A jest user (CommonJS by default) takes the matchers from arrears/testing: no vitest loaded.
if (Object.keys(require.cache).some((file) => /[\\/]node_modules[\\/]vitest[\\/]/.test(file))) throw new Error('CJS: arrears/testing loaded vitest');
const verdict = arrearsMatchers.toAllow.call({ isNot: false }, decision, 'sms_reminder');
if (typeof verdict.pass !== 'boolean' || typeof verdict.message() !== 'string') throw new Error('CJS: arrearsMatchers.toAllow gave no verdict');
console.log(`CJS ok: ${decision.next ? decision.next.action : 'no action'}`);
