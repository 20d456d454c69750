import { describe, expect, it } from 'vitest';
import { createEngine, type PolicyInput } from '../src/index';
import { arrearsErrorOf } from './support/errors';

/*
 * A string is iterable, character by character: `decideMany('abc')` used to decide three
 * "accounts" 'a', 'b', 'c' and fail each. It is unparsed JSON text, almost always: refused.
 */

const policy: PolicyInput = { id: 'p', version: '1', jurisdiction: 'US', actions: { call: { channel: 'phone' } } };
const now = '2026-11-23T10:00:00Z';

describe('decideMany refuses a string as the book', () => {
  it.each([['abc'], ['[{"id":"A-1"}]'], ['']])('%j: OPTIONS_INVALID, saying to parse it', (text) => {
    const e = arrearsErrorOf(() => createEngine(policy).decideMany(text as never, { now }));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'invalid_type', path: [], message: expect.stringContaining('not a string: parse JSON text first (JSON.parse)') }]);
  });

  it('a String object too', () => {
    expect(arrearsErrorOf(() => createEngine(policy).decideMany(new String('abc') as never, { now })).code).toBe('OPTIONS_INVALID');
  });
});
