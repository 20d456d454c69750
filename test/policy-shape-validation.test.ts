import { describe, expect, expectTypeOf, it } from 'vitest';
import { ArrearsError, parsePolicy, safeParsePolicy, type Issue, type Policy } from '../src/index';

const base = { id: 'p', version: '1', jurisdiction: 'US', actions: { call_self: { channel: 'phone' }, sms_reminder: { channel: 'sms' } } };
const rule = { id: 'r', when: { all: [] }, then: ['call_self'] };
const layer = (...constraints: unknown[]): unknown[] => [{ id: 'L', constraints }];

function issuesOf(input: unknown): readonly Issue[] {
  const result = safeParsePolicy(input);
  if (result.success) throw new Error('expected the policy to be refused');
  return result.issues;
}

describe('policy: top level', () => {
  it('accepts a minimal policy and fills in defaults', () => {
    const policy = parsePolicy({ id: 'p', version: '1', jurisdiction: 'US' });
    expect(policy).toEqual({ id: 'p', version: '1', jurisdiction: 'US', holidays: {}, conditions: {}, actions: {}, rules: [], compliance: [] });
    expectTypeOf(policy).toEqualTypeOf<Policy>();
  });

  it.each([
    ['a composed id', { id: 'us-regulation-f+bank-card' }],
    ['several jurisdictions', { jurisdiction: ['US', 'US-MA'] }],
    ['a $schema reference', { $schema: './node_modules/arrears/dist/policy.schema.json' }],
    ['a description', { description: 'The card centre’s strategy.' }],
  ])('accepts %s', (_, patch) => {
    expect(safeParsePolicy({ ...base, ...patch }).success).toBe(true);
  });

  it.each([
    ['an id with a space', { id: 'my policy' }, 'invalid_format', ['id']],
    ['an empty id', { id: '' }, 'invalid_format', ['id']],
    ['an empty version', { version: '' }, 'too_small', ['version']],
    ['a lower-case jurisdiction in a list', { jurisdiction: ['US', 'usa'] }, 'invalid_format', ['jurisdiction', 1]],
    ['an empty jurisdiction list', { jurisdiction: [] }, 'too_small', ['jurisdiction']],
    ['an unknown key', { rule: [] }, 'unrecognized_keys', []],
  ])('refuses %s', (_, patch, code, path) => {
    expect(issuesOf({ ...base, ...patch })).toEqual([expect.objectContaining({ code, path })]);
  });

  it('refuses a policy without jurisdiction: the library never guesses a law', () => {
    const { jurisdiction: _omitted, ...rest } = base;
    expect(issuesOf(rest)).toEqual([expect.objectContaining({ path: ['jurisdiction'] })]);
  });

  it('parsePolicy throws ArrearsError POLICY_INVALID with the same issues', () => {
    const input = { ...base, version: '' };
    expect(() => parsePolicy(input)).toThrow(ArrearsError);
    try {
      parsePolicy(input);
    } catch (error) {
      expect(error).toMatchObject({ code: 'POLICY_INVALID', issues: issuesOf(input) });
    }
  });
});

describe('policy: actions', () => {
  it('accepts every form of channel and target, and fills in requiresApproval', () => {
    const actions = {
      sms: { channel: 'sms' },
      call: { label: 'Call', description: 'A call.', channel: ['phone', 'sms'], target: ['self', 'guarantor'] },
      letter: { channel: 'letter', kind: 'notice', target: 'attorney' },
      ordered: { channel: 'phone', target: { order: 'family-first' } },
      report: { kind: 'credit_report', requiresApproval: true },
    };
    const compliance = layer({ kind: 'contactOrder', id: 'family-first', ranks: [['self'], ['spouse', 'family']] });
    const policy = parsePolicy({ ...base, actions, compliance });
    expect(policy.actions.sms).toEqual({ channel: 'sms', requiresApproval: false });
    expect(policy.actions.report).toEqual({ kind: 'credit_report', requiresApproval: true });
  });

  it.each([
    ['an unknown channel', { channel: 'fax' }, ['channel']],
    ['an empty channel list', { channel: [] }, ['channel']],
    ['an unknown kind', { kind: 'spam' }, ['kind']],
    ['an unknown relationship as target', { channel: 'phone', target: 'cousin' }, ['target']],
    ['an empty target list', { channel: 'phone', target: [] }, ['target']],
    ['a non-boolean requiresApproval', { channel: 'phone', requiresApproval: 'yes' }, ['requiresApproval']],
    ['an unknown key', { channel: 'phone', priority: 1 }, []],
  ])('refuses an action with %s', (_, action, path) => {
    expect(issuesOf({ ...base, actions: { x: action } })).toEqual([expect.objectContaining({ path: ['actions', 'x', ...path] })]);
  });

  it('names the allowed channels when one is wrong', () => {
    const [issue] = issuesOf({ ...base, actions: { x: { channel: 'fax' } } });
    expect(issue?.message).toBe("must be one of 'phone', 'sms', 'email', 'letter', 'visit', 'app', not 'fax'");
  });

  it('refuses an action id that no rule could name', () => {
    expect(issuesOf({ ...base, actions: { 'call self!': { channel: 'phone' } } })).toEqual([expect.objectContaining({ path: ['actions', 'call self!'] })]);
  });

  it('says which characters an action id may use', () => {
    expect(issuesOf({ ...base, actions: { 'call self!': { channel: 'phone' } } })).toEqual([
      { code: 'invalid_format', path: ['actions', 'call self!'], message: "must be 1-128 characters of letters, digits, '_', '-', '.' or ':'" },
    ]);
  });
});

describe('policy: rules', () => {
  it('accepts a rule and defaults its priority to 1', () => {
    expect(parsePolicy({ ...base, rules: [rule] }).rules).toEqual([{ ...rule, priority: 1 }]);
  });

  it.each([
    ['priority 0', { ...rule, priority: 0 }, 'too_small', ['priority']],
    ['a fractional priority', { ...rule, priority: 1.5 }, 'invalid_type', ['priority']],
    ['an empty then', { ...rule, then: [] }, 'too_small', ['then']],
    ['no then', { id: 'r', when: { all: [] } }, 'invalid_type', ['then']],
    ['an id with spaces', { ...rule, id: 'my rule' }, 'invalid_format', ['id']],
    ['an unknown key', { ...rule, else: ['sms_reminder'] }, 'unrecognized_keys', []],
  ])('refuses a rule with %s', (_, bad, code, path) => {
    expect(issuesOf({ ...base, rules: [bad] })).toEqual([expect.objectContaining({ code, path: ['rules', 0, ...path] })]);
  });

  it('refuses a bare comparison as the root of `when` and says how to fix it', () => {
    expect(issuesOf({ ...base, rules: [{ ...rule, when: { fact: 'daysPastDue', operator: 'equal', value: 1 } }] })).toEqual([
      {
        code: 'invalid_union',
        path: ['rules', 0, 'when'],
        message: 'the root must be all, any, not or condition: wrap a single comparison as { "all": [ ... ] }',
      },
    ]);
  });

  it('reports a misspelt comparison key at the comparison', () => {
    expect(issuesOf({ ...base, rules: [{ ...rule, when: { all: [{ fact: 'daysPastDue', operater: 'equal', value: 1 }] } }] })).toEqual([
      { code: 'unrecognized_keys', path: ['rules', 0, 'when', 'all', 0], message: "unknown key 'operater'; remove it or check the spelling; did you mean 'operator'?" },
    ]);
  });

  it('refuses a JSONPath with filters or wildcards', () => {
    expect(issuesOf({ ...base, rules: [{ ...rule, when: { all: [{ fact: 'attributes', path: '$..score', operator: 'equal', value: 1 }] } }] })).toEqual([
      expect.objectContaining({ code: 'invalid_format', path: ['rules', 0, 'when', 'all', 0, 'path'] }),
    ]);
  });
});

describe('policy: holidays and buckets', () => {
  it('accepts dates and inclusive ranges', () => {
    const holidays = { US: ['2026-07-04', '2026-12-24/2026-12-26', '2028-01-01/2028-12-31', '2026-01-01/2027-01-01'] };
    expect(parsePolicy({ ...base, holidays }).holidays).toEqual(holidays);
  });

  it.each([
    ['an impossible date', '2026-02-30'],
    ['a reversed range', '2026-12-26/2026-12-24'],
    ['a range over a year', '2026-01-01/2027-06-01'],
    ['a range of 367 days', '2028-01-01/2029-01-01'],
    ['a range with three parts', '2026-01-01/2026-01-02/2026-01-03'],
  ])('refuses %s', (_, entry) => {
    expect(issuesOf({ ...base, holidays: { US: [entry] } })).toEqual([expect.objectContaining({ path: ['holidays', 'US', 0] })]);
  });

  it('says what a holiday entry must be', () => {
    expect(issuesOf({ ...base, holidays: { US: ['2026-12-26/2026-12-24'] } })).toEqual([
      { code: 'invalid_date', path: ['holidays', 'US', 0], message: 'the range ends on 2026-12-24, before it starts on 2026-12-26; write the earlier date first' },
    ]);
  });

  it('refuses an empty bucket list and a fractional edge', () => {
    expect(issuesOf({ ...base, buckets: [] })).toEqual([expect.objectContaining({ code: 'too_small', path: ['buckets'] })]);
    expect(issuesOf({ ...base, buckets: [{ id: 'a', upTo: 1.5 }, { id: 'b' }] })).toEqual([expect.objectContaining({ path: ['buckets', 0, 'upTo'] })]);
  });
});

describe('policy: compliance constraints, each kind', () => {
  it.each([
    ['window', { kind: 'window', id: 'w', from: '08:00', to: '21:00' }],
    ['window past midnight, in a fixed zone', { kind: 'window', id: 'w', days: ['sat'], from: '22:00', to: '02:00', zone: 'Asia/Shanghai' }],
    ['cap, rolling', { kind: 'cap', id: 'c', max: 7, period: { rolling: 'P7D' }, scope: 'contact', outcomes: ['no_answer'] }],
    ['cap, calendar week', { kind: 'cap', id: 'c', max: 1, period: { calendar: 'week', weekStartsOn: 'sun' } }],
    ['cap, calendar days', { kind: 'cap', id: 'c', max: 7, period: { calendarDays: 7 }, excludeConsented: true }],
    ['cooldown, duration', { kind: 'cooldown', id: 'c', after: { outcomes: ['right_party_contact'] }, wait: { duration: 'PT24H' } }],
    ['cooldown, calendar days', { kind: 'cooldown', id: 'c', after: { channels: ['phone'], actions: ['call_self'] }, wait: { calendarDays: 7 } }],
    ['contactOrder', { kind: 'contactOrder', id: 'o', ranks: [['self'], ['spouse', 'family']], exhaustedAfter: { attempts: 3 }, unranked: 'forbidden' }],
    ['block', { kind: 'block', id: 'b', when: { all: [{ fact: 'deceased', operator: 'equal', value: true }] }, except: { kinds: ['notice'] }, code: 'DECEASED', message: 'Deceased.' }],
    ['approval', { kind: 'approval', id: 'a', appliesTo: { actions: ['call_self'] }, message: 'Needs a supervisor.' }],
    ['promiseHold', { kind: 'promiseHold', id: 'h', graceDays: 2 }],
  ])('accepts a %s', (_, constraint) => {
    expect(safeParsePolicy({ ...base, compliance: layer(constraint) })).toMatchObject({ success: true });
  });

  it('fills in the defaults of a window', () => {
    const policy = parsePolicy({ ...base, compliance: layer({ kind: 'window', id: 'w', from: '08:00', to: '21:00' }) });
    expect(policy.compliance[0]?.constraints[0]).toEqual({
      kind: 'window',
      id: 'w',
      from: '08:00',
      to: '21:00',
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      zone: 'contact',
      closedOn: [],
      debtorMayOverride: false,
    });
  });

  it.each([
    ['an unknown kind', { kind: 'windw', id: 'w' }, ['kind']],
    ['a misspelt weekday', { kind: 'window', id: 'w', from: '08:00', to: '21:00', days: ['monday'] }, ['days', 0]],
    ['a time without leading zero', { kind: 'window', id: 'w', from: '8:00', to: '21:00' }, ['from']],
    ['a negative max', { kind: 'cap', id: 'c', max: -1, period: { calendar: 'day' } }, ['max']],
    ['a calendar year', { kind: 'cap', id: 'c', max: 1, period: { calendar: 'year' } }, ['period', 'calendar']],
    ['zero calendar days', { kind: 'cap', id: 'c', max: 1, period: { calendarDays: 0 } }, ['period', 'calendarDays']],
    ['a rolling period of zero', { kind: 'cap', id: 'c', max: 1, period: { rolling: 'PT0S' } }, ['period', 'rolling']],
    ['a wait of zero', { kind: 'cooldown', id: 'c', after: { outcomes: ['no_answer'] }, wait: { duration: 'P0D' } }, ['wait', 'duration']],
    ['an unknown scope', { kind: 'cap', id: 'c', max: 1, period: { calendar: 'day' }, scope: 'planet' }, ['scope']],
    ['an unknown outcome', { kind: 'cooldown', id: 'c', after: { outcomes: ['nope'] }, wait: { duration: 'P1D' } }, ['after', 'outcomes', 0]],
    ['no ranks', { kind: 'contactOrder', id: 'o', ranks: [] }, ['ranks']],
    ['an empty rank', { kind: 'contactOrder', id: 'o', ranks: [['self'], []] }, ['ranks', 1]],
    ['no message', { kind: 'block', id: 'b' }, ['message']],
    ['an unknown reason code', { kind: 'block', id: 'b', message: 'm', code: 'NOPE' }, ['code']],
    ['91 grace days', { kind: 'promiseHold', id: 'h', graceDays: 91 }, ['graceDays']],
    ['an empty selector list', { kind: 'window', id: 'w', from: '08:00', to: '21:00', appliesTo: { channels: [] } }, ['appliesTo', 'channels']],
    ['a misspelt selector key', { kind: 'window', id: 'w', from: '08:00', to: '21:00', appliesTo: { channel: ['phone'] } }, ['appliesTo']],
  ])('refuses a constraint with %s at its path', (_, constraint, path) => {
    expect(issuesOf({ ...base, compliance: layer(constraint) })).toContainEqual(expect.objectContaining({ path: ['compliance', 0, 'constraints', 0, ...path] }));
  });

  it('a zero duration says it never restricts; a malformed one only that it is malformed', () => {
    const zero = issuesOf({ ...base, compliance: layer({ kind: 'cap', id: 'c', max: 1, period: { rolling: 'P0Y0M0DT0H' } }) });
    expect(zero).toEqual([expect.objectContaining({ code: 'invalid_duration', message: expect.stringContaining('longer than zero') })]);
    const bad = issuesOf({ ...base, compliance: layer({ kind: 'cap', id: 'c', max: 1, period: { rolling: 'P' } }) });
    expect(bad).toEqual([expect.objectContaining({ code: 'invalid_duration', message: expect.stringContaining('ISO 8601 duration') })]);
  });

  it('lists the kinds when one is unknown, with a did-you-mean, and says a missing one is required', () => {
    const kinds = "'window', 'cap', 'cooldown', 'contactOrder', 'block', 'approval', 'promiseHold'";
    expect(issuesOf({ ...base, compliance: layer({ kind: 'windw', id: 'w' }) })).toEqual([
      expect.objectContaining({ code: 'invalid_value', path: ['compliance', 0, 'constraints', 0, 'kind'], message: `unknown kind "windw": one of ${kinds}; did you mean 'window'?` }),
    ]);
    expect(issuesOf({ ...base, compliance: layer({ id: 'w', from: '08:00', to: '21:00' }) })).toEqual([
      expect.objectContaining({ code: 'invalid_value', path: ['compliance', 0, 'constraints', 0, 'kind'], message: `is required (one of ${kinds})` }),
    ]);
  });

  it('a fraction where a whole number is expected says so', () => {
    expect(issuesOf({ ...base, compliance: layer({ kind: 'cap', id: 'c', max: 1.5, period: { calendar: 'day' } }) })).toEqual([
      expect.objectContaining({ code: 'invalid_type', path: ['compliance', 0, 'constraints', 0, 'max'], message: 'must be a whole number, not 1.5' }),
    ]);
  });
});
