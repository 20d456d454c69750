import { Operator } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/index';
import { arrearsErrorOf } from './support/errors';

/* A custom operator is user code: if it throws for one account, that account comes back as a
   failure with code CONDITION_FAILED (issue code `operator_threw`, at the condition) and the rest
   of the batch is decided. */

const boom = new Operator('boomOnX', (tags: unknown) => {
  if (Array.isArray(tags) && tags.includes('x')) throw new Error('operator failed');
  return true;
});
const policy = {
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'tags', operator: 'boomOnX', value: null }] }, then: ['call'] }],
};
const account = (id: string) => ({
  id,
  currency: 'USD',
  amountDue: 100,
  dueDate: '2026-11-01',
  debtor: { timeZone: 'UTC' },
  tags: [id],
  contacts: [{ id: 'self', relationship: 'self', channels: [{ channel: 'phone' }] }],
});
const now = '2026-11-23T12:00:00Z';

describe('decideMany when a custom operator throws', () => {
  const engine = createEngine(policy, { operators: [boom] });

  it('returns that account as a CONDITION_FAILED failure with its id, and decides the others', () => {
    const results = [...engine.decideMany([account('a'), account('x'), account('b')], { now })];
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({
      ok: false,
      accountId: 'x',
      error: { code: 'CONDITION_FAILED', issues: [{ code: 'operator_threw', path: ['rules', 0, 'when'], message: expect.stringContaining('operator failed') }] },
    });
  });

  it('decide throws CONDITION_FAILED with the operator’s own error as its cause', () => {
    expect(arrearsErrorOf(() => engine.decide(account('x'), { now }))).toMatchObject({ code: 'CONDITION_FAILED', cause: expect.objectContaining({ message: 'operator failed' }) });
  });
});
