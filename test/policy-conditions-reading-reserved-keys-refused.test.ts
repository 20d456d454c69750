import { describe, expect, it } from 'vitest';
import { deriveFacts, safeParsePolicy } from '../src/index';
import { arrearsErrorOf } from './support/errors';

const policyWith = (comparison: Record<string, unknown>) => ({
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [comparison] }, then: ['call_self'] }],
});
const at = (...rest: (string | number)[]) => ['rules', 0, 'when', 'all', 0, ...rest];

function issuesOf(comparison: Record<string, unknown>) {
  const result = safeParsePolicy(policyWith(comparison));
  expect(result.success).toBe(false);
  return result.success ? [] : result.issues;
}

describe('a condition reading a reserved key (no account can hold one) is refused with forbidden_key', () => {
  it.each(['__proto__', 'constructor', 'prototype'])("the fact 'attributes.%s'", (key) => {
    expect(issuesOf({ fact: `attributes.${key}`, operator: 'notEqual', value: 1 })).toEqual([
      {
        code: 'forbidden_key',
        path: at('fact'),
        message: `'attributes.${key}' reads the key '${key}', which is reserved: accounts refuse it (it could reach Object.prototype), so no account has it and the fact is never there to read; name another key`,
      },
    ]);
  });

  it.each(['$.constructor', "$.segment['prototype']", '$.a.__proto__'])("a path through a reserved key: '%s'", (path) => {
    const key = ['constructor', 'prototype', '__proto__'].find((k) => path.includes(k));
    expect(issuesOf({ fact: 'attributes', path, operator: 'equal', value: 1 })).toEqual([
      {
        code: 'forbidden_key',
        path: at('path'),
        message: `the path '${path}' steps through the key '${key}', which is reserved: accounts refuse it (it could reach Object.prototype), so the path never finds a value; name another key`,
      },
    ]);
  });

  it('in a { fact } value too, at the value', () => {
    expect(issuesOf({ fact: 'attributes.tier', operator: 'equal', value: { fact: 'attributes.constructor' } }).map((i) => [i.code, i.path])).toEqual([['forbidden_key', at('value', 'fact')]]);
    expect(issuesOf({ fact: 'attributes.tier', operator: 'equal', value: { fact: 'attributes', path: '$.prototype' } }).map((i) => [i.code, i.path])).toEqual([['forbidden_key', at('value', 'path')]]);
  });

  it('other attribute keys and paths still parse', () => {
    expect(safeParsePolicy(policyWith({ fact: 'attributes.constructorName', operator: 'equal', value: 'x' })).success).toBe(true);
    expect(safeParsePolicy(policyWith({ fact: 'attributes', path: '$.segment.tier', operator: 'equal', value: 'x' })).success).toBe(true);
  });
});

describe('deriveFacts refuses a fact reading a reserved key, as a condition does', () => {
  it.each(['__proto__', 'constructor', 'prototype'])("{ fact: 'attributes.%s' }", (key) => {
    const account = { id: 'A', currency: 'USD', amountDue: 10, dueDate: '2026-01-01', debtor: { timeZone: 'America/New_York' }, attributes: { segment: 'retail' } };
    const policy = { id: 'p', version: '1', jurisdiction: 'US', actions: {}, rules: [], compliance: [] };
    const error = arrearsErrorOf(() => deriveFacts(account, '2026-11-23T10:00:00Z', policy, { facts: [{ fact: 'attributes.segment' }, { fact: `attributes.${key}` }] }));
    expect(error.code).toBe('OPTIONS_INVALID');
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([['forbidden_key', ['facts', 1, 'fact']]]);
  });
});
