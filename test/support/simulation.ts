import type { PolicyInput } from '../../src/index';
import { anAccount } from '../../src/testing/index';

/** A policy that calls an overdue debtor, an account five days overdue in New York, and a two-day run: for tests of simulate's options. */
export const simulation = {
  policy: {
    id: 'sim',
    version: '1',
    jurisdiction: 'US',
    actions: { call: { channel: 'phone' } },
    rules: [{ id: 'overdue', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 }] }, then: ['call'] }],
  } satisfies PolicyInput,
  account: anAccount().inZone('America/New_York').overdueDays(5, { asOf: '2026-11-23' }),
  from: '2026-11-23T09:00:00-05:00',
  to: '2026-11-25T09:00:00-05:00',
};
