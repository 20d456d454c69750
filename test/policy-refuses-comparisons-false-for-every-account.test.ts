import { describe, expect, it } from 'vitest';
import { createOperatorRegistry } from '../src/conditions';
import { formatPath, safeParsePolicy } from '../src/index';

/* docs/errors.md: comparisons that fail for every account are refused when the policy is parsed.
   json-rules-engine's numeric operators check their fact side with parseFloat (false at once for a
   boolean), then compare with JavaScript's `<` (false against a value it reads as NaN);
   `contains` checks that its fact side is an array; `in` and `contains` search with ===. Each
   refusal below is checked against json-rules-engine's own operators: over every value the fact
   can have, the comparison gives one answer. */

const policy = (when: object) => ({
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [when] }, then: ['call_self'] }],
});
const parsed = (comparison: object) => safeParsePolicy(policy(comparison));
const issuesOf = (comparison: object) => {
  const r = parsed(comparison);
  return r.success ? [] : r.issues.map((i) => ({ code: i.code, path: formatPath(i.path), message: i.message }));
};

/** Values each fact can take, to evaluate a comparison over. */
const SAMPLES: Record<string, readonly unknown[]> = {
  daysPastDue: [-10, 0, 1, 30, 31, 45.5, 100_000],
  daysSinceLastAttempt: [null, 0, 3, 400],
  settled: [true, false],
  tags: [[], ['vip'], ['1'], ['a', 'b', '']],
  legalStage: ['none', 'litigation', 'closed'],
  attributes: [{}, { segment: 'prime', score: 7 }],
};
const operators = createOperatorRegistry();
/** The answers json-rules-engine gives, over every sample value of the fact. */
const answers = (fact: string, operator: string, value: unknown) =>
  new Set((SAMPLES[fact] ?? []).map((v) => Boolean(operators.get(operator)?.evaluate(v, value))));

describe('refused, and json-rules-engine agrees it gives one answer for every account', () => {
  it.each([
    // A numeric operator against a value JavaScript reads as NaN.
    [{ fact: 'daysPastDue', operator: 'greaterThan', value: 'abc' }, 'type_mismatch', 'value'],
    [{ fact: 'daysPastDue', operator: 'greaterThan', value: { a: 1 } }, 'type_mismatch', 'value'],
    [{ fact: 'daysPastDue', operator: 'lessThanInclusive', value: [1, 2] }, 'type_mismatch', 'value'],
    [{ fact: 'daysSinceLastAttempt', operator: 'greaterThanInclusive', value: 'x' }, 'type_mismatch', 'value'],
    [{ fact: 'daysPastDue', operator: 'not:lessThan', value: 'abc' }, 'type_mismatch', 'value'],
    // The value is the fact side once swapped: parseFloat('abc') fails, then '12abc' reads as NaN.
    [{ fact: 'daysPastDue', operator: 'swap:lessThan', value: 'abc' }, 'type_mismatch', 'value'],
    [{ fact: 'daysPastDue', operator: 'swap:greaterThan', value: '12abc' }, 'type_mismatch', 'value'],
    // A numeric operator on a fact that is never a number.
    [{ fact: 'settled', operator: 'lessThan', value: 1 }, 'invalid_operand', 'operator'],
    [{ fact: 'attributes', operator: 'greaterThan', value: 1 }, 'invalid_operand', 'operator'],
    // contains / doesNotContain on a fact that is no list (both are false), or of a type the list never holds.
    [{ fact: 'daysPastDue', operator: 'contains', value: 1 }, 'invalid_operand', 'operator'],
    [{ fact: 'legalStage', operator: 'doesNotContain', value: 'closed' }, 'invalid_operand', 'operator'],
    [{ fact: 'tags', operator: 'contains', value: 1 }, 'type_mismatch', 'value'],
    [{ fact: 'tags', operator: 'doesNotContain', value: ['vip'] }, 'type_mismatch', 'value'],
    [{ fact: 'tags', operator: 'swap:in', value: 5 }, 'type_mismatch', 'value'],
    // someFact: / everyFact: iterate over the fact, and answer false when it is no list.
    [{ fact: 'daysPastDue', operator: 'someFact:equal', value: 1 }, 'invalid_operand', 'operator'],
    [{ fact: 'settled', operator: 'everyFact:equal', value: true }, 'invalid_operand', 'operator'],
  ])('%j (%s)', (comparison, code, where) => {
    expect(issuesOf(comparison)).toEqual([{ code, path: `rules[0].when.all[0].${where}`, message: expect.any(String) }]);
    expect(answers(comparison.fact, comparison.operator, comparison.value).size).toBe(1);
  });

  it('a list element of a type the fact never has is refused at the element: it never matches', () => {
    const issues = issuesOf({ fact: 'daysPastDue', operator: 'in', value: [30, '60', 90, null] });
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual(['type_mismatch rules[0].when.all[0].value[1]', 'type_mismatch rules[0].when.all[0].value[3]']);
    expect(issues[0]?.message).toBe("'in' compares the fact 'daysPastDue' (number) with \"60\" (a string) using ===: it never matches");
    expect(answers('daysPastDue', 'in', ['60'])).toEqual(new Set([false]));
    expect(issuesOf({ fact: 'daysPastDue', operator: 'someValue:lessThan', value: [10, 'ten'] }).map((i) => i.path)).toEqual(['rules[0].when.all[0].value[1]']);
  });

  it('messages say why, and what to write instead', () => {
    expect(issuesOf({ fact: 'daysPastDue', operator: 'greaterThan', value: 'abc' })[0]?.message).toBe(
      "'greaterThan' compares the number fact 'daysPastDue' with \"abc\", which is not a number: 'greaterThan' against it is false for every account",
    );
    expect(issuesOf({ fact: 'daysPastDue', operator: 'contains', value: 1 })[0]?.message).toBe(
      "'contains' searches a list, and the fact 'daysPastDue' is number: json-rules-engine checks that first, so 'contains' is false for every account; to compare with one value use 'equal', with several 'in'",
    );
    expect(issuesOf({ fact: 'settled', operator: 'lessThan', value: 1 })[0]?.message).toBe(
      "'lessThan' compares numbers, and the fact 'settled' is boolean, never a number: json-rules-engine checks that first, so 'lessThan' is false for every account",
    );
    expect(issuesOf({ fact: 'tags', operator: 'contains', value: 1 })[0]?.message).toBe(
      "'contains' compares the elements of the fact 'tags' (string) with 1 (a number) using ===: it never matches",
    );
  });

  it('facts of unknown type (attributes.*, a path) and references to facts are left alone', () => {
    expect(issuesOf({ fact: 'tags', operator: 'contains', value: 7 }).map((i) => i.code)).toEqual(['type_mismatch']);
    expect(issuesOf({ fact: 'attributes.score', operator: 'greaterThan', value: 'abc' })).toEqual([]);
    expect(issuesOf({ fact: 'attributes', path: '$.score', operator: 'greaterThan', value: 'abc' })).toEqual([]);
    expect(issuesOf({ fact: 'daysPastDue', operator: 'greaterThan', value: { fact: 'daysSinceLastAttempt' } })).toEqual([]);
    expect(issuesOf({ fact: 'tags', operator: 'contains', value: 'vip' })).toEqual([]);
  });
});

describe('values JavaScript turns into numbers are accepted, with a warning', () => {
  it.each([
    ['30', 30],
    [true, 1],
    [null, 0],
    [[], 0],
  ])('daysPastDue greaterThan %j works as > %d: not refused, but warned', (value, read) => {
    const r = parsed({ fact: 'daysPastDue', operator: 'greaterThan', value });
    expect(r.success && r.warnings).toEqual([
      {
        code: 'coerced_value',
        path: ['rules', 0, 'when', 'all', 0, 'value'],
        message: `'greaterThan' compares the number fact 'daysPastDue' with ${JSON.stringify(value)} (${Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`}), which JavaScript reads as ${read}: write ${read}`,
      },
    ]);
    // Not one answer for every account: refusing it would refuse a policy that works.
    expect(answers('daysPastDue', 'greaterThan', value)).toEqual(new Set([true, false]));
  });

  it('one read as Infinity suggests no number JSON cannot write', () => {
    const r = parsed({ fact: 'daysPastDue', operator: 'lessThan', value: '1e400' });
    expect(r.success && r.warnings.map((w) => w.message)).toEqual([
      `'lessThan' compares the number fact 'daysPastDue' with "1e400" (a string), which JavaScript reads as Infinity: compare with a number the fact can be`,
    ]);
  });
});
