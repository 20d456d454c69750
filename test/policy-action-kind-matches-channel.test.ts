import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, presets, safeParsePolicy } from '../src/index';

const policyWith = (actions: Record<string, unknown>) => ({
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions,
  rules: [{ id: 'r', when: { all: [] }, then: Object.keys(actions) }],
});

function issuesOf(actions: Record<string, unknown>) {
  const r = safeParsePolicy(policyWith(actions));
  return r.success ? [] : r.issues.map((i) => ({ code: i.code, path: i.path }));
}

describe('an action’s kind agrees with its channel', () => {
  it.each(['legal', 'internal', 'credit_report'])('kind %s with a channel is refused at its kind', (kind) => {
    expect(issuesOf({ x: { channel: 'letter', kind } })).toEqual([{ code: 'kind_channel_mismatch', path: ['actions', 'x', 'kind'] }]);
  });

  it('the message says what to write instead', () => {
    const r = safeParsePolicy(policyWith({ lawyer_letter: { channel: 'letter', kind: 'legal' } }));
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]?.message).toMatch(/'communication' or 'notice'.*remove `kind`/);
  });

  it('consistent kinds, and no kind at all, are accepted', () => {
    expect(issuesOf({ a: { channel: 'letter', kind: 'notice' }, b: { channel: ['phone', 'sms'], kind: 'communication' }, c: { kind: 'legal' }, h: { kind: 'notice' }, d: { kind: 'credit_report' }, e: { kind: 'internal' }, f: { channel: 'visit' }, g: {} })).toEqual([]);
  });

  it('a lawyer’s letter cannot slip past Reg F’s cease and attorney blocks by its kind', () => {
    const strategy = policyWith({ lawyer_letter: { channel: 'letter', kind: 'legal' } });
    expect(() => composePolicies(presets.usRegulationF, strategy)).toThrow(expect.objectContaining({ code: 'COMPOSE_INVALID', issues: [expect.objectContaining({ code: 'kind_channel_mismatch' })] }));
    // Written as what it is, a communication, the blocks hold it.
    const fixed = createEngine(composePolicies(presets.usRegulationF, policyWith({ lawyer_letter: { channel: 'letter' } })));
    const account = {
      id: 'A',
      currency: 'USD',
      amountDue: 100_000,
      dueDate: '2026-06-01',
      debtor: { timeZone: 'America/New_York', flags: { cease_communication: { since: '2026-10-01' }, attorney_represented: { since: '2026-10-01' } } },
      contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'letter', address: '1 Main St' }] }],
    };
    const p = fixed.decide(account, { now: '2026-12-15T12:00:00-05:00' }).proposals[0];
    expect(p?.status).toBe('blocked');
    expect(p?.reasons.map((x) => x.code)).toEqual(expect.arrayContaining(['CEASE_COMMUNICATION', 'ATTORNEY_REPRESENTED']));
  });
});
