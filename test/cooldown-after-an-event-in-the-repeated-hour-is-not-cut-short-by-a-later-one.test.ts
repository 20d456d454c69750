import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/index';
import { checkCompliance } from '../src/testing/index';
import { callPolicy, debtor } from './support/policies';

// A cool-down waits its duration after each event it follows. A duration in days keeps the wall
// time, and on a fall-back night the wall clock goes back: a conversation at 01:30 EDT is followed,
// 40 minutes later, by one at 01:10 EST, whose day ends at 01:10 the next night — before the first
// one's, at 01:30. The later conversation must not cut the first one's wait short: history only
// ever restricts.
const cooldown = (wait: Record<string, unknown>) => ({ kind: 'cooldown', id: 'after-talk', after: { outcomes: ['right_party_contact'] }, wait, scope: 'account' });
const talk = (at: string) => ({ at, action: 'call', channel: 'phone', contactId: 'me', outcome: 'right_party_contact' as const });

const first = talk('2026-11-01T01:30:00-04:00'); // 05:30Z
const second = talk('2026-11-01T01:10:00-05:00'); // 06:10Z, 40 minutes later, the clock reads 01:10

describe('a cool-down after two events in the repeated hour of a fall-back night', () => {
  const engine = createEngine(callPolicy([cooldown({ duration: 'P1D' })]));
  const call = (history: readonly object[], now: string) => engine.decide(debtor('America/New_York', { history }), { now }).proposals[0];

  it('waits until a day after the first event, as it does when that event is alone', () => {
    // One day after 01:30 EDT is 01:30 EST on 2 November (06:30Z).
    expect(call([first], '2026-11-01T12:00:00-05:00')).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-02T06:30:00Z' });
    expect(call([first, second], '2026-11-01T12:00:00-05:00')).toMatchObject({
      status: 'deferred',
      allowedFrom: '2026-11-02T06:30:00Z',
      reasons: [expect.objectContaining({ code: 'COOLDOWN', until: '2026-11-02T06:30:00Z' })],
    });
  });

  it('refuses a call between the end of the later event’s day and the end of the earlier one’s', () => {
    expect(call([first, second], '2026-11-02T01:15:00-05:00')).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-02T06:30:00Z' });
    expect(call([first, second], '2026-11-02T01:30:00-05:00')?.status).toBe('allowed');
  });

  it('checkCompliance flags such a call', () => {
    const log = [first, second, { at: '2026-11-02T01:15:00-05:00', action: 'call', channel: 'phone', contactId: 'me', outcome: 'no_answer' }];
    const violations = checkCompliance(log, callPolicy([cooldown({ duration: 'P1D' })]), { account: debtor('America/New_York') });
    expect(violations.map((v) => [v.index, v.code])).toEqual([
      [1, 'COOLDOWN'],
      [2, 'COOLDOWN'],
    ]);
  });

  it('an exact duration is not concerned: PT24H after the later event is the later end', () => {
    const exact = createEngine(callPolicy([cooldown({ duration: 'PT24H' })]));
    expect(exact.decide(debtor('America/New_York', { history: [first, second] }), { now: '2026-11-01T12:00:00-05:00' }).proposals[0]).toMatchObject({
      status: 'deferred',
      allowedFrom: '2026-11-02T06:10:00Z',
    });
  });
});
