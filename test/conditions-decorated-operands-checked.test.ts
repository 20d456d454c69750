import { describe, expect, test } from 'vitest';
import { createEngine, safeParsePolicy } from '../src/index';
import { anAccount } from '../src/testing/index';

/* json-rules-engine's decorators swap or unpack the two sides of a comparison. A comparison that
   would make its operators throw, or can never be true, is refused when the policy is parsed —
   decorated or not — rather than crashing every decision. */

const policy = (when: object) => ({
  id: 'p',
  version: '1',
  jurisdiction: 'CN',
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [when] }, then: ['call'] }],
});
const issues = (when: object) => {
  const r = safeParsePolicy(policy(when));
  return r.success ? [] : r.issues.map((i) => ({ code: i.code, path: i.path.join('.') }));
};
const account = anAccount().inZone('Asia/Shanghai').overdueDays(40, { asOf: '2026-11-23' }).tag('vip').build();

describe('decorated operators are checked like plain ones', () => {
  test.each([
    [{ fact: 'tags', operator: 'someValue:equal', value: 'vip' }, 'invalid_operand'],
    [{ fact: 'tags', operator: 'everyValue:equal', value: 40 }, 'invalid_operand'],
    [{ fact: 'daysPastDue', operator: 'swap:in', value: [40] }, 'invalid_operand'],
    [{ fact: 'daysPastDue', operator: 'someValue:in', value: [1, 2] }, 'invalid_operand'],
    [{ fact: 'daysPastDue', operator: 'not:equal', value: '40' }, 'type_mismatch'],
    [{ fact: 'tags', operator: 'equal', value: 'vip' }, 'type_mismatch'],
  ])('%j is refused (%s)', (when, code) => {
    expect(issues(when).map((i) => i.code)).toEqual([code]);
  });

  test.each([
    { fact: 'tags', operator: 'someFact:equal', value: 'vip' },
    { fact: 'tags', operator: 'contains', value: 'vip' },
    { fact: 'daysPastDue', operator: 'someValue:equal', value: [40, 41] },
    { fact: 'daysPastDue', operator: 'not:in', value: [1, 2] },
    { fact: 'tags', operator: 'swap:in', value: 'vip' },
    { fact: 'daysPastDue', operator: 'not:equal', value: 40 },
    { fact: 'attributes.segment', operator: 'someValue:equal', value: ['a'] },
  ])('%j is accepted and decides', (when) => {
    expect(issues(when)).toEqual([]);
    expect(() => createEngine(policy(when)).decide(account, { now: '2026-11-23T10:00:00+08:00' })).not.toThrow();
  });

  test("an operator that throws on one account's value fails that decision with CONDITION_FAILED, at the comparison", () => {
    const when = { fact: 'attributes.segment', operator: 'swap:in', value: 'a' };
    const engine = createEngine(policy(when));
    const now = '2026-11-23T10:00:00+08:00';
    expect(engine.decide({ ...account, attributes: { segment: 'abc' } }, { now }).next?.action).toBe('call');
    const [failed] = [...engine.decideMany([account], { now })];
    expect(failed).toMatchObject({ ok: false, error: { code: 'CONDITION_FAILED', issues: [{ code: 'invalid_operand', path: ['rules', 0, 'when', 'all', 0] }] } });
    expect(failed?.ok === false && failed.error.message).toContain("fact 'attributes.segment' = undefined (absent)");
  });

  test('a custom operator may not take a built-in name (it would change every condition that uses it)', () => {
    const r = safeParsePolicy(policy({ fact: 'daysPastDue', operator: 'swap:in', value: [40] }), { operators: [{ name: 'in', cb: () => true }] });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]).toMatchObject({ code: 'invalid_operator_name', path: ['operators', 0, 'name'] });
  });
});
