import { Operator } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { ArrearsError, composePoliciesWith, createEngine, parsePolicy, safeParsePolicy } from '../src/index';

/*
 * json-rules-engine's addOperator takes any name and the last one wins. A custom operator named
 * like a built-in would silently replace it in every condition (a rule `greaterThan 1000` firing
 * for an account 53 days past due); a name given twice drops the first; a name with ':' could
 * never be called (':' separates decorators). Each is refused: OPTIONS_INVALID at the name.
 */

const policy = {
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'late', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 1000 }] }, then: ['call'] }],
};
const yes = () => true;

const refusal = (options: { operators: readonly unknown[] }) => {
  const r = safeParsePolicy(policy, options as Parameters<typeof safeParsePolicy>[1]);
  return r.success ? null : { code: r.code, issues: r.issues.map((i) => ({ code: i.code, path: i.path, message: i.message })) };
};

describe('custom operator names', () => {
  it.each(['greaterThan', 'equal', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThanInclusive'])("'%s' (a built-in) is refused: it would replace json-rules-engine's own", (name) => {
    expect(refusal({ operators: [{ name, cb: yes }] })).toEqual({
      code: 'OPTIONS_INVALID',
      issues: [
        {
          code: 'invalid_operator_name',
          path: ['operators', 0, 'name'],
          message: `'${name}' is json-rules-engine's own operator: a custom one of that name would silently replace it in every condition; give yours another name (e.g. '${name}Custom')`,
        },
      ],
    });
  });

  it('an Operator instance with a built-in name is refused too, and createEngine throws before the built-in is ever replaced', () => {
    const always = new Operator('greaterThan', () => true);
    expect(refusal({ operators: [always] })?.issues[0]).toMatchObject({ code: 'invalid_operator_name', path: ['operators', 0, 'name'] });
    let thrown: unknown;
    try {
      createEngine(policy, { operators: [always] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ArrearsError);
    expect(thrown).toMatchObject({ code: 'OPTIONS_INVALID', issues: [{ code: 'invalid_operator_name', path: ['operators', 0, 'name'] }] });
    // Without it, the rule means what it says: 53 days past due is not over 1000.
    const account = { id: 'A', currency: 'USD', amountDue: 100, dueDate: '2026-10-01', debtor: { timeZone: 'UTC' }, contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }] };
    expect(createEngine(policy).decide(account, { now: '2026-11-23T12:00:00Z' }).next).toBeNull();
  });

  it('a name given twice is refused at the second, naming the first', () => {
    const ops = [
      { name: 'divisibleBy', cb: (a: number, b: number) => a % b === 0 },
      { name: 'startsWith', cb: yes },
      { name: 'divisibleBy', cb: yes },
    ];
    expect(refusal({ operators: ops })).toEqual({
      code: 'OPTIONS_INVALID',
      issues: [
        {
          code: 'invalid_operator_name',
          path: ['operators', 2, 'name'],
          message: "'divisibleBy' is also the name of operators[0]: only the last would be used; give each operator its own name",
        },
      ],
    });
  });

  it("a name with ':' is refused; one that starts with a decorator says how to write it", () => {
    const found = refusal({ operators: [{ name: 'not:x', cb: yes }, { name: 'a:b', cb: yes }] });
    expect(found?.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['operators.0.name', 'invalid_operator_name'],
      ['operators.1.name', 'invalid_operator_name'],
    ]);
    expect(found?.issues[0]?.message).toBe(
      "'not:x' contains ':', which separates decorators from operators in a condition ('not:equal'), so it could never be called as written; use letters, digits or '_' ('not:' is a decorator: register 'x' and write 'not:x' in the policy)",
    );
    expect(found?.issues[1]?.message).not.toContain('decorator: register');
  });

  it('every entry point that takes operators refuses them the same way', () => {
    const bad = { operators: [{ name: 'equal', cb: yes }] };
    expect(() => parsePolicy(policy, bad)).toThrow(expect.objectContaining({ code: 'OPTIONS_INVALID' }));
    expect(() => composePoliciesWith(bad, policy)).toThrow(ArrearsError);
  });

  it('distinct new names are accepted, and usable decorated', () => {
    const ops = [
      { name: 'divisibleBy', cb: (a: number, b: number) => a % b === 0 },
      new Operator('startsWith', (a: string, b: string) => a.startsWith(b)),
    ];
    const uses = { ...policy, rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'not:divisibleBy', value: 7 }] }, then: ['call'] }] };
    expect(safeParsePolicy(uses, { operators: ops }).success).toBe(true);
  });
});
