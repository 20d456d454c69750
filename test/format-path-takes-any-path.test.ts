import { describe, expect, it } from 'vitest';
import { formatPath } from '../src/index';
import { arrearsErrorOf } from './support/errors';

/* formatPath is public: from plain JavaScript it may get anything, and must not throw a TypeError. */

describe('formatPath', () => {
  it('writes a symbol segment (zod paths may hold them) rather than throwing', () => {
    expect(formatPath([Symbol('x')] as never)).toBe('[Symbol(x)]');
    expect(formatPath(['a', Symbol.for('k'), 1] as never)).toBe('a[Symbol(k)][1]');
  });

  it('writes other odd segments by what they are', () => {
    expect(formatPath([{}, 1n, undefined, true] as never)).toBe('[{}][1][undefined][true]');
  });

  it.each([
    [null, 'received null'],
    [undefined, 'received undefined'],
    ['rules', 'received a string ("rules")'],
    [5, 'received a number'],
    [{ 0: 'a' }, 'received an object that is not an array'],
  ])('%j is not a path: ArrearsError OPTIONS_INVALID, not a TypeError or letters', (value, received) => {
    const e = arrearsErrorOf(() => formatPath(value as never));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'invalid_type', path: [], message: `formatPath takes an issue path, an array of keys and indices such as ['rules', 3, 'then']; ${received}` }]);
  });
});
