import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveFacts, FACTS, type FactName } from '../src/index';
import { arbitraries } from '../src/testing/arbitraries';

/*
 * The catalogue's ranges are promises the policy checks build on: a comparison no value of the
 * range meets is refused as `never_true` (`daysSinceLastPayment lessThan 0`). So every value a
 * fact takes must lie in its range, whatever the account and the instant.
 */

const POLICY = {
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { sms: { channel: 'sms' } },
  rules: [{ id: 'r', when: { all: [] }, then: ['sms'] }],
  compliance: [],
};
interface Domain {
  readonly kind: string;
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly nullable?: boolean;
}
const WITH_PARAMS = [
  { fact: 'daysSinceFlag', params: { flag: 'disputed' } },
  { fact: 'daysSinceFlag', params: { flag: 'hardship' } },
  { fact: 'daysSinceLastAction', params: { action: 'sms' } },
  { fact: 'attemptCount', params: { within: 'P7D' } },
];
const instantArb = arbitraries.instant({ min: '2026-01-01T00:00:00Z', max: '2026-12-31T23:59:59Z' });
const accounts = fc.record({
  account: arbitraries.account({ flags: true, actions: ['sms'] }),
  payments: fc.array(fc.record({ at: instantArb, amount: fc.integer({ min: 1, max: 100_000 }) }), { maxLength: 4 }),
});

describe('every fact stays within the range the catalogue declares', () => {
  it('numbers within min and max, whole where declared, null only where nullable', () => {
    fc.assert(
      fc.property(accounts, instantArb, ({ account, payments }, now) => {
        const facts = deriveFacts({ ...account, payments }, now, POLICY, { facts: 'all' });
        const withParams = deriveFacts({ ...account, payments }, now, POLICY, { facts: WITH_PARAMS });
        // Keys with params read `daysSinceFlag{"flag":"disputed"}`.
        const values = [...Object.entries(facts), ...Object.entries(withParams)].map(([key, value]) => [key.split('{')[0] as FactName, value] as const);
        expect(values.length).toBe(Object.keys(facts).length + WITH_PARAMS.length);
        for (const [name, value] of values) {
          const domain = (FACTS[name] as { readonly values?: Domain }).values;
          if (domain?.kind !== 'number') continue;
          if (value === null) {
            expect(domain.nullable, `${name} is null`).toBe(true);
            continue;
          }
          expect(typeof value, name).toBe('number');
          const n = value as number;
          if (domain.min !== undefined) expect(n, name).toBeGreaterThanOrEqual(domain.min);
          if (domain.max !== undefined) expect(n, name).toBeLessThanOrEqual(domain.max);
          if (domain.integer) expect(Number.isInteger(n), `${name} = ${n}`).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
