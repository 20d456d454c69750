import { describe, expect, it } from 'vitest';
import { createEngine, type PolicyInput } from '../src/index';
import { debtor } from './support/policies';

const policy = (constraints: unknown[], actions: PolicyInput['actions'] = undefined): PolicyInput =>
  ({
    id: 'p',
    version: '1',
    jurisdiction: 'US',
    actions: actions ?? {
      call: { channel: 'phone' },
      notice: { channel: 'letter', kind: 'notice' },
      report: { kind: 'credit_report' },
      lock: { kind: 'internal', requiresApproval: true },
    },
    rules: [{ id: 'all', when: { all: [] }, then: Object.keys(actions ?? { call: 1, notice: 1, report: 1, lock: 1 }) }],
    compliance: [{ id: 'law', citation: 'Test Act §1', constraints }],
  }) as PolicyInput;

const account = (extra: Record<string, unknown> = {}) =>
  debtor('America/New_York', {
    contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }, { channel: 'letter' }] }],
    ...extra,
  });
const now = '2026-11-23T12:00:00-05:00';
const statuses = (p: PolicyInput, a: unknown) => Object.fromEntries(createEngine(p).decide(a, { now }).proposals.map((x) => [x.action, x.status]));

const cease = {
  kind: 'block',
  id: 'cease',
  when: { all: [{ fact: 'ceaseCommunication', operator: 'equal', value: true }] },
  appliesTo: { kinds: ['communication'] },
  code: 'CEASE_COMMUNICATION',
  message: 'the consumer asked us to stop',
  citation: '12 CFR 1006.6(c)',
};

describe('blocks', () => {
  it('blocks only while the condition holds, and only what it applies to', () => {
    expect(statuses(policy([cease]), account())).toEqual({ call: 'allowed', notice: 'allowed', report: 'allowed', lock: 'needs_approval' });
    const ceased = account({ debtor: { timeZone: 'America/New_York', flags: { cease_communication: { since: '2026-11-01' } } } });
    expect(statuses(policy([cease]), ceased)).toEqual({ call: 'blocked', notice: 'allowed', report: 'allowed', lock: 'needs_approval' });
  });

  it('carries code, constraint, layer, message and citation in the reason', () => {
    const ceased = account({ debtor: { timeZone: 'America/New_York', flags: { cease_communication: { since: '2026-11-01' } } } });
    const reason = createEngine(policy([cease])).decide(ceased, { now }).proposals[0]?.reasons[0];
    expect(reason).toEqual({ code: 'CEASE_COMMUNICATION', constraint: 'cease', layer: 'law', message: 'the consumer asked us to stop', citation: '12 CFR 1006.6(c)', until: null });
  });

  it('a flag that has ended, or not started yet, does not block', () => {
    const ended = account({ debtor: { timeZone: 'America/New_York', flags: { cease_communication: { since: '2026-10-01', until: '2026-11-01' } } } });
    const future = account({ debtor: { timeZone: 'America/New_York', flags: { cease_communication: { since: '2026-12-01T00:00:00Z' } } } });
    expect(statuses(policy([cease]), ended)['call']).toBe('allowed');
    expect(statuses(policy([cease]), future)['call']).toBe('allowed');
  });

  it('`except` keeps some proposals open (attorney represented: only the attorney)', () => {
    const attorney = { kind: 'block', id: 'attorney', when: { all: [{ fact: 'attorneyRepresented', operator: 'equal', value: true }] }, except: { relationships: ['attorney'] }, code: 'ATTORNEY_REPRESENTED', message: 'talk to the attorney' };
    const p = policy([attorney], { call: { channel: 'phone', target: ['self', 'attorney'] } });
    const a = account({
      debtor: { timeZone: 'America/New_York', flags: { attorney_represented: { since: '2026-11-01' } } },
      contacts: [
        { id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] },
        { id: 'law-firm', relationship: 'attorney', channels: [{ channel: 'phone' }] },
      ],
    });
    const d = createEngine(p).decide(a, { now });
    expect(d.proposals.map((x) => [x.contactId, x.status])).toEqual([
      ['me', 'blocked'],
      ['law-firm', 'allowed'],
    ]);
    expect(d.next?.contactId).toBe('law-firm');
  });

  it('workplace contact can be blocked by selector', () => {
    const workplace = { kind: 'block', id: 'work', when: { all: [{ fact: 'workplaceContactProhibited', operator: 'equal', value: true }] }, appliesTo: { workplace: true }, code: 'WORKPLACE_PROHIBITED', message: 'employer prohibits' };
    const a = account({
      debtor: { timeZone: 'America/New_York', flags: { workplace_contact_prohibited: { since: '2026-11-01' } } },
      contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone', workplace: true, address: 'office' }, { channel: 'phone', address: 'mobile' }] }],
    });
    // One proposal per usable number: the office line is blocked, the mobile is used.
    const d = createEngine(policy([workplace], { call: { channel: 'phone' } })).decide(a, { now });
    expect(d.proposals.map((p) => [p.address, p.status])).toEqual([
      ['office', 'blocked'],
      ['mobile', 'allowed'],
    ]);
    expect(d.proposals[0]?.reasons[0]?.code).toBe('WORKPLACE_PROHIBITED');
    expect(d.next?.address).toBe('mobile');
  });

  it('opted-out and known-bad channels are never used, whatever the policy', () => {
    const a = account({ contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone', optedOut: true }, { channel: 'letter' }] }] });
    const d = createEngine(policy([])).decide(a, { now });
    expect(d.proposals.find((p) => p.action === 'call')?.reasons[0]?.code).toBe('OPTED_OUT');
    const wrong = account({ history: [{ at: '2026-11-20T10:00:00Z', channel: 'phone', contactId: 'me', outcome: 'wrong_number' }] });
    expect(createEngine(policy([])).decide(wrong, { now }).proposals[0]?.reasons[0]?.code).toBe('INVALID_CONTACT_METHOD');
    const optOut = account({ history: [{ at: '2026-11-20T10:00:00Z', channel: 'phone', contactId: 'me', outcome: 'opt_out' }] });
    expect(createEngine(policy([])).decide(optOut, { now }).proposals[0]?.reasons[0]?.code).toBe('OPTED_OUT');
  });

  it('an action whose target has no contact is blocked with NO_CONTACT', () => {
    const d = createEngine(policy([], { call: { channel: 'phone', target: 'guarantor' } })).decide(account(), { now });
    expect(d.proposals[0]).toMatchObject({ status: 'blocked', contactId: null, reasons: [{ code: 'NO_CONTACT', message: 'the account has no contact with relationship guarantor' }] });
    expect(d.next).toBeNull();
  });
});

describe('approvals', () => {
  it('an action that requires approval is needs_approval until the account carries a valid approval', () => {
    expect(statuses(policy([]), account())['lock']).toBe('needs_approval');
    expect(statuses(policy([]), account({ approvals: [{ action: 'lock', at: '2026-11-20T00:00:00Z' }] }))['lock']).toBe('allowed');
    expect(statuses(policy([]), account({ approvals: [{ action: 'lock', at: '2026-11-20T00:00:00Z', expiresAt: '2026-11-22T00:00:00Z' }] }))['lock']).toBe('needs_approval');
    expect(statuses(policy([]), account({ approvals: [{ action: 'lock', at: '2026-11-30T00:00:00Z' }] }))['lock']).toBe('needs_approval');
  });

  it('an approved proposal is allowed until its approval expires, the latest approval counting', () => {
    const lock = (approvals: unknown[]) => createEngine(policy([])).decide(account({ approvals }), { now }).proposals.find((p) => p.action === 'lock');
    expect(lock([{ action: 'lock', at: '2026-11-20T00:00:00Z', expiresAt: '2026-11-23T22:00:00Z' }])).toMatchObject({ status: 'allowed', allowedUntil: '2026-11-23T22:00:00Z' });
    expect(
      lock([
        { action: 'lock', at: '2026-11-20T00:00:00Z', expiresAt: '2026-11-23T22:00:00Z' },
        { action: 'lock', at: '2026-11-21T00:00:00Z', expiresAt: '2026-11-25T00:00:00Z' },
      ]),
    ).toMatchObject({ status: 'allowed', allowedUntil: '2026-11-25T00:00:00Z' });
    expect(
      lock([
        { action: 'lock', at: '2026-11-20T00:00:00Z', expiresAt: '2026-11-23T22:00:00Z' },
        { action: 'lock', at: '2026-11-21T00:00:00Z' },
      ]),
    ).toMatchObject({ status: 'allowed', allowedUntil: null });
  });

  it('an approval that lapses before a deferred proposal is allowed does not count for it', () => {
    const letters = { notice: { channel: 'letter', kind: 'notice', requiresApproval: true } } as const;
    const hours = { kind: 'window', id: 'hours', from: '09:00', to: '17:00' };
    const at = (approvals: unknown[], when: string) => createEngine(policy([hours], letters)).decide(account({ approvals }), { now: when }).proposals[0];
    // 20:00 in New York: the window opens at 09:00 tomorrow (14:00Z).
    const evening = '2026-11-23T20:00:00-05:00';
    expect(at([{ action: 'notice', at: '2026-11-20T00:00:00Z', expiresAt: '2026-11-24T10:00:00Z' }], evening)).toMatchObject({ status: 'needs_approval', allowedFrom: '2026-11-24T14:00:00Z' });
    expect(at([{ action: 'notice', at: '2026-11-20T00:00:00Z', expiresAt: '2026-11-24T16:00:00Z' }], evening)).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-24T14:00:00Z', allowedUntil: '2026-11-24T16:00:00Z' });
  });

  it('a compliance layer can require approval for actions the strategy did not flag', () => {
    const approval = { kind: 'approval', id: 'owner-signs-letters', appliesTo: { kinds: ['notice'] }, message: 'the owner signs every formal letter' };
    const d = createEngine(policy([approval])).decide(account(), { now });
    expect(d.proposals.find((p) => p.action === 'notice')).toMatchObject({ status: 'needs_approval', reasons: [{ code: 'APPROVAL_REQUIRED', constraint: 'owner-signs-letters' }] });
    expect(d.next?.action).toBe('call');
  });
});

describe('promise holds', () => {
  const hold = { kind: 'promiseHold', id: 'hold', graceDays: 2 };
  it('defers communication until the end of the promised date plus grace', () => {
    const a = account({ promises: [{ dueDate: '2026-11-25', amount: 50_000 }] });
    const call = createEngine(policy([hold])).decide(a, { now }).proposals[0];
    expect(call?.status).toBe('deferred');
    expect(call?.allowedFrom).toBe('2026-11-28T05:00:00Z');
    expect(call?.reasons[0]?.code).toBe('PROMISE_PENDING');
  });

  it('the reason tells an open promise from one that fell due unpaid and is in its grace days', () => {
    const open = createEngine(policy([hold])).decide(account({ promises: [{ dueDate: '2026-11-25', amount: 50_000 }] }), { now }).proposals[0];
    expect(open?.reasons[0]?.message).toBe('a promise to pay is open (+2 days grace)');
    // Due yesterday, unpaid: the facts call it broken, and the hold lasts to the end of its grace.
    const d = createEngine(policy([hold])).decide(account({ promises: [{ dueDate: '2026-11-22', amount: 50_000 }] }), { now });
    expect(d.proposals[0]).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-25T05:00:00Z' });
    expect(d.proposals[0]?.reasons[0]?.message).toBe('a promise to pay fell due unpaid on 2026-11-22; its 2 grace days have not run out');
  });

  it('a kept promise (paid in time) holds nothing', () => {
    const a = account({ promises: [{ dueDate: '2026-11-25', amount: 50_000, madeAt: '2026-11-20T10:00:00Z' }], payments: [{ at: '2026-11-22T10:00:00Z', amount: 50_000 }] });
    expect(createEngine(policy([hold])).decide(a, { now }).proposals[0]?.status).toBe('allowed');
  });
});
