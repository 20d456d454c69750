import type { PolicyInput } from '../../policy/schema/policy';
import { deepFreeze } from '../deep-freeze';
import { STOP_COLLECTING } from './stop-collecting';

const notDone = (action: string) => ({ fact: 'attemptCount', params: { action }, operator: 'equal', value: 0 }) as const;
const daysSince = (action: string, days: number) => ({ fact: 'daysSinceLastAction', params: { action }, operator: 'greaterThanInclusive', value: days }) as const;

/**
 * A collection agency's new-case screening (委外催收 "filtering") with the manual's call order —
 * employer → listed contacts → village/neighbourhood committee → family → the cardholder — then the
 * clearing sequence: first call, second call a day later, visit and lawyer's letter, third call,
 * referral for suit. The order is what the manual says, not what the law allows: compose
 * `presets.chinaCba` with it and the third parties are blocked (the debtor is called instead).
 * See docs/strategies.md.
 *
 * @example
 * import { composePolicies, presets } from 'arrears';
 * const lawful = composePolicies(presets.chinaCba, presets.strategies.agencyScreening);
 */
export const agencyScreening = deepFreeze({
  id: 'agency-new-case-screening',
  version: '1.2.0',
  jurisdiction: 'CN',
  description:
    'Collection agency: new-case screening calls in the manual’s order (employer, contacts, committee, family, cardholder; two calls each), then first call, second call, visit and lawyer’s letter, third call, referral for suit.',
  conditions: {
    screening: {
      all: [
        { fact: 'rightPartyContacts', operator: 'equal', value: 0 },
        { fact: 'attemptCount', params: { action: 'screening_call' }, operator: 'lessThan', value: 10 },
        {
          any: [
            { fact: 'attemptCount', params: { action: 'screening_call' }, operator: 'equal', value: 0 },
            { fact: 'daysSinceLastAction', params: { action: 'screening_call' }, operator: 'lessThanInclusive', value: 1 },
          ],
        },
      ],
    },
  },
  actions: {
    screening_call: { label: 'Screening call (manual order)', channel: 'phone', target: { order: 'screening-order' } },
    first_call: { label: 'First call: learn the reason, state the position', channel: 'phone', target: 'self' },
    second_call: { label: 'Second call: firmer', channel: 'phone', target: 'self' },
    field_visit: { label: 'Field visit', channel: 'visit', target: 'self' },
    lawyer_letter: { label: 'Lawyer’s letter', channel: 'letter', target: 'self', requiresApproval: true },
    third_call: { label: 'Third call: confirm the letter, negotiate', channel: 'phone', target: 'self' },
    recommend_suit: { label: 'Recommend suit to the bank', kind: 'legal', requiresApproval: true },
  },
  rules: [
    {
      id: 'new-case-screening',
      description: 'Screening: up to 10 calls while the cardholder has not been reached; over when 10 were made or no call was possible for two days.',
      priority: 50,
      when: { all: [{ condition: 'screening' }] },
      then: ['screening_call'],
    },
    {
      id: 'clearing-first-call',
      description: 'Screening done: first call to the cardholder.',
      priority: 40,
      when: { all: [{ not: { condition: 'screening' } }, notDone('first_call')] },
      then: ['first_call'],
    },
    { id: 'clearing-second-call', description: 'One or two days after the first call.', priority: 41, when: { all: [daysSince('first_call', 1), notDone('second_call')] }, then: ['second_call'] },
    { id: 'clearing-visit', description: 'Two days after the second call: visit.', priority: 42, when: { all: [daysSince('second_call', 2), notDone('field_visit')] }, then: ['field_visit'] },
    {
      id: 'clearing-lawyer-letter',
      description: 'With the visit: lawyer’s letter (the bank’s approval).',
      priority: 42,
      when: { all: [daysSince('second_call', 2), notDone('lawyer_letter')] },
      then: ['lawyer_letter'],
    },
    { id: 'clearing-third-call', description: 'Three days after the letter: confirm it, negotiate.', priority: 43, when: { all: [daysSince('lawyer_letter', 3), notDone('third_call')] }, then: ['third_call'] },
    {
      id: 'refer-for-suit',
      description: 'A week after the third call: recommend suit (the bank’s approval).',
      priority: 44,
      when: { all: [daysSince('third_call', 7), notDone('recommend_suit')] },
      then: ['recommend_suit'],
    },
  ],
  compliance: [
    {
      id: 'agency',
      description: 'The agency manual.',
      constraints: [
        ...STOP_COLLECTING,
        {
          kind: 'contactOrder',
          id: 'screening-order',
          description: 'Employer → listed contacts → village/neighbourhood committee → family → cardholder; two unanswered calls (or one answered by someone else) exhaust a contact.',
          appliesTo: { actions: ['screening_call'] },
          ranks: [['employer'], ['reference'], ['community'], ['family', 'spouse'], ['self']],
          exhaustedAfter: { attempts: 2 },
          exhaustedBy: ['wrong_number', 'third_party_contact', 'refused'],
        },
        { kind: 'window', id: 'agency-hours', appliesTo: { channels: ['phone', 'visit'] }, from: '09:00', to: '20:00' },
        {
          kind: 'cooldown',
          id: 'two-hours-between-calls',
          description: 'Two hours between calls to the same person.',
          appliesTo: { channels: ['phone'] },
          after: { channels: ['phone'] },
          wait: { duration: 'PT2H' },
          scope: 'contact',
        },
        {
          kind: 'cap',
          id: 'two-screening-calls-each',
          description: 'Screening calls each person twice at most.',
          appliesTo: { actions: ['screening_call'] },
          max: 2,
          period: { rolling: 'P90D' },
          scope: 'contact',
        },
        {
          kind: 'cooldown',
          id: 'no-second-screening-after-an-answer',
          description: 'A person who refused, passed the call to someone else or was a wrong number is not screened again: the order has moved on.',
          appliesTo: { actions: ['screening_call'] },
          after: { actions: ['screening_call'], outcomes: ['refused', 'third_party_contact', 'wrong_number'] },
          wait: { duration: 'P90D' },
          scope: 'contact',
        },
        { kind: 'cap', id: 'three-calls-a-day', appliesTo: { channels: ['phone'] }, max: 3, period: { calendar: 'day' }, scope: 'contact' },
        { kind: 'promiseHold', id: 'respect-promises', appliesTo: { kinds: ['communication', 'notice'] } },
      ],
    },
  ],
} as const satisfies PolicyInput);
