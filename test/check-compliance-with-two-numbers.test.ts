import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, presets } from '../src/index';
import { anAccount, checkCompliance, simulate } from '../src/testing/index';

// checkCompliance judges each attempt with its own number; the contact's other numbers stay
// theirs, so what was logged against them counts where the engine counts it.
const call = { id: 's', version: '1', jurisdiction: 'CN', actions: { call: { channel: 'phone' } }, rules: [{ id: 'late', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call'] }] };

describe('checkCompliance with a contact that has two numbers', () => {
  it('China: six unanswered dials a day per number, four on each of two numbers, break nothing', () => {
    const policy = composePolicies(presets.chinaCba, call);
    const [a, b] = ['+86 138 0000 0001', '+86 139 0000 0002'];
    const account = anAccount().inZone('Asia/Shanghai').dueOn('2026-11-01').withContact('self', { phone: [{ address: a }, { address: b }] });
    const log = [9, 10, 11, 12, 13, 14, 15, 16].map((h, i) => ({ at: `2026-11-23T${String(h).padStart(2, '0')}:00:00+08:00`, action: 'call', channel: 'phone', contactId: 'self', address: i % 2 ? b : a, outcome: 'no_answer' }));
    expect(checkCompliance(log, policy, { account })).toEqual([]);
    // Seven on one number do.
    const seven = [9, 10, 11, 12, 13, 14, 15].map((h) => ({ at: `2026-11-23T${String(h).padStart(2, '0')}:00:00+08:00`, action: 'call', channel: 'phone', contactId: 'self', address: a, outcome: 'no_answer' }));
    expect(checkCompliance(seven, policy, { account }).map((v) => [v.index, v.constraint])).toEqual([[6, 'cn-6-unanswered-dials-a-day']]);
  });

  it('Massachusetts: calls to a work number count under the work cap, not the personal one', () => {
    const policy = composePolicies(presets.usRegulationF, presets.usMassachusetts, { ...call, jurisdiction: 'US' });
    const account = anAccount()
      .amount(100_000, 'USD')
      .inZone('America/New_York')
      .jurisdiction('US-MA')
      .dueOn('2026-02-01')
      .withContact('self', { phone: [{ address: '+1 617 555 0100' }, { address: '+1 617 555 0199', workplace: true }] });
    const at = (day: string, time: string, address: string) => ({ at: `2026-${day}T${time}:00-05:00`, action: 'call', channel: 'phone', contactId: 'self', address, outcome: 'no_answer' });
    const log = [at('02-26', '09:00', '+1 617 555 0100'), at('02-28', '09:00', '+1 617 555 0199'), at('02-28', '11:00', '+1 617 555 0199'), at('03-03', '09:00', '+1 617 555 0100')];
    expect(checkCompliance(log, policy, { account })).toEqual([]);
  });

  it('a simulated timeline over both numbers is compliant by construction', () => {
    const policy = composePolicies(presets.chinaCba, call);
    const account = anAccount().inZone('Asia/Shanghai').dueOn('2026-11-01').withContact('self', { phone: [{ address: '+86 138 0000 0001' }, { address: '+86 139 0000 0002' }] });
    const timeline = simulate(createEngine(policy), account, { from: '2026-11-23T00:00:00+08:00', to: '2026-11-25T00:00:00+08:00', respond: 'never', pause: 'PT30M' });
    expect(new Set(timeline.attempts.map((x) => x.address)).size).toBe(2);
    expect(checkCompliance(timeline, policy)).toEqual([]);
  });
});
