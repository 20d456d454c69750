import { describe, expect, it } from 'vitest';
import { createEngine, deriveFacts, presets } from '../src/index';

const owing = (amountDue: number) => ({
  id: 'A',
  currency: 'CNY',
  amountDue,
  dueDate: '2026-10-01',
  debtor: { timeZone: 'Asia/Shanghai' },
  contacts: [
    { id: 'me', relationship: 'self', channels: [{ channel: 'phone' }, { channel: 'sms' }, { channel: 'email' }, { channel: 'letter' }, { channel: 'app' }, { channel: 'visit' }] },
  ],
});
const NOW = '2026-11-23T10:00:00+08:00';

describe('shipped strategies stop when nothing is due, or the debtor has died, is bankrupt, the debt was sold or is on hold', () => {
  for (const [name, strategy] of Object.entries(presets.strategies)) {
    it(`${name}: an account that owes nothing gets no allowed action; the same account owing something does`, () => {
      const engine = createEngine(strategy);
      const settled = engine.decide(owing(0), { now: NOW });
      expect(settled.next).toBeNull();
      for (const p of settled.proposals) expect(p.status).toBe('blocked');
      expect(engine.decide(owing(120_000), { now: NOW }).proposals.some((p) => p.status !== 'blocked')).toBe(true);
    });
  }

  for (const [flag, code] of [
    ['deceased', 'DECEASED'],
    ['bankrupt', 'BANKRUPT'],
    ['sold', 'DEBT_SOLD'],
    ['legal_hold', 'LEGAL_HOLD'],
  ] as const) {
    it(`every shipped strategy stops for a debtor flagged ${flag}, with ${code}`, () => {
      for (const strategy of Object.values(presets.strategies)) {
        const flagged = { ...owing(120_000), debtor: { timeZone: 'Asia/Shanghai', flags: { [flag]: { since: '2026-11-01' } } } };
        const d = createEngine(strategy).decide(flagged, { now: NOW });
        expect(d.next, strategy.id).toBeNull();
        for (const p of d.proposals) expect(p.reasons.map((r) => r.code)).toContain(code);
      }
    });
  }

  it('daysPastDue is 0 and the bucket is the first when nothing is due, whatever the due date', () => {
    const facts = deriveFacts(owing(0), NOW, presets.strategies.bankCard, { facts: [{ fact: 'daysPastDue' }, { fact: 'bucket' }, { fact: 'settled' }] });
    expect(facts).toEqual({ daysPastDue: 0, bucket: 'current', settled: true });
    expect(deriveFacts(owing(1), NOW, presets.strategies.bankCard, { facts: [{ fact: 'daysPastDue' }] }).daysPastDue).toBe(53);
  });
});
