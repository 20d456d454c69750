import { describe, expect, it } from 'vitest';
import { ArrearsError, createEngine } from '../src/index';
import { anAccount } from '../src/testing/index';
import { arrearsErrorOf } from './support/errors';
import { callPolicy } from './support/policies';

/* A book that throws while it is read (a failing stream, a Proxy) is no account that cannot be
   decided: the accounts after it cannot be read at all. The batch yields what it decided, then
   stops with OPTIONS_INVALID `unreadable` at the root, saying how far it got — never the
   stream's own error. */

const policy = callPolicy();
const account = anAccount().overdueDays(5, { asOf: '2026-11-23' }).build();
const now = '2026-11-23T12:00:00Z';
const engine = createEngine(policy);

describe('decideMany over a book that throws while read', () => {
  it('a Proxy whose get throws: refused at the call, at the root', () => {
    const e = arrearsErrorOf(() => engine.decideMany(new Proxy({}, { get: () => { throw new Error('get trap'); } }) as never, { now }));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'unreadable', path: [], message: expect.stringContaining('threw: get trap') }]);
  });

  it('a stream that fails halfway: the decisions so far, then ArrearsError saying how many were read', () => {
    function* book(): Generator<unknown> {
      yield account;
      yield account;
      throw new Error('connection reset');
    }
    const seen: boolean[] = [];
    const e = arrearsErrorOf(() => {
      for (const result of engine.decideMany(book(), { now })) seen.push(result.ok);
    });
    expect(seen).toEqual([true, true]);
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'unreadable', path: [], message: expect.stringMatching(/^reading the book \(after 2 accounts\) threw: connection reset/) }]);
  });

  it('an ArrearsError thrown by the book is passed on as it is', () => {
    const own = new ArrearsError('ACCOUNT_INVALID', [{ code: 'custom', path: [3], message: 'from the source' }]);
    function* book(): Generator<unknown> {
      yield account;
      throw own;
    }
    expect(() => [...engine.decideMany(book(), { now })]).toThrow(own);
  });

  it('stopping early still closes the book', () => {
    let closed = false;
    function* book(): Generator<unknown> {
      try {
        for (;;) yield account;
      } finally {
        closed = true;
      }
    }
    for (const _ of engine.decideMany(book(), { now })) break;
    expect(closed).toBe(true);
  });
});
