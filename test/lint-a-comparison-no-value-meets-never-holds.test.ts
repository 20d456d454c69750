import { describe, expect, it } from 'vitest';
import { safeParsePolicy } from '../src/index';

/*
 * `fact in []` holds for no value (json-rules-engine asks `[].indexOf(value) > -1`), whatever the
 * fact: a rule that needs it never fires (`rule_never_fires`), a block never holds
 * (`constraint_never_applies`). Found wherever a comparison is read: alone under an `all`, in
 * every branch of an `any`, in a named condition, and as `not: { fact notIn [] }` (the `not` of a
 * comparison every value meets).
 */

const c = (fact: string, operator: string, value: unknown) => ({ fact, operator, value });
const base = { id: 'p', version: '1', jurisdiction: 'US', actions: { call: { channel: 'phone' } } };

function warningsOf(policy: Record<string, unknown>) {
  const r = safeParsePolicy({ ...base, ...policy });
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.warnings.filter((w) => w.code === 'rule_never_fires' || w.code === 'constraint_never_applies');
}
const ruleWarnings = (when: unknown, conditions: Record<string, unknown> = {}) => warningsOf({ conditions, rules: [{ id: 'late', when, then: ['call'] }] });

describe('a comparison no value meets', () => {
  it('an empty in under an all, named with its path', () => {
    expect(ruleWarnings({ all: [c('daysPastDue', 'greaterThan', 30), c('attributes.segment', 'in', [])] })).toEqual([
      {
        code: 'rule_never_fires',
        path: ['rules', 0, 'when'],
        message: "rule 'late' never fires: `attributes.segment in []` holds for no value (nothing is in an empty list) (rules[0].when.all[1]): fix it",
      },
    ]);
  });

  it('in every branch of an any, and in a named condition', () => {
    expect(ruleWarnings({ any: [c('bucket', 'in', []), { all: [c('disputed', 'equal', true), c('disputed', 'equal', false)] }] })[0]?.message).toContain('(rules[0].when.any[0]): fix it');
    expect(ruleWarnings({ all: [{ condition: 'nobody' }] }, { nobody: { all: [c('legalStage', 'in', [])] } })[0]?.message).toContain('`legalStage in []` holds for no value (nothing is in an empty list) (conditions.nobody.all[0])');
  });

  it('the not of notIn [] (which every value meets)', () => {
    expect(ruleWarnings({ all: [c('daysPastDue', 'greaterThan', 30), { not: c('attributes.segment', 'notIn', []) }] })).toEqual([
      {
        code: 'rule_never_fires',
        path: ['rules', 0, 'when'],
        message: "rule 'late' never fires: a `not` over `attributes.segment notIn []`, which always holds (rules[0].when.all[1].not): fix it",
      },
    ]);
  });

  it('a block whose when needs one never holds; an any with another branch, or a notIn [], may hold', () => {
    const block = (when: unknown) =>
      warningsOf({
        rules: [{ id: 'r', when: { all: [c('daysPastDue', 'greaterThan', 0)] }, then: ['call'] }],
        compliance: [{ id: 'l', constraints: [{ kind: 'block', id: 'none', code: 'BLOCKED', message: 'no', when }] }],
      });
    expect(block({ all: [c('localWeekday', 'in', [])] })).toEqual([
      {
        code: 'constraint_never_applies',
        path: ['compliance', 0, 'constraints', 0, 'when'],
        message: "block 'none' never holds: `localWeekday in []` holds for no value (nothing is in an empty list) (compliance[0].constraints[0].when.all[0]): fix it",
      },
    ]);
    expect(block({ any: [c('localWeekday', 'in', []), c('daysPastDue', 'greaterThan', 30)] })).toEqual([]);
    expect(block({ all: [c('localWeekday', 'notIn', [])] })).toEqual([]);
  });
});
