import { describe, expect, it } from 'vitest';
import type { Issue } from '../src/index';
import { policyIssuesOf } from './support/errors';

const base = { id: 'p', version: '1', jurisdiction: 'US', actions: { call_self: { channel: 'phone' } } };
const rule = (when: unknown) => ({ ...base, rules: [{ id: 'r', when, then: ['call_self'] }] });
const late = { fact: 'daysPastDue', operator: 'greaterThan', value: 30 };

const unknownKey = (path: readonly (string | number)[], typo: string, known: string): Issue => ({
  code: 'unrecognized_keys',
  path,
  message: `unknown key '${typo}'; remove it or check the spelling; did you mean '${known}'?`,
});

describe('a misspelt key in a condition is named once, with the key it stands for', () => {
  it.each([
    ['operator', { fact: 'daysPastDue', operater: 'greaterThan', value: 30 }, 'operater', 'operator'],
    ['fact', { fakt: 'daysPastDue', operator: 'greaterThan', value: 30 }, 'fakt', 'fact'],
    ['params', { ...late, parms: {} }, 'parms', 'params'],
    ['all (a nested form)', { al: [late] }, 'al', 'all'],
    ['any', { anyy: [late] }, 'anyy', 'any'],
    ['not', { nott: late }, 'nott', 'not'],
    ['condition (a reference)', { conditon: 'late' }, 'conditon', 'condition'],
    ['priority, in an all', { all: [late], prioirty: 2 }, 'prioirty', 'priority'],
    ['value, two letters swapped', { fact: 'daysPastDue', operator: 'greaterThan', valeu: 30 }, 'valeu', 'value'],
    ['fact, two letters swapped', { fcat: 'daysPastDue', operator: 'greaterThan', value: 30 }, 'fcat', 'fact'],
    ['any, two letters swapped', { nay: [late] }, 'nay', 'any'],
  ])('%s', (_, condition, typo, known) => {
    expect(policyIssuesOf(rule({ all: [condition] }))).toEqual([unknownKey(['rules', 0, 'when', 'all', 0], typo, known)]);
  });

  it('at the root of a rule, where a form is expected', () => {
    expect(policyIssuesOf(rule({ al: [late] }))).toEqual([unknownKey(['rules', 0, 'when'], 'al', 'all')]);
  });

  it('in a named condition', () => {
    const policy = { ...base, conditions: { late: { anny: [late] } }, rules: [{ id: 'r', when: { condition: 'late' }, then: ['call_self'] }] };
    expect(policyIssuesOf(policy)).toEqual([unknownKey(['conditions', 'late'], 'anny', 'any')]);
  });

  it('deep in a tree, at its own path', () => {
    expect(policyIssuesOf(rule({ any: [{ not: { fact: 'daysPastDue', operater: 'greaterThan', value: 30 } }] }))).toEqual([
      unknownKey(['rules', 0, 'when', 'any', 0, 'not'], 'operater', 'operator'),
    ]);
  });

  it('names every misspelt key of a condition in one issue', () => {
    expect(policyIssuesOf(rule({ all: [{ fakt: 'daysPastDue', operater: 'greaterThan', value: 30 }] }))).toEqual([
      {
        code: 'unrecognized_keys',
        path: ['rules', 0, 'when', 'all', 0],
        message: "unknown keys 'fakt', 'operater'; remove them or check the spelling; did you mean 'fact' for 'fakt', 'operator' for 'operater'?",
      },
    ]);
  });

  it('still says what else is missing', () => {
    expect(policyIssuesOf(rule({ all: [{ fact: 'daysPastDue', operater: 'greaterThan' }] }))).toEqual([
      unknownKey(['rules', 0, 'when', 'all', 0], 'operater', 'operator'),
      { code: 'invalid_union', path: ['rules', 0, 'when', 'all', 0, 'value'], message: 'a comparison needs a `value` (JSON, or { "fact": ... })' },
    ]);
  });

  it('an object with no key of any condition is told what a condition is, once', () => {
    const expected = "expected a condition: an object with 'all', 'any', 'not', 'condition', or 'fact' + 'operator' + 'value'";
    for (const condition of [{}, { banana: 1 }]) {
      expect(policyIssuesOf(rule({ all: [condition] }))).toEqual([{ code: 'invalid_union', path: ['rules', 0, 'when', 'all', 0], message: expected }]);
    }
  });
});
