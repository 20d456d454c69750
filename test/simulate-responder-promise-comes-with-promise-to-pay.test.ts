import { describe, expect, it } from 'vitest';
import { ArrearsError } from '../src/index';
import { anAccount, simulate } from '../src/testing/index';

/* docs/testing.md (simulate): a responder returns an outcome, or `{ outcome, promise?, payment? }`
   — a promise to pay when the outcome is one (the Response type says so), a payment with 'paid'
   only (another outcome is refused). A promise with any other outcome was recorded anyway: an
   unanswered call left a promise on the account, its hold paused the chase, and the timeline
   showed a debtor who never spoke promising to pay. It is refused at `respond.promise`. */

const policy = {
  id: 's',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [] }, then: ['call_self'] }],
  compliance: [{ id: 'own', constraints: [{ kind: 'promiseHold', id: 'hold' }] }],
};
const account = anAccount().amount(50_000, 'USD').inZone('America/New_York').dueOn('2026-10-01');
const run = (outcome: string) => () =>
  simulate(policy, account, { from: '2026-11-23T10:00:00-05:00', to: '2026-11-24T00:00:00-05:00', respond: () => ({ outcome, promise: { on: '2026-11-30' } }) as never });
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (error instanceof ArrearsError) return { code: error.code, issues: error.issues.map((i) => `${i.code} ${i.path.join('.')}`) };
    throw error;
  }
  return null;
};

describe("a responder's promise comes with the outcome 'promise_to_pay'", () => {
  it.each(['no_answer', 'right_party_contact', 'refused'])('a promise with %s is refused at respond.promise', (outcome) => {
    expect(refusal(run(outcome))).toEqual({ code: 'OPTIONS_INVALID', issues: ['invalid_option respond.promise'] });
  });

  it('with promise_to_pay it is recorded, and holds the chase', () => {
    const timeline = run('promise_to_pay')();
    expect(timeline.account.promises).toHaveLength(1);
    expect(timeline.attempts.map((a) => a.outcome)).toEqual(['promise_to_pay']);
  });
});
