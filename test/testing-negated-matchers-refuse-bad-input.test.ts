import { describe, expect, it } from 'vitest';
import { ArrearsError, createEngine, type ReasonCode } from '../src/index';
import { expectAllowed, expectBlocked, expectDeferred, expectNext, runFixtures } from '../src/testing/index';
import '../src/testing/vitest';
import { arrearsErrorOf } from './support/errors';

/*
 * A matcher that cannot check its input used to answer `pass: false`, which `.not` turned into a
 * pass: `expect(undefined).not.toAllow('call')`, a reason code that does not exist, an `until` that
 * is not an instant all "passed" under `.not`, checking nothing. They now throw ArrearsError
 * (OPTIONS_INVALID, at the argument's path), so a typo never makes a case check less than it says.
 */

const policy = {
  id: 'negated-matchers',
  version: '1',
  jurisdiction: 'GB',
  actions: { call_self: { channel: 'phone', target: 'self' }, sms_self: { channel: 'sms', target: 'self' } },
  rules: [{ id: 'overdue', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call_self', 'sms_self'] }],
  compliance: [
    {
      id: 'company',
      constraints: [
        { kind: 'window', id: 'hours', appliesTo: { channels: ['phone'] }, from: '08:00', to: '21:00' },
        { kind: 'block', id: 'no-texts', appliesTo: { channels: ['sms'] }, code: 'BLOCKED', message: 'we do not text' },
      ],
    },
  ],
} as const;
const engine = createEngine(policy);
const account = {
  id: 'A-1',
  currency: 'GBP',
  amountDue: 50_000,
  dueDate: '2026-11-18',
  debtor: { timeZone: 'Europe/London' },
  contacts: [{ id: 'self', relationship: 'self' as const, channels: [{ channel: 'phone' as const }, { channel: 'sms' as const }] }],
};
/** 21:05 in London: the call is deferred to 08:00 by the window; the text is blocked. */
const evening = engine.decide(account, { now: '2026-11-23T21:05:00Z' });
/** 12:00: the call is allowed. */
const noon = engine.decide(account, { now: '2026-11-23T12:00:00Z' });
const [failed] = [...engine.decideMany([{ id: 'broken' }], { now: '2026-11-23T12:00:00Z' })];

/** The ArrearsError the assertion throws: OPTIONS_INVALID, its one issue. */
function refusal(assertion: () => void) {
  const error = arrearsErrorOf(assertion);
  expect(error.code).toBe('OPTIONS_INVALID');
  expect(error.issues).toHaveLength(1);
  return error.issues[0];
}

describe('negated matchers refuse what they cannot check', () => {
  it('sanity: the fixtures are what the cases below assume', () => {
    expect(evening).toDefer('call_self', { code: 'OUTSIDE_CONTACT_WINDOW', until: '2026-11-24T08:00:00Z' });
    expect(evening).toBlock('sms_self', 'BLOCKED');
    expect(noon).toAllow('call_self');
    expect(failed).toMatchObject({ ok: false });
  });

  it('a value that is not a Decision: undefined, a failed decideMany result, anything', () => {
    expect(() => expect(undefined).not.toAllow('call_self')).toThrow(ArrearsError);
    expect(refusal(() => expect(undefined).not.toAllow('call_self'))).toEqual({
      code: 'invalid_type',
      path: [],
      message: 'expect(value) must be a Decision returned by engine.decide (or a successful decideMany result) for "call_self to be allowed" to be checked either way; received undefined',
    });
    const failure = refusal(() => expect(failed).not.toAllow('call_self'));
    expect(failure).toMatchObject({ code: 'invalid_type', path: [] });
    expect(failure?.message).toMatch(/^expect\(value\) got a failed decideMany result \(ok: false: Invalid account .*\), not a Decision: .* assert result\.ok first$/s);
    expect(() => expect({ ok: false, accountId: 'x', error: new Error('bad') }).not.toAllow('call_self')).toThrow(/failed decideMany result \(ok: false: bad\)/);
    expect(refusal(() => expect(42).not.toDefer('call_self'))).toMatchObject({ code: 'invalid_type', path: [] });
    expect(refusal(() => expect(null).not.toBlock('sms_self'))).toMatchObject({ code: 'invalid_type', path: [] });
    expect(refusal(() => expect({}).not.toNeedApproval('call_self'))).toMatchObject({ code: 'invalid_type', path: [] });
    expect(refusal(() => expect(undefined).not.toChooseNext(null))).toMatchObject({ code: 'invalid_type', path: [] });
  });

  it('without .not, a value that is not a Decision still fails as an expectation, saying what it is', () => {
    expect(() => expect(undefined).toAllow('call_self')).toThrow('expected call_self to be allowed, but the value is not a Decision (engine.decide(...) returns one): undefined');
    expect(() => expect(undefined).toAllow('call_self')).not.toThrow(ArrearsError);
  });

  it('a reason code that does not exist, in toDefer and toBlock, with a did-you-mean when one is close', () => {
    const deferCode = refusal(() => expect(evening).not.toDefer('call_self', { code: 'OUTSIDE_WINDOW' as ReasonCode }));
    expect(deferCode).toMatchObject({ code: 'invalid_value', path: ['code'], message: expect.stringMatching(/^'OUTSIDE_WINDOW' is not a reason code \(known: OUTSIDE_CONTACT_WINDOW, /) });
    expect(refusal(() => expect(noon).not.toBlock('call_self', 'BLOKED' as ReasonCode))).toMatchObject({
      code: 'invalid_value',
      path: ['code'],
      message: expect.stringMatching(/is not a reason code .*; did you mean 'BLOCKED'\?$/),
    });
    expect(refusal(() => expect(noon).not.toBlock('call_self', { code: 'frequency_cap' as ReasonCode }))).toMatchObject({ path: ['code'], message: expect.stringContaining("did you mean 'FREQUENCY_CAP'?") });
  });

  it("an 'until' that is not an instant (no T, no offset, an invalid Date)", () => {
    expect(refusal(() => expect(evening).not.toDefer('call_self', { until: '2026-11-24 08:00' }))).toMatchObject({
      code: 'invalid_instant',
      path: ['until'],
      message: expect.stringContaining('separate date and time with "T"'),
    });
    expect(refusal(() => expect(evening).not.toDefer('call_self', { until: '2026-11-24T08:00' }))).toMatchObject({ code: 'missing_offset', path: ['until'] });
    // An invalid Date used to crash the message with a RangeError.
    expect(refusal(() => expect(evening).not.toDefer('call_self', { until: new Date(Number.NaN) }))).toMatchObject({ code: 'invalid_instant', path: ['until'] });
  });

  it('a channel that does not exist, a contact or action that is not an id', () => {
    expect(refusal(() => expect(noon).not.toAllow('call_self', { channel: 'phon' as never }))).toMatchObject({
      code: 'invalid_value',
      path: ['channel'],
      message: expect.stringContaining("'phon' is not a channel (known: phone, sms, email, letter, visit, app); did you mean 'phone'?"),
    });
    expect(refusal(() => expect(noon).not.toChooseNext('call_self', { channel: 'fax' as never }))).toMatchObject({ path: ['channel'] });
    expect(refusal(() => expect(noon).not.toAllow('call_self', { contact: 7 as never }))).toMatchObject({ code: 'invalid_type', path: ['contact'] });
    expect(refusal(() => expect(noon).not.toAllow(undefined as never))).toMatchObject({ code: 'invalid_type', path: ['action'], message: 'must be an action id of the policy; received undefined' });
    expect(refusal(() => expect(noon).not.toChooseNext(undefined as never))).toMatchObject({ code: 'invalid_type', path: ['action'], message: expect.stringContaining('or null for nothing next') });
  });

  it('an action id no rule proposes: refused with a did-you-mean; an action of a rule that did not fire is checked', () => {
    expect(refusal(() => expect(noon).not.toAllow('call_slef'))).toMatchObject({
      code: 'invalid_value',
      path: ['action'],
      message: "'call_slef' is not proposed by any rule of policy 'negated-matchers' (its rules propose: call_self, sms_self); did you mean 'call_self'?",
    });
    expect(refusal(() => expect(noon).not.toChooseNext('sms_slef'))).toMatchObject({ path: ['action'] });
    // Before the due date the rule does not fire: nothing is proposed, and the id is still known.
    const early = engine.decide(account, { now: '2026-11-10T12:00:00Z' });
    expect(early.proposals).toEqual([]);
    expect(early).not.toAllow('call_self');
    expect(() => expect(early).toAllow('call_self')).toThrow(/not proposed/);
    // A decision stored before the trace listed unfired rules' actions cannot tell: the id is taken.
    const stored = { ...early, trace: { rules: early.trace.rules.map((r) => ({ ...r, actions: [] })) } };
    expect(stored).not.toAllow('call_slef');
  });

  it('a wrong argument is refused without .not too', () => {
    expect(refusal(() => expect(evening).toDefer('call_self', { code: 'OUTSIDE_WINDOW' as ReasonCode }))).toMatchObject({ path: ['code'] });
    expect(refusal(() => expect(evening).toDefer('call_self', { until: 'tomorrow' }))).toMatchObject({ path: ['until'] });
    expect(refusal(() => expect(evening).toBlock('sms_self', 'BLOKED' as ReasonCode))).toMatchObject({ path: ['code'] });
  });

  it('every wrong argument is listed at once', () => {
    const error = arrearsErrorOf(() => expect(evening).not.toDefer('call_self', { until: 'soon', code: 'LATER' as ReasonCode, channel: 'pigeon' as never }));
    expect(error.issues.map((i) => i.path)).toEqual([['channel'], ['until'], ['code']]);
  });
});

describe('valid negations still pass and fail on what the decision says', () => {
  it('pass when the decision says otherwise', () => {
    expect(evening).not.toAllow('call_self');
    expect(evening).not.toDefer('call_self', { code: 'FREQUENCY_CAP' });
    expect(evening).not.toDefer('call_self', { until: '2026-11-24T09:00:00Z' });
    expect(evening).not.toBlock('call_self', 'BLOCKED');
    expect(evening).not.toBlock('sms_self', 'OPTED_OUT');
    expect(noon).not.toDefer('call_self');
    expect(noon).not.toChooseNext('sms_self');
    expect(noon).not.toChooseNext(null);
    expect(noon).not.toAllow('call_self', { channel: 'sms' });
  });

  it('fail, as assertions with the explanation, when the decision says so', () => {
    expect(() => expect(noon).not.toAllow('call_self')).toThrow(/^expected call_self not to be allowed, but it is allowed\n\nAccount A-1 at /);
    expect(() => expect(noon).not.toAllow('call_self')).not.toThrow(ArrearsError);
    expect(() => expect(evening).not.toDefer('call_self', { code: 'OUTSIDE_CONTACT_WINDOW', until: '2026-11-24T08:00:00Z' })).toThrow(
      'expected call_self not to be deferred until 2026-11-24T08:00:00Z by OUTSIDE_CONTACT_WINDOW, but it is deferred until 2026-11-24 08:00 (Europe/London, UTC+00:00) [OUTSIDE_CONTACT_WINDOW]',
    );
    expect(() => expect(evening).not.toBlock('sms_self', 'BLOCKED')).toThrow(/^expected sms_self not to be blocked by BLOCKED, but it is blocked \[BLOCKED\]/);
    expect(() => expect(noon).not.toChooseNext('call_self')).toThrow(/^expected call_self not to be chosen next, but next is call_self/);
  });

  it('positive failures keep their messages', () => {
    expect(() => expect(evening).toAllow('call_self')).toThrow(/^expected call_self to be allowed, but it is deferred until 2026-11-24 08:00 \(Europe\/London, UTC\+00:00\) \[OUTSIDE_CONTACT_WINDOW\]\n\n/);
    expect(() => expect(evening).toDefer('call_self', { until: new Date('2026-11-24T09:00:00Z') })).toThrow(/^expected call_self to be deferred until 2026-11-24T09:00:00.000Z, but it is deferred until 2026-11-24 08:00/);
  });
});

describe('the plain functions carry the refusal as data', () => {
  it("a verdict that could not be checked says so in `error`, and `pass: false` is not the negation's success", () => {
    const typo = expectBlocked(noon, 'call_self', 'BLOKED' as ReasonCode);
    expect(typo).toMatchObject({ pass: false, actual: expect.stringMatching(/^'BLOKED' is not a reason code/) });
    expect(typo.error).toBeInstanceOf(ArrearsError);
    expect(typo.error?.issues[0]?.path).toEqual(['code']);
    expect(expectDeferred(evening, 'call_self', { until: 'tomorrow' }).error?.path).toEqual(['until']);
    expect(expectAllowed(undefined, 'call_self').error?.code).toBe('OPTIONS_INVALID');
    expect(expectNext(noon, 'call_self').error).toBeUndefined();
    expect(expectAllowed(evening, 'call_self')).toMatchObject({ pass: false });
    expect(expectAllowed(evening, 'call_self').error).toBeUndefined();
  });

  it('runFixtures still reports a typo as that case failing, without throwing', () => {
    const [result] = runFixtures([{ description: 'typo', account, now: '2026-11-23T21:05:00Z', expect: { blocked: [{ action: 'sms_self', code: 'BLOKED' as ReasonCode }] } }], { policy });
    expect(result?.pass).toBe(false);
    expect(result?.failures[0]).toMatch(/^expected sms_self to be blocked by BLOKED, but 'BLOKED' is not a reason code .*did you mean 'BLOCKED'\?$/);
  });
});
