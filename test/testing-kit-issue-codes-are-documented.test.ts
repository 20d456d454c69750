import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArrearsError } from '../src/index';
import { anAccount, checkCompliance, simulate } from '../src/testing/index';

const policy = { id: 'p', version: '1', jurisdiction: 'US', actions: { call: { channel: 'phone' } }, rules: [{ id: 'r', when: { all: [] }, then: ['call'] }] };
const account = { id: 'A1', currency: 'USD', amountDue: 10000, dueDate: '2026-10-01', debtor: { timeZone: 'America/New_York' }, contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }] };
const NOW = '2026-11-23T15:00:00Z';
const errorsDoc = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ArrearsError) return error.issues[0]?.code;
    throw error;
  }
  return undefined;
}

describe('the issue codes the testing kit gives are in errors.md', () => {
  it.each([
    ['simulate without to', () => simulate(policy, account, { from: NOW } as never), 'invalid_option'],
    ['checkCompliance without an account', () => checkCompliance([{ at: NOW, outcome: 'no_answer' }] as never, policy, undefined as never), 'missing_account'],
    ['overdueDays without asOf', () => { const b = anAccount(); return (b.overdueDays as (n: number) => typeof b).call(b, 3).build(); }, 'missing_as_of'],
    ['simulate with a responder that throws', () => simulate(policy, account, { from: NOW, to: '2026-11-30T00:00:00Z', respond: () => { throw new Error('x'); } }), 'responder_threw'],
  ])('%s', (_, run, code) => {
    expect(codeOf(run)).toBe(code);
    expect(errorsDoc).toContain(`| \`${code}\` | testing |`);
  });

  it('missing_anchor is documented too', () => {
    expect(errorsDoc).toContain('| `missing_anchor` | testing |');
  });
});
