import { describe, expect, it } from 'vitest';
import { anAccount } from '../src/testing/index';
import { arrearsErrorOf } from './support/errors';

/*
 * Builders copy what they are given at the call, and the copy recurses: what a method is given is
 * screened first, as parseAccount screens an account. Nested past limits.maxDepth it is refused at
 * the call with LIMIT_EXCEEDED (too_deep) at the path it would have in the account — not a stack
 * overflow — and a getter or Proxy that throws is OPTIONS_INVALID (unreadable), not its own error.
 */

const nested = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};
const base = anAccount().overdueDays(3, { asOf: '2026-11-23' });
const boom = {
  enumerable: true,
  get(): never {
    throw new Error('boom');
  },
};

describe('a value nested 100,000 deep', () => {
  it('attribute(key, value): LIMIT_EXCEEDED too_deep under attributes.<key>', () => {
    const e = arrearsErrorOf(() => base.attribute('x', nested(100_000) as never));
    expect(e.code).toBe('LIMIT_EXCEEDED');
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ code: 'too_deep', message: 'nested deeper than 128 levels (limits.maxDepth); flatten the data or raise the limit' });
    expect(e.issues[0]?.path.slice(0, 2)).toEqual(['attributes', 'x']);
  });

  it('in the options of another method: at that method’s path', () => {
    const e = arrearsErrorOf(() => base.withContact('employer', { phone: { address: nested(100_000) } } as never));
    expect(e.code).toBe('LIMIT_EXCEEDED');
    expect(e.issues[0]?.path.slice(0, 4)).toEqual(['contacts', 1, 'phone', 'address']);
  });
});

describe('a value that throws when read', () => {
  it('is OPTIONS_INVALID, unreadable at its path', () => {
    const e = arrearsErrorOf(() => base.attribute('x', Object.defineProperty({}, 'score', boom) as never));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'unreadable', path: ['attributes', 'x', 'score'], message: 'reading this value threw: boom — pass plain JSON data (values, not getters or Proxies that compute them)' }]);
    expect(arrearsErrorOf(() => base.paid(Object.defineProperty({}, 'at', boom) as never)).issues).toMatchObject([{ code: 'unreadable', path: ['payments', 0, 'at'] }]);
  });
});

describe('what fits is copied as before', () => {
  it('a value nested within the limit, and a cycle (left for build to report)', () => {
    expect(base.attribute('x', nested(100) as never).build().attributes?.x).toEqual(nested(100));
    const looped: Record<string, unknown> = { a: 1 };
    looped.self = looped;
    expect(arrearsErrorOf(() => base.attribute('x', looped as never).build()).issues).toMatchObject([{ code: 'cyclic' }]);
  });
});
