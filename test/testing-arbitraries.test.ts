import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composePolicies, presets, safeParseAccount, type PolicyInput } from '../src/index';
import { parseInstant } from '../src/time';
import { arbitraries } from '../src/testing/arbitraries';
import { checkCompliance, simulate } from '../src/testing/index';

const range = { min: '2026-10-01T00:00:00Z', max: '2026-11-20T00:00:00Z' };
const ms = (iso: string) => {
  const p = parseInstant(iso);
  return p.ok ? p.ms : Number.NaN;
};

describe('arbitraries', () => {
  it('instant() stays within [min, max] and is a valid ISO instant', () => {
    fc.assert(
      fc.property(arbitraries.instant(range), (at) => {
        expect(ms(at)).toBeGreaterThanOrEqual(ms(range.min));
        expect(ms(at)).toBeLessThanOrEqual(ms(range.max));
        expect(at).toMatch(/Z$/);
      }),
    );
  });

  it('account() produces valid accounts whose history names their contacts', () => {
    fc.assert(
      fc.property(arbitraries.account({ ...range, flags: true }), (account) => {
        const parsed = safeParseAccount(account);
        expect(parsed.success ? [] : parsed.issues).toEqual([]);
        const ids = new Set(account.contacts?.map((c) => c.id));
        expect(ids.has('self')).toBe(true);
        for (const a of account.history ?? []) if (a.contactId !== undefined) expect(ids.has(a.contactId)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('history() draws attempts from the given vocabulary', () => {
    fc.assert(
      fc.property(arbitraries.history({ ...range, contacts: ['a', 'b'], channels: ['sms'], outcomes: ['delivered'], actions: ['remind'], maxLength: 5 }), (history) => {
        expect(history.length).toBeLessThanOrEqual(5);
        for (const a of history) {
          expect(a).toMatchObject({ channel: 'sms', outcome: 'delivered' });
          expect([undefined, 'a', 'b']).toContain(a.contactId);
          expect([undefined, 'remind']).toContain(a.action);
        }
      }),
    );
  });

  it('property: whatever the account, a simulation under a policy never violates it', () => {
    const strategy: PolicyInput = {
      id: 'always',
      version: '1',
      jurisdiction: 'US',
      actions: { call: { channel: 'phone' }, text: { channel: 'sms' }, call_family: { channel: 'phone', target: ['spouse', 'family', 'guarantor'] } },
      rules: [{ id: 'overdue', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call', 'call_family', 'text'] }],
    };
    const policy = composePolicies(presets.usRegulationF, strategy);
    let attempts = 0;
    fc.assert(
      fc.property(arbitraries.account({ ...range, zones: ['America/New_York', 'America/Los_Angeles', 'Asia/Shanghai'], maxHistory: 8, flags: true }), fc.constantFrom<'never' | 'answers-on-2nd' | 'promises-then-breaks'>('never', 'answers-on-2nd', 'promises-then-breaks'), (account, respond) => {
        const timeline = simulate(policy, account, { from: '2026-11-21T00:00:00Z', to: '2026-11-25T00:00:00Z', respond, pause: 'PT2H', maxSteps: 80 });
        expect(checkCompliance(timeline, policy)).toEqual([]);
        attempts += timeline.attempts.length;
      }),
      { numRuns: 15 },
    );
    expect(attempts).toBeGreaterThan(15); // the simulations did carry out attempts (about 8 each on average)
  });
});
