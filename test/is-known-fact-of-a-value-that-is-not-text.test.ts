import { describe, expect, it } from 'vitest';
import { isKnownFact } from '../src/index';

/* isKnownFact answers false for anything but a string, from plain JavaScript too: an object would
   be converted to a key, which throws for some (no prototype, a Proxy) — never a TypeError. */

describe('isKnownFact of a value that is not a string', () => {
  it.each([
    ['an object without a prototype', Object.create(null)],
    ['an object whose toString is not a function', { toString: 'x' }],
    ['a Proxy whose get throws', new Proxy({}, { get: () => { throw new Error('get trap'); } })],
    ['a symbol', Symbol('daysPastDue')],
    ['a number', 42],
  ])('%s: false', (_what, name) => {
    expect(isKnownFact(name as never)).toBe(false);
  });

  it('a string still answers', () => {
    expect(isKnownFact('daysPastDue')).toBe(true);
  });
});
