import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../src/index';
import { anAccount, runFixtures, type FixtureCase } from '../src/testing/index';
import { describeFixtures } from '../src/testing/vitest';

const policy: PolicyInput = {
  id: 'fixtures',
  version: '1',
  jurisdiction: 'CN',
  actions: { call: { channel: 'phone' }, sms: { channel: 'sms' }, call_employer: { channel: 'phone', target: 'employer' }, sue: { kind: 'legal', requiresApproval: true } },
  rules: [{ id: 'overdue', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call', 'sms', 'call_employer', 'sue'] }],
  compliance: [
    {
      id: 'cn',
      constraints: [
        { kind: 'window', id: 'daytime', from: '08:00', to: '22:00' },
        { kind: 'block', id: 'no-third-parties', appliesTo: { relationships: ['employer'] }, code: 'RELATIONSHIP_FORBIDDEN', message: 'debtor and guarantor only' },
      ],
    },
  ],
};
const account = anAccount().overdueDays(10, { asOf: '2026-11-23' }).withContact('employer', { phone: true }).build();

const cases: FixtureCase[] = [
  { description: 'calls the debtor at 10:00', policy, account, now: '2026-11-23T10:00:00+08:00', expect: { next: 'call', allowed: ['call', { action: 'sms', channel: 'sms' }] } },
  {
    description: 'nothing at 22:05, calls at 08:00',
    policy,
    account,
    now: '2026-11-23T22:05:00+08:00',
    expect: { deferred: [{ action: 'call', until: '2026-11-24T08:00:00+08:00', code: 'OUTSIDE_CONTACT_WINDOW' }], blocked: [{ action: 'call_employer', code: 'RELATIONSHIP_FORBIDDEN' }], needsApproval: ['sue'] },
  },
  { description: 'not overdue: nothing to do', policy, account: anAccount().overdueDays(0, { asOf: '2026-11-23' }), now: '2026-11-23T10:00:00+08:00', expect: { next: null } },
];

describe('runFixtures', () => {
  it('passes cases whose expectations hold, sharing one engine per policy', () => {
    expect(runFixtures(cases).map((r) => [r.description, r.pass, r.failures])).toEqual([
      ['calls the debtor at 10:00', true, []],
      ['nothing at 22:05, calls at 08:00', true, []],
      ['not overdue: nothing to do', true, []],
    ]);
  });

  it('reports every unmet expectation of a case, with the decision and its explanation', () => {
    const [result] = runFixtures([{ ...cases[1], description: 'wrong', expect: { next: 'sms', allowed: ['call'], blocked: ['call'], deferred: [{ action: 'call', contact: 'employer' }] } } as FixtureCase]);
    expect(result?.pass).toBe(false);
    expect(result?.failures).toMatchInlineSnapshot(`
      [
        "expected sms to be chosen next, but next is call (phone to self 'self'), deferred until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00) [OUTSIDE_CONTACT_WINDOW]",
        "expected call to be allowed, but it is deferred until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00) [OUTSIDE_CONTACT_WINDOW]",
        "expected call (contact 'employer') to be deferred, but it is not proposed (proposed: call, sms, call_employer, sue; call is proposed as phone to self 'self')",
        "expected call to be blocked, but it is deferred until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00) [OUTSIDE_CONTACT_WINDOW]",
      ]
    `);
    expect(result?.decision?.now).toBe('2026-11-23T14:05:00Z');
    expect(result?.explanation).toMatch(/^Account A-1 at 2026-11-23 22:05 \(Asia\/Shanghai, UTC\+08:00\)/);
  });

  it('turns bad inputs into failed cases instead of throwing', () => {
    const results = runFixtures([
      { description: 'bad policy', policy: { id: 'x' }, account, now: '2026-11-23T10:00:00+08:00', expect: { next: null } },
      { description: 'bad now', policy, account, now: '2026-11-23T10:00:00', expect: { next: null } },
      { description: 'expects nothing', policy, account, now: '2026-11-23T10:00:00+08:00', expect: {} },
    ]);
    expect(results.every((r) => !r.pass && r.failures.length === 1)).toBe(true);
    expect(results[0]?.failures[0]).toMatch(/^the policy is invalid: ArrearsError: Invalid policy/);
    expect(results[1]?.failures[0]).toMatch(/^the case cannot be decided: ArrearsError: Invalid options .*no UTC offset/s);
    expect(results[2]?.failures[0]).toBe('the case expects nothing: give expect.next, allowed, deferred, blocked or needsApproval');
  });

  it('takes the policy of cases that name none from the options', () => {
    const bare = cases.map(({ policy: _policy, ...rest }) => rest);
    expect(runFixtures(bare, { policy }).every((r) => r.pass)).toBe(true);
    expect(runFixtures(bare.slice(0, 1))[0]?.failures).toEqual(['the case has no policy: give case.policy or runFixtures(cases, { policy })']);
  });

  it('reads cases kept as JSON (a builder writes itself as its account)', () => {
    const json = JSON.parse(JSON.stringify(cases)) as FixtureCase[];
    expect(runFixtures(json).every((r) => r.pass)).toBe(true);
  });
});

describeFixtures(cases, { name: 'describeFixtures registers one test per case' });
