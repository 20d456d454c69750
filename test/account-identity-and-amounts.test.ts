import { describe, expect, expectTypeOf, it } from 'vitest';
import { ArrearsError, parseAccount, safeParseAccount, type Account, type Issue } from '../src/index';

const base = { id: 'A-1', currency: 'USD', amountDue: 12_500, dueDate: '2026-11-01', debtor: { timeZone: 'America/New_York' } };

function issuesOf(input: unknown): readonly Issue[] {
  const result = safeParseAccount(input);
  if (result.success) throw new Error('expected the account to be refused');
  return result.issues;
}

describe('account: id', () => {
  it('accepts any non-empty string up to 256 characters', () => {
    expect(parseAccount({ ...base, id: 'CARD-1001' }).id).toBe('CARD-1001');
    expect(parseAccount({ ...base, id: 'x'.repeat(256) }).id).toHaveLength(256);
  });

  it.each([
    ['empty', '', 'too_small'],
    ['too long', 'x'.repeat(257), 'too_big'],
    ['a number', 42, 'invalid_type'],
  ])('refuses an id that is %s', (_, id, code) => {
    expect(issuesOf({ ...base, id })).toEqual([expect.objectContaining({ code, path: ['id'] })]);
  });
});

describe('account: currency', () => {
  it.each(['USD', 'CNY', 'GBP', 'JPY'])('accepts %s', (currency) => {
    expect(parseAccount({ ...base, currency }).currency).toBe(currency);
  });

  it.each(['usd', 'US', 'USDX', 'U$D', ''])('refuses %j and says what a currency code is', (currency) => {
    expect(issuesOf({ ...base, currency })).toEqual([{ code: 'invalid_format', path: ['currency'], message: expect.stringContaining('ISO 4217') }]);
  });
});

describe('account: amountDue in integer minor units', () => {
  it.each([0, 1, 12_500, Number.MAX_SAFE_INTEGER])('accepts %d', (amountDue) => {
    expect(parseAccount({ ...base, amountDue }).amountDue).toBe(amountDue);
  });

  it('refuses a fractional amount and explains minor units', () => {
    expect(issuesOf({ ...base, amountDue: 125.5 })).toEqual([
      { code: 'invalid_type', path: ['amountDue'], message: 'amounts are integers in minor units (cents, fen): 12.5 USD is 1250' },
    ]);
  });

  it.each([
    ['negative', -1, 'too_small'],
    ['a numeric string', '12500', 'invalid_type'],
    ['NaN', Number.NaN, 'invalid_type'],
    ['Infinity', Number.POSITIVE_INFINITY, 'invalid_type'],
    ['null', null, 'invalid_type'],
  ])('refuses an amount that is %s', (_, amountDue, code) => {
    expect(issuesOf({ ...base, amountDue })).toEqual([expect.objectContaining({ code, path: ['amountDue'] })]);
  });

  it('refuses an amount beyond the safe integers', () => {
    expect(issuesOf({ ...base, amountDue: 2 ** 60 }).every((i) => i.code === 'too_big' && i.path.join('.') === 'amountDue')).toBe(true);
  });

  it('says an amount is too big, not that it is fractional, exactly once', () => {
    expect(issuesOf({ ...base, amountDue: 2 ** 60 })).toEqual([
      { code: 'too_big', path: ['amountDue'], message: 'must be at most 9007199254740991 minor units (the largest safe integer)' },
    ]);
  });

  it('says a hugely negative amount is too small, exactly once', () => {
    expect(issuesOf({ ...base, amountDue: -(2 ** 60) })).toEqual([expect.objectContaining({ code: 'too_small', path: ['amountDue'] })]);
  });
});

describe('account: required fields and unknown keys', () => {
  it('lists every missing required field at once', () => {
    const paths = issuesOf({}).map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['id', 'currency', 'amountDue', 'debtor']));
  });

  it('refuses an unknown key and names it', () => {
    expect(issuesOf({ ...base, amountdue: 1 })).toEqual([
      { code: 'unrecognized_keys', path: [], message: "unknown key 'amountdue'; remove it or check the spelling" },
    ]);
  });

  it('throws ArrearsError ACCOUNT_INVALID from parseAccount with the same issues', () => {
    const input = { ...base, currency: 'usd', amountDue: -5 };
    let caught: unknown;
    try {
      parseAccount(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ArrearsError);
    expect(caught).toMatchObject({ code: 'ACCOUNT_INVALID', issues: issuesOf(input) });
    expect((caught as ArrearsError).issues.map((i) => i.path[0])).toEqual(['currency', 'amountDue']);
  });

  it('fills in defaults and returns plain JSON', () => {
    const account = parseAccount(base);
    expect(account).toEqual({
      ...base,
      instalments: [],
      debtor: { timeZone: 'America/New_York', flags: {} },
      contacts: [],
      history: [],
      promises: [],
      payments: [],
      approvals: [],
      legalStage: 'none',
      tags: [],
      attributes: {},
    });
    expect(JSON.parse(JSON.stringify(account))).toEqual(account);
    expectTypeOf(account).toEqualTypeOf<Account>();
    expectTypeOf(account.amountDue).toEqualTypeOf<number>();
  });
});
