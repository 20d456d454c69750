import { describe, expect, it } from 'vitest';
import { checkCompliance } from '../src/testing/index';

/* docs/testing.md (checkCompliance): one violation per constraint that refused the attempt at its
   instant. An attempt blocked then (a debtor who asked to cease) was reported for the block
   alone: a block that never lifts ends the engine's search, so the window and the cap that also
   refused it were never judged — a call at 23:00, over the weekly cap, to a debtor who had asked
   to cease broke three rules, and the report named one. */

const policy = {
  id: 's',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [] }, then: ['call_self'] }],
  compliance: [
    {
      id: 'own',
      constraints: [
        { kind: 'block', id: 'cease', when: { all: [{ fact: 'ceaseCommunication', operator: 'equal', value: true }] }, code: 'CEASE_COMMUNICATION', message: 'the debtor asked to cease' },
        { kind: 'cap', id: 'one-call-a-week', max: 1, period: { rolling: 'P7D' } },
        { kind: 'window', id: 'hours', from: '08:00', to: '21:00' },
      ],
    },
  ],
};
const account = (flags: object) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 1000,
  dueDate: '2026-01-15',
  debtor: { timeZone: 'America/New_York', flags },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }],
  history: [{ at: '2026-06-09T16:00:00Z', channel: 'phone', contactId: 'me', outcome: 'no_answer' }],
});
const ceased = { cease_communication: { since: '2026-06-01' } };
const judged = (at: string, flags: object) =>
  checkCompliance([{ at, channel: 'phone', contactId: 'me', outcome: 'no_answer' }], policy, { account: account(flags) }).map((v) => `${v.code} ${v.constraint}`);

describe('checkCompliance: the time constraints an attempt broke while a block refused it', () => {
  it('a call at 23:00 over the cap, after a cease request, breaks all three', () => {
    expect(judged('2026-06-10T03:00:00Z', ceased)).toEqual(['CEASE_COMMUNICATION cease', 'FREQUENCY_CAP one-call-a-week', 'OUTSIDE_CONTACT_WINDOW hours']);
  });

  it('at 10:00 the window allowed it: the block and the cap', () => {
    expect(judged('2026-06-10T14:00:00Z', ceased)).toEqual(['CEASE_COMMUNICATION cease', 'FREQUENCY_CAP one-call-a-week']);
  });

  it('without the block, as before', () => {
    expect(judged('2026-06-10T03:00:00Z', {})).toEqual(['FREQUENCY_CAP one-call-a-week', 'OUTSIDE_CONTACT_WINDOW hours']);
  });
});
