/**
 * The B2B receivables dunning cadence (presets.strategies.b2bDunning, also
 * examples/policies/b2b-dunning.json) run day by day for a customer who never pays: every morning at
 * 10:00 the engine decides, the finance team does what is allowed (and decides again), and the
 * owner approves what needs approval the next morning. Prints the ledger, then two explanations.
 *
 *   npx tsx examples/02-b2b-dunning.ts
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { type AccountInput, createEngine, type Decision, explain, presets } from '../src/index';

const engine = createEngine(presets.strategies.b2bDunning);
const [account] = JSON.parse(readFileSync(new URL('./accounts/b2b-receivables.json', import.meta.url), 'utf8')) as AccountInput[];
if (!account) throw new Error('no account');

const history: NonNullable<AccountInput['history']>[number][] = [];
const approvals: NonNullable<AccountInput['approvals']>[number][] = [];
const asked = new Set<string>();
const ledger: string[] = [];
const kept: Record<number, Decision> = {};
const DAY = 86_400_000;
const due = Date.parse(`${account.dueDate}T10:00:00+08:00`);

for (let day = -10; day <= 120; day++) {
  const now = new Date(due + day * DAY).toISOString();
  for (const action of asked) approvals.push({ action, at: new Date(due + day * DAY - 3_600_000).toISOString(), by: 'owner' });
  asked.clear();
  const done: string[] = [];
  for (;;) {
    const decision = engine.decide({ ...account, history, approvals }, { now });
    kept[day] = decision;
    for (const p of decision.proposals) if (p.status === 'needs_approval' && !approvals.some((a) => a.action === p.action)) asked.add(p.action);
    const next = decision.next;
    if (next === null || next.status !== 'allowed') break;
    history.push({ at: now, action: next.action, outcome: next.channel === null ? 'completed' : next.channel === 'phone' ? 'no_answer' : 'delivered', ...(next.channel ? { channel: next.channel } : {}), ...(next.contactId ? { contactId: next.contactId } : {}) });
    done.push(next.label ?? next.action);
  }
  if (done.length > 0) ledger.push(`day ${String(day).padStart(4)}  ${new Date(due + day * DAY).toISOString().slice(0, 10)}  ${done.join(' + ')}`);
}

console.log(`${account.id}: payment date ${account.dueDate}, ${history.length} actions in 131 days\n`);
console.log(ledger.join('\n'));
console.log('\n--- day 91: the lock needs the owner’s approval ---\n');
console.log(explain(kept[91] as Decision));
console.log('\n--- day 114: the lawyer’s letter needs approval too ---\n');
console.log(explain(kept[114] as Decision));

const days = (action: string) => history.filter((h) => h.action === action).map((h) => Math.round((new Date(h.at).getTime() - due) / DAY));
assert.deepEqual(days('reminder_email'), [-7]);
assert.deepEqual(['escalate_supervisor', 'escalate_manager', 'escalate_general_manager', 'lock_account'].map((a) => days(a)[0]), [15, 31, 61, 92]);
