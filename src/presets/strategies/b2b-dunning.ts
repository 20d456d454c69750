import type { PolicyInput } from '../../policy/schema/policy';
import { deepFreeze } from '../deep-freeze';
import { STOP_COLLECTING } from './stop-collecting';

/** The escalation levels, in order; the ladder never skips one. */
const LEVELS = ['escalate_supervisor', 'escalate_manager', 'escalate_general_manager', 'lock_account'] as const;

const notDone = (action: string) => ({ fact: 'attemptCount', params: { action }, operator: 'equal', value: 0 }) as const;
const done = (action: string) => ({ fact: 'attemptCount', params: { action }, operator: 'greaterThanInclusive', value: 1 }) as const;
const daysSince = (action: string, days: number) => ({ fact: 'daysSinceLastAction', params: { action }, operator: 'greaterThanInclusive', value: days }) as const;
const dpdAtLeast = (days: number) => ({ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: days }) as const;

/**
 * B2B receivables dunning cadence, to the day (an ERP's procedure): one reminder a week before the
 * payment date; e-mail + phone every 2 days in the first week overdue, daily from the second;
 * supervisor after 2 weeks without progress, manager after 1 month, general manager after 2, lock
 * the customer account after 3 (owner's approval); then formal demand, statement of account and
 * lawyer's letter (owner's approval). Levels are never skipped. A strategy, not a regulation:
 * compose a regulation preset with it when one applies. See docs/strategies.md.
 *
 * @example
 * import { createEngine, presets } from 'arrears';
 * const engine = createEngine(presets.strategies.b2bDunning);
 */
export const b2bDunning = deepFreeze({
  id: 'b2b-receivables-dunning',
  version: '1.2.0',
  jurisdiction: 'CN',
  description:
    'B2B receivables dunning: reminder 7 days before the payment date; e-mail + phone every 2 days in week 1 overdue, daily from week 2; supervisor (day 15), manager (day 31), general manager (day 61), account lock with approval (day 91), then formal demand, statement of account and lawyer’s letter (approval). Never skips a level.',
  conditions: {
    // No payment in 2 weeks, and no promise to wait for. A customer who has already broken two
    // promises makes no progress by promising again: promises stop counting.
    noProgress: {
      all: [
        { any: [{ fact: 'daysSinceLastPayment', operator: 'equal', value: null }, { fact: 'daysSinceLastPayment', operator: 'greaterThanInclusive', value: 14 }] },
        {
          any: [
            { fact: 'brokenPromises', operator: 'greaterThanInclusive', value: 2 },
            {
              all: [
                { fact: 'hasOpenPromise', operator: 'equal', value: false },
                { fact: 'attemptCount', params: { outcome: ['promise_to_pay', 'paid'], within: { calendarDays: 14 }, direction: 'any' }, operator: 'equal', value: 0 },
              ],
            },
          ],
        },
      ],
    },
    notLocked: { all: [notDone('lock_account')] },
  },
  actions: {
    reminder_email: { label: 'Payment reminder, one week before the payment date', channel: 'email', target: 'self' },
    followup_email: { label: 'Dunning e-mail', channel: 'email', target: 'self' },
    followup_call: { label: 'Dunning call', channel: 'phone', target: 'self' },
    escalate_supervisor: { label: 'Escalate to the supervisor' },
    escalate_manager: { label: 'Involve the manager' },
    escalate_general_manager: { label: 'Involve the general manager' },
    lock_account: { label: 'Lock the customer account (nothing ships)', requiresApproval: true },
    formal_demand: { label: 'Formal demand letter', channel: 'letter', target: 'self' },
    statement_letter: { label: 'Statement-of-account letter', channel: 'letter', target: 'self' },
    lawyer_letter: { label: 'Lawyer’s letter', channel: 'letter', target: 'self', requiresApproval: true },
  },
  rules: [
    {
      id: 'reminder-one-week-before',
      description: 'One reminder, from 7 days before the payment date.',
      priority: 10,
      when: { all: [dpdAtLeast(-7), { fact: 'daysPastDue', operator: 'lessThanInclusive', value: -1 }, notDone('reminder_email')] },
      then: ['reminder_email'],
    },
    {
      id: 'first-week-email-every-2-days',
      description: 'Days 1-7 past the payment date: an e-mail every 2 days.',
      priority: 20,
      when: {
        all: [
          dpdAtLeast(1),
          { fact: 'daysPastDue', operator: 'lessThanInclusive', value: 7 },
          { any: [{ fact: 'daysSinceLastAction', params: { action: 'followup_email' }, operator: 'equal', value: null }, daysSince('followup_email', 2)] },
        ],
      },
      then: ['followup_email'],
    },
    {
      id: 'first-week-call-every-2-days',
      description: 'Days 1-7 past the payment date: a call every 2 days (office days).',
      priority: 20,
      when: {
        all: [
          dpdAtLeast(1),
          { fact: 'daysPastDue', operator: 'lessThanInclusive', value: 7 },
          { any: [{ fact: 'daysSinceLastAction', params: { action: 'followup_call' }, operator: 'equal', value: null }, daysSince('followup_call', 2)] },
        ],
      },
      then: ['followup_call'],
    },
    {
      id: 'daily-from-second-week',
      description: 'From day 8 until the account is locked: e-mail and call every day (one of each a day, calls on office days).',
      priority: 20,
      when: { all: [dpdAtLeast(8), { condition: 'notLocked' }] },
      then: ['followup_email', 'followup_call'],
    },
    {
      id: 'escalate-to-supervisor',
      description: 'After 2 weeks past the payment date without progress (no payment, no promise; promises stop counting once two are broken).',
      priority: 60,
      when: { all: [dpdAtLeast(15), { condition: 'noProgress' }, notDone('escalate_supervisor')] },
      then: ['escalate_supervisor'],
    },
    {
      id: 'escalate-to-manager',
      description: 'Over 1 month unpaid, once the supervisor has been involved.',
      priority: 61,
      when: { all: [dpdAtLeast(31), { condition: 'noProgress' }, done('escalate_supervisor'), notDone('escalate_manager')] },
      then: ['escalate_manager'],
    },
    {
      id: 'escalate-to-general-manager',
      description: 'Over 2 months unpaid, once the manager has been involved.',
      priority: 62,
      when: { all: [dpdAtLeast(61), { condition: 'noProgress' }, done('escalate_manager'), notDone('escalate_general_manager')] },
      then: ['escalate_general_manager'],
    },
    {
      id: 'lock-customer-account',
      description: 'Over 3 months unpaid, once the general manager has been involved: lock the account (owner’s approval).',
      priority: 63,
      when: { all: [dpdAtLeast(91), { condition: 'noProgress' }, done('escalate_general_manager'), notDone('lock_account')] },
      then: ['lock_account'],
    },
    {
      id: 'formal-demand',
      description: 'The day after the lock: formal demand letter.',
      priority: 64,
      when: { all: [daysSince('lock_account', 1), notDone('formal_demand')] },
      then: ['formal_demand'],
    },
    {
      id: 'statement-of-account',
      description: 'A week after the formal demand: statement-of-account letter.',
      priority: 65,
      when: { all: [daysSince('formal_demand', 7), notDone('statement_letter')] },
      then: ['statement_letter'],
    },
    {
      id: 'lawyer-letter',
      description: 'Two weeks after the statement: lawyer’s letter (owner’s approval).',
      priority: 66,
      when: { all: [daysSince('statement_letter', 14), notDone('lawyer_letter')] },
      then: ['lawyer_letter'],
    },
  ],
  compliance: [
    {
      id: 'b2b-cadence',
      description: 'The finance department’s own rules: office hours, one e-mail and one call a day, one escalation level a week at most.',
      constraints: [
        ...STOP_COLLECTING,
        {
          kind: 'window',
          id: 'office-hours',
          description: 'Calls and letters on office days, 09:00-18:00 at the customer.',
          appliesTo: { channels: ['phone', 'letter'] },
          days: ['mon', 'tue', 'wed', 'thu', 'fri'],
          from: '09:00',
          to: '18:00',
        },
        { kind: 'window', id: 'email-hours', description: 'E-mails any day, 08:00-20:00 at the customer.', appliesTo: { channels: ['email'] }, from: '08:00', to: '20:00' },
        {
          kind: 'cap',
          id: 'one-email-a-day',
          appliesTo: { actions: ['reminder_email', 'followup_email'] },
          max: 1,
          period: { calendar: 'day' },
          scope: 'account',
        },
        { kind: 'cap', id: 'one-call-a-day', appliesTo: { actions: ['followup_call'] }, max: 1, period: { calendar: 'day' }, scope: 'account' },
        {
          kind: 'cooldown',
          id: 'one-level-a-week',
          description: 'At least 7 days between two escalation levels (an account that arrives late still climbs one level at a time).',
          appliesTo: { actions: [...LEVELS] },
          after: { actions: [...LEVELS] },
          wait: { calendarDays: 7 },
          scope: 'account',
        },
        { kind: 'promiseHold', id: 'respect-promises', appliesTo: { kinds: ['communication'] }, graceDays: 1 },
      ],
    },
  ],
} as const satisfies PolicyInput);
