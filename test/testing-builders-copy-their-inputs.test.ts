import { describe, expect, it } from 'vitest';
import { ArrearsError, createEngine, presets } from '../src/index';
import { anAccount } from '../src/testing/index';

const base = anAccount().overdueDays(30, { asOf: '2026-11-23' });

/** The issues of the `ArrearsError` that `f` throws, as `path: message`. */
function issuesOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ArrearsError) return e.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw e;
  }
  throw new Error('expected an ArrearsError');
}

describe('builders copy what they are given, at the call', () => {
  it('a Date reused and changed in a loop gives one instant per call', () => {
    const at = new Date('2026-11-20T10:00:00Z');
    let b = base;
    for (let i = 0; i < 3; i++) {
      b = b.paid({ at, amount: 100 });
      at.setUTCDate(at.getUTCDate() + 1);
    }
    expect(b.build().payments?.map((p) => p.at)).toEqual(['2026-11-20T10:00:00Z', '2026-11-21T10:00:00Z', '2026-11-22T10:00:00Z']);
  });

  it('an options object changed after the call does not change what was added', () => {
    const since = { since: '2026-11-20' };
    const flagged = base.flag('disputed', since);
    since.since = '2020-01-01';
    expect(flagged.build().debtor.flags).toEqual({ disputed: { since: '2026-11-20' } });
  });

  it('nested options, lists and Dates are copied all the way down', () => {
    const phone = { address: '+86 21 5555 0100', consentUntil: new Date('2027-01-01T00:00:00Z') };
    const contact = { phone: [phone], verified: true };
    const calls = [new Date('2026-11-20T02:00:00Z'), new Date('2026-11-21T02:00:00Z')];
    const called = { at: calls, outcome: 'no_answer' as const };
    const attempt = { at: new Date('2026-11-22T02:00:00Z'), outcome: 'delivered' as const, channel: 'sms' as const };
    const promise = { on: new Date('2026-12-01T02:00:00Z'), madeAt: new Date('2026-11-22T03:00:00Z') };
    const window = { from: '18:00', to: '20:00', days: ['sat' as const] };
    const instalment = { dueDate: '2026-11-01', amount: 500_00 };
    const approval = { at: new Date('2026-11-20T00:00:00Z'), by: 'owner' };
    const segment = { name: 'prime', scores: [1, 2] };
    const asOf = new Date('2026-11-23T04:00:00Z');

    const b = anAccount()
      .overdueDays(30, { asOf })
      .withContact('employer', contact)
      .called(2, called)
      .attempt(attempt)
      .promised(promise)
      .prefers(window)
      .instalment(instalment)
      .approved('litigation', approval)
      .attribute('segment', segment);
    const before = b.build();

    phone.address = '+86 21 5555 0199';
    phone.consentUntil.setUTCFullYear(2030);
    contact.phone.push({ address: '+86 21 5555 0177', consentUntil: new Date('2027-01-01T00:00:00Z') });
    contact.verified = false;
    calls[0]?.setUTCHours(23);
    calls.push(new Date('2026-11-22T02:00:00Z'));
    attempt.at.setUTCDate(1);
    promise.on.setUTCMonth(0);
    promise.madeAt.setUTCFullYear(2020);
    window.days.push('sun' as never);
    window.to = '23:00';
    instalment.amount = 1;
    approval.at.setUTCFullYear(2020);
    segment.scores.push(3);
    segment.name = 'subprime';
    asOf.setUTCFullYear(2020);

    expect(b.build()).toEqual(before);
    expect(before).toMatchObject({
      dueDate: '2026-10-24',
      contacts: [{ id: 'self' }, { id: 'employer', verified: true, channels: [{ channel: 'phone', address: '+86 21 5555 0100', consentUntil: '2027-01-01T00:00:00Z' }] }],
      history: [{ at: '2026-11-20T02:00:00Z' }, { at: '2026-11-21T02:00:00Z' }, { at: '2026-11-22T02:00:00Z', channel: 'sms' }],
      promises: [{ dueDate: '2026-12-01', madeAt: '2026-11-22T03:00:00Z' }],
      debtor: { contactPreferences: { windows: [{ from: '18:00', to: '20:00', days: ['sat'] }] } },
      instalments: [{ dueDate: '2026-11-01', amount: 500_00 }],
      approvals: [{ action: 'litigation', at: '2026-11-20T00:00:00Z' }],
      attributes: { segment: { name: 'prime', scores: [1, 2] } },
    });
  });

  it('a base builder stays shareable: builders derived from it do not see each other', () => {
    const at = new Date('2026-11-20T10:00:00Z');
    const one = base.paid({ at, amount: 1 });
    at.setUTCDate(21);
    const two = base.paid({ at, amount: 2 });
    expect(one.build().payments).toEqual([{ at: '2026-11-20T10:00:00Z', amount: 1 }]);
    expect(two.build().payments).toEqual([{ at: '2026-11-21T10:00:00Z', amount: 2 }]);
    expect(base.build().payments).toBeUndefined();
  });

  it('an invalid Date is still refused when built, at its path', () => {
    expect(issuesOf(() => base.paid({ at: new Date(Number.NaN), amount: 1 }).build())).toEqual([expect.stringMatching(/^payments\.0\.at: /)]);
  });
});

describe('paid({ at }) without an amount: paid in full', () => {
  it('pays the amount due and leaves nothing due, so the account is settled and nobody is chased', () => {
    const paid = anAccount().amount(500_00).overdueDays(40, { asOf: '2026-11-23' }).withContact('self', { email: true, phone: true }).paid({ at: '2026-11-20T10:00:00Z' });
    const account = paid.build();
    expect(account.amountDue).toBe(0);
    expect(account.payments).toEqual([{ at: '2026-11-20T10:00:00Z', amount: 500_00 }]);
    const decision = createEngine(presets.strategies.b2bDunning).decide(account, { now: '2026-11-23T10:00:00+08:00' });
    expect(decision.proposals.filter((p) => p.status === 'allowed')).toEqual([]);
    // The same account with the payment's amount written out is still owed: amountDue is what you say is due now.
    const partly = anAccount().amount(500_00).overdueDays(40, { asOf: '2026-11-23' }).paid({ at: '2026-11-20T10:00:00Z', amount: 500_00 }).build();
    expect(partly.amountDue).toBe(500_00);
  });

  it('pays the amount due whenever .amount() is called, and promises keep the amount that was due', () => {
    const account = base.paid({ at: '2026-11-20T10:00:00Z' }).promised({ on: '2026-11-21', madeAt: '2026-11-19T10:00:00Z' }).amount(250_00, 'USD').build();
    expect(account).toMatchObject({ amountDue: 0, payments: [{ amount: 250_00 }], promises: [{ amount: 250_00 }] });
  });

  it('pays instalments oldest first, up to the amount that was due', () => {
    const account = anAccount()
      .amount(300_00)
      .instalment({ dueDate: '2026-12-01', amount: 200_00 })
      .instalment({ dueDate: '2026-10-01', amount: 200_00, paid: 100_00 })
      .paid({ at: '2026-11-20T10:00:00Z' })
      .build();
    expect(account.amountDue).toBe(0);
    expect(account.instalments).toEqual([
      { dueDate: '2026-12-01', amount: 200_00, paid: 200_00 },
      { dueDate: '2026-10-01', amount: 200_00, paid: 200_00 },
    ]);
  });

  it('is refused at the call a second time: give the amount of a later payment', () => {
    const once = base.paid({ at: '2026-11-20T10:00:00Z' });
    expect(issuesOf(() => once.paid({ at: '2026-11-21T10:00:00Z' }))).toEqual([expect.stringMatching(/^payments\.1\.amount: .*give this payment its `amount`/)]);
    expect(once.paid({ at: '2026-11-21T10:00:00Z', amount: 5 }).build().payments).toHaveLength(2);
  });
});

describe('builders say when a date does not exist', () => {
  it.each([
    ['promised({ on })', () => base.promised({ on: '2027-02-29' }).build(), 'promises.0.on: "2027-02-29" is not a calendar date: 2027-02 has 28 days, not 29'],
    ['promised({ on }), month 13', () => base.promised({ on: '2026-13-01' }).build(), 'promises.0.on: "2026-13-01" is not a calendar date: month 13 does not exist'],
    ['flag({ since })', () => base.flag('disputed', { since: '2026-02-30' }).build(), 'debtor.flags.disputed.since: "2026-02-30" is not a calendar date: 2026-02 has 28 days, not 30'],
    ['flag({ until })', () => base.flag('disputed', { since: '2026-04-01', until: '2026-04-31' }).build(), 'debtor.flags.disputed.until: "2026-04-31" is not a calendar date: 2026-04 has 30 days, not 31'],
    ['overdueDays({ asOf })', () => anAccount().overdueDays(3, { asOf: '2026-02-30' }).build(), 'asOf: "2026-02-30" is not a calendar date: 2026-02 has 28 days, not 30'],
  ])('%s', (_, f, message) => {
    expect(issuesOf(f)).toEqual([message]);
  });

  it('still reads a date that exists, and says an instant is needed where only an instant will do', () => {
    expect(base.promised({ on: '2028-02-29' }).build().promises).toEqual([{ dueDate: '2028-02-29', amount: 100_000 }]);
    expect(issuesOf(() => base.paid({ at: '2026-11-20' }).build())).toEqual([expect.stringContaining('a date alone is not an instant')]);
  });
});
