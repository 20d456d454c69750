import type { PolicyInput } from '../../policy/schema/policy';
import { deepFreeze } from '../deep-freeze';
import { STOP_COLLECTING } from './stop-collecting';

/**
 * Bank-card collection by buckets of days past due: SMS/app reminders around the due date, calls in
 * M1, firmer calls (cardholder and guarantor) and field visits in M2-M3, lawyer’s letter,
 * credit-bureau report and litigation (approval) past 90 days. The same policy as
 * examples/policies/bank-card.json (a test keeps them equal). See docs/strategies.md.
 *
 * @example
 * import { composePolicies, presets } from 'arrears';
 * const policy = composePolicies(presets.chinaCba, presets.strategies.bankCard);
 */
export const bankCard = deepFreeze({
  id: 'bank-card-buckets',
  version: '1.2.0',
  jurisdiction: 'CN',
  description: 'Bank-card collection by days past due: SMS/app reminders around the due date, calls in M1, firmer calls and field visits in M2-M3, lawyer\'s letter, credit-bureau report and litigation past 90 days.',
  buckets: [{ id: 'current', upTo: 0 }, { id: 'early', upTo: 30 }, { id: 'middle', upTo: 90 }, { id: 'late' }],
  holidays: { CN: ['2026-01-01/2026-01-03', '2026-02-15/2026-02-23', '2026-04-04/2026-04-06', '2026-05-01/2026-05-05', '2026-06-19/2026-06-21', '2026-09-25/2026-09-27', '2026-10-01/2026-10-07'] },
  conditions: { noOpenPromise: { all: [{ fact: 'hasOpenPromise', operator: 'equal', value: false }] } },
  actions: {
    app_reminder: { label: 'App push reminder', channel: 'app', target: 'self' },
    sms_reminder: { label: 'SMS reminder', channel: 'sms', target: 'self' },
    call_self: { label: 'Reminder call', channel: 'phone', target: 'self' },
    call_firm: { label: 'Firm collection call', channel: 'phone', target: ['self', 'guarantor'] },
    field_visit: { label: 'Home visit', channel: 'visit', target: 'self' },
    lawyer_letter: { label: 'Lawyer\'s letter', channel: 'letter', target: 'self' },
    credit_report: { label: 'Report to the credit bureau', kind: 'credit_report' },
    litigation: { label: 'File suit', kind: 'legal', requiresApproval: true },
  },
  rules: [
    {
      id: 'pre-due-reminder',
      description: 'Friendly reminder in the 3 days before the due date.',
      priority: 10,
      when: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: -3 }, { fact: 'daysPastDue', operator: 'lessThanInclusive', value: -1 }] },
      then: ['app_reminder', 'sms_reminder'],
    },
    {
      id: 'just-overdue-sms',
      description: 'Days 1-7: SMS, at most one every 2 days.',
      priority: 20,
      when: {
        all: [
          { fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 },
          { fact: 'daysPastDue', operator: 'lessThanInclusive', value: 7 },
          { condition: 'noOpenPromise' },
        ],
      },
      then: ['sms_reminder', 'app_reminder'],
    },
    {
      id: 'm1-calls',
      description: 'Days 8-30: reminder calls, SMS as a fallback.',
      priority: 30,
      when: {
        all: [
          { fact: 'bucket', operator: 'equal', value: 'early' },
          { fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 8 },
          { condition: 'noOpenPromise' },
        ],
      },
      then: ['call_self', 'sms_reminder'],
    },
    {
      id: 'm2-m3-visits',
      description: 'Days 45-90: field visits come first.',
      priority: 45,
      when: {
        all: [
          { fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 45 },
          { fact: 'bucket', operator: 'equal', value: 'middle' },
          { condition: 'noOpenPromise' },
        ],
      },
      then: ['field_visit'],
    },
    {
      id: 'm2-m3-firm-calls',
      description: 'Days 31-90: firmer calls to the cardholder and the guarantor.',
      priority: 40,
      when: { all: [{ fact: 'bucket', operator: 'equal', value: 'middle' }, { condition: 'noOpenPromise' }] },
      then: ['call_firm', 'sms_reminder'],
    },
    {
      id: 'legal-route',
      description: 'Past 90 days: lawyer\'s letter, credit-bureau report, then litigation (approval required).',
      priority: 50,
      when: { all: [{ fact: 'bucket', operator: 'equal', value: 'late' }] },
      then: ['lawyer_letter', 'credit_report', 'litigation', 'call_firm'],
    },
  ],
  compliance: [
    {
      id: 'company',
      description: 'The card centre\'s own rule book.',
      constraints: [
        ...STOP_COLLECTING,
        {
          kind: 'window',
          id: 'company-call-hours',
          appliesTo: { channels: ['phone', 'sms', 'app'] },
          days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
          from: '09:00',
          to: '20:00',
          closedOn: ['CN'],
        },
        {
          kind: 'window',
          id: 'company-visit-hours',
          appliesTo: { channels: ['visit'] },
          days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
          from: '09:00',
          to: '18:00',
          closedOn: ['CN'],
        },
        { kind: 'cap', id: 'calls-per-day', appliesTo: { channels: ['phone'] }, max: 3, period: { calendar: 'day' }, scope: 'contact' },
        {
          kind: 'cooldown',
          id: 'calls-two-hours-apart',
          appliesTo: { channels: ['phone'] },
          after: { channels: ['phone'] },
          wait: { duration: 'PT2H' },
          scope: 'contact',
        },
        { kind: 'cap', id: 'sms-every-2-days', appliesTo: { channels: ['sms'] }, max: 1, period: { calendarDays: 2 }, scope: 'account' },
        { kind: 'cap', id: 'app-once-a-day', appliesTo: { channels: ['app'] }, max: 1, period: { calendar: 'day' }, scope: 'account' },
        { kind: 'cap', id: 'one-visit-a-week', appliesTo: { channels: ['visit'] }, max: 1, period: { rolling: 'P7D' }, scope: 'account' },
        { kind: 'cap', id: 'one-lawyer-letter', appliesTo: { actions: ['lawyer_letter'] }, max: 1, period: { rolling: 'P30D' } },
        { kind: 'cap', id: 'one-report-a-month', appliesTo: { kinds: ['credit_report'] }, max: 1, period: { calendar: 'month' } },
        { kind: 'cap', id: 'one-suit', appliesTo: { actions: ['litigation'] }, max: 1, period: { rolling: 'P365D' } },
        { kind: 'promiseHold', id: 'respect-promises', graceDays: 1 },
      ],
    },
  ],
} as const satisfies PolicyInput);
