import { describe, expect, it } from 'vitest';
import { canonicalJson, policyHash } from '../src/index';
import { arrearsErrorOf } from './support/errors';

/* canonicalJson promises text that parses back to the value and that no other value shares (the
   policy hash is a hash of it). JSON.stringify writes a Date, a Map or a class instance as {} and
   NaN as null, and canonical JSON wrote `[1,,2]` for a sparse list: different values, the same
   text (or no JSON at all). Each is POLICY_INVALID / not_json at its path, saying what to pass. */

class Money {
  constructor(readonly amount: number) {}
}

/** `[1, , 2]`, written without the sparse-array literal the linter refuses. */
const sparse = (): unknown[] => {
  const list: unknown[] = [1];
  list[2] = 2;
  return list;
};

const notJson = (value: unknown) => arrearsErrorOf(() => canonicalJson(value));

describe('canonicalJson of what JSON cannot hold', () => {
  it.each([
    ['an empty slot in a list', { a: sparse() }, ['a', 1], /empty slot.*fill it/],
    ['undefined in a list', { a: [1, undefined] }, ['a', 1], /undefined in a list.*pass null/],
    ['NaN', { a: { b: Number.NaN } }, ['a', 'b'], /NaN is not a JSON number.*finite number/],
    ['Infinity', [Number.POSITIVE_INFINITY], [0], /Infinity is not a JSON number/],
    ['-Infinity', { a: Number.NEGATIVE_INFINITY }, ['a'], /-Infinity is not a JSON number/],
    ['a Date', { at: new Date('2026-01-01') }, ['at'], /a Date is not JSON.*toISOString/],
    ['a Map', { m: new Map([['k', 1]]) }, ['m'], /a Map is not JSON.*Object\.fromEntries/],
    ['a Set', { s: [new Set([1])] }, ['s', 0], /a Set is not JSON.*\[\.\.\.set\]/],
    ['a class instance', { price: new Money(5) }, ['price'], /an instance of Money is not JSON data.*plain object/],
    ['a boxed string', { s: new String('x') }, ['s'], /an instance of String/],
    ['a function', { f: () => 1 }, ['f'], /a function is not JSON/],
    ['a symbol', { s: Symbol('x') }, ['s'], /a symbol is not JSON/],
    ['a bigint', { n: 1n }, ['n'], /a bigint is not JSON/],
    ['undefined itself', undefined, [], /undefined is not JSON/],
  ])('%s → POLICY_INVALID / not_json at its path', (_, value, path, message) => {
    const error = notJson(value);
    expect(error.code).toBe('POLICY_INVALID');
    expect(error.issues).toEqual([{ code: 'not_json', path, message: expect.stringMatching(message) }]);
  });

  it('no two of them share a text any more', () => {
    expect(notJson({ a: new Date('2026-01-01') }).code).toBe('POLICY_INVALID');
    expect(notJson({ v: Number.NaN }).code).toBe('POLICY_INVALID');
    expect(canonicalJson({ v: null })).toBe('{"v":null}');
  });

  it('plain data is written as before: null-prototype objects, nested lists, undefined object values left out', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: 2, a: [1, { d: null, c: 'x' }], u: undefined });
    expect(canonicalJson(bare)).toBe('{"a":[1,{"c":"x","d":null}],"b":2}');
    expect(canonicalJson([[], {}, -0, 1.5, true, 'é'])).toBe('[[],{},0,1.5,true,"é"]');
  });

  it('a policy holding one is refused by policyHash too, never hashed', () => {
    const policy = { id: 'p', version: '1', jurisdiction: 'US', actions: { sms: { channel: 'sms', label: new Date() } } };
    expect(arrearsErrorOf(() => policyHash(policy))).toMatchObject({ code: 'POLICY_INVALID', issues: [{ path: ['actions', 'sms', 'label'] }] });
  });
});
