import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/index';
import { callPolicy, debtor } from './support/policies';

// An attempt's `action` is free text from the caller's systems. Names that exist on
// Object.prototype must not be mistaken for policy actions: 'constructor' would otherwise look
// like an internal action (a function has no channel) and escape a cap on communications.
const perDay = { kind: 'cap', id: 'one-call-a-day', appliesTo: { kinds: ['communication'] }, max: 1, period: { calendar: 'day' }, scope: 'account' } as const;

describe('attempt action names', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])("an attempt with action '%s' still counts against a cap on communications", (action) => {
    const history = [{ at: '2026-11-23T09:00:00-05:00', action, channel: 'phone', contactId: 'me', outcome: 'no_answer' }];
    const d = createEngine(callPolicy([perDay])).decide(debtor('America/New_York', { history }), { now: '2026-11-23T12:00:00-05:00' });
    expect(d.proposals[0]?.status).toBe('deferred');
    expect(d.proposals[0]?.reasons.map((r) => r.code)).toContain('FREQUENCY_CAP');
  });
});
