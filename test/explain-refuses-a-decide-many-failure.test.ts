import { describe, expect, it } from 'vitest';
import { createEngine, type Decision, explain } from '../src/index';
import { arrearsErrorOf } from './support/errors';
import { callPolicy, debtor, window } from './support/policies';

/*
 * decideMany yields `{ ok: false, accountId, error }` for an account it could not decide. Such a
 * failure has no instant, zone or proposal to explain, and its `error.message` already says in
 * words what is wrong: explain refuses it (it used to pass the root check, which only asked for a
 * `proposals` list, or explain it as the decision it is not), saying so at `ok` and pointing at
 * `error.message`.
 */

const engine = createEngine(callPolicy([window('hours', '09:00', '20:00')]));
const now = '2026-11-23T21:05:00-06:00';
const [good, failure] = [...engine.decideMany([debtor('America/Chicago'), { ...debtor('America/Chicago'), id: 'D-2', currency: 'usd' }], { now })];

describe('explain of a decideMany failure', () => {
  it('is refused at ok, naming the account and pointing at error.message', () => {
    expect(failure).toMatchObject({ ok: false, accountId: 'D-2', error: { code: 'ACCOUNT_INVALID' } });
    for (const given of [failure, JSON.parse(JSON.stringify(failure)) as unknown]) {
      const e = arrearsErrorOf(() => explain(given as Decision));
      expect(e.code).toBe('OPTIONS_INVALID');
      expect(e.issues).toEqual([{ code: 'invalid_value', path: ['ok'], message: expect.stringContaining("decideMany failure, not a decision — account 'D-2' could not be decided (ACCOUNT_INVALID)") }]);
      expect(e.issues[0]?.message).toContain('print its `error.message`');
      expect(arrearsErrorOf(() => engine.explain(given as Decision)).issues).toEqual(e.issues);
    }
  });

  it('the successful results of the same batch are explained', () => {
    expect(good?.ok).toBe(true);
    expect(explain(good as Decision)).toContain('Account D-1');
  });
});
