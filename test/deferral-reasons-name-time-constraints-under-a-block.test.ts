import { describe, expect, it } from 'vitest';
import { createEngine, type Decision } from '../src/index';
import { checkCompliance } from '../src/testing/index';

/*
 * compliance.md: the reasons of a deferred proposal are every constraint that refused it between
 * `now` and `allowedFrom`. A block that holds now and lifts by itself (a legal hold until the
 * 20th) deferred the proposal, but the search started where it lifts, so a cap full until
 * tomorrow, a cool-down or a promise hold that refused meanwhile went unnamed — and
 * `checkCompliance`, which reports the constraints among those reasons, missed an attempt that
 * broke the cap during the hold.
 */

const hold = { kind: 'block', id: 'hold', when: { all: [{ fact: 'legalHold', operator: 'equal', value: true }] }, code: 'LEGAL_HOLD', message: 'legal hold' };
const policy = (constraints: readonly unknown[]) => ({
  id: 's',
  version: '1',
  jurisdiction: 'US',
  actions: { letter_self: { channel: 'letter' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['letter_self'] }],
  compliance: [{ id: 'own', constraints }],
});
const account = (extra: object = {}) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 1000,
  dueDate: '2026-01-15',
  debtor: { timeZone: 'America/New_York', flags: { legal_hold: { since: '2026-06-01', until: '2026-06-20' } } },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'letter', address: '1 Main St' }] }],
  ...extra,
});
const sent = { at: '2026-06-09T12:00:00Z', channel: 'letter', contactId: 'me', outcome: 'delivered' };
const now = '2026-06-10T12:00:00Z';
const reasonsOf = (d: Decision) => ({ status: d.next?.status, allowedFrom: d.next?.allowedFrom, reasons: d.next?.reasons.map((r) => `${r.code} ${r.constraint} until ${r.until}`) });

describe('time constraints that refuse while a block holds are reasons too', () => {
  it('a cap full until the 16th, under a legal hold until the 20th', () => {
    const cap = { kind: 'cap', id: 'one-a-week', max: 1, period: { rolling: 'P7D' } };
    expect(reasonsOf(createEngine(policy([hold, cap])).decide(account({ history: [sent] }), { now }))).toEqual({
      status: 'deferred',
      allowedFrom: '2026-06-20T04:00:00Z',
      reasons: ['FREQUENCY_CAP one-a-week until 2026-06-16T12:00:00Z', 'LEGAL_HOLD hold until 2026-06-20T04:00:00Z'],
    });
  });

  it('a cool-down and a promise hold likewise', () => {
    const cooldown = { kind: 'cooldown', id: 'three-days', wait: { duration: 'P3D' } };
    const promise = { kind: 'promiseHold', id: 'promise' };
    const d = createEngine(policy([hold, cooldown, promise])).decide(account({ history: [sent], promises: [{ madeAt: '2026-06-09T12:00:00Z', dueDate: '2026-06-15', amount: 1000 }] }), { now });
    expect(reasonsOf(d).reasons).toEqual(['COOLDOWN three-days until 2026-06-12T12:00:00Z', 'PROMISE_PENDING promise until 2026-06-16T04:00:00Z', 'LEGAL_HOLD hold until 2026-06-20T04:00:00Z']);
  });

  it('checkCompliance reports a letter that broke the cap during the hold against both', () => {
    const cap = { kind: 'cap', id: 'one-a-week', max: 1, period: { rolling: 'P7D' } };
    const log = [{ at: now, channel: 'letter', contactId: 'me', outcome: 'delivered' }];
    expect(checkCompliance(log, policy([hold, cap]), { account: account({ history: [sent] }) }).map((v) => v.constraint)).toEqual(['one-a-week', 'hold']);
  });

  it('one that stops refusing only after the block lifts is named once, with its own end', () => {
    const cap = { kind: 'cap', id: 'one-a-month', max: 1, period: { rolling: 'P30D' } };
    expect(reasonsOf(createEngine(policy([hold, cap])).decide(account({ history: [sent] }), { now }))).toEqual({
      status: 'deferred',
      allowedFrom: '2026-07-09T12:00:00Z',
      reasons: ['LEGAL_HOLD hold until 2026-06-20T04:00:00Z', 'FREQUENCY_CAP one-a-month until 2026-07-09T12:00:00Z'],
    });
  });
});
