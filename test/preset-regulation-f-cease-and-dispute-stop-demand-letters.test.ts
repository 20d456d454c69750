import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, presets } from '../src/index';

// A lawyer's or demand letter asks for payment: it is a communication, which Reg F's cease and
// dispute blocks stop. Only the notices § 1006.6(c)(2) allows carry kind 'notice'. So is an arrears
// notice posted on the building board: posted, not sent, it still asks for payment.
const account = (flags: object) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 100_000,
  dueDate: '2026-06-01',
  debtor: { timeZone: 'America/New_York', flags },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }, { channel: 'email' }, { channel: 'letter' }] }],
});
const NOW = '2026-11-23T10:00:00-05:00';
const LETTERS: Record<string, readonly string[]> = {
  bankCard: ['lawyer_letter'],
  b2bDunning: ['formal_demand', 'statement_letter', 'lawyer_letter'],
  propertyFees: ['lawyer_letter', 'public_notice'],
  agencyScreening: ['lawyer_letter'],
};

describe('Reg F over the shipped strategies: demand letters are communications', () => {
  for (const [name, letters] of Object.entries(LETTERS)) {
    const strategy = presets.strategies[name as keyof typeof presets.strategies];
    for (const id of letters) {
      it(`${name}.${id} is a communication`, () => {
        expect(strategy.actions[id as keyof typeof strategy.actions]).not.toHaveProperty('kind', 'notice');
      });
    }
    it(`${name}: after a cease request or during a dispute, no action reaching the debtor is allowed`, () => {
      const engine = createEngine(composePolicies(presets.usRegulationF, strategy));
      for (const flags of [{ cease_communication: { since: '2026-11-01' } }, { disputed: { since: '2026-11-20' } }]) {
        const d = engine.decide(account(flags), { now: NOW });
        for (const p of d.proposals) if (p.channel !== null || p.kind === 'communication') expect(p.status, `${p.action} ${JSON.stringify(flags)}`).toBe('blocked');
      }
    });
  }
});
