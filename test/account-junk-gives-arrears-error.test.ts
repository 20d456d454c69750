import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArrearsError, parseAccount, safeParseAccount } from '../src/index';

/** Whatever goes in, a refusal is an ArrearsError ACCOUNT_INVALID with well-formed issues. */
function expectArrearsErrorOrAccount(input: unknown): void {
  let caught: unknown;
  try {
    parseAccount(input);
    return;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ArrearsError);
  const error = caught as ArrearsError;
  expect(error.code).toBe('ACCOUNT_INVALID');
  expect(error.issues.length).toBeGreaterThan(0);
  for (const issue of error.issues) {
    expect(typeof issue.code).toBe('string');
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
    expect(Array.isArray(issue.path)).toBe(true);
    for (const part of issue.path) expect(['string', 'number']).toContain(typeof part);
  }
  expect(error.path).toEqual(error.issues[0]?.path);
  expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: 'ArrearsError', code: 'ACCOUNT_INVALID' });
}

function deep(levels: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = wrap(value);
  return value;
}

const base = { id: 'A-1', currency: 'USD', amountDue: 100, dueDate: '2026-11-01', debtor: { timeZone: 'UTC' } };

describe('parseAccount on junk', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['42', 42],
    ['a string', 'x'],
    ['an empty array', []],
    ['an array of accounts', [base]],
    ['true', true],
    ['a bigint', 10n],
    ['a symbol', Symbol('account')],
    ['a function', () => base],
    ['a Map', new Map([['id', 'A-1']])],
    ['a Date', new Date(0)],
    ['an object without prototype', Object.assign(Object.create(null) as object, { id: 1 })],
    ['a deep object', deep(30, {}, (inner) => ({ a: inner }))],
    ['junk in every field', { id: {}, currency: [], amountDue: 'a lot', dueDate: 0, debtor: 'me', contacts: {}, history: 'none', tags: {}, attributes: 'x' }],
  ])('%s → ArrearsError with issues, never a TypeError', (_, input) => {
    expectArrearsErrorOrAccount(input);
  });

  it('safeParseAccount never throws on the same junk', () => {
    for (const input of [null, undefined, 42, 'x', [], true, 10n, Symbol('s'), () => 1, new Map()]) {
      expect(safeParseAccount(input).success).toBe(false);
    }
  });

  it('any value at all (property)', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true }), (input) => {
        expectArrearsErrorOrAccount(input);
      }),
      { numRuns: 300 },
    );
  });

  it('any JSON in any field of a valid account (property)', () => {
    const keys = ['id', 'currency', 'amountDue', 'dueDate', 'instalments', 'debtor', 'contacts', 'history', 'promises', 'payments', 'approvals', 'legalStage', 'tags', 'attributes'];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
        expectArrearsErrorOrAccount({ ...base, [key]: value });
      }),
      { numRuns: 300 },
    );
  });

  it('a moderately deep attributes value parses', () => {
    expect(parseAccount({ ...base, attributes: { x: deep(100, 1, (inner) => ({ a: inner })) } }).attributes).toBeDefined();
  });

  // The input guard stops at limits.maxDepth, before zod recurses (20,000 levels would overflow
  // its stack): a size limit, so LIMIT_EXCEEDED rather than ACCOUNT_INVALID.
  it('an absurdly deep attributes value → ArrearsError LIMIT_EXCEEDED, not RangeError', () => {
    const input = { ...base, attributes: { x: deep(20_000, 1, (inner) => [inner]) } };
    expect(() => parseAccount(input)).toThrow(ArrearsError);
    expect(safeParseAccount(input)).toMatchObject({ success: false, code: 'LIMIT_EXCEEDED', issues: [{ code: 'too_deep' }] });
  });

  // A cyclic input (possible from code, not from JSON) would parse into a cyclic account that
  // JSON.stringify cannot write: it is refused as invalid, at the key that closes the cycle.
  it('a cyclic input → ArrearsError', () => {
    const cyclic: Record<string, unknown> = { ...base };
    cyclic.attributes = { self: cyclic };
    expect(() => parseAccount(cyclic)).toThrow(ArrearsError);
    expect(safeParseAccount(cyclic)).toMatchObject({ success: false, code: 'ACCOUNT_INVALID', issues: [{ code: 'cyclic', path: ['attributes', 'self'] }] });
  });
});
