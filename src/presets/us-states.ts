import type { PolicyInput } from '../policy/schema/policy';

/** Massachusetts add-on (940 CMR 7.04(1)(f)): at most 2 telephone communications per 7 days per debt. Compose on top of Reg F. */
export const usMassachusetts = {
  id: 'us-massachusetts',
  version: '2026.11',
  jurisdiction: 'US-MA',
  description: 'Massachusetts debt collection regulations, 940 CMR 7.00: telephone frequency.',
  compliance: [
    {
      id: 'us-ma-940-cmr-7',
      jurisdiction: 'US-MA',
      citation: '940 CMR 7.04(1)(f)',
      constraints: [
        {
          kind: 'cap',
          id: 'ma-2-calls-in-7-days',
          description: 'No more than two telephone communications (calls, texts, recorded messages) in each seven-day period, for each debt.',
          appliesTo: { channels: ['phone', 'sms'] },
          max: 2,
          period: { calendarDays: 7 },
          scope: 'account',
          excludeOutcomes: ['busy', 'not_connected'],
        },
      ],
    },
  ],
} as const satisfies PolicyInput;

/** Washington add-on (RCW 19.16.250(13)): 3 calls a week, 1 a week at work, not before 07:30 nor after 21:00. */
export const usWashington = {
  id: 'us-washington',
  version: '2026.11',
  jurisdiction: 'US-WA',
  description: 'Washington Collection Agency Act, RCW 19.16.250(13): frequency and hours of telephone contact.',
  compliance: [
    {
      id: 'us-wa-rcw-19-16-250',
      jurisdiction: 'US-WA',
      citation: 'RCW 19.16.250(13)',
      constraints: [
        {
          kind: 'cap',
          id: 'wa-3-calls-a-week',
          description: 'Not more than three times in a single week.',
          citation: 'RCW 19.16.250(13)(a)',
          appliesTo: { channels: ['phone'] },
          max: 3,
          period: { calendar: 'week', weekStartsOn: 'sun' },
          scope: 'account',
          excludeOutcomes: ['busy', 'not_connected'],
        },
        {
          kind: 'cap',
          id: 'wa-1-call-a-week-at-work',
          description: 'At the place of employment not more than once in a single week.',
          citation: 'RCW 19.16.250(13)(b)',
          appliesTo: { channels: ['phone'], workplace: true },
          max: 1,
          period: { calendar: 'week', weekStartsOn: 'sun' },
          scope: 'account',
          excludeOutcomes: ['busy', 'not_connected'],
        },
        {
          kind: 'window',
          id: 'wa-hours',
          description: 'Not before 7:30 a.m. nor after 9:00 p.m. in the debtor’s time zone.',
          citation: 'RCW 19.16.250(13)(c)',
          appliesTo: { channels: ['phone'] },
          from: '07:30',
          to: '21:00',
          zone: 'contact',
        },
      ],
    },
  ],
} as const satisfies PolicyInput;
