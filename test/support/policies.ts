import type { PolicyInput } from '../../src/index';

type Layer = NonNullable<PolicyInput['compliance']>[number];
type Constraint = Layer['constraints'][number];

/** A strategy that always proposes a call to the debtor (and an SMS as a fallback), with the given compliance layers. */
export function callPolicy(...layers: readonly (readonly object[])[]): PolicyInput {
  return {
    id: 'test-calls',
    version: '1',
    jurisdiction: 'US',
    actions: {
      call: { channel: 'phone', target: 'self' },
      text: { channel: 'sms', target: 'self' },
    },
    rules: [{ id: 'always', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: -10000 }] }, then: ['call'] }],
    compliance: layers.map((constraints, i) => ({ id: `layer-${i + 1}`, constraints: [...constraints] as Constraint[] })),
  };
}

/** A policy with one rule, proposing a call to the debtor when `comparison` holds. */
export const policyWhen = (comparison: Record<string, unknown>) => ({
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone', target: 'self' } },
  rules: [{ id: 'r', when: { all: [comparison] }, then: ['call'] }],
});

/** A window constraint. */
export function window(id: string, from: string, to: string, extra: Record<string, unknown> = {}): Constraint {
  return { kind: 'window', id, from, to, ...extra } as Constraint;
}

/** A debtor reachable by phone and SMS in the given zone(s). */
export function debtor(timeZone: string | string[], extra: Record<string, unknown> = {}) {
  return {
    id: 'D-1',
    currency: 'USD',
    amountDue: 50_000,
    dueDate: '2026-01-01',
    debtor: { timeZone },
    contacts: [{ id: 'me', relationship: 'self' as const, channels: [{ channel: 'phone' as const }, { channel: 'sms' as const }] }],
    ...extra,
  };
}

/** A sound bank-card policy, for tests that break it in several places at once. */
export const sound = {
  id: 'bank-card',
  version: '1',
  jurisdiction: 'CN',
  actions: { call_self: { channel: 'phone' }, sms_reminder: { channel: 'sms' } },
  rules: [
    { id: 'early', when: { all: [{ fact: 'daysPastDue', operator: 'lessThan', value: 8 }] }, then: ['sms_reminder'] },
    { id: 'm1', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 7 }] }, then: ['call_self'] },
  ],
  compliance: [{ id: 'company', constraints: [{ kind: 'window', id: 'hours', from: '09:00', to: '20:00' }] }],
};
