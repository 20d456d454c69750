import { describe, expect, it } from 'vitest';
import { createEngine, safeParsePolicy } from '../src/index';

/*
 * A `not` over a comparison is read as the negated comparison, where json-rules-engine makes it
 * exactly that: `equal` ↔ `notEqual` and `in` ↔ `notIn` always; `lessThan` ↔
 * `greaterThanInclusive` (and the like) only for a fact that is always a number (typed `number` in
 * the catalogue, read without `path`): for any other value the numeric operators answer false,
 * so their `not` holds. A `not` over an `any` is an `all` of the negated branches. Then the negated
 * comparison contradicts the others as a written one would, and both are named.
 */

const c = (fact: string, operator: string, value: unknown, extra: Record<string, unknown> = {}) => ({ fact, operator, value, ...extra });
const policyWith = (when: unknown) => ({ id: 'p', version: '1', jurisdiction: 'US', actions: { call: { channel: 'phone' } }, rules: [{ id: 'late', when, then: ['call'] }] });

function warningsOf(when: unknown) {
  const r = safeParsePolicy(policyWith(when));
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.warnings.filter((w) => w.code === 'rule_never_fires');
}

describe('not read as the negated comparison', () => {
  it('daysPastDue greaterThan 30 and not daysPastDue greaterThan 10 never hold together, both named', () => {
    expect(warningsOf({ all: [c('daysPastDue', 'greaterThan', 30), { not: c('daysPastDue', 'greaterThan', 10) }] })).toEqual([
      {
        code: 'rule_never_fires',
        path: ['rules', 0, 'when'],
        message: "rule 'late' never fires: `daysPastDue greaterThan 30` and not `daysPastDue greaterThan 10` never hold together (rules[0].when.all[0], rules[0].when.all[1].not): fix one of the two",
      },
    ]);
  });

  it.each([
    ['equal and not equal', [c('legalStage', 'equal', 'litigation'), { not: c('legalStage', 'equal', 'litigation') }]],
    ['notEqual and not notEqual of the same value', [c('disputed', 'notEqual', true), { not: c('disputed', 'notEqual', true) }]],
    ['in and not in the same list', [c('bucket', 'in', ['M1', 'M2']), { not: c('bucket', 'in', ['M1', 'M2', 'M3']) }]],
    ['equal and not notIn a list without it', [c('localWeekday', 'equal', 'sat'), { not: c('localWeekday', 'notIn', ['mon', 'tue']) }]],
    ['not lessThan and lessThan, over whole days', [{ not: c('daysPastDue', 'lessThan', 10) }, c('daysPastDue', 'lessThanInclusive', 9)]],
    ['two negated bounds of a number fact', [{ not: c('localHour', 'lessThan', 20) }, { not: c('localHour', 'greaterThanInclusive', 8) }]],
    ['a not over an any (none of its branches holds)', [c('daysPastDue', 'greaterThan', 30), { not: { any: [c('daysPastDue', 'greaterThan', 10), c('disputed', 'equal', true)] } }]],
    ['not not (the comparison itself)', [c('daysPastDue', 'lessThan', 5), { not: { not: c('daysPastDue', 'greaterThan', 60) } }]],
    ['a not over a named condition', [c('attemptCount', 'greaterThan', 3, { params: { channel: 'phone' } }), { not: { condition: 'tried' } }]],
  ])('%s', (_, all) => {
    const r = safeParsePolicy({ ...policyWith({ all }), conditions: { tried: { any: [c('attemptCount', 'greaterThan', 1, { params: { channel: 'phone' } })] } } });
    expect(r.success && r.warnings.filter((w) => w.code === 'rule_never_fires').map((w) => w.path)).toEqual([['rules', 0, 'when']]);
  });

  it('numeric bounds are negated only for a fact that is always a number: null, an attribute or a path may meet both nots', () => {
    expect(warningsOf({ all: [{ not: c('daysPastDue', 'lessThan', 10) }, { not: c('daysPastDue', 'greaterThan', 5) }] })).toHaveLength(1);
    // daysSinceLastPayment is null without a payment: `null lessThan 10` and `null greaterThan 5` are both false.
    const nullable = { all: [{ not: c('daysSinceLastPayment', 'lessThan', 10) }, { not: c('daysSinceLastPayment', 'greaterThan', 5) }] };
    expect(warningsOf(nullable)).toEqual([]);
    const account = { id: 'A', currency: 'USD', amountDue: 100, dueDate: '2026-01-01', debtor: { timeZone: 'UTC' }, contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }] };
    expect(createEngine(policyWith(nullable)).decide(account, { now: '2026-11-23T12:00:00Z' }).next?.action).toBe('call');
    expect(warningsOf({ all: [{ not: c('attributes.score', 'lessThan', 10) }, { not: c('attributes.score', 'greaterThan', 5) }] })).toEqual([]);
    expect(warningsOf({ all: [{ not: c('attributes.limits', 'lessThan', 10, { path: '$.a' }) }, { not: c('attributes.limits', 'greaterThan', 5, { path: '$.a' }) }] })).toEqual([]);
  });

  it('a not over a one-child all is its child; over an all of several, a decorated or a custom operator it is not read', () => {
    expect(warningsOf({ all: [c('daysPastDue', 'greaterThan', 30), { not: { all: [c('daysPastDue', 'greaterThan', 10)] } }] })).toHaveLength(1);
    expect(warningsOf({ all: [c('daysPastDue', 'greaterThan', 30), { not: { all: [c('daysPastDue', 'greaterThan', 10), c('disputed', 'equal', true)] } }] })).toEqual([]);
    expect(warningsOf({ all: [c('daysPastDue', 'greaterThan', 30), { not: c('daysPastDue', 'not:lessThan', 10) }] })).toEqual([]);
    const custom = safeParsePolicy(policyWith({ all: [c('daysPastDue', 'greaterThan', 30), { not: c('daysPastDue', 'atMost', 10) }] }), { operators: [{ name: 'atMost', cb: (a: number, b: number) => a <= b }] });
    expect(custom.success && custom.warnings.filter((w) => w.code === 'rule_never_fires')).toEqual([]);
  });
});
