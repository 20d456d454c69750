import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createEngine, parseAccount } from '../src/index';
import { arrearsErrorOf } from './support/errors';
import { callPolicy, debtor } from './support/policies';

// A Date made in an iframe, a vm context or a test sandbox is a Date: `instanceof Date` misses it.
describe('a Date from another realm, as `now` or in an account', () => {
  const engine = createEngine(callPolicy([]));
  it('decides as with a Date of this realm', () => {
    const foreign = runInNewContext('new Date("2026-11-24T15:00:00Z")') as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(engine.decide(debtor('UTC'), { now: foreign }).now).toBe('2026-11-24T15:00:00Z');
  });

  it('an attempt dated with one is read as that instant', () => {
    const at = runInNewContext('new Date("2026-11-20T10:00:00Z")') as Date;
    const account = debtor('UTC', { history: [{ at, channel: 'phone', contactId: 'me', outcome: 'no_answer' }] });
    expect(parseAccount(account).history[0]?.at).toBe('2026-11-20T10:00:00Z');
  });

  it('an invalid one is refused as invalid, an impostor as an invalid instant', () => {
    for (const now of [runInNewContext('new Date(NaN)'), Object.create(Date.prototype)]) {
      expect(arrearsErrorOf(() => engine.decide(debtor('UTC'), { now })).issues[0]).toMatchObject({ code: 'invalid_instant', path: ['now'] });
    }
  });
});
