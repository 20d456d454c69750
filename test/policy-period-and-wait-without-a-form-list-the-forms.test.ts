import { describe, expect, it } from 'vitest';
import { safeParsePolicy } from '../src/index';

const withConstraint = (constraint: unknown) => ({ id: 'p', version: '1', jurisdiction: 'US', compliance: [{ id: 'L', constraints: [constraint] }] });
const at = (key: string) => ['compliance', 0, 'constraints', 0, key];
const PERIODS = '{ "rolling": "P7D" }, { "calendar": "day" | "week" | "month" } or { "calendarDays": 7 }';
const WAITS = '{ "duration": "P2D" } or { "calendarDays": 7 }';

function issuesOf(constraint: unknown) {
  const result = safeParsePolicy(withConstraint(constraint));
  expect(result.success).toBe(false);
  return result.success ? [] : result.issues;
}

describe("a cap's period or a cool-down's wait with the key of no form lists the forms", () => {
  it.each([{}, { weekStartsOn: 'sun' }])('period %j', (period) => {
    expect(issuesOf({ kind: 'cap', id: 'c', max: 3, period })).toEqual([{ code: 'invalid_union', path: at('period'), message: `has the key of none of the forms: must be one of ${PERIODS}` }]);
  });

  it('wait {}', () => {
    expect(issuesOf({ kind: 'cooldown', id: 'cd', wait: {} })).toEqual([{ code: 'invalid_union', path: at('wait'), message: `has the key of none of the forms: must be one of ${WAITS}` }]);
  });

  it('a form with a wrong value is still told about that value', () => {
    expect(issuesOf({ kind: 'cap', id: 'c', max: 3, period: { calendar: 'fortnight' } }).map((i) => [i.code, i.path])).toEqual([['invalid_value', [...at('period'), 'calendar']]]);
  });
});
