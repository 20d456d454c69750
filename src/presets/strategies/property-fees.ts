import type { PolicyInput } from '../../policy/schema/policy';
import { deepFreeze } from '../deep-freeze';
import { STOP_COLLECTING } from './stop-collecting';

const notDone = (action: string) => ({ fact: 'attemptCount', params: { action }, operator: 'equal', value: 0 }) as const;
const daysSince = (action: string, days: number) => ({ fact: 'daysSinceLastAction', params: { action }, operator: 'greaterThanInclusive', value: days }) as const;

/**
 * Property-management fees: a fee notice every month; once the bank's direct debit has failed (the
 * fee is overdue), a call a week and a notice on the building board once a month; over 3 months in
 * arrears a written report, then the legal route (lawyer's letter, suit — both approved). Late fees
 * are computed by your billing system, not here. See docs/strategies.md.
 *
 * @example
 * import { createEngine, presets } from 'arrears';
 * const engine = createEngine(presets.strategies.propertyFees);
 */
export const propertyFees = deepFreeze({
  id: 'property-management-fees',
  version: '1.3.0',
  jurisdiction: 'CN',
  description:
    'Property-management fees: monthly fee notice; after a failed direct debit a weekly call and a monthly notice on the building board; written report after 3 months in arrears; then lawyer’s letter and suit (approval).',
  actions: {
    monthly_fee_notice: { label: 'Monthly fee notice', channel: ['app', 'sms'], target: 'self' },
    arrears_call: { label: 'Call after the failed direct debit', channel: 'phone', target: 'self' },
    // Posted, not sent, yet it asks for payment in front of the neighbours: a communication, which
    // a regulation's cease and dispute blocks stop (`notice` is for what the law lets through).
    public_notice: { label: 'Arrears notice on the building board', kind: 'communication' },
    written_report: { label: 'Written report: over 3 months in arrears' },
    lawyer_letter: { label: 'Lawyer’s letter', channel: 'letter', target: 'self', requiresApproval: true },
    file_suit: { label: 'File suit for the fees', kind: 'legal', requiresApproval: true },
  },
  rules: [
    {
      id: 'monthly-notice',
      description: 'A fee notice in the first five days of every month (one a month).',
      priority: 10,
      when: { all: [{ fact: 'localDayOfMonth', operator: 'lessThanInclusive', value: 5 }] },
      then: ['monthly_fee_notice'],
    },
    {
      id: 'after-failed-debit',
      description: 'The fee is overdue, so the direct debit failed: call (weekly) and post a notice (monthly).',
      priority: 20,
      when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 }, { fact: 'hasOpenPromise', operator: 'equal', value: false }] },
      then: ['arrears_call', 'public_notice'],
    },
    {
      id: 'written-report',
      description: 'Over 3 months in arrears: report in writing.',
      priority: 40,
      when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 91 }, notDone('written_report')] },
      then: ['written_report'],
    },
    {
      id: 'lawyer-letter',
      description: 'A week after the written report: lawyer’s letter (approval).',
      priority: 41,
      when: { all: [daysSince('written_report', 7), notDone('lawyer_letter')] },
      then: ['lawyer_letter'],
    },
    {
      id: 'file-suit',
      description: 'Two weeks after the lawyer’s letter: file suit (approval).',
      priority: 42,
      when: { all: [daysSince('lawyer_letter', 14), notDone('file_suit')] },
      then: ['file_suit'],
    },
  ],
  compliance: [
    {
      id: 'management-office',
      description: 'The management office’s own rules.',
      constraints: [
        ...STOP_COLLECTING,
        { kind: 'window', id: 'office-hours', description: 'Notices, calls and letters 09:00-20:00, every day.', appliesTo: { channels: ['phone', 'sms', 'app', 'letter'] }, from: '09:00', to: '20:00' },
        { kind: 'cap', id: 'one-fee-notice-a-month', appliesTo: { actions: ['monthly_fee_notice'] }, max: 1, period: { calendar: 'month' }, scope: 'account' },
        {
          kind: 'cooldown',
          id: 'one-call-a-week',
          appliesTo: { actions: ['arrears_call'] },
          after: { actions: ['arrears_call'] },
          wait: { calendarDays: 7 },
          scope: 'account',
        },
        { kind: 'cap', id: 'one-board-notice-a-month', appliesTo: { actions: ['public_notice'] }, max: 1, period: { calendar: 'month' }, scope: 'account' },
        // The chasing waits for a promise; the monthly fee notice is the bill itself, and goes out.
        { kind: 'promiseHold', id: 'respect-promises', appliesTo: { actions: ['arrears_call', 'public_notice', 'lawyer_letter'] }, graceDays: 1 },
      ],
    },
  ],
} as const satisfies PolicyInput);
