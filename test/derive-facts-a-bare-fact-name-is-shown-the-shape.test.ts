import { describe, expect, it } from 'vitest';
import { ArrearsError, deriveFacts } from '../src/index';

const policy = { id: 'p', version: '1', jurisdiction: 'US', actions: { call_self: { channel: 'phone' } }, rules: [{ id: 'r', when: { all: [] }, then: ['call_self'] }] };
const account = { id: 'A1', currency: 'USD', amountDue: 10000, dueDate: '2026-10-01', debtor: { timeZone: 'America/New_York' }, contacts: [] };

function issuesOf(facts: unknown) {
  try {
    deriveFacts(account, '2026-11-23T15:00:00Z', policy, { facts } as never);
  } catch (error) {
    if (error instanceof ArrearsError) return { code: error.code, issues: error.issues };
    throw error;
  }
  throw new Error('expected deriveFacts to throw');
}

describe("deriveFacts' facts list: an element that is no { fact } is shown the shape it needs", () => {
  it('a bare fact name is shown written as a reference', () => {
    expect(issuesOf(['daysPastDue'])).toEqual({
      code: 'OPTIONS_INVALID',
      issues: [{ code: 'invalid_type', path: ['facts', 0], message: `must be a fact reference { fact, params? }, such as { "fact": "daysPastDue" }, not 'daysPastDue'` }],
    });
  });

  it('another value is shown an example', () => {
    expect(issuesOf([{ fact: 'bucket' }, 7]).issues).toEqual([
      { code: 'invalid_type', path: ['facts', 1], message: `must be a fact reference { fact, params? }, such as { "fact": "daysPastDue" }, not 7` },
    ]);
  });

  it('references are computed', () => {
    expect(deriveFacts(account, '2026-11-23T15:00:00Z', policy, { facts: [{ fact: 'daysPastDue' }] })).toEqual({ daysPastDue: 53 });
  });
});
