import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, presets, safeParseAccount, safeParsePolicy } from '../src/index';
import { arrearsErrorOf } from './support/errors';

/*
 * zod reads any object where it expects one with named fields, and a Map (a Set, a boxed number…)
 * has no own fields: `actions: { call: new Map([['channel', 'phone']]) }` parsed as an action with
 * no channel — an internal action no contact window holds — and a block's `except` given as a Map
 * became `except: {}`, which excepts every proposal: the block never blocked. Options given as a
 * Map were read as none (`horizonDays`, `limits` silently left at their defaults). Such values are
 * refused where they are (`not_json` in a policy or account, `invalid_type` in options), like the
 * Map a record or a JSON value already refused.
 */

const policy = (overrides: Record<string, unknown> = {}) => ({
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [] }, then: ['call'] }],
  ...overrides,
});
const account = (overrides: Record<string, unknown> = {}) => ({
  id: 'A-1',
  currency: 'USD',
  amountDue: 100,
  dueDate: '2026-11-01',
  debtor: { timeZone: 'America/New_York' },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }],
  ...overrides,
});
const policyIssues = (input: unknown) => {
  const r = safeParsePolicy(input);
  return r.success ? [] : r.issues.map((i) => [i.code, i.path]);
};

describe('a Map or another non-JSON object where a policy expects an object', () => {
  it('an action given as a Map is refused, not read as an internal action', () => {
    expect(policyIssues(policy({ actions: { call: new Map([['channel', 'phone']]) } }))).toEqual([['not_json', ['actions', 'call']]]);
  });

  it("a block's `except` given as a Map is refused, not read as excepting everything", () => {
    const block = { kind: 'block', id: 'b', message: 'no calls', except: new Map([['channels', ['sms']]]) };
    expect(policyIssues(policy({ compliance: [{ id: 'l', constraints: [block] }] }))).toEqual([['not_json', ['compliance', 0, 'constraints', 0, 'except']]]);
  });

  it('a Set, a boxed number, a RegExp are refused too, with what to write instead', () => {
    const result = safeParsePolicy(
      policy({ compliance: [{ id: 'l', constraints: [{ kind: 'window', id: 'w', from: '08:00', to: '21:00', appliesTo: new Set(['phone']) }] }] }),
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toEqual([{ code: 'not_json', path: ['compliance', 0, 'constraints', 0, 'appliesTo'], message: expect.stringContaining('not a Set') }]);
    expect(policyIssues(policy({ actions: { call: Object.assign(new Number(1), { channel: 'phone' }) } }))).toEqual([['not_json', ['actions', 'call']]]);
    expect(policyIssues(policy({ actions: { call: /phone/ } }))).toEqual([['not_json', ['actions', 'call']]]);
  });

  it('where zod already refused the Map (a record), it is said once', () => {
    // (The rule's action is then unknown too: that is said at the rule.)
    expect(policyIssues(policy({ actions: new Map() })).filter(([, path]) => (path as unknown[])[0] === 'actions')).toEqual([['invalid_type', ['actions']]]);
  });
});

/*
 * Nothing in a policy takes a Date either (holidays and validity dates are strings), so there a
 * Date is refused too: `except: new Date(…)` was read as `except: {}`, with only a "never
 * applies" warning. Accounts take Dates where instants go (below).
 */
describe('a Date where a policy expects an object', () => {
  it("a block's `except` given as a Date is refused, with what to write instead", () => {
    const block = { kind: 'block', id: 'b', message: 'no calls', except: new Date('2026-12-25T00:00:00Z') };
    const result = safeParsePolicy(policy({ compliance: [{ id: 'l', constraints: [block] }] }));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toEqual([
      { code: 'not_json', path: ['compliance', 0, 'constraints', 0, 'except'], message: expect.stringMatching(/not a Date: write a string, a date like "\d{4}-\d\d-\d\d"/) },
    ]);
  });

  it('an action given as a Date, valid or not, is refused, not read as an internal action', () => {
    expect(policyIssues(policy({ actions: { call: new Date(0) } }))).toEqual([['not_json', ['actions', 'call']]]);
    expect(policyIssues(policy({ actions: { call: new Date(Number.NaN) } }))).toEqual([['not_json', ['actions', 'call']]]);
  });

  it('where the schema already refuses a Date (a holiday, a condition value), it is said once', () => {
    expect(policyIssues(policy({ holidays: { xmas: [new Date('2026-12-25')] } }))).toEqual([[expect.any(String), ['holidays', 'xmas', 0]]]);
    const when = { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: new Date() }] };
    expect(policyIssues(policy({ rules: [{ id: 'r', when, then: ['call'] }] }))).toEqual([[expect.any(String), ['rules', 0, 'when', 'all', 0, 'value']]]);
  });

  it('composePolicies refuses it in a layer, at its path in the list', () => {
    const layer = { id: 'co', constraints: [{ kind: 'block', id: 'b', message: 'no', except: new Date() }] };
    expect(() => composePolicies(presets.usRegulationF, policy({ compliance: [layer] }))).toThrow(
      expect.objectContaining({ code: 'COMPOSE_INVALID', issues: [expect.objectContaining({ code: 'not_json', path: [1, 'compliance', 0, 'constraints', 0, 'except'] })] }),
    );
  });
});

describe('in an account', () => {
  it('a contact method given as a Map is refused', () => {
    const method = Object.assign(new Map(), { channel: 'phone' });
    const result = safeParseAccount(account({ contacts: [{ id: 'me', relationship: 'self', channels: [method] }] }));
    expect(result.success ? [] : result.issues.map((i) => [i.code, i.path])).toEqual([['not_json', ['contacts', 0, 'channels', 0]]]);
  });

  it('debtor.flags as a Map keeps its one message (a record refuses it)', () => {
    const result = safeParseAccount(account({ debtor: { timeZone: 'UTC', flags: new Map([['disputed', { since: '2026-11-01' }]]) } }));
    expect(result.success ? [] : result.issues.map((i) => [i.code, i.path])).toEqual([['invalid_type', ['debtor', 'flags']]]);
  });

  it('Dates where instants go are still taken', () => {
    const history = [{ at: new Date('2026-11-20T15:00:00Z'), channel: 'phone', contactId: 'me', outcome: 'no_answer' }];
    expect(safeParseAccount(account({ history })).success).toBe(true);
  });
});

describe('options given as a Map', () => {
  it('engine options, limits and decide options are refused, not read as none', () => {
    expect(arrearsErrorOf(() => createEngine(policy(), new Map([['horizonDays', 1]]) as never)).issues).toEqual([
      { code: 'invalid_type', path: [], message: expect.stringContaining('not a Map') },
    ]);
    expect(arrearsErrorOf(() => createEngine(policy(), { limits: new Map([['maxDepth', 4]]) as never })).issues).toEqual([
      { code: 'invalid_type', path: ['limits'], message: expect.stringContaining('not a Map') },
    ]);
    const error = arrearsErrorOf(() => createEngine(policy()).decide(account(), new Map([['now', '2026-11-23T12:00:00Z']]) as never));
    expect(error.code).toBe('OPTIONS_INVALID');
    expect(error.issues).toEqual([{ code: 'invalid_type', path: [], message: expect.stringContaining('not a Map') }]);
  });
});
