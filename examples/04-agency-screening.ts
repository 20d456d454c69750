/**
 * A collection agency's new-case screening (presets.strategies.agencyScreening): the manual calls
 * employer → listed contacts → neighbourhood committee → family → cardholder. Alone, the strategy
 * does exactly that; composed with the China preset, every unrelated third party is blocked and the
 * cardholder is called first. The same case, the same morning, both ways — then the first five
 * days of screening under each.
 *
 *   npx tsx examples/04-agency-screening.ts
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { type AccountInput, composePolicies, createEngine, type Engine, explain, presets } from '../src/index';

const [newCase] = JSON.parse(readFileSync(new URL('./accounts/agency-cases.json', import.meta.url), 'utf8')) as AccountInput[];
if (!newCase) throw new Error('no case');
const manual = createEngine(presets.strategies.agencyScreening);
const lawful = createEngine(composePolicies(presets.chinaCba, presets.strategies.agencyScreening));
const FIRST_MORNING = '2026-03-02T10:00:00+08:00';

console.log('=== the manual alone ===\n');
console.log(explain(manual.decide(newCase, { now: FIRST_MORNING })));
console.log('\n=== composed with presets.chinaCba ===\n');
console.log(explain(lawful.decide(newCase, { now: FIRST_MORNING })));

/** Who gets called each morning when the agency does whatever is allowed (nobody ever answers). */
function screening(engine: Engine, days: number): string[] {
  const history: NonNullable<AccountInput['history']>[number][] = [];
  const out: string[] = [];
  for (let day = 0; day < days; day++) {
    const now = new Date(Date.parse(FIRST_MORNING) + day * 86_400_000).toISOString();
    const called: string[] = [];
    for (let next = engine.decide({ ...newCase, history }, { now }).next; next?.status === 'allowed'; next = engine.decide({ ...newCase, history }, { now }).next) {
      history.push({ at: now, action: next.action, channel: next.channel ?? undefined, contactId: next.contactId ?? undefined, outcome: 'no_answer' });
      called.push(`${next.action} → ${next.relationship} '${next.contactId}'`);
    }
    out.push(`day ${day}: ${called.join(', ') || '—'}`);
  }
  return out;
}

const alone = screening(manual, 6);
const composed = screening(lawful, 6);
console.log('\n=== six mornings, the manual alone ===\n' + alone.join('\n'));
console.log('\n=== six mornings, with presets.chinaCba ===\n' + composed.join('\n'));

assert.match(alone[0] ?? '', /employer/);
assert.ok(composed.every((line) => !/employer|family|community|reference/.test(line)));
