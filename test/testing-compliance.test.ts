import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, presets, type PolicyInput } from '../src/index';
import { anAccount, checkCompliance, simulate } from '../src/testing/index';

const strategy: PolicyInput = {
  id: 'us-calls',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone', target: 'self' }, text: { channel: 'sms', target: 'self' } },
  rules: [{ id: 'overdue', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 }] }, then: ['call', 'text'] }],
};
const regF = composePolicies(presets.usRegulationF, strategy);
const debtor = anAccount().id('US-1').amount(500_00, 'USD').jurisdiction('US').inZone('America/New_York').overdueDays(30, { asOf: '2026-11-01' });
const account = debtor.build();
const call = (at: string, extra: Record<string, unknown> = {}) => ({ at, action: 'call', channel: 'phone', contactId: 'self', outcome: 'no_answer', ...extra });

// Seven unanswered calls on seven days (Mon 16 … Sun 22 November, 10:00 New York), an 8th on the
// Sunday afternoon, and one call at 21:30 a week later.
const week = ['16', '17', '18', '19', '20', '21', '22'].map((d) => call(`2026-11-${d}T10:00:00-05:00`));
const log = [...week, call('2026-11-22T15:00:00-05:00'), call('2026-11-30T21:30:00-05:00')];

describe('checkCompliance', () => {
  it('finds exactly the 8th call in 7 days and the 21:30 call (Regulation F)', () => {
    const violations = checkCompliance(log, regF, { account });
    expect(violations.map(({ index, at, local, code, constraint }) => ({ index, at, local, code, constraint }))).toEqual([
      { index: 7, at: '2026-11-22T20:00:00Z', local: '2026-11-22 15:00 (America/New_York, UTC-05:00)', code: 'FREQUENCY_CAP', constraint: 'regf-7-calls-in-7-days' },
      { index: 8, at: '2026-12-01T02:30:00Z', local: '2026-11-30 21:30 (America/New_York, UTC-05:00)', code: 'OUTSIDE_CONTACT_WINDOW', constraint: 'regf-convenient-hours' },
    ]);
    expect(violations.every((v) => v.citation?.startsWith('12 CFR 1006.'))).toBe(true);
    expect(violations[0]?.attempt).toMatchObject({ at: '2026-11-22T15:00:00-05:00', action: 'call', outcome: 'no_answer' });
    expect(violations[0]).toMatchObject({ action: 'call', channel: 'phone', contactId: 'self', layer: 'us-reg-f' });
    expect(violations[0]?.message).toBe('7 of at most 7 counted attempts per 7 consecutive calendar days (per contact)');
  });

  it('takes the log in any order and reports indices of the log as given', () => {
    const shuffled = [log[8], log[3], log[7], log[0], log[6], log[1], log[5], log[2], log[4]];
    expect(checkCompliance(shuffled, regF, { account }).map((v) => [v.index, v.code])).toEqual([
      [2, 'FREQUENCY_CAP'],
      [0, 'OUTSIDE_CONTACT_WINDOW'],
    ]);
  });

  it('judges attempts that name no action, and actions the strategy would not propose', () => {
    const bare = log.map(({ action: _action, ...rest }) => rest);
    expect(checkCompliance(bare, regF, { account }).map((v) => [v.index, v.code, v.action])).toEqual([
      [7, 'FREQUENCY_CAP', null],
      [8, 'OUTSIDE_CONTACT_WINDOW', null],
    ]);
    // No rule proposes anything before the due date, yet compliance still judges the call.
    const early = anAccount().inZone('America/New_York').overdueDays(-5, { asOf: '2026-11-20' }).build();
    expect(createEngine(regF).decide(early, { now: '2026-11-20T22:00:00-05:00' }).next).toBeNull();
    expect(checkCompliance([call('2026-11-20T22:00:00-05:00')], regF, { account: early }).map((v) => v.code)).toEqual(['OUTSIDE_CONTACT_WINDOW']);
  });

  it('reports only the constraints that refuse at the attempt, not those met later on the way', () => {
    // A 1-per-hour cap refuses at 20:55 until 21:10, when the 08:00-21:00 window is closed: the
    // decision lists both reasons, but at 20:55 only the cap was broken.
    const policy = composePolicies(presets.usRegulationF, strategy, {
      id: 'company',
      version: '1',
      jurisdiction: 'US',
      compliance: [{ id: 'company', constraints: [{ kind: 'cap', id: 'one-call-an-hour', appliesTo: { channels: ['phone'] }, max: 1, period: { rolling: 'PT1H' } }] }],
    });
    const pair = [call('2026-11-23T20:10:00-05:00'), call('2026-11-23T20:55:00-05:00')];
    const reasons = createEngine(policy).decide({ ...account, history: [pair[0]] }, { now: '2026-11-23T20:55:00-05:00' }).proposals.find((p) => p.action === 'call');
    expect(reasons?.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['FREQUENCY_CAP', 'OUTSIDE_CONTACT_WINDOW']));
    expect(checkCompliance(pair, policy, { account }).map((v) => [v.index, v.code, v.constraint])).toEqual([[1, 'FREQUENCY_CAP', 'one-call-an-hour']]);
  });

  it('catches calls in the cool-down after a conversation, texts at night, opted-out channels and blocks', () => {
    const optedOut = debtor.withContact('self', { phone: { address: '+1 212 555 0100', optedOut: true }, sms: true }).build();
    expect(checkCompliance([call('2026-11-23T10:00:00-05:00', { address: '+1 212 555 0100' })], regF, { account: optedOut }).map((v) => v.code)).toEqual(['OPTED_OUT']);

    const talk = [call('2026-11-23T10:00:00-05:00', { outcome: 'right_party_contact' }), call('2026-11-29T10:00:00-05:00'), call('2026-11-30T08:00:00-05:00')];
    expect(checkCompliance(talk, regF, { account }).map((v) => [v.index, v.code])).toEqual([[1, 'COOLDOWN']]);

    const text = { at: '2026-11-23T22:15:00-05:00', action: 'text', channel: 'sms', contactId: 'self', outcome: 'delivered' };
    expect(checkCompliance([text], regF, { account }).map((v) => [v.code, v.constraint])).toEqual([['OUTSIDE_CONTACT_WINDOW', 'regf-convenient-hours']]);

    const disputed = debtor.flag('disputed', { since: '2026-11-20' }).build();
    expect(checkCompliance([call('2026-11-19T10:00:00-05:00'), call('2026-11-23T10:00:00-05:00')], regF, { account: disputed }).map((v) => [v.index, v.code])).toEqual([[1, 'DISPUTED']]);
  });

  it('counts the account history as earlier attempts, once', () => {
    const withHistory = { ...account, history: week };
    expect(checkCompliance([call('2026-11-22T15:00:00-05:00')], regF, { account: withHistory }).map((v) => v.code)).toEqual(['FREQUENCY_CAP']);
    expect(checkCompliance(log, regF, { account: withHistory })).toHaveLength(2);
  });

  it('ignores inbound contacts but lets their outcomes start cool-downs', () => {
    const inbound = { at: '2026-11-23T12:00:00-05:00', channel: 'phone', contactId: 'self', direction: 'inbound', outcome: 'right_party_contact' };
    expect(checkCompliance([inbound, call('2026-11-24T10:00:00-05:00')], regF, { account }).map((v) => [v.index, v.code])).toEqual([[1, 'COOLDOWN']]);
  });

  it('judges a promise only from when it was made', () => {
    const held = composePolicies(strategy, { id: 'hold', version: '1', jurisdiction: 'US', compliance: [{ id: 'company', constraints: [{ kind: 'promiseHold', id: 'respect-promises' }] }] });
    const promised = debtor.promised({ on: '2026-11-28', madeAt: '2026-11-24T15:00:00Z' }).build();
    expect(checkCompliance([call('2026-11-24T09:00:00-05:00'), call('2026-11-25T09:00:00-05:00')], held, { account: promised }).map((v) => [v.index, v.code])).toEqual([[1, 'PROMISE_PENDING']]);
  });

  it('has zero violations for a simulation under the same policy', () => {
    // Hourly retries that are never answered: the window and the 7-in-7-days cap bind.
    const busy = simulate(regF, debtor, { from: '2026-11-01T00:00:00-04:00', to: '2026-11-10T00:00:00-05:00', pause: 'PT1H' });
    expect(busy.attempts.filter((a) => a.channel === 'phone')).toHaveLength(14);
    expect(busy.steps.some((s) => s.next?.codes.includes('FREQUENCY_CAP'))).toBe(true);
    expect(checkCompliance(busy, regF)).toEqual([]);
    // The log alone, with the account it started from, says the same.
    expect(checkCompliance(busy.attempts, regF, { account })).toEqual([]);
    // Conversations start the cool-down.
    const talks = simulate(regF, debtor, { from: '2026-11-01T00:00:00-04:00', to: '2026-11-20T00:00:00-05:00', respond: 'answers-on-3rd', pause: 'PT3H' });
    expect(talks.steps.some((s) => s.next?.codes.includes('COOLDOWN'))).toBe(true);
    expect(checkCompliance(talks, regF)).toEqual([]);
  });

  it('throws for a missing account or a log naming unknown contacts', () => {
    expect(() => checkCompliance(log, regF)).toThrow(/give the account the attempts belong to/);
    expect(() => checkCompliance([call('2026-11-23T10:00:00-05:00', { contactId: 'ghost' })], regF, { account })).toThrow(/unknown contact 'ghost'/);
    expect(() => checkCompliance([{ at: '2026-11-23T10:00:00', outcome: 'no_answer' }], regF, { account })).toThrow(/no UTC offset/);
  });
});

describe('checkCompliance with several numbers', () => {
  it('judges the number the attempt used, or the most favourable one when it does not say', () => {
    const twoNumbers = debtor.withContact('self', { phone: [{ address: 'work', workplace: true }, { address: 'mobile' }] }).flag('workplace_contact_prohibited', { since: '2026-11-01' }).build();
    const at = '2026-11-23T10:00:00-05:00';
    expect(checkCompliance([call(at, { address: 'work' })], regF, { account: twoNumbers }).map((v) => v.code)).toEqual(['WORKPLACE_PROHIBITED']);
    expect(checkCompliance([call(at, { address: 'mobile' })], regF, { account: twoNumbers })).toEqual([]);
    expect(checkCompliance([call(at)], regF, { account: twoNumbers })).toEqual([]);
  });
});
