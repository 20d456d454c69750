import { describe, expect, it } from 'vitest';
import { createEngine, lintPolicy } from '../src/index';
import { policyWhen } from './support/policies';

// json-rules-engine reads a `path` only into objects and lists: on a number or a string it
// compares the whole value, so the path does nothing. Lint says so.

describe('lint: a path into a fact that is no object or list', () => {
  it('warns at the path, on the fact and on a { fact } value', () => {
    expect(lintPolicy(policyWhen({ fact: 'daysPastDue', path: '$.x', operator: 'greaterThan', value: 5 }))).toEqual([
      { code: 'path_ignored', path: ['rules', 0, 'when', 'all', 0, 'path'], message: expect.stringContaining("the fact 'daysPastDue' is number") },
    ]);
    expect(lintPolicy(policyWhen({ fact: 'daysPastDue', operator: 'greaterThan', value: { fact: 'bucket', path: '$.a' } }))).toEqual([
      { code: 'path_ignored', path: ['rules', 0, 'when', 'all', 0, 'value', 'path'], message: expect.stringContaining("the fact 'bucket' is string") },
    ]);
  });

  it('the warning is true: the whole value is compared', () => {
    const account = { id: 'A', currency: 'USD', amountDue: 100, dueDate: '2026-10-01', debtor: { timeZone: 'UTC' }, contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }] };
    const decision = createEngine(policyWhen({ fact: 'daysPastDue', path: '$.x', operator: 'greaterThan', value: 5 })).decide(account, { now: '2026-11-23T12:00:00Z' });
    expect(decision.trace.rules[0]?.fired).toBe(true);
  });

  it('says nothing of a path into a list, an object, or your own attributes', () => {
    expect(lintPolicy(policyWhen({ fact: 'tags', path: '$[0]', operator: 'equal', value: 'vip' }))).toEqual([]);
    expect(lintPolicy(policyWhen({ fact: 'attributes.profile', path: '$.segment', operator: 'equal', value: 'retail' }))).toEqual([]);
  });
});
