/**
 * US Regulation F (presets.usRegulationF) with a small servicer strategy
 * (examples/policies/us-collections.json), and Massachusetts' stricter call cap composed on top
 * for the Massachusetts debtor. The library never guesses a law: the caller picks the layers by the
 * debtor's jurisdiction. Five accounts at 8:30 a.m. New York time:
 *   US-1001  phone number in New York, address in California → waits for 8 a.m. Pacific (11:00 NY)
 *   US-1002  Massachusetts, two calls this week → the 3rd waits (Reg F alone would allow it)
 *   US-1003  a phone conversation on Tuesday 11-17 (day 1) and a promise since broken → calls resume on
 *            Tuesday 11-24 (day 8) at 8 a.m. Chicago time; spoken to, so reporting is allowed
 *   US-1004  represented by an attorney → only the attorney is called
 *   US-1005  cease request → only the notice that collection stops
 *
 *   npx tsx examples/05-us-regulation-f.ts
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { type AccountInput, composePolicies, createEngine, type Decision, explain, presets } from '../src/index';

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const strategy = read('./policies/us-collections.json');

const federal = createEngine(composePolicies(presets.usRegulationF, strategy));
const massachusetts = createEngine(composePolicies(presets.usRegulationF, presets.usMassachusetts, strategy));
const engineFor = (account: AccountInput) => (account.debtor.jurisdiction === 'US-MA' ? massachusetts : federal);

const now = '2026-11-24T08:30:00-05:00';
const decisions: Record<string, Decision> = {};
for (const account of read('./accounts/us-accounts.json') as AccountInput[]) {
  const decision = engineFor(account).decide(account, { now });
  decisions[account.id] = decision;
  console.log(explain(decision));
  console.log('');
}

assert.equal(decisions['US-1001']?.next?.allowedFrom, '2026-11-24T16:00:00Z');
assert.equal(decisions['US-1002']?.proposals.find((p) => p.action === 'call')?.reasons[0]?.constraint, 'ma-2-calls-in-7-days');
assert.equal(decisions['US-1003']?.proposals.find((p) => p.action === 'call')?.allowedFrom, '2026-11-24T14:00:00Z');
assert.equal(decisions['US-1003']?.proposals.find((p) => p.action === 'credit_report')?.status, 'allowed');
assert.equal(decisions['US-1004']?.next?.action, 'call_attorney');
assert.equal(decisions['US-1005']?.next?.action, 'cease_notice');
