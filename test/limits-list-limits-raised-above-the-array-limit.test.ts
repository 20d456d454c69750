import { describe, expect, it } from 'vitest';
import { ArrearsError, parseAccount, resolveLimits, safeResolveLimits } from '../src/index';

/*
 * History, contacts and rules are lists: `maxArrayLength` bounds them as well as their own limit.
 * Raising `maxAttempts` alone to 20,000 used to be accepted, and an account with 10,001 attempts
 * was still refused (by `maxArrayLength`). The option now says so when it is given.
 */

describe('a list limit raised above maxArrayLength', () => {
  it.each(['maxAttempts', 'maxContacts', 'maxRules'] as const)('%s alone above the default maxArrayLength is refused at it, saying what to raise', (name) => {
    const r = safeResolveLimits({ [name]: 20_000 });
    expect(r).toEqual({
      success: false,
      issues: [
        {
          code: 'limits_conflict',
          path: ['limits', name],
          message: `limits.${name} is 20000, but every list is also bounded by limits.maxArrayLength (10000, the default): raise maxArrayLength to at least 20000 too`,
        },
      ],
    });
  });

  it('is accepted with maxArrayLength raised too, and then an account with that many attempts parses', () => {
    const limits = resolveLimits({ maxAttempts: 20_000, maxArrayLength: 20_000 });
    expect(limits.maxAttempts).toBe(20_000);
    const history = Array.from({ length: 10_001 }, (_, i) => ({ at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), channel: 'sms', outcome: 'delivered' }));
    const account = { id: 'A', currency: 'USD', amountDue: 100, dueDate: '2026-01-01', debtor: { timeZone: 'UTC' }, contacts: [], history };
    expect(parseAccount(account, { limits }).history).toHaveLength(10_001);
  });

  it('lowering maxArrayLength alone is fine (the list limits keep their defaults), and so is resolving resolved limits again', () => {
    const limits = resolveLimits({ maxArrayLength: 50 });
    expect(limits.maxAttempts).toBe(10_000);
    expect(resolveLimits(limits)).toEqual(limits);
    expect(resolveLimits({ maxAttempts: 10_000, maxArrayLength: 50 }).maxArrayLength).toBe(50);
  });

  it('throws OPTIONS_INVALID from resolveLimits and from the options of parseAccount', () => {
    expect(() => resolveLimits({ maxContacts: 20_000, maxArrayLength: 15_000 })).toThrow(ArrearsError);
    try {
      parseAccount({}, { limits: { maxAttempts: 20_000 } });
    } catch (e) {
      expect(e).toBeInstanceOf(ArrearsError);
      expect((e as ArrearsError).code).toBe('OPTIONS_INVALID');
      expect((e as ArrearsError).issues[0]?.code).toBe('limits_conflict');
    }
    expect.assertions(4);
  });
});
