import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  conditionKind,
  conditionSchema,
  SAFE_PATH_PATTERN,
  topLevelConditionSchema,
  type Condition,
  type TopLevelCondition,
} from '../src/conditions';

interface Flat {
  code: string;
  path: PropertyKey[];
  message: string;
}

/**
 * zod reports a failed union as one `invalid_union` holding every alternative's issues. Thanks to
 * the shape guards, exactly one alternative may get past depth 0 (the others fail their guard at
 * the union's own level); this unfolds into that one, and fails the test if there are several.
 */
function unfold(list: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): Flat[] {
  return list.flatMap((issue): Flat[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code !== 'invalid_union') return [{ code: issue.code, path, message: issue.message }];
    const deep = issue.errors.filter((branch) => branch.some((i) => i.path.length > 0));
    if (deep.length > 1) throw new Error(`${deep.length} alternatives got past their guard at ${path.join('.')}`);
    return deep.length === 1 ? unfold(deep[0] ?? [], path) : [{ code: issue.code, path, message: issue.message }];
  });
}

function issues(input: unknown, schema: z.ZodType = topLevelConditionSchema): Flat[] {
  const result = schema.safeParse(input);
  return result.success ? [] : unfold(result.error.issues);
}

describe('topLevelConditionSchema', () => {
  it('accepts every json-rules-engine form', () => {
    const tree: TopLevelCondition = {
      name: 'late and large',
      priority: 2,
      all: [
        { fact: 'daysPastDue', operator: 'greaterThan', value: 30, priority: 3 },
        { any: [{ fact: 'tags', operator: 'contains', value: 'vip' }, { not: { condition: 'disputed' } }] },
        { fact: 'account', path: "$.balances[0]['net amount']", params: { currency: 'EUR' }, operator: 'lessThan', value: { fact: 'limits', path: '$.max', params: { tier: 1 } } },
        { fact: 'x', operator: 'not:in', value: [1, 'a', null, [true]] },
        { fact: 'x', operator: 'equal', value: { nested: { json: [1] } } },
        { condition: 'large', priority: 1 },
      ],
    };
    expect(topLevelConditionSchema.parse(tree)).toEqual(tree);
    expect(topLevelConditionSchema.parse({ condition: 'late' })).toEqual({ condition: 'late' });
    expect(topLevelConditionSchema.parse({ any: [] })).toEqual({ any: [] });
  });

  it('infers the condition types', () => {
    expectTypeOf<TopLevelCondition>().toExtend<Condition>();
    expectTypeOf<{ fact: string; operator: string; value: number }>().toExtend<Condition>();
    // @ts-expect-error: a comparison is not a valid root
    expectTypeOf<{ fact: string; operator: string; value: number }>().toExtend<TopLevelCondition>();
    // @ts-expect-error: `not` takes one condition, not a list
    expectTypeOf<{ not: [] }>().toExtend<Condition>();
  });

  it('refuses a comparison at the root, like json-rules-engine', () => {
    expect(issues({ fact: 'x', operator: 'equal', value: 1 })).toEqual([
      { code: 'invalid_union', path: [], message: 'the root must be all, any, not or condition: wrap a single comparison as { "all": [ ... ] }' },
    ]);
  });

  it('lets only the matching shape report, so a deep problem keeps its own path', () => {
    // The guard names the typo; zod's own 'operator' issue is folded into it by fromZodIssues.
    expect(issues({ all: [{ any: [{ fact: 'x', operater: 'equal', value: 1 }] }] })).toEqual([
      { code: 'unrecognized_keys', path: ['all', 0, 'any', 0], message: "unknown key 'operater'; remove it or check the spelling; did you mean 'operator'?" },
      { code: 'invalid_type', path: ['all', 0, 'any', 0, 'operator'], message: 'Invalid input: expected string, received undefined' },
    ]);
    expect(issues({ all: [{ not: [] }] })).toEqual([
      { code: 'invalid_union', path: ['all', 0, 'not'], message: "expected a condition: an object with 'all', 'any', 'not', 'condition', or 'fact' + 'operator' + 'value'" },
    ]);
  });

  it('reports value-level problems directly at their path', () => {
    expect(issues({ all: [{ fact: 'x', operator: 'equal', value: 1, priority: 0 }] })).toMatchObject([{ code: 'too_small', path: ['all', 0, 'priority'] }]);
    expect(issues({ all: [{ fact: 'x', operator: 'equal', value: 1, path: '$..x' }] })).toMatchObject([{ code: 'invalid_format', path: ['all', 0, 'path'] }]);
    expect(issues({ all: [{ fact: 'x', operator: 'equal', value: { fact: 'y', pth: '$.a' } }] })).toMatchObject([
      { code: 'unrecognized_keys', path: ['all', 0, 'value'] },
    ]);
    expect(issues({ all: [{ fact: 'x', operator: 'equal', value: { fact: 3 } }] })).toMatchObject([{ path: ['all', 0, 'value', 'fact'] }]);
    expect(issues({ all: [{ fact: 'x', operator: 'equal' }] })).toEqual([
      { code: 'invalid_union', path: ['all', 0, 'value'], message: 'a comparison needs a `value` (JSON, or { "fact": ... })' },
    ]);
    expect(issues({ all: [], extra: 1 })).toMatchObject([{ code: 'unrecognized_keys', path: [] }]);
    expect(issues({ not: [] })).toMatchObject([{ path: ['not'] }]);
  });

  it('generates a JSON Schema (input and output)', () => {
    for (const io of ['input', 'output'] as const) {
      const schema = z.toJSONSchema(topLevelConditionSchema, { io }) as { anyOf?: unknown[] };
      expect(schema.anyOf).toHaveLength(4);
      expect(JSON.stringify(schema)).toContain('Evaluation order among siblings');
    }
  });
});

describe('conditionSchema', () => {
  it('accepts a bare comparison in nested position', () => {
    expect(conditionSchema.parse({ fact: 'x', operator: 'equal', value: null })).toEqual({ fact: 'x', operator: 'equal', value: null });
  });

  it('reads shapes in json-rules-engine order: any, all, not, condition, then comparison', () => {
    expect(conditionKind({ all: [], any: [] })).toBe('any');
    expect(conditionKind({ not: {}, condition: 'x' })).toBe('not');
    expect(conditionKind({ condition: 'x', fact: 'y' })).toBe('condition');
    expect(conditionKind({})).toBe('fact');
    expect(conditionKind([])).toBeUndefined();
  });
});

describe('SAFE_PATH_PATTERN', () => {
  it.each(['$', '$.a', '$.a_b.c1', "$['a b']", '$["a-b"]', '$[0]', '$[10].x', "$.a['0'][2]"])('accepts %s', (path) => {
    expect(SAFE_PATH_PATTERN.test(path)).toBe(true);
  });
  it.each(['', 'a', '$.', '$..a', '$.*', '$[*]', '$[-1]', '$[01]', '$[0:1]', '$[?(@.a)]', '$[(1)]', "$['a.b']", "$['a,b']", '$.$', '$.a^', '$.a~', '$.@x'])(
    'rejects %j',
    (path) => {
      expect(SAFE_PATH_PATTERN.test(path)).toBe(false);
    },
  );
});
