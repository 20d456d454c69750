import { describe, expect, it } from 'vitest';
import { deriveFacts, presets } from '../src/index';
import { arrearsErrorOf } from './support/errors';

/* deriveFacts' explicit `facts` list goes through the input guard like a policy: a getter or a
   Proxy that throws is OPTIONS_INVALID `unreadable` at its path (not the raw error), and a
   `__proto__` key in params — which JSON.parse makes an own key and zod silently dropped, so
   `attemptCount` counted every channel — is refused (forbidden_key). */

const account = {
  id: 'A-1',
  currency: 'USD',
  amountDue: 100,
  dueDate: '2026-11-01',
  debtor: { timeZone: 'America/Chicago' },
  contacts: [{ id: 'self', relationship: 'self', channels: [{ channel: 'phone' }, { channel: 'sms' }] }],
  history: [{ at: '2026-11-20T15:00:00Z', channel: 'phone', contactId: 'self', outcome: 'no_answer' }],
};
const now = '2026-11-23T15:00:00Z';
const derive = (facts: unknown) => arrearsErrorOf(() => deriveFacts(account, now, presets.usRegulationF, { facts: facts as never }));

describe('deriveFacts with a facts list it cannot read as data', () => {
  it('a getter that throws → OPTIONS_INVALID / unreadable at the fact', () => {
    const error = derive([{ get fact(): string { throw new Error('boom'); } }]);
    expect(error.code).toBe('OPTIONS_INVALID');
    expect(error.issues).toEqual([{ code: 'unreadable', path: ['facts', 0, 'fact'], message: expect.stringContaining('boom') }]);
  });

  it('a Proxy that throws → OPTIONS_INVALID / unreadable at the list or the param', () => {
    expect(derive(new Proxy([], { get: () => { throw new Error('boom'); } }))).toMatchObject({ code: 'OPTIONS_INVALID', issues: [{ code: 'unreadable', path: ['facts'] }] });
    const params = new Proxy({}, { ownKeys: () => { throw new Error('boom'); } });
    expect(derive([{ fact: 'attemptCount', params }])).toMatchObject({ code: 'OPTIONS_INVALID', issues: [{ code: 'unreadable', path: ['facts', 0, 'params'] }] });
  });

  it('a __proto__ key in params → OPTIONS_INVALID / forbidden_key, not a count over every channel', () => {
    const params = JSON.parse('{"__proto__": {"channel": "sms"}}') as Record<string, unknown>;
    const error = derive([{ fact: 'attemptCount', params }]);
    expect(error.code).toBe('OPTIONS_INVALID');
    expect(error.issues).toMatchObject([{ code: 'forbidden_key', path: ['facts', 0, 'params', '__proto__'] }]);
  });

  it('the same list as plain data is computed', () => {
    expect(deriveFacts(account, now, presets.usRegulationF, { facts: [{ fact: 'attemptCount', params: { channel: 'sms' } }] })).toEqual({ 'attemptCount{"channel":"sms"}': 0 });
  });
});
