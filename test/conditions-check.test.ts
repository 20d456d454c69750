import { describe, expect, it } from 'vitest';
import {
  checkCondition,
  checkNamedConditions,
  createOperatorRegistry,
  didYouMean,
  editDistance,
  MAX_CONDITION_DEPTH,
  suggest,
  type CheckContext,
  type Condition,
} from '../src/conditions';

const FACT_NAMES = ['daysPastDue', 'balance', 'limits'];

function context(conditions: Record<string, unknown> = {}): CheckContext {
  return {
    operators: createOperatorRegistry([{ name: 'divisibleBy', cb: (a: number, b: number) => a % b === 0 }]),
    conditions,
    isKnownFact: (name) => FACT_NAMES.includes(name),
    factNames: FACT_NAMES,
  };
}

const at = ['rules', 3, 'when'] as const;
const cmp = (fact: string, operator: string, value: unknown) => ({ fact, operator, value: value as never });

describe('checkCondition', () => {
  it('accepts a consistent tree', () => {
    const tree = {
      any: [
        cmp('daysPastDue', 'greaterThan', 30),
        { not: cmp('balance', 'in', [0, 1]) },
        cmp('balance', 'not:divisibleBy', 7),
        cmp('balance', 'lessThan', { fact: 'limits', path: '$.max' }),
        { condition: 'late' },
      ],
    };
    expect(checkCondition(tree, context({ late: { all: [] } }), [...at])).toEqual([]);
  });

  it('reports unknown operators, with a part-by-part suggestion', () => {
    const tree = { all: [cmp('balance', 'greaterThen', 1), cmp('balance', 'nott:lessThen', 1), cmp('balance', 'frobnicate', 1)] };
    const issues = checkCondition(tree, context(), [...at]);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown_operator', ['rules', 3, 'when', 'all', 0, 'operator']],
      ['unknown_operator', ['rules', 3, 'when', 'all', 1, 'operator']],
      ['unknown_operator', ['rules', 3, 'when', 'all', 2, 'operator']],
    ]);
    expect(issues[0]?.message).toBe("unknown operator 'greaterThen'; did you mean 'greaterThan'?");
    expect(issues[1]?.message).toBe("unknown operator 'nott:lessThen'; did you mean 'not:lessThan'?");
    // No close match: list what exists, custom operators included.
    expect(issues[2]?.message).toMatch(/^unknown operator 'frobnicate'; operators are equal, notEqual, .*divisibleBy \(decorators: someFact:, .*not:\)$/);
  });

  it('reports unknown facts, in comparisons and in { fact } values', () => {
    const tree = { all: [cmp('dayPastDue', 'greaterThan', 30), cmp('balance', 'lessThan', { fact: 'limit' }), cmp('zzz', 'equal', 1)] };
    expect(checkCondition(tree, context(), [])).toEqual([
      { code: 'unknown_fact', path: ['all', 0, 'fact'], message: "unknown fact 'dayPastDue'; did you mean 'daysPastDue'?" },
      { code: 'unknown_fact', path: ['all', 1, 'value', 'fact'], message: "unknown fact 'limit'; did you mean 'limits'?" },
      { code: 'unknown_fact', path: ['all', 2, 'fact'], message: "unknown fact 'zzz'" },
    ]);
  });

  it('reports references to named conditions that do not exist', () => {
    expect(checkCondition({ not: { condition: 'lat' } }, context({ late: { all: [] } }), [...at])).toEqual([
      {
        code: 'unknown_condition',
        path: ['rules', 3, 'when', 'not', 'condition'],
        message: "unknown named condition 'lat'; define it under `conditions`; did you mean 'late'?",
      },
    ]);
  });

  it('reports references into a cycle of named conditions', () => {
    const named = { a: { all: [{ condition: 'b' }] }, b: { not: { condition: 'a' } }, c: { condition: 'a' }, ok: { all: [] } };
    const issues = checkCondition({ any: [{ condition: 'a' }, { condition: 'c' }, { condition: 'ok' }] }, context(named), []);
    expect(issues).toEqual([
      { code: 'circular_condition', path: ['any', 0, 'condition'], message: "condition 'a' refers back to itself (a → b → a): it would never finish evaluating" },
      { code: 'circular_condition', path: ['any', 1, 'condition'], message: "condition 'c' leads into a reference cycle (a → b → a): it would never finish evaluating" },
    ]);
  });

  it("reports in/notIn against something that is not a list, unless swap: makes the fact the list", () => {
    const tree = {
      all: [
        cmp('balance', 'in', 5),
        cmp('balance', 'not:notIn', 'abc'),
        cmp('balance', 'in', [1, 2]),
        cmp('balance', 'in', { fact: 'limits' }),
        cmp('balance', 'swap:in', 5),
        cmp('balance', 'someValue:in', [[1], [2]]),
        cmp('balance', 'equal', 5),
      ],
    };
    const issues = checkCondition(tree, context(), []);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_operand', ['all', 0, 'value']],
      ['invalid_operand', ['all', 1, 'value']],
    ]);
    expect(issues[1]?.message).toMatch(/^'not:notIn' compares against a list: give an array .*not "abc"/);
  });

  it('reports nesting deeper than MAX_CONDITION_DEPTH (32) levels once, where it starts', () => {
    expect(MAX_CONDITION_DEPTH).toBe(32);
    const nest = (levels: number): Condition => (levels === 1 ? cmp('balance', 'equal', 1) : { not: nest(levels - 1) });
    expect(checkCondition(nest(MAX_CONDITION_DEPTH), context(), [])).toEqual([]);
    const issues = checkCondition(nest(MAX_CONDITION_DEPTH + 5), context(), ['x']);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe('condition_too_deep');
    expect(issues[0]?.path).toEqual(['x', ...Array<string>(MAX_CONDITION_DEPTH).fill('not')]);
  });

  it('collects every problem of a tree, not only the first', () => {
    const tree = { all: [cmp('nope', 'nope', 1), { condition: 'ghost' }, cmp('balance', 'in', 1)] };
    expect(checkCondition(tree, context(), []).map((i) => i.code)).toEqual(['unknown_fact', 'unknown_operator', 'unknown_condition', 'invalid_operand']);
  });

  it('skips shapes it does not recognise (zod reports those)', () => {
    expect(checkCondition('nonsense', context(), [])).toEqual([]);
    expect(checkCondition({ all: 'x' }, context(), [])).toEqual([]);
    expect(checkCondition({ all: [null, 3, { fact: 1, operator: 2 }] }, context(), [])).toEqual([]);
  });
});

describe('checkNamedConditions', () => {
  it("checks each named condition at ['conditions', name, ...], cycles included", () => {
    const { conditions: _unused, ...ctx } = context();
    const named = {
      self: { condition: 'self' },
      late: { all: [cmp('daysPastDue', 'greaterThen', 30)] },
      a: { all: [{ condition: 'b' }] },
      b: { not: { condition: 'a' } },
    };
    expect(checkNamedConditions(named, ctx).map((i) => [i.code, i.path, i.message])).toEqual([
      ['circular_condition', ['conditions', 'self', 'condition'], "condition 'self' refers back to itself (self → self): it would never finish evaluating"],
      ['unknown_operator', ['conditions', 'late', 'all', 0, 'operator'], "unknown operator 'greaterThen'; did you mean 'greaterThan'?"],
      ['circular_condition', ['conditions', 'a', 'all', 0, 'condition'], "condition 'b' refers back to itself (b → a → b): it would never finish evaluating"],
      ['circular_condition', ['conditions', 'b', 'not', 'condition'], "condition 'a' refers back to itself (a → b → a): it would never finish evaluating"],
    ]);
  });
});

describe('suggest / didYouMean', () => {
  it('finds close names, ignoring case, and nothing when nothing is close', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    // Two neighbouring letters swapped are one edit, not two.
    expect(editDistance('valeu', 'value')).toBe(1);
    expect(editDistance('fcat', 'fact')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(suggest('greaterthan', ['lessThan', 'greaterThan'])).toBe('greaterThan');
    expect(suggest('in', ['notIn', 'equal'])).toBeUndefined();
    expect(suggest('equal', ['equal'])).toBeUndefined();
    expect(didYouMean('balanse', FACT_NAMES)).toBe("; did you mean 'balance'?");
    expect(didYouMean('weather', FACT_NAMES)).toBe('');
  });

  it('breaks ties by candidate order', () => {
    expect(suggest('cat', ['bat', 'hat'])).toBe('bat');
    expect(suggest('cat', ['hat', 'bat'])).toBe('hat');
  });
});
