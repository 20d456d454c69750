import { describe, expect, it } from 'vitest';
import { safeParsePolicy } from '../src/index';

/*
 * A `not` over a condition that always holds never holds: json-rules-engine passes an empty `all`
 * and an empty `any`, every value meets `notIn []`, an `any` with such a branch holds, and so
 * does an `all` of them or a `not` over a condition that never holds. A rule that needs such a
 * `not` never fires (`rule_never_fires`), a block never holds (`constraint_never_applies`, not
 * `always_blocked`), named at the condition that always holds.
 */

const c = (fact: string, operator: string, value: unknown) => ({ fact, operator, value });
const late = c('daysPastDue', 'greaterThan', 30);

function warningsOf(when: unknown, conditions: Record<string, unknown> = {}) {
  const r = safeParsePolicy({ id: 'p', version: '1', jurisdiction: 'US', conditions, actions: { call: { channel: 'phone' } }, rules: [{ id: 'late', when, then: ['call'] }] });
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.warnings.filter((w) => w.code === 'rule_never_fires');
}

describe('a not over a condition that always holds', () => {
  it('an empty all or any, at the root or under an all', () => {
    expect(warningsOf({ not: { all: [] } })).toEqual([
      { code: 'rule_never_fires', path: ['rules', 0, 'when'], message: "rule 'late' never fires: a `not` over an empty `all`, which always holds (rules[0].when.not): fix it" },
    ]);
    expect(warningsOf({ all: [late, { not: { any: [] } }] })[0]?.message).toBe("rule 'late' never fires: a `not` over an empty `any`, which always holds (rules[0].when.all[1].not): fix it");
  });

  it.each([
    ['an any with a branch that always holds', { not: { any: [late, { all: [] }] } }, 'an empty `all`', 'rules[0].when.not.any[1]'],
    ['an all of conditions that always hold', { not: { all: [{ any: [] }, c('bucket', 'notIn', [])] } }, 'an `all` whose every condition always holds', 'rules[0].when.not'],
    ['a not over a condition that never holds', { not: { not: { all: [late, c('daysPastDue', 'lessThan', 10)] } } }, 'a `not` over a condition that never holds', 'rules[0].when.not'],
    ['a named condition that always holds', { all: [late, { not: { condition: 'always' } }] }, 'an empty `any`', 'conditions.always'],
  ])('%s', (_, when, what, where) => {
    expect(warningsOf(when, { always: { any: [] } })[0]?.message).toBe(`rule 'late' never fires: a \`not\` over ${what}, which always holds (${where}): fix it`);
  });

  it('a block so written never applies, and is not always blocked', () => {
    const r = safeParsePolicy({
      id: 'p',
      version: '1',
      jurisdiction: 'US',
      actions: { call: { channel: 'phone' } },
      rules: [{ id: 'r', when: { all: [late] }, then: ['call'] }],
      compliance: [{ id: 'l', constraints: [{ kind: 'block', id: 'never', code: 'BLOCKED', message: 'no', when: { not: { any: [] } } }] }],
    });
    expect(r.success && r.warnings.filter((w) => w.code === 'constraint_never_applies' || w.code === 'always_blocked')).toEqual([
      {
        code: 'constraint_never_applies',
        path: ['compliance', 0, 'constraints', 0, 'when'],
        message: "block 'never' never holds: a `not` over an empty `any`, which always holds (compliance[0].constraints[0].when.not): fix it",
      },
    ]);
  });

  it('only when what is under the not always holds: not not, and a not over what may fail, may hold', () => {
    expect(warningsOf({ all: [late, { not: { all: [] } }] })).toHaveLength(1);
    expect(warningsOf({ not: { not: { all: [] } } })).toEqual([]);
    expect(warningsOf({ not: { any: [late, c('bucket', 'in', [])] } })).toEqual([]);
    expect(warningsOf({ not: { all: [{ all: [] }, late] } })).toEqual([]);
  });
});
