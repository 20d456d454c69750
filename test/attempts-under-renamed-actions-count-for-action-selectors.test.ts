import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/index';
import { callPolicy, debtor } from './support/policies';

// History outlives strategies: calls logged as 'call_v1' before the action was renamed 'call'. An
// id the policy does not know says no more than no id at all, so constraints that ask about
// actions count such an attempt wherever one of their actions could have been made on its channel.
const now = '2026-11-23T12:00:00-05:00';
const logged = (action: string, channel = 'phone', outcome = 'no_answer') => ({ at: '2026-11-23T09:00:00-05:00', action, channel, contactId: 'me', outcome });
const decide = (constraint: object, history: unknown[]) => createEngine(callPolicy([constraint])).decide(debtor('America/New_York', { history }), { now }).proposals[0];

describe('attempts under action ids the policy does not know', () => {
  const cap = { kind: 'cap', id: 'one-call-a-day', appliesTo: { actions: ['call'] }, max: 1, period: { calendar: 'day' } };

  it('count against a cap on an action that could have been made on their channel', () => {
    expect(decide(cap, [logged('call')])?.status).toBe('deferred');
    expect(decide(cap, [logged('call_v1')])?.status).toBe('deferred');
    expect(decide(cap, [logged('call_v1')])?.reasons[0]?.code).toBe('FREQUENCY_CAP');
  });

  it('do not count when their channel rules the action out, nor when the policy knows them as another action', () => {
    expect(decide(cap, [logged('text_v1', 'sms')])?.status).toBe('allowed');
    expect(decide(cap, [logged('text', 'phone')])?.status).toBe('allowed');
  });

  it('start a cool-down after that action', () => {
    const cooldown = { kind: 'cooldown', id: 'a-day-after-a-talk', after: { actions: ['call'], outcomes: ['right_party_contact'] }, wait: { duration: 'P1D' } };
    expect(decide(cooldown, [logged('call_v1', 'phone', 'right_party_contact')])?.status).toBe('deferred');
    expect(decide(cooldown, [logged('call_v1', 'phone', 'right_party_contact')])?.allowedFrom).toBe('2026-11-24T14:00:00Z');
    // Without any action id, a call on the phone may have been 'call' too.
    const { action: _, ...unlabelled } = logged('call', 'phone', 'right_party_contact');
    expect(decide(cooldown, [unlabelled])?.status).toBe('deferred');
    expect(decide(cooldown, [logged('text_v1', 'sms', 'right_party_contact')])?.status).toBe('allowed');
  });
});
