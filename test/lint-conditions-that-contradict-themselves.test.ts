import { describe, expect, it } from 'vitest';
import { createEngine, safeParsePolicy } from '../src/index';

/*
 * A rule whose `when` has two comparisons of one fact that no value meets together never fires
 * (a block so written never holds), whatever the account: `rule_never_fires` /
 * `constraint_never_applies`, naming both comparisons. Only json-rules-engine's own operators
 * against literals are read; decorators and `{ fact }` values end the reading. (`not`, and a
 * comparison no value meets on its own, have their own files: lint-not-*, lint-a-comparison-*.)
 */

const c = (fact: string, operator: string, value: unknown, extra: Record<string, unknown> = {}) => ({ fact, operator, value, ...extra });

function warningsOf(when: unknown, conditions?: Record<string, unknown>) {
  const r = safeParsePolicy({
    id: 'p',
    version: '1',
    jurisdiction: 'US',
    ...(conditions === undefined ? {} : { conditions }),
    actions: { call: { channel: 'phone' } },
    rules: [{ id: 'late', when, then: ['call'] }],
  });
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.warnings.filter((w) => w.code === 'rule_never_fires');
}

describe('rules that never fire', () => {
  it.each([
    ['a number range that is empty', [c('daysPastDue', 'greaterThan', 30), c('daysPastDue', 'lessThan', 10)], '`daysPastDue greaterThan 30` and `daysPastDue lessThan 10`'],
    ['an empty range over whole days (> 30 and < 31)', [c('daysPastDue', 'greaterThan', 30), c('daysPastDue', 'lessThan', 31)], '`daysPastDue greaterThan 30` and `daysPastDue lessThan 31`'],
    ['a flag both true and false', [c('disputed', 'equal', true), c('disputed', 'equal', false)], '`disputed equal true` and `disputed equal false`'],
    ['a value outside the list', [c('bucket', 'in', ['M1', 'M2']), c('bucket', 'equal', 'M4')], '`bucket in ["M1","M2"]` and `bucket equal "M4"`'],
    ['two lists that do not meet', [c('localWeekday', 'in', ['sat', 'sun']), c('localWeekday', 'notIn', ['sat', 'sun', 'fri'])], '`localWeekday in ["sat","sun"]` and `localWeekday notIn ["sat","sun","fri"]`'],
    ['equal and notEqual the same', [c('legalStage', 'equal', 'litigation'), c('legalStage', 'notEqual', 'litigation')], '`legalStage equal "litigation"` and `legalStage notEqual "litigation"`'],
    ['a point outside a bound', [c('localHour', 'equal', 9), c('localHour', 'greaterThanInclusive', 10)], '`localHour equal 9` and `localHour greaterThanInclusive 10`'],
  ])('%s', (_, all, both) => {
    expect(warningsOf({ all })).toEqual([
      { code: 'rule_never_fires', path: ['rules', 0, 'when'], message: `rule 'late' never fires: ${both} never hold together (rules[0].when.all[0], rules[0].when.all[1]): fix one of the two` },
    ]);
  });

  it('finds them through nested all, named conditions and an any whose every branch never holds', () => {
    expect(warningsOf({ all: [{ condition: 'late' }, c('daysPastDue', 'lessThan', 5)] }, { late: { all: [c('daysPastDue', 'greaterThan', 60)] } })[0]?.message).toContain(
      '(conditions.late.all[0], rules[0].when.all[1])',
    );
    expect(warningsOf({ all: [{ all: [c('daysPastDue', 'greaterThan', 60)] }, c('daysPastDue', 'lessThanInclusive', 60)] })).toHaveLength(1);
    const never = { all: [c('disputed', 'equal', true), c('disputed', 'equal', false)] };
    expect(warningsOf({ all: [c('daysPastDue', 'greaterThan', 0), { any: [never, { all: [c('localHour', 'lessThan', 5), c('localHour', 'greaterThan', 20)] }] }] })).toHaveLength(1);
  });

  it('reads each named condition once, however often a chain refers to it (10 references × 8 levels)', () => {
    const conditions: Record<string, unknown> = { c0: { all: [c('daysPastDue', 'greaterThan', 30), c('daysPastDue', 'lessThan', 10)] } };
    for (let i = 1; i < 9; i++) conditions[`c${i}`] = { all: Array.from({ length: 10 }, () => ({ condition: `c${i - 1}` })) };
    // Read 10^8 times, this would not end within the test's timeout.
    expect(warningsOf({ all: [{ condition: 'c8' }] }, conditions)[0]?.message).toContain('(conditions.c0.all[0], conditions.c0.all[1])');
  });

  it.each([
    ['a range with room (>= 30 and <= 30)', { all: [c('daysPastDue', 'greaterThanInclusive', 30), c('daysPastDue', 'lessThanInclusive', 30)] }],
    ['(> 30 and < 31) on a fact that is not whole', { all: [c('attributes.score', 'greaterThan', 30), c('attributes.score', 'lessThan', 31)] }],
    ['lists that share a value', { all: [c('bucket', 'in', ['M1', 'M2']), c('bucket', 'in', ['M2', 'M4'])] }],
    ['the same fact with other params', { all: [c('attemptCount', 'greaterThan', 3, { params: { channel: 'phone' } }), c('attemptCount', 'lessThan', 1, { params: { channel: 'sms' } })] }],
    ['the same fact through other paths', { all: [c('attributes.limits', 'equal', 1, { path: '$.a' }), c('attributes.limits', 'equal', 2, { path: '$.b' })] }],
    ['an any with one branch that may hold', { any: [{ all: [c('disputed', 'equal', true), c('disputed', 'equal', false)] }, c('daysPastDue', 'greaterThan', 1)] }],
    ['a decorated operator (not read)', { all: [c('daysPastDue', 'not:lessThan', 30), c('daysPastDue', 'lessThan', 10)] }],
    ['a { fact } value (not read)', { all: [c('daysPastDue', 'greaterThan', { fact: 'contactCount' }), c('daysPastDue', 'lessThan', 0)] }],
  ])('not for %s', (_, when) => {
    expect(warningsOf(when)).toEqual([]);
  });

  it('a range only a string meets is left alone (a numeric string reads as a number)', () => {
    expect(warningsOf({ all: [c('attributes.code', 'in', [5, '20']), c('attributes.code', 'greaterThan', 10)] })).toEqual([]);
  });
});

describe('blocks that never hold', () => {
  it('warn constraint_never_applies at the block’s when, and indeed never block', () => {
    const policy = {
      id: 'p',
      version: '1',
      jurisdiction: 'US',
      actions: { call: { channel: 'phone' } },
      rules: [{ id: 'r', when: { all: [c('daysPastDue', 'greaterThan', 0)] }, then: ['call'] }],
      compliance: [{ id: 'l', constraints: [{ kind: 'block', id: 'early-and-late', code: 'BLOCKED', message: 'no', when: { all: [c('daysPastDue', 'lessThan', 5), c('daysPastDue', 'greaterThan', 90)] } }] }],
    };
    const r = safeParsePolicy(policy);
    expect(r.success && r.warnings.filter((w) => w.code === 'constraint_never_applies')).toEqual([
      {
        code: 'constraint_never_applies',
        path: ['compliance', 0, 'constraints', 0, 'when'],
        message: "block 'early-and-late' never holds: `daysPastDue lessThan 5` and `daysPastDue greaterThan 90` never hold together (compliance[0].constraints[0].when.all[0], compliance[0].constraints[0].when.all[1]): fix one of the two",
      },
    ]);
    const account = { id: 'A', currency: 'USD', amountDue: 100, dueDate: '2026-01-01', debtor: { timeZone: 'UTC' }, contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }] };
    expect(createEngine(policy).decide(account, { now: '2026-11-23T12:00:00Z' }).next?.action).toBe('call');
  });
});
