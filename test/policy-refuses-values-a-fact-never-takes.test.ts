import { describe, expect, it } from 'vitest';
import { checkConditionValues, oneOf } from '../src/conditions/values';
import { ArrearsError, composePolicies, formatPath, parsePolicy, presets, safeParsePolicy } from '../src/index';

/* A fact whose values are a closed list (legalStage, localWeekday, lastOutcome, bucket) or a format
   (currency, jurisdiction, dates, instants) never equals anything else: `legalStage equal
   'litigaton'` in a block means the block never fires, and the account in litigation is called.
   Such a value is refused where it is written, with a "did you mean". */

const policy = (when: object, extra: Record<string, unknown> = {}) => ({
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call_self'] }],
  compliance: [{ id: 'L', constraints: [{ kind: 'block', id: 'stop', message: 'in court', when: { all: [when] } }] }],
  ...extra,
});
const issuesOf = (input: unknown) => {
  const r = safeParsePolicy(input);
  return r.success ? [] : r.issues.map((i) => ({ code: i.code, path: formatPath(i.path), message: i.message }));
};
const at = 'compliance[0].constraints[0].when.all[0]';

describe('a value outside a closed list is refused, with a did-you-mean', () => {
  it.each([
    [{ fact: 'legalStage', operator: 'equal', value: 'litigaton' }, 'value', 'litigation'],
    [{ fact: 'localWeekday', operator: 'equal', value: 'Sun' }, 'value', 'sun'],
    [{ fact: 'localWeekday', operator: 'equal', value: 'monday' }, 'value', 'mon'],
    [{ fact: 'localWeekday', operator: 'in', value: ['Mon', 'tue'] }, 'value[0]', 'mon'],
    [{ fact: 'lastOutcome', operator: 'equal', value: 'no_anwser' }, 'value', 'no_answer'],
    [{ fact: 'currency', operator: 'equal', value: 'usd' }, 'value', 'USD'],
    [{ fact: 'jurisdiction', operator: 'notIn', value: ['US-MA', 'us-ny'] }, 'value[1]', 'US-NY'],
    [{ fact: 'localDate', operator: 'equal', value: '2026-1-5' }, 'value', '2026-01-05'],
    [{ fact: 'lastAttemptAt', operator: 'equal', value: '2026-11-23T10:00:00+08:00' }, 'value', '2026-11-23T02:00:00Z'],
  ])('%j', (comparison, where, meant) => {
    const issues = issuesOf(policy(comparison));
    expect(issues).toEqual([{ code: 'unknown_value', path: `${at}.${where}`, message: expect.stringContaining(`; did you mean '${meant}'?`) }]);
    expect(issues[0]?.message).toMatch(new RegExp(`^the fact '${comparison.fact}' is never `));
  });

  it('says what the fact takes, and whether the comparison is never or always true', () => {
    expect(issuesOf(policy({ fact: 'legalStage', operator: 'equal', value: 'litigaton' }))).toEqual([
      {
        code: 'unknown_value',
        path: `${at}.value`,
        message:
          "the fact 'legalStage' is never \"litigaton\": it is one of none, pre_legal, lawyer_letter, litigation, judgment, enforcement, closed, so this comparison is never true; did you mean 'litigation'?",
      },
    ]);
    // notEqual to a value the fact never takes is true for every account: never what was meant.
    expect(issuesOf(policy({ fact: 'legalStage', operator: 'notEqual', value: 'litigaton' }))[0]?.message).toContain('so this comparison is always true');
    expect(issuesOf(policy({ fact: 'legalStage', operator: 'not:equal', value: 'litigaton' }))[0]?.message).toContain('so this comparison is always true');
    expect(issuesOf(policy({ fact: 'localWeekday', operator: 'in', value: ['sat', 'Sun'] }))[0]?.message).toContain('so this value never matches');
  });

  it('the account in litigation is no longer called: the policy does not parse', () => {
    expect(() => parsePolicy(policy({ fact: 'legalStage', operator: 'equal', value: 'litigaton' }))).toThrow(ArrearsError);
    expect(() => parsePolicy(policy({ fact: 'legalStage', operator: 'equal', value: 'litigation' }))).not.toThrow();
  });

  it('every element of a list is checked, and values the fact takes, null and references are left alone', () => {
    expect(issuesOf(policy({ fact: 'lastOutcome', operator: 'in', value: ['no_answer', 'voicemal', null, 'busy', 'Busy'] })).map((i) => i.path)).toEqual([
      `${at}.value[1]`,
      `${at}.value[4]`,
    ]);
    expect(issuesOf(policy({ fact: 'lastOutcome', operator: 'equal', value: null }))).toEqual([]);
    expect(issuesOf(policy({ fact: 'localWeekday', operator: 'equal', value: { fact: 'localWeekday' } }))).toEqual([]);
    expect(issuesOf(policy({ fact: 'currency', operator: 'equal', value: 'EUR' }))).toEqual([]);
    expect(issuesOf(policy({ fact: 'localDate', operator: 'equal', value: '2026-02-29' })).map((i) => i.code)).toEqual(['unknown_value']); // no such day
  });

  it('decorated forms: the sides are swapped and unpacked as json-rules-engine does', () => {
    const paths = (comparison: object) => issuesOf(policy(comparison)).map((i) => `${i.code} ${i.path}`);
    expect(paths({ fact: 'localWeekday', operator: 'someValue:equal', value: ['mon', 'Sun'] })).toEqual([`unknown_value ${at}.value[1]`]);
    expect(paths({ fact: 'localWeekday', operator: 'swap:contains', value: ['Sat', 'sun'] })).toEqual([`unknown_value ${at}.value[0]`]);
    expect(paths({ fact: 'legalStage', operator: 'swap:equal', value: 'judgement' })).toEqual([`unknown_value ${at}.value`]);
    expect(paths({ fact: 'legalStage', operator: 'not:in', value: ['closed', 'close'] })).toEqual([`unknown_value ${at}.value[1]`]);
    // A string searched for substrings (`in` a string) is not a list of values: left alone.
    expect(paths({ fact: 'legalStage', operator: 'swap:in', value: 'pre_legal_x' })).toEqual([]);
  });

  it('in rules, named conditions and blocks alike, and alongside shape errors', () => {
    const input = {
      ...policy({ fact: 'legalStage', operator: 'equal', value: 'litigation' }),
      conditions: { inCourt: { any: [{ fact: 'legalStage', operator: 'equal', value: 'judgement' }] } },
      rules: [{ id: 'r', when: { all: [{ fact: 'lastOutcome', operator: 'notEqual', value: 'Paid' }] }, then: ['call_self'] }],
    };
    expect(issuesOf(input).map((i) => `${i.code} ${i.path}`)).toEqual(['unknown_value conditions.inCourt.any[0].value', 'unknown_value rules[0].when.all[0].value']);
    const broken = { ...input, actions: { call_self: { channel: 'fone' } } };
    expect(issuesOf(broken).map((i) => `${i.code} ${i.path}`)).toEqual([
      'invalid_value actions.call_self.channel',
      'unknown_value conditions.inCourt.any[0].value',
      'unknown_value rules[0].when.all[0].value',
    ]);
  });
});

describe('buckets: the policy’s own ids, or M0, M1, M2… without them', () => {
  const custom = { buckets: [{ id: 'B1', upTo: 30 }, { id: 'B2' }] };

  it("'M1' never matches when the policy defines its own buckets", () => {
    expect(issuesOf(policy({ fact: 'bucket', operator: 'equal', value: 'M1' }, custom))).toEqual([
      { code: 'unknown_value', path: `${at}.value`, message: "the fact 'bucket' is never \"M1\": it is one of the policy's buckets: B1, B2, so this comparison is never true; did you mean 'B1'?" },
    ]);
    expect(issuesOf(policy({ fact: 'bucket', operator: 'in', value: ['B1', 'B2'] }, custom))).toEqual([]);
  });

  it('without buckets, any M<n> is accepted (days past due have no useful bound), a misspelt M<n> is refused', () => {
    expect(issuesOf(policy({ fact: 'bucket', operator: 'in', value: ['M0', 'M1', 'M99'] }))).toEqual([]);
    expect(issuesOf(policy({ fact: 'bucket', operator: 'in', value: ['m1', 'M01', 'B1'] })).map((i) => [i.path, i.message.replace(/^.*?(; did you mean '\w+'\?)?$/, '$1')])).toEqual([
      [`${at}.value[0]`, "; did you mean 'M1'?"],
      [`${at}.value[1]`, "; did you mean 'M1'?"],
    ]);
    expect(issuesOf(policy({ fact: 'bucket', operator: 'equal', value: 'm1' }))[0]?.message).toContain('(define `buckets` to name your own)');
  });

  it("without buckets, another name is left to the composed policy: a rule book may name a strategy's buckets", () => {
    const rulebook = {
      id: 'company',
      version: '1',
      jurisdiction: 'CN',
      compliance: [
        {
          id: 'company-rules',
          constraints: [{ kind: 'block', id: 'no-visits-early', appliesTo: { actions: ['field_visit'] }, when: { all: [{ fact: 'bucket', operator: 'in', value: ['current', 'early'] }] }, message: 'not yet' }],
        },
      ],
    };
    expect(() => composePolicies(presets.chinaCba, rulebook, presets.strategies.bankCard)).not.toThrow();
    // Composed with a strategy that has no such bucket, the composed policy refuses it.
    const other = { ...rulebook, compliance: [{ id: 'company-rules', constraints: [{ ...rulebook.compliance[0]!.constraints[0]!, when: { all: [{ fact: 'bucket', operator: 'equal', value: 'B7' }] } }] }] };
    expect(() => parsePolicy(composePolicies(presets.chinaCba, other, presets.strategies.bankCard))).toThrow(/never "B7"/);
  });

  it('composed: a strategy reading M-buckets under a policy that defines its own is refused in the strategy', () => {
    const strategy = policy({ fact: 'bucket', operator: 'equal', value: 'M3' });
    const book = { id: 'book', version: '1', jurisdiction: 'US', ...custom };
    expect(() => composePolicies(strategy)).not.toThrow();
    const error = (() => {
      try {
        composePolicies(book, strategy);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ArrearsError);
    expect((error as ArrearsError).issues).toEqual([expect.objectContaining({ code: 'unknown_value', path: [1, 'compliance', 0, 'constraints', 0, 'when', 'all', 0, 'value'] })]);
  });
});

describe('numeric operators on facts that are never numbers', () => {
  it('a weekday is never a number, a date is never compared with one', () => {
    expect(issuesOf(policy({ fact: 'localWeekday', operator: 'greaterThan', value: 'mon' }))).toEqual([
      {
        code: 'invalid_operand',
        path: `${at}.operator`,
        message:
          "'greaterThan' compares numbers, and the fact 'localWeekday' never is one: it is one of mon, tue, wed, thu, fri, sat, sun (three lower-case letters); json-rules-engine checks that first, so 'greaterThan' is false for every account",
      },
    ]);
    expect(issuesOf(policy({ fact: 'localDate', operator: 'lessThan', value: 20261201 })).map((i) => `${i.code} ${i.path}`)).toEqual([`type_mismatch ${at}.value`]);
    // Dates compare as strings: that works, and is left alone.
    expect(issuesOf(policy({ fact: 'localDate', operator: 'lessThan', value: '2026-12-01' }))).toEqual([]);
  });
});

describe('checkConditionValues, for facts that are lists of closed values', () => {
  const ctx = { values: (f: string) => (f === 'channels' ? oneOf(['phone', 'sms'], { list: true }) : undefined), isBuiltIn: () => true };
  it('contains / doesNotContain / someFact: read the list’s elements', () => {
    const check = (operator: string, value: unknown) => checkConditionValues({ all: [{ fact: 'channels', operator, value }] }, ctx).map((i) => `${i.code} ${formatPath(i.path)}`);
    expect(check('contains', 'fone')).toEqual(['unknown_value all[0].value']);
    expect(check('doesNotContain', 'sms')).toEqual([]);
    expect(check('someFact:equal', 'SMS')).toEqual(['unknown_value all[0].value']);
    expect(check('swap:in', 'fax')).toEqual(['unknown_value all[0].value']);
    // A custom operator (not json-rules-engine's) is its author's business.
    expect(checkConditionValues({ all: [{ fact: 'channels', operator: 'contains', value: 'fone' }] }, { ...ctx, isBuiltIn: () => false })).toEqual([]);
  });
});
