import { describe, expect, test } from 'vitest';
import { composePolicies, createEngine, parsePolicy, presets, type PolicyInput } from '../src/index';
import { arrearsErrorOf } from './support/errors';

/* Reg F's prior consent lasts 7 days (§1006.14(b)(3)(i)). A constraint with `consentLasts` honours
   a method's `consentUntil` until its `consentGivenAt` + that at the latest, however far ahead the
   account records it, and not at all when the account does not say when consent was given. */

const strategy: PolicyInput = {
  id: 's',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call_self'] }],
};
const capped = (consentLasts?: string): PolicyInput => ({
  ...strategy,
  compliance: [
    {
      id: 'company',
      constraints: [
        { kind: 'cap', id: 'one-a-week', max: 1, period: { rolling: 'P7D' }, scope: 'contact', excludeConsented: true, ...(consentLasts ? { consentLasts } : {}) },
      ],
    },
  ],
});
const account = (consentUntil: string, history: object[] = []) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 1000,
  dueDate: '2026-09-01',
  debtor: { timeZone: 'America/New_York' },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone', consentUntil }] }],
  history,
});
const call = (at: string) => ({ at, channel: 'phone', contactId: 'me', outcome: 'no_answer' });
const now = '2026-11-24T10:00:00-05:00';

describe('a cap that heeds consent', () => {
  test('without consentLasts, consent recorded a year ahead lifts the cap for that year', () => {
    const d = createEngine(capped()).decide(account('2027-11-24T00:00:00-05:00', [call('2026-11-23T10:00:00-05:00')]), { now });
    // Allowed though yesterday's call fills the week; by the time consent ends the call has long
    // left the 7 days, so its end ends nothing (allowedUntil null).
    expect(d.proposals[0]).toMatchObject({ status: 'allowed', allowedUntil: null });
  });

  const givenAt = (consentUntil: string, consentGivenAt: string) => ({
    ...account(consentUntil, [call('2026-11-23T10:00:00-05:00')]),
    contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone', consentUntil, consentGivenAt }] }],
  });

  test('with consentLasts P7D, it lifts the cap for 7 days from consentGivenAt at most', () => {
    const d = createEngine(capped('P7D')).decide(givenAt('2027-11-24T00:00:00-05:00', '2026-11-22T10:00:00-05:00'), { now });
    expect(d.proposals[0]).toMatchObject({ status: 'allowed', allowedUntil: '2026-11-29T15:00:00Z' });
  });

  test('with consentLasts, a consent of unknown age (no consentGivenAt) lifts nothing: it may be stale', () => {
    const d = createEngine(capped('P7D')).decide(account('2027-11-24T00:00:00-05:00', [call('2026-11-23T10:00:00-05:00')]), { now });
    expect(d.proposals[0]).toMatchObject({ status: 'deferred', reasons: [{ constraint: 'one-a-week' }] });
  });

  test('without consentLasts too, consent recorded as given after now is not known at now', () => {
    const later = account('2027-11-24T00:00:00-05:00', [call('2026-11-23T10:00:00-05:00')]);
    const given = (consentGivenAt: string) => ({ ...later, contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone', consentUntil: '2027-11-24T00:00:00-05:00', consentGivenAt }] }] });
    expect(createEngine(capped()).decide(given('2026-11-24T10:00:01-05:00'), { now }).proposals[0]).toMatchObject({ status: 'deferred', reasons: [{ constraint: 'one-a-week' }] });
    expect(createEngine(capped()).decide(given('2026-11-24T10:00:00-05:00'), { now }).proposals[0]).toMatchObject({ status: 'allowed' });
  });

  test('consent ending sooner than the bound ends when recorded', () => {
    const d = createEngine(capped('P7D')).decide(givenAt('2026-11-25T00:00:00-05:00', '2026-11-22T10:00:00-05:00'), { now });
    expect(d.proposals[0]).toMatchObject({ status: 'allowed', allowedUntil: '2026-11-25T05:00:00Z' });
  });

  test('consentLasts without excludeConsented is refused when the policy is parsed', () => {
    const policy = JSON.parse(JSON.stringify(capped('P7D')).replace('"excludeConsented":true', '"excludeConsented":false'));
    const error = arrearsErrorOf(() => parsePolicy(policy));
    expect(error.code).toBe('POLICY_INVALID');
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([['consent_not_excluded', ['compliance', 0, 'constraints', 0, 'consentLasts']]]);
  });
});

describe('Regulation F', () => {
  const regF = createEngine(composePolicies(presets.usRegulationF, strategy));
  const week = ['18', '19', '20', '21', '22', '23', '24'].map((d) => call(`2026-11-${d}T09:00:00-05:00`));

  const withConsent = (consentGivenAt: string) => ({
    ...account('2027-06-01T00:00:00-04:00', week),
    contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone', consentUntil: '2027-06-01T00:00:00-04:00', consentGivenAt }] }],
  });

  test('consent given 3 days ago lifts the 7-in-7 cap for 4 more days', () => {
    const d = regF.decide(withConsent('2026-11-21T10:00:00-05:00'), { now });
    expect(d.proposals[0]?.status).toBe('allowed');
  });

  test('consent given 8 days ago has lapsed, whatever consentUntil says', () => {
    const d = regF.decide(withConsent('2026-11-16T10:00:00-05:00'), { now });
    expect(d.proposals[0]?.status).toBe('deferred');
    expect(d.proposals[0]?.reasons.map((r) => r.constraint)).toContain('regf-7-calls-in-7-days');
  });

  test('the cool-down after a conversation, likewise', () => {
    const talk = [{ at: '2026-11-23T15:00:00-05:00', channel: 'phone', contactId: 'me', outcome: 'right_party_contact' }];
    const fresh = { ...withConsent('2026-11-22T10:00:00-05:00'), history: talk };
    const stale = { ...withConsent('2026-11-10T10:00:00-05:00'), history: talk };
    expect(regF.decide(fresh, { now }).proposals[0]?.status).toBe('allowed');
    expect(regF.decide(stale, { now }).proposals[0]?.reasons.map((r) => r.constraint)).toContain('regf-7-days-after-conversation');
  });

  test('consent given after now is not known at now', () => {
    const d = regF.decide(withConsent('2026-11-25T10:00:00-05:00'), { now });
    expect(d.proposals[0]?.status).toBe('deferred');
  });
});
