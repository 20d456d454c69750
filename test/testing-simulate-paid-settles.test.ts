import { describe, expect, it } from 'vitest';
import { ArrearsError, type Attempt, type Outcome, presets } from '../src/index';
import { anAccount, checkCompliance, type RespondContext, simulate } from '../src/testing/index';
import { arrearsErrorOf } from './support/errors';

// A B2B customer who owes 500.00 AUD since 6 November and is chased by e-mail and phone.
const customer = anAccount().amount(500_00, 'AUD').inZone('Australia/Adelaide').dueOn('2026-11-06').withContact('self', { email: true, phone: true, letter: true });
const period = { from: '2026-10-25T00:00:00Z', to: '2027-01-01T00:00:00Z' } as const;
const unanswered = (ctx: RespondContext): Outcome => (ctx.channel === 'phone' ? 'no_answer' : ctx.channel === null ? 'completed' : 'delivered');
// The debtor pays on the dunning call of 17 November (local), and answers nothing else.
const paysOnThe17th = (ctx: RespondContext): Outcome => (ctx.action === 'followup_call' && ctx.localDate === '2026-11-17' ? 'paid' : unanswered(ctx));
const escalations = (attempts: readonly Attempt[]) => attempts.map((a) => a.action ?? '').filter((a) => a.startsWith('escalate_') || a === 'lock_account');

describe("simulate: a debtor who answers 'paid'", () => {
  it('pays everything due at that instant: the payment is recorded, nothing is due, and the chasing stops', () => {
    const chased = simulate(presets.strategies.b2bDunning, customer, { ...period, respond: unanswered });
    expect(escalations(chased.attempts)).toContain('escalate_supervisor');

    const timeline = simulate(presets.strategies.b2bDunning, customer, { ...period, respond: paysOnThe17th });
    const paid = timeline.attempts.find((a) => a.outcome === 'paid');
    expect(paid?.action).toBe('followup_call');
    expect(timeline.account.payments).toEqual([{ at: paid?.at, amount: 500_00 }]);
    expect(timeline.account.amountDue).toBe(0);
    // The call that was paid on is the last thing done: no e-mail, no call, no escalation after it.
    expect(timeline.attempts.at(-1)).toEqual(paid);
    expect(escalations(timeline.attempts)).toEqual([]);
    expect(timeline.stopped).toBe('end');
  });

  it("pays part of it with { outcome: 'paid', payment: { amount } }: the rest is still due and still chased", () => {
    const respond = (ctx: RespondContext) => (ctx.action === 'followup_call' && ctx.localDate === '2026-11-17' ? { outcome: 'paid' as const, payment: { amount: 200_00 } } : unanswered(ctx));
    const timeline = simulate(presets.strategies.b2bDunning, customer, { ...period, respond });
    const paid = timeline.attempts.find((a) => a.outcome === 'paid');
    expect(timeline.account.payments).toEqual([{ at: paid?.at, amount: 200_00 }]);
    expect(timeline.account.amountDue).toBe(300_00);
    expect(timeline.attempts.filter((a) => a.at > (paid?.at ?? '')).length).toBeGreaterThan(0);
  });

  it('is told the account before the payment, and pays what is due at that instant', () => {
    const owed: number[] = [];
    const respond = (ctx: RespondContext): Outcome => {
      owed.push(ctx.account.amountDue);
      return ctx.action === 'followup_call' ? 'paid' : unanswered(ctx);
    };
    const timeline = simulate(presets.strategies.b2bDunning, customer.amount(123_45, 'AUD'), { ...period, respond });
    expect(timeline.account.payments.map((p) => p.amount)).toEqual([123_45]);
    expect(owed.at(-1)).toBe(123_45);
    expect(timeline.account.amountDue).toBe(0);
  });

  it('pays instalments oldest first', () => {
    const account = anAccount()
      .amount(300_00)
      .instalment({ dueDate: '2026-11-10', amount: 100_00 })
      .instalment({ dueDate: '2026-10-10', amount: 200_00, paid: 50_00 })
      .withContact('self', { email: true, phone: true });
    // Pays 200.00 on the first call only.
    const respond = (ctx: RespondContext) => (ctx.channel === 'phone' && ctx.attemptNumber === 1 ? { outcome: 'paid' as const, payment: { amount: 200_00 } } : unanswered(ctx));
    const timeline = simulate(presets.strategies.b2bDunning, account, { from: '2026-11-20T00:00:00+08:00', to: '2026-11-30T00:00:00+08:00', respond });
    expect(timeline.account.payments.map((p) => p.amount)).toEqual([200_00]);
    expect(timeline.account.amountDue).toBe(100_00);
    expect(timeline.account.instalments).toEqual([
      { dueDate: '2026-11-10', amount: 100_00, paid: 50_00 },
      { dueDate: '2026-10-10', amount: 200_00, paid: 200_00 },
    ]);
  });

  it('records nothing when nothing is due any more', () => {
    const policy = { id: 'p', version: '1', jurisdiction: 'CN', actions: { call: { channel: 'phone' } }, rules: [{ id: 'r', when: { all: [] }, then: ['call'] }] } as const;
    const timeline = simulate(policy, anAccount().amount(0).dueOn('2026-11-01'), { from: '2026-11-23T10:00:00+08:00', to: '2026-11-23T10:00:01+08:00', respond: () => 'paid' });
    expect(timeline.attempts.map((a) => a.outcome)).toEqual(['paid']);
    expect(timeline.account.payments).toEqual([]);
    expect(timeline.account.amountDue).toBe(0);
  });

  it('gives the same timeline every run, and one that breaks no rule of the policy', () => {
    const a = simulate(presets.strategies.b2bDunning, customer, { ...period, respond: paysOnThe17th });
    const b = simulate(presets.strategies.b2bDunning, customer, { ...period, respond: paysOnThe17th });
    expect(b).toEqual(a);
    // Judged on the account as it stood at each attempt: what was paid since was owed then.
    expect(checkCompliance(a.attempts, presets.strategies.b2bDunning, { account: customer })).toEqual([]);
    expect(checkCompliance(a, presets.strategies.b2bDunning)).toEqual([]);
    expect(checkCompliance(a.attempts, presets.strategies.b2bDunning, { account: a.account })).toEqual([]);
  });

  it.each([
    ['with another outcome', { outcome: 'right_party_contact', payment: { amount: 100 } }, 'respond.payment', "a payment comes with the outcome 'paid'"],
    ['of nothing', { outcome: 'paid', payment: { amount: 0 } }, 'respond.payment.amount', 'must be more than 0'],
    ['of more than is due', { outcome: 'paid', payment: { amount: 500_01 } }, 'respond.payment.amount', 'is more than the amount due (50000)'],
    ['of a negative amount', { outcome: 'paid', payment: { amount: -1 } }, 'respond.payment.amount', 'must be 0 or more'],
    ['without an amount', { outcome: 'paid', payment: {} }, 'respond.payment.amount', 'a payment needs its `amount`'],
    ['with an unknown key', { outcome: 'paid', payment: { amount: 1, at: '2026-11-20T10:00:00Z' } }, 'respond.payment', 'at'],
  ])('refuses a payment %s, naming the value and the attempt', (_, response, path, words) => {
    let error: unknown;
    try {
      simulate(presets.strategies.b2bDunning, customer, { ...period, respond: (ctx) => (ctx.action === 'followup_call' ? (response as never) : unanswered(ctx)) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArrearsError);
    const issue = (error as ArrearsError).issues[0];
    expect((error as ArrearsError).code).toBe('OPTIONS_INVALID');
    expect(issue?.path.join('.')).toBe(path);
    expect(issue?.message).toContain(words);
    expect(issue?.message).toContain('answering followup_call at');
  });
});

describe('simulate: the context given to a responder', () => {
  it('holds a frozen copy of the account: writing to it throws, and the simulation is unchanged', () => {
    const respond = (ctx: RespondContext): Outcome => {
      (ctx.account as { amountDue: number }).amountDue = 0;
      return unanswered(ctx);
    };
    // The write throws a TypeError inside the responder; simulate reports it as the responder's failure.
    const e = arrearsErrorOf(() => simulate(presets.strategies.b2bDunning, customer, { ...period, respond }));
    expect(e.issues).toMatchObject([{ code: 'responder_threw', path: ['respond'] }]);
    expect(e.cause).toBeInstanceOf(TypeError);

    const frozen: boolean[] = [];
    simulate(presets.strategies.b2bDunning, customer, {
      ...period,
      respond: (ctx) => {
        frozen.push(Object.isFrozen(ctx.account), Object.isFrozen(ctx.account.history), Object.isFrozen(ctx.account.contacts[0]?.channels), Object.isFrozen(ctx.proposal), Object.isFrozen(ctx));
        return unanswered(ctx);
      },
    });
    expect(frozen.length).toBeGreaterThan(0);
    expect(frozen.every(Boolean)).toBe(true);
  });

  it('keeps the account before the attempt, even when read after the simulation moved on', () => {
    const seen: RespondContext[] = [];
    const timeline = simulate(presets.strategies.b2bDunning, customer, { ...period, respond: (ctx) => (seen.push(ctx), paysOnThe17th(ctx)) });
    expect(seen[0]?.account.history).toEqual([]);
    expect(seen.at(-1)?.account.history).toHaveLength(timeline.attempts.length - 1);
    expect(seen.at(-1)?.account.amountDue).toBe(500_00);
    // The timeline's own account is the caller's to change.
    expect(Object.isFrozen(timeline.account)).toBe(false);
  });
});
