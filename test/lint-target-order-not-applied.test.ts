import { describe, expect, it } from 'vitest';
import { createEngine, lintPolicy, safeParsePolicy, type Issue } from '../src/index';

/**
 * `target_order_not_applied`: an action reaching the contacts of a contact order (`target: { order }`)
 * that the order's `appliesTo` does not select. The order then only picks and sorts the contacts:
 * it holds none back.
 */
const order = { kind: 'contactOrder', id: 'o', ranks: [['family'], ['self']] };

function policy(call: object, appliesTo?: object): object {
  return {
    id: 'p',
    version: '1',
    jurisdiction: 'US',
    actions: { call: { channel: 'phone', target: { order: 'o' }, ...call }, sms: { channel: 'sms' } },
    rules: [{ id: 'r', when: { all: [] }, then: ['call'] }],
    compliance: [{ id: 'L', constraints: [{ ...order, ...(appliesTo === undefined ? {} : { appliesTo }) }] }],
  };
}

function warningsOf(input: object): readonly Issue[] {
  const result = safeParsePolicy(input);
  if (!result.success) throw new Error(`expected the policy to parse: ${JSON.stringify(result.issues)}`);
  expect(lintPolicy(result.policy)).toEqual(result.warnings);
  return result.warnings;
}

describe('an action targeting a contact order that does not apply to it', () => {
  it('the order selects other actions: both contacts are allowed at once', () => {
    const input = policy({}, { actions: ['sms'] });
    expect(warningsOf(input)).toEqual([
      {
        code: 'target_order_not_applied',
        path: ['actions', 'call', 'target', 'order'],
        message:
          "'call' reaches the contacts of order 'o', but that order's `appliesTo` (actions 'sms') does not select 'call' on phone: the order never holds back its proposals, so every contact it ranks may be reached at once; widen the order's `appliesTo` to 'call', or target relationships instead",
      },
    ]);
    const account = {
      id: 'a1',
      currency: 'USD',
      amountDue: 42000,
      dueDate: '2026-10-15',
      debtor: { timeZone: 'America/New_York' },
      contacts: [
        { id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] },
        { id: 'sis', relationship: 'family', channels: [{ channel: 'phone' }] },
      ],
    };
    const decision = createEngine(input).decide(account, { now: '2026-11-24T12:00:00-05:00' });
    expect(decision.proposals.map((p) => [p.contactId, p.status])).toEqual([
      ['sis', 'allowed'],
      ['me', 'allowed'],
    ]);
  });

  it('the order selects none of its channels, or only kinds that reach no one', () => {
    expect(warningsOf(policy({ channel: ['phone', 'visit'] }, { channels: ['sms', 'email'] })).map((w) => w.path)).toEqual([['actions', 'call', 'target', 'order']]);
    // Reported once, on the action: the order's ranks still choose whom it reaches.
    expect(warningsOf(policy({}, { kinds: ['legal'] })).map((w) => w.code)).toEqual(['target_order_not_applied']);
  });
});

describe('not when the order applies to some of its proposals', () => {
  it('no appliesTo, its action, one of its channels, its kind', () => {
    expect(warningsOf(policy({}))).toEqual([]);
    expect(warningsOf(policy({}, { actions: ['call', 'sms'] }))).toEqual([]);
    expect(warningsOf(policy({ channel: ['sms', 'phone'] }, { channels: ['phone'] }))).toEqual([]);
    expect(warningsOf(policy({ kind: 'notice', channel: 'letter' }, { kinds: ['notice'] }))).toEqual([]);
  });

  it('only some of the people it reaches, or only at the workplace', () => {
    expect(warningsOf(policy({}, { relationships: ['family'] }))).toEqual([]);
    expect(warningsOf(policy({}, { workplace: true }))).toEqual([]);
  });
});
