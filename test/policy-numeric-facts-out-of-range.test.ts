import { describe, expect, it } from 'vitest';
import { formatPath, safeParsePolicy } from '../src/index';

/* A number fact with a bounded range (localHour is an integer 0–23, counts are 0 or more) never
   meets a comparison outside it: `localHour equal 24` or `attemptCount lessThan 0` in a block means
   the block never fires. Such a comparison is refused where it is written, as values a string fact
   never takes are; one that every value meets (`localHour lessThan 24`) is harmless and accepted. */

const policy = (when: object) => ({
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call_self'] }],
  compliance: [{ id: 'L', constraints: [{ kind: 'block', id: 'stop', message: 'quiet', when: { all: [when] } }] }],
});
const issuesOf = (when: object) => {
  const r = safeParsePolicy(policy(when));
  return r.success ? [] : r.issues.map((i) => ({ code: i.code, path: formatPath(i.path), message: i.message }));
};
const at = 'compliance[0].constraints[0].when.all[0]';

describe('equal / in against a number the fact never is: unknown_value', () => {
  it.each([
    [{ fact: 'localHour', operator: 'equal', value: 24 }, 'value', "the fact 'localHour' is an integer 0–23, so 'equal' 24 is never true"],
    [{ fact: 'localHour', operator: 'equal', value: 8.5 }, 'value', "the fact 'localHour' is an integer 0–23, so 'equal' 8.5 is never true"],
    [{ fact: 'localHour', operator: 'equal', value: -1 }, 'value', "the fact 'localHour' is an integer 0–23, so 'equal' -1 is never true"],
    [{ fact: 'localMinute', operator: 'equal', value: 60 }, 'value', "the fact 'localMinute' is an integer 0–59, so 'equal' 60 is never true"],
    [{ fact: 'localDayOfMonth', operator: 'equal', value: 32 }, 'value', "the fact 'localDayOfMonth' is an integer 1–31, so 'equal' 32 is never true"],
    [{ fact: 'localDayOfMonth', operator: 'equal', value: 0 }, 'value', "the fact 'localDayOfMonth' is an integer 1–31, so 'equal' 0 is never true"],
    [{ fact: 'daysToMonthEnd', operator: 'swap:equal', value: 31 }, 'value', "the fact 'daysToMonthEnd' is an integer 0–30, so 'swap:equal' 31 is never true"],
    [{ fact: 'attemptCount', operator: 'equal', value: -1 }, 'value', "the fact 'attemptCount' is an integer, 0 or more, so 'equal' -1 is never true"],
    [{ fact: 'daysPastDue', operator: 'equal', value: 1.5 }, 'value', "the fact 'daysPastDue' is an integer, so 'equal' 1.5 is never true"],
    [{ fact: 'daysSinceLastAttempt', operator: 'equal', value: 0.5 }, 'value', "the fact 'daysSinceLastAttempt' is an integer, or null, so 'equal' 0.5 is never true"],
    // As for strings: notEqual to a value the fact never takes is true for every account.
    [{ fact: 'localHour', operator: 'notEqual', value: 24 }, 'value', "the fact 'localHour' is an integer 0–23, so 'notEqual' 24 is always true"],
    [{ fact: 'localHour', operator: 'not:equal', value: 24 }, 'value', "the fact 'localHour' is an integer 0–23, so 'not:equal' 24 is always true"],
  ])('%j', (comparison, where, message) => {
    expect(issuesOf(comparison)).toEqual([{ code: 'unknown_value', path: `${at}.${where}`, message }]);
  });

  it('each element of a list is checked', () => {
    expect(issuesOf({ fact: 'localHour', operator: 'in', value: [25, 26] })).toEqual([
      { code: 'unknown_value', path: `${at}.value[0]`, message: "the fact 'localHour' is an integer 0–23, never 25, so this value never matches" },
      { code: 'unknown_value', path: `${at}.value[1]`, message: "the fact 'localHour' is an integer 0–23, never 26, so this value never matches" },
    ]);
    expect(issuesOf({ fact: 'localHour', operator: 'notIn', value: [22, 23, 24] }).map((i) => i.path)).toEqual([`${at}.value[2]`]);
    expect(issuesOf({ fact: 'localMinute', operator: 'someValue:equal', value: [0, 60] }).map((i) => i.path)).toEqual([`${at}.value[1]`]);
    expect(issuesOf({ fact: 'localHour', operator: 'swap:contains', value: [9, 24] }).map((i) => i.path)).toEqual([`${at}.value[1]`]);
  });
});

describe('a numeric comparison no value of the range meets: never_true', () => {
  it.each([
    [{ fact: 'localHour', operator: 'greaterThan', value: 23 }, "the fact 'localHour' is an integer 0–23, so 'greaterThan' 23 is never true"],
    [{ fact: 'localHour', operator: 'greaterThanInclusive', value: 23.5 }, "the fact 'localHour' is an integer 0–23, so 'greaterThanInclusive' 23.5 is never true"],
    [{ fact: 'attemptCount', operator: 'lessThan', value: 0 }, "the fact 'attemptCount' is an integer, 0 or more, so 'lessThan' 0 is never true"],
    [{ fact: 'totalPaid', operator: 'lessThanInclusive', value: -1 }, "the fact 'totalPaid' is an integer, 0 or more, so 'lessThanInclusive' -1 is never true"],
    [{ fact: 'localMinuteOfDay', operator: 'greaterThanInclusive', value: 1440 }, "the fact 'localMinuteOfDay' is an integer 0–1439, so 'greaterThanInclusive' 1440 is never true"],
    [{ fact: 'localDayOfMonth', operator: 'lessThan', value: 1 }, "the fact 'localDayOfMonth' is an integer 1–31, so 'lessThan' 1 is never true"],
    // not: makes an always-true comparison never true.
    [{ fact: 'localHour', operator: 'not:lessThan', value: 24 }, "the fact 'localHour' is an integer 0–23, so 'not:lessThan' 24 is never true"],
    // swap: puts the value first: 23 < localHour.
    [{ fact: 'localHour', operator: 'swap:lessThan', value: 23 }, "the fact 'localHour' is an integer 0–23, so 'swap:lessThan' 23 (23 < localHour) is never true"],
    [{ fact: 'attemptsToday', operator: 'swap:greaterThan', value: 0 }, "the fact 'attemptsToday' is an integer, 0 or more, so 'swap:greaterThan' 0 (0 > attemptsToday) is never true"],
    [{ fact: 'localHour', operator: 'not:swap:greaterThan', value: 24 }, "the fact 'localHour' is an integer 0–23, so 'not:swap:greaterThan' 24 (24 > localHour) is never true"],
    // A value JavaScript's `<` reads as a number is read so: coerced, it is still never true.
    [{ fact: 'localHour', operator: 'greaterThan', value: '23' }, "the fact 'localHour' is an integer 0–23, so 'greaterThan' \"23\" (read as 23) is never true"],
    [{ fact: 'amountDue', operator: 'lessThan', value: null }, "the fact 'amountDue' is an integer, 0 or more, so 'lessThan' null (read as 0) is never true"],
    [{ fact: 'daysPastDue', operator: 'greaterThan', value: '1e400' }, "the fact 'daysPastDue' is an integer, so 'greaterThan' \"1e400\" (read as Infinity) is never true"],
  ])('%j', (comparison, message) => {
    expect(issuesOf(comparison)).toEqual([{ code: 'never_true', path: `${at}.value`, message }]);
  });
});

describe('comparisons some value meets, or every value meets, are accepted', () => {
  it.each([
    { fact: 'localHour', operator: 'equal', value: 23 },
    { fact: 'localHour', operator: 'equal', value: 0 },
    { fact: 'localHour', operator: 'in', value: [0, 12, 23] },
    { fact: 'localHour', operator: 'lessThan', value: 24 }, // always true: harmless
    { fact: 'localHour', operator: 'greaterThan', value: 22.5 },
    { fact: 'localHour', operator: 'greaterThanInclusive', value: 23 },
    { fact: 'localHour', operator: 'not:greaterThan', value: 23 }, // always true
    { fact: 'localHour', operator: 'swap:greaterThan', value: 23 }, // 23 > localHour
    { fact: 'attemptCount', operator: 'equal', value: 0 },
    { fact: 'attemptCount', operator: 'greaterThanInclusive', value: 0 }, // always true
    { fact: 'attemptCount', operator: 'lessThanInclusive', value: 0 },
    { fact: 'localMinute', operator: 'equal', value: 59 },
    { fact: 'localMinuteOfDay', operator: 'equal', value: 1439 },
    { fact: 'localDayOfMonth', operator: 'equal', value: 31 },
    { fact: 'daysToMonthEnd', operator: 'equal', value: 30 },
    { fact: 'daysPastDue', operator: 'lessThan', value: -5 }, // negative before the due date
    { fact: 'daysPastDue', operator: 'equal', value: -5 },
    { fact: 'daysUntilPromise', operator: 'lessThan', value: 0 }, // a promise given as open, past its date
    { fact: 'daysSinceLastAttempt', operator: 'lessThan', value: 0 }, // a zone's clock going back over midnight
    { fact: 'daysSinceLastAttempt', operator: 'equal', value: null },
    { fact: 'localHour', operator: 'equal', value: { fact: 'localMinute' } }, // references are left alone
  ])('%j', (comparison) => {
    expect(issuesOf(comparison)).toEqual([]);
  });

  it('someValue: / everyValue: numeric forms are left alone', () => {
    expect(issuesOf({ fact: 'localHour', operator: 'someValue:greaterThan', value: [30, 40] })).toEqual([]);
  });

  it('a number written as a string is a type mismatch, not reported twice', () => {
    expect(issuesOf({ fact: 'localHour', operator: 'equal', value: '24' }).map((i) => i.code)).toEqual(['type_mismatch']);
  });
});
