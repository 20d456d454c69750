import { describe, expect, it } from 'vitest';
import { createEngine, deriveFacts } from '../src/index';
import { callPolicy, debtor } from './support/policies';

// One call on Feb 28; `within: 'P1M'` must drop it once, for good, when the cap with the same
// period stops counting it (Mar 28 at the call's wall time), never bring it back at a month end.
const account = debtor('America/New_York', { history: [{ at: '2026-02-28T12:00:00-05:00', channel: 'phone', contactId: 'me', outcome: 'no_answer' }] });
const count = (now: string) =>
  deriveFacts(account, now, callPolicy([]), { facts: [{ fact: 'attemptCount', params: { within: 'P1M' } }] })['attemptCount{"within":"P1M"}'];

describe('attemptCount within a rolling duration', () => {
  it('counts an attempt until it is that old, then never again (month ends included)', () => {
    expect(count('2026-03-28T11:59:00-04:00')).toBe(1);
    expect(count('2026-03-28T12:00:00-04:00')).toBe(0);
    expect(count('2026-03-29T10:00:00-04:00')).toBe(0);
    expect(count('2026-03-31T23:59:00-04:00')).toBe(0);
  });

  it('agrees with a cap of the same rolling period', () => {
    const engine = createEngine(callPolicy([{ kind: 'cap', id: 'monthly', max: 1, period: { rolling: 'P1M' }, scope: 'contact' }]));
    for (const now of ['2026-03-28T11:59:00-04:00', '2026-03-28T12:00:00-04:00', '2026-03-29T10:00:00-04:00']) {
      const capped = engine.decide(account, { now }).proposals[0]?.status !== 'allowed';
      expect(capped, now).toBe(count(now) === 1);
    }
  });
});
