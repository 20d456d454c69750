import { describe, expect, expectTypeOf, it } from 'vitest';
import { createEngine, type Decision, type ReasonCode } from '../src/index';
import { anAccount, expectAllowed, expectBlocked, expectDeferred, verdictMessage, type BlockOptions, type DeferOptions, type ProposalFilter } from '../src/testing/index';
import { arrearsMatchers } from '../src/testing/vitest';

const engine = createEngine({
  id: 'matchers',
  version: '1',
  jurisdiction: 'CN',
  actions: {
    call_self: { label: 'Reminder call', channel: 'phone', target: 'self' },
    sms_reminder: { channel: 'sms', target: 'self' },
    call_employer: { channel: 'phone', target: 'employer' },
    litigation: { kind: 'legal', requiresApproval: true },
  },
  rules: [{ id: 'always', when: { all: [] }, then: ['call_self', 'sms_reminder', 'call_employer', 'litigation'] }],
  compliance: [
    {
      id: 'company',
      constraints: [
        { kind: 'window', id: 'hours', appliesTo: { channels: ['phone', 'sms'] }, from: '08:00', to: '21:00' },
        { kind: 'cap', id: 'calls-per-day', appliesTo: { channels: ['phone'] }, max: 3, period: { calendar: 'day' }, scope: 'contact' },
        { kind: 'block', id: 'no-employer', appliesTo: { relationships: ['employer'] }, code: 'RELATIONSHIP_FORBIDDEN', message: 'never call the employer' },
      ],
    },
  ],
});
const account = anAccount().id('A-7').overdueDays(12, { asOf: '2026-11-23' }).withContact('employer', { id: 'acme', phone: true });
const evening = engine.decide(account.build(), { now: '2026-11-23T21:05:00+08:00' });
const morning = engine.decide(account.build(), { now: '2026-11-23T10:00:00+08:00' });
const capped = engine.decide(account.called(3, { before: '2026-11-23T10:00:00+08:00' }).build(), { now: '2026-11-23T10:00:00+08:00' });

describe('decision matchers', () => {
  it('pass on what the decision says', () => {
    expect(morning).toAllow('call_self');
    expect(morning).toAllow('call_self', { contact: 'self', channel: 'phone' });
    expect(morning).toChooseNext('call_self', { channel: 'phone' });
    expect(evening).toDefer('call_self', { until: '2026-11-24T08:00:00+08:00', code: 'OUTSIDE_CONTACT_WINDOW' });
    expect(evening).toDefer('sms_reminder', { until: new Date('2026-11-24T00:00:00Z') });
    expect(evening).toBlock('call_employer', 'RELATIONSHIP_FORBIDDEN');
    expect(evening).toBlock('call_employer', { contact: 'employer', code: 'RELATIONSHIP_FORBIDDEN' });
    expect(evening).toNeedApproval('litigation');
    expect(capped).toDefer('call_self', { code: 'FREQUENCY_CAP', until: '2026-11-24T08:00:00+08:00' });
    expect(capped).toChooseNext('sms_reminder');
  });

  it('negate with .not', () => {
    expect(evening).not.toAllow('call_self');
    expect(morning).not.toDefer('call_self');
    expect(morning).not.toBlock('call_self');
    // An id no rule proposes is a typo, whichever way the assertion goes: it is not checked, it throws.
    expect(() => expect(morning).not.toBlock('nothing_like_it')).toThrow(expect.objectContaining({ name: 'ArrearsError', code: 'OPTIONS_INVALID' }));
    expect(evening).not.toChooseNext(null);
    expect(evening).not.toNeedApproval('call_self');
  });

  it('toChooseNext(null) when nothing is proposed', () => {
    const idle = createEngine({ id: 'idle', version: '1', jurisdiction: 'CN', actions: { a: { channel: 'sms' } }, rules: [{ id: 'never', when: { all: [{ fact: 'daysPastDue', operator: 'lessThan', value: -1000 }] }, then: ['a'] }] });
    expect(idle.decide(account.build(), { now: '2026-11-23T10:00:00+08:00' })).toChooseNext(null);
  });

  it('fail with the reason in one line, then explain(decision)', () => {
    expect(() => expect(evening).toAllow('call_self')).toThrowErrorMatchingInlineSnapshot(`
      [Error: expected call_self to be allowed, but it is deferred until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00) [OUTSIDE_CONTACT_WINDOW]

      Account A-7 at 2026-11-23 21:05 (Asia/Shanghai, UTC+08:00) — policy matchers v1
      Next: call_self (Reminder call) — phone to self 'self' — deferred until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00)
          - OUTSIDE_CONTACT_WINDOW [hours]: outside the contact window 'hours' 08:00–21:00 (Asia/Shanghai) (until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00))
      Candidates, in order of preference:
        1. call_self (Reminder call) — phone to self 'self' — deferred until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00)   [rule always, priority 1]
            - OUTSIDE_CONTACT_WINDOW [hours]: outside the contact window 'hours' 08:00–21:00 (Asia/Shanghai) (until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00))
        2. sms_reminder — sms to self 'self' — deferred until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00)   [rule always, priority 1]
            - OUTSIDE_CONTACT_WINDOW [hours]: outside the contact window 'hours' 08:00–21:00 (Asia/Shanghai) (until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00))
        3. call_employer — phone to employer 'acme' — blocked   [rule always, priority 1]
            - RELATIONSHIP_FORBIDDEN [no-employer]: never call the employer
        4. litigation — internal — needs approval (otherwise allowed from 2026-11-23 21:05 (Asia/Shanghai, UTC+08:00))   [rule always, priority 1]
            - APPROVAL_REQUIRED: 'litigation' needs an approval recorded on the account
      Rules fired: always (of 1).]
    `);
  });

  it('fail with the statuses of every matching proposal, and what is proposed when the action is not', () => {
    expect(() => expect(morning).toBlock('call_self', 'FREQUENCY_CAP')).toThrowErrorMatchingInlineSnapshot(`
      [Error: expected call_self to be blocked by FREQUENCY_CAP, but it is allowed

      Account A-7 at 2026-11-23 10:00 (Asia/Shanghai, UTC+08:00) — policy matchers v1
      Next: call_self (Reminder call) — phone to self 'self' — allowed now, until 2026-11-23 21:00 (Asia/Shanghai, UTC+08:00)
      Candidates, in order of preference:
        1. call_self (Reminder call) — phone to self 'self' — allowed now, until 2026-11-23 21:00 (Asia/Shanghai, UTC+08:00)   [rule always, priority 1]
        2. sms_reminder — sms to self 'self' — allowed now, until 2026-11-23 21:00 (Asia/Shanghai, UTC+08:00)   [rule always, priority 1]
        3. call_employer — phone to employer 'acme' — blocked   [rule always, priority 1]
            - RELATIONSHIP_FORBIDDEN [no-employer]: never call the employer
        4. litigation — internal — needs approval (otherwise allowed from 2026-11-23 10:00 (Asia/Shanghai, UTC+08:00))   [rule always, priority 1]
            - APPROVAL_REQUIRED: 'litigation' needs an approval recorded on the account
      Rules fired: always (of 1).]
    `);
    expect(() => expect(morning).toAllow('call_boss')).toThrow(
      "action: 'call_boss' is not proposed by any rule of policy 'matchers' (its rules propose: call_self, sms_reminder, call_employer, litigation)",
    );
  });

  it('fail on a wrong deferral instant or code, naming the one found', () => {
    expect(() => expect(capped).toDefer('call_self', { until: '2026-11-24T09:00:00+08:00' })).toThrowErrorMatchingInlineSnapshot(`
      [Error: expected call_self to be deferred until 2026-11-24T09:00:00+08:00, but it is deferred until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00) [FREQUENCY_CAP, OUTSIDE_CONTACT_WINDOW]

      Account A-7 at 2026-11-23 10:00 (Asia/Shanghai, UTC+08:00) — policy matchers v1
      Next: sms_reminder — sms to self 'self' — allowed now, until 2026-11-23 21:00 (Asia/Shanghai, UTC+08:00)
      Candidates, in order of preference:
        1. call_self (Reminder call) — phone to self 'self' — deferred until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00)   [rule always, priority 1]
            - FREQUENCY_CAP [calls-per-day]: 3 of at most 3 counted attempts per calendar day (per contact) (until 2026-11-24 00:00 (Asia/Shanghai, UTC+08:00))
            - OUTSIDE_CONTACT_WINDOW [hours]: outside the contact window 'hours' 08:00–21:00 (Asia/Shanghai) (until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00))
        2. sms_reminder — sms to self 'self' — allowed now, until 2026-11-23 21:00 (Asia/Shanghai, UTC+08:00)   [rule always, priority 1]
        3. call_employer — phone to employer 'acme' — blocked   [rule always, priority 1]
            - RELATIONSHIP_FORBIDDEN [no-employer]: never call the employer
        4. litigation — internal — needs approval (otherwise allowed from 2026-11-23 10:00 (Asia/Shanghai, UTC+08:00))   [rule always, priority 1]
            - APPROVAL_REQUIRED: 'litigation' needs an approval recorded on the account
      Rules fired: always (of 1).]
    `);
    expect(() => expect(evening).toDefer('call_self', { code: 'FREQUENCY_CAP' })).toThrowErrorMatchingInlineSnapshot(`
      [Error: expected call_self to be deferred by FREQUENCY_CAP, but it is deferred until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00) [OUTSIDE_CONTACT_WINDOW]

      Account A-7 at 2026-11-23 21:05 (Asia/Shanghai, UTC+08:00) — policy matchers v1
      Next: call_self (Reminder call) — phone to self 'self' — deferred until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00)
          - OUTSIDE_CONTACT_WINDOW [hours]: outside the contact window 'hours' 08:00–21:00 (Asia/Shanghai) (until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00))
      Candidates, in order of preference:
        1. call_self (Reminder call) — phone to self 'self' — deferred until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00)   [rule always, priority 1]
            - OUTSIDE_CONTACT_WINDOW [hours]: outside the contact window 'hours' 08:00–21:00 (Asia/Shanghai) (until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00))
        2. sms_reminder — sms to self 'self' — deferred until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00)   [rule always, priority 1]
            - OUTSIDE_CONTACT_WINDOW [hours]: outside the contact window 'hours' 08:00–21:00 (Asia/Shanghai) (until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00))
        3. call_employer — phone to employer 'acme' — blocked   [rule always, priority 1]
            - RELATIONSHIP_FORBIDDEN [no-employer]: never call the employer
        4. litigation — internal — needs approval (otherwise allowed from 2026-11-23 21:05 (Asia/Shanghai, UTC+08:00))   [rule always, priority 1]
            - APPROVAL_REQUIRED: 'litigation' needs an approval recorded on the account
      Rules fired: always (of 1).]
    `);
  });

  it('fail negated expectations and wrong next choices', () => {
    expect(() => expect(morning).not.toAllow('call_self')).toThrowErrorMatchingInlineSnapshot(`
      [Error: expected call_self not to be allowed, but it is allowed

      Account A-7 at 2026-11-23 10:00 (Asia/Shanghai, UTC+08:00) — policy matchers v1
      Next: call_self (Reminder call) — phone to self 'self' — allowed now, until 2026-11-23 21:00 (Asia/Shanghai, UTC+08:00)
      Candidates, in order of preference:
        1. call_self (Reminder call) — phone to self 'self' — allowed now, until 2026-11-23 21:00 (Asia/Shanghai, UTC+08:00)   [rule always, priority 1]
        2. sms_reminder — sms to self 'self' — allowed now, until 2026-11-23 21:00 (Asia/Shanghai, UTC+08:00)   [rule always, priority 1]
        3. call_employer — phone to employer 'acme' — blocked   [rule always, priority 1]
            - RELATIONSHIP_FORBIDDEN [no-employer]: never call the employer
        4. litigation — internal — needs approval (otherwise allowed from 2026-11-23 10:00 (Asia/Shanghai, UTC+08:00))   [rule always, priority 1]
            - APPROVAL_REQUIRED: 'litigation' needs an approval recorded on the account
      Rules fired: always (of 1).]
    `);
    expect(() => expect(capped).toChooseNext('call_self')).toThrowErrorMatchingInlineSnapshot(`
      [Error: expected call_self to be chosen next, but next is sms_reminder (sms to self 'self'), allowed

      Account A-7 at 2026-11-23 10:00 (Asia/Shanghai, UTC+08:00) — policy matchers v1
      Next: sms_reminder — sms to self 'self' — allowed now, until 2026-11-23 21:00 (Asia/Shanghai, UTC+08:00)
      Candidates, in order of preference:
        1. call_self (Reminder call) — phone to self 'self' — deferred until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00)   [rule always, priority 1]
            - FREQUENCY_CAP [calls-per-day]: 3 of at most 3 counted attempts per calendar day (per contact) (until 2026-11-24 00:00 (Asia/Shanghai, UTC+08:00))
            - OUTSIDE_CONTACT_WINDOW [hours]: outside the contact window 'hours' 08:00–21:00 (Asia/Shanghai) (until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00))
        2. sms_reminder — sms to self 'self' — allowed now, until 2026-11-23 21:00 (Asia/Shanghai, UTC+08:00)   [rule always, priority 1]
        3. call_employer — phone to employer 'acme' — blocked   [rule always, priority 1]
            - RELATIONSHIP_FORBIDDEN [no-employer]: never call the employer
        4. litigation — internal — needs approval (otherwise allowed from 2026-11-23 10:00 (Asia/Shanghai, UTC+08:00))   [rule always, priority 1]
            - APPROVAL_REQUIRED: 'litigation' needs an approval recorded on the account
      Rules fired: always (of 1).]
    `);
  });

  it('fail clearly on something that is not a decision', () => {
    expect(() => expect({ ok: false, accountId: 'A-1', error: { code: 'ACCOUNT_INVALID', message: 'Invalid account', issues: [] } }).toAllow('call_self')).toThrowErrorMatchingInlineSnapshot(`[Error: expected call_self to be allowed, but the decision failed: Invalid account]`);
    expect(() => expect(42).toNeedApproval('litigation')).toThrowErrorMatchingInlineSnapshot(`[Error: expected litigation to need approval, but the value is not a Decision (engine.decide(...) returns one): 42]`);
  });

  it('are also plain functions returning verdicts (for other runners)', () => {
    const verdict = expectAllowed(evening, 'call_self');
    expect(verdict.pass).toBe(false);
    expect(verdictMessage(verdict, false)).toBe(`expected call_self to be allowed, but it is deferred until 2026-11-24 08:00 (Asia/Shanghai, UTC+08:00) [OUTSIDE_CONTACT_WINDOW]`);
    expect(expectDeferred(evening, 'call_self', { until: 'tomorrow' }).actual).toMatch(/'until' is not an instant/);
    // A typo in a JSON fixture's code is named as such.
    expect(expectBlocked(evening, 'call_employer', 'FORBIDDEN' as ReasonCode).actual).toMatch(/^'FORBIDDEN' is not a reason code \(known: OUTSIDE_CONTACT_WINDOW, /);
    expect(Object.keys(arrearsMatchers)).toEqual(['toAllow', 'toDefer', 'toBlock', 'toNeedApproval', 'toChooseNext']);
  });

  it('are typed on vitest Assertion', () => {
    const assertion = expect(evening as Decision);
    expectTypeOf(assertion.toAllow).parameters.toEqualTypeOf<[action: string, filter?: ProposalFilter]>();
    expectTypeOf(assertion.toDefer).parameters.toEqualTypeOf<[action: string, options?: DeferOptions]>();
    expectTypeOf(assertion.toBlock).parameters.toEqualTypeOf<[action: string, codeOrOptions?: ReasonCode | BlockOptions]>();
    expectTypeOf(assertion.toChooseNext).parameter(0).toEqualTypeOf<string | null>();
    expectTypeOf(assertion.not.toNeedApproval).returns.toBeVoid();
    const typeOnly = () => {
      // @ts-expect-error: 'TOO_MANY' is not a reason code
      expect(evening).toBlock('call_self', 'TOO_MANY');
      // @ts-expect-error: 'fax' is not a channel
      expect(evening).toAllow('call_self', { channel: 'fax' });
      // @ts-expect-error: the action is required
      expect(evening).toDefer();
    };
    expect(typeOnly).toBeTypeOf('function');
  });
});
