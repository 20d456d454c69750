import { describe, expect, it } from 'vitest';
import { formatPath, safeParsePolicy, type Issue } from '../src/index';

const base = { id: 'p', version: '1', jurisdiction: 'US', actions: { sms: { channel: 'sms' } } };
const withWhen = (when: unknown, extra: object = {}): unknown => ({ ...base, ...extra, rules: [{ id: 'r', when, then: ['sms'] }] });
const all = (...conditions: unknown[]): unknown => ({ all: conditions });
const AT = ['rules', 0, 'when', 'all', 0];

function issuesOf(input: unknown, options = {}): readonly Issue[] {
  const result = safeParsePolicy(input, options);
  if (result.success) throw new Error('expected the policy to be refused');
  return result.issues;
}

describe('unknown_fact', () => {
  it('a fact outside the catalogue, with a did-you-mean', () => {
    expect(issuesOf(withWhen(all({ fact: 'dayPastDue', operator: 'greaterThan', value: 30 })))).toEqual([
      { code: 'unknown_fact', path: [...AT, 'fact'], message: "unknown fact 'dayPastDue'; did you mean 'daysPastDue'?" },
    ]);
  });

  it('a fact referenced as a value', () => {
    expect(issuesOf(withWhen(all({ fact: 'amountDue', operator: 'greaterThan', value: { fact: 'overdueAmmount' } })))).toEqual([
      { code: 'unknown_fact', path: [...AT, 'value', 'fact'], message: "unknown fact 'overdueAmmount'; did you mean 'overdueAmount'?" },
    ]);
  });

  it('in a named condition and in a block', () => {
    const extra = {
      conditions: { late: all({ fact: 'daysPastDeu', operator: 'greaterThan', value: 30 }) },
      compliance: [{ id: 'L', constraints: [{ kind: 'block', id: 'b', message: 'm', when: all({ fact: 'deceasd', operator: 'equal', value: true }) }] }],
    };
    expect(issuesOf(withWhen(all({ condition: 'late' }), extra))).toEqual([
      { code: 'unknown_fact', path: ['conditions', 'late', 'all', 0, 'fact'], message: "unknown fact 'daysPastDeu'; did you mean 'daysPastDue'?" },
      { code: 'unknown_fact', path: ['compliance', 0, 'constraints', 0, 'when', 'all', 0, 'fact'], message: "unknown fact 'deceasd'; did you mean 'deceased'?" },
    ]);
  });

  it('accepts attributes.<key> and the attributes object with a path', () => {
    const when = all({ fact: 'attributes.segment', operator: 'equal', value: 'retail' }, { fact: 'attributes', path: '$.score', operator: 'greaterThan', value: 600 });
    expect(safeParsePolicy(withWhen(when)).success).toBe(true);
  });
});

describe('unknown_operator', () => {
  it('with a did-you-mean', () => {
    expect(issuesOf(withWhen(all({ fact: 'daysPastDue', operator: 'greaterThen', value: 30 })))).toEqual([
      { code: 'unknown_operator', path: [...AT, 'operator'], message: "unknown operator 'greaterThen'; did you mean 'greaterThan'?" },
    ]);
  });

  it('with decorators, fixed part by part', () => {
    expect(issuesOf(withWhen(all({ fact: 'daysPastDue', operator: 'nott:lessThen', value: 30 })))[0]?.message).toBe(
      "unknown operator 'nott:lessThen'; did you mean 'not:lessThan'?",
    );
  });

  it('lists the operators when nothing is close', () => {
    const [issue] = issuesOf(withWhen(all({ fact: 'daysPastDue', operator: 'divisibleBy', value: 2 })));
    expect(issue).toMatchObject({ code: 'unknown_operator', path: [...AT, 'operator'] });
    expect(issue?.message).toContain('operators are equal, notEqual, in, notIn');
  });

  it('knows the custom operators given to parsePolicy', () => {
    const divisibleBy = { name: 'divisibleBy', cb: (a: number, b: number) => a % b === 0 };
    expect(safeParsePolicy(withWhen(all({ fact: 'daysPastDue', operator: 'not:divisibleBy', value: 2 })), { operators: [divisibleBy] }).success).toBe(true);
  });
});

describe('unknown_condition and circular_condition', () => {
  it('a reference to a condition that is not defined', () => {
    expect(issuesOf(withWhen(all({ condition: 'noOpenPromis' }), { conditions: { noOpenPromise: all() } }))).toEqual([
      { code: 'unknown_condition', path: [...AT, 'condition'], message: expect.stringMatching(/^unknown named condition 'noOpenPromis'.*did you mean 'noOpenPromise'\?/) },
    ]);
  });

  it('reads as one sentence: the hint comes last, no "?;"', () => {
    expect(issuesOf(withWhen(all({ condition: 'noOpenPromis' }), { conditions: { noOpenPromise: all() } }))[0]?.message).toBe(
      "unknown named condition 'noOpenPromis'; define it under `conditions`; did you mean 'noOpenPromise'?",
    );
  });

  it('named conditions referring to each other in a cycle, reported at every reference on it', () => {
    const conditions = { a: all({ condition: 'b' }), b: { not: { condition: 'a' } } };
    expect(issuesOf(withWhen(all({ fact: 'settled', operator: 'equal', value: false }), { conditions }))).toEqual([
      { code: 'circular_condition', path: ['conditions', 'a', 'all', 0, 'condition'], message: "condition 'b' refers back to itself (b → a → b): it would never finish evaluating" },
      { code: 'circular_condition', path: ['conditions', 'b', 'not', 'condition'], message: "condition 'a' refers back to itself (a → b → a): it would never finish evaluating" },
    ]);
  });

  it('a condition referring to itself', () => {
    expect(issuesOf(withWhen(all(), { conditions: { loop: all({ condition: 'loop' }) } }))).toEqual([
      { code: 'circular_condition', path: ['conditions', 'loop', 'all', 0, 'condition'], message: "condition 'loop' refers back to itself (loop → loop): it would never finish evaluating" },
    ]);
  });
});

describe('invalid_operand', () => {
  it.each(['in', 'notIn', 'not:in'])("'%s' against something that is not a list", (operator) => {
    expect(issuesOf(withWhen(all({ fact: 'bucket', operator, value: 'M1' })))).toEqual([
      { code: 'invalid_operand', path: [...AT, 'value'], message: expect.stringContaining(`'${operator}' compares against a list: give an array`) },
    ]);
  });

  it('accepts a list, a fact reference, and swap:in (the fact is the list)', () => {
    const when = all(
      { fact: 'bucket', operator: 'in', value: ['M1', 'M2'] },
      { fact: 'bucket', operator: 'in', value: { fact: 'tags' } },
      { fact: 'tags', operator: 'swap:in', value: 'vip' },
    );
    expect(safeParsePolicy(withWhen(when)).success).toBe(true);
  });
});

describe('invalid_params', () => {
  it('attemptCount with a bad duration and an unknown channel', () => {
    const issues = issuesOf(withWhen(all({ fact: 'attemptCount', params: { within: 'P1X', channel: 'fax' }, operator: 'lessThan', value: 3 })));
    expect(issues.map((i) => i.code)).toEqual(['invalid_params', 'invalid_params']);
    const [within, channel] = issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
    for (const text of [within, channel]) expect(text).toMatch(/^rules\[0\]\.when.*fact 'attemptCount' params/);
    expect(within).toContain('within');
    expect(within).toContain('"P1X" is not an ISO 8601 duration like "P7D"');
    expect(channel).toContain('channel');
  });

  it('attemptCount with an unknown param, and a fact missing its required params', () => {
    expect(issuesOf(withWhen(all({ fact: 'attemptCount', params: { chanel: 'sms' }, operator: 'lessThan', value: 3 })))).toEqual([
      expect.objectContaining({ code: 'invalid_params', message: expect.stringContaining("'chanel'") }),
    ]);
    expect(issuesOf(withWhen(all({ fact: 'daysSinceLastAction', operator: 'greaterThan', value: 7 })))).toEqual([expect.objectContaining({ code: 'invalid_params' })]);
  });

  it('accepts good params', () => {
    const when = all(
      { fact: 'attemptCount', params: { within: 'P7D', channel: ['phone', 'sms'], outcome: 'no_answer' }, operator: 'lessThan', value: 3 },
      { fact: 'attemptCount', params: { within: { calendarDays: 7 } }, operator: 'lessThan', value: 7 },
      { fact: 'daysSinceFlag', params: { flag: 'disputed' }, operator: 'greaterThan', value: 30 },
    );
    expect(safeParsePolicy(withWhen(when)).success).toBe(true);
  });

  it('points at the param that is wrong', () => {
    expect(issuesOf(withWhen(all({ fact: 'attemptCount', params: { within: 'P1X' }, operator: 'lessThan', value: 3 })))).toEqual([
      { code: 'invalid_params', path: [...AT, 'params', 'within'], message: 'fact \'attemptCount\' params.within: "P1X" is not an ISO 8601 duration like "P7D", "PT30M" or "P1M2DT3H"' },
    ]);
  });

  it('points into the params of a { fact } value, of a block condition, and at a required param that is missing', () => {
    const block = { kind: 'block', id: 'b', message: 'm', when: all({ fact: 'daysSinceFlag', params: { flag: 'desceased' }, operator: 'lessThan', value: 30 }) };
    const when = all(
      { fact: 'amountDue', operator: 'greaterThan', value: { fact: 'attemptCount', params: { within: 'P1X' } } },
      { fact: 'daysSinceLastAction', operator: 'greaterThan', value: 7 },
    );
    expect(issuesOf(withWhen(when, { compliance: [{ id: 'L', constraints: [block] }] })).map((i) => [i.code, formatPath(i.path)])).toEqual([
      ['invalid_params', 'rules[0].when.all[0].value.params.within'],
      ['invalid_params', 'rules[0].when.all[1].params.action'],
      ['invalid_params', 'compliance[0].constraints[0].when.all[0].params.flag'],
    ]);
  });

  it('reports a named condition at its definition, once, however many rules use it', () => {
    const conditions = { recent: all({ fact: 'attemptCount', params: { within: 'P1X' }, operator: 'lessThan', value: 3 }) };
    const policy = { ...base, conditions, rules: [{ id: 'r', when: all({ condition: 'recent' }), then: ['sms'] }, { id: 's', when: { not: { condition: 'recent' } }, then: ['sms'] }] };
    expect(issuesOf(policy)).toEqual([
      expect.objectContaining({ code: 'invalid_params', path: ['conditions', 'recent', 'all', 0, 'params', 'within'] }),
    ]);
  });
});

describe('condition_too_deep', () => {
  it('a tree nested deeper than 32 levels', () => {
    let when: unknown = { fact: 'settled', operator: 'equal', value: false };
    for (let i = 0; i < 33; i++) when = all(when);
    const [issue] = issuesOf(withWhen(when));
    expect(issue).toMatchObject({ code: 'condition_too_deep', message: 'conditions nest deeper than 32 levels (limits.maxConditionDepth); flatten them, move branches into named conditions, or raise the limit' });
    expect(issue?.path.slice(0, 3)).toEqual(['rules', 0, 'when']);
  });
});
