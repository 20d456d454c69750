import type { PolicyInput } from '../policy/schema/policy';
import { RELATIONSHIPS } from '../vocabulary';
import { deepFreeze } from './deep-freeze';

/**
 * Who MA's caps count calls to: the debtor's numbers, and (cautiously) everyone else's but the
 * consumer's attorney — calling the attorney is what Reg F requires once one represents the
 * consumer (12 CFR 1006.6(b)(2)), and it is not a call to a number of the debtor's.
 */
const NOT_THE_ATTORNEY = RELATIONSHIPS.filter((r) => r !== 'attorney');

/**
 * Massachusetts add-on (940 CMR 7.04(1)(f)): at most 2 telephone communications (calls, texts,
 * recorded messages) in each seven-day period to the debtor's residence, cell or personal number,
 * and 2 in each 30-day period elsewhere, for each debt. Compose on top of Reg F; the stricter cap
 * binds. Not legal advice; see docs/regulations.md.
 *
 * @example
 * composePolicies(presets.usRegulationF, presets.usMassachusetts, myStrategy);
 */
export const usMassachusetts = deepFreeze({
  id: 'us-massachusetts',
  version: '2026.12',
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
          description:
            'No more than two communications initiated via telephone (in person, text message or recorded audio message) in each seven-day period to the debtor’s residence, cellular or personal number, for each debt. Any seven days to the same local time; with ma-2-calls-in-168-hours, the longer of the two readings binds (they differ by the hour a DST change adds or removes).',
          appliesTo: { channels: ['phone', 'sms'], workplace: false, relationships: [...NOT_THE_ATTORNEY] },
          max: 2,
          period: { rolling: 'P7D' },
          scope: 'account',
          excludeOutcomes: ['busy', 'not_connected'],
        },
        {
          kind: 'cap',
          id: 'ma-2-calls-in-168-hours',
          description: 'The same cap read as any 7 × 24 hours, which is an hour longer than seven local days in the week clocks go forward.',
          appliesTo: { channels: ['phone', 'sms'], workplace: false, relationships: [...NOT_THE_ATTORNEY] },
          max: 2,
          period: { rolling: 'PT168H' },
          scope: 'account',
          excludeOutcomes: ['busy', 'not_connected'],
        },
        {
          kind: 'cap',
          id: 'ma-2-calls-in-30-days-elsewhere',
          description:
            'No more than two such communications in each 30-day period to a number other than the debtor’s residence, cellular or personal number (e.g. at work), for each debt. Any thirty days to the same local time; with ma-2-calls-in-720-hours-elsewhere, the longer reading binds.',
          appliesTo: { channels: ['phone', 'sms'], workplace: true, relationships: [...NOT_THE_ATTORNEY] },
          max: 2,
          period: { rolling: 'P30D' },
          scope: 'account',
          excludeOutcomes: ['busy', 'not_connected'],
        },
        {
          kind: 'cap',
          id: 'ma-2-calls-in-720-hours-elsewhere',
          description: 'The same cap read as any 30 × 24 hours.',
          appliesTo: { channels: ['phone', 'sms'], workplace: true, relationships: [...NOT_THE_ATTORNEY] },
          max: 2,
          period: { rolling: 'PT720H' },
          scope: 'account',
          excludeOutcomes: ['busy', 'not_connected'],
        },
      ],
    },
  ],
} as const satisfies PolicyInput);

/**
 * Washington add-on (RCW 19.16.250(13)): a communication with the debtor or spouse more than 3
 * times in a single week, at work more than once a week, or at home before 07:30 or after 21:00
 * is presumed harassment. Compose on top of Reg F. Not legal advice; see docs/regulations.md.
 *
 * @example
 * composePolicies(presets.usRegulationF, presets.usWashington, myStrategy);
 */
export const usWashington = deepFreeze({
  id: 'us-washington',
  version: '2026.11',
  jurisdiction: 'US-WA',
  description: 'Washington Collection Agency Act, RCW 19.16.250(13): frequency and hours of communication.',
  compliance: [
    {
      id: 'us-wa-rcw-19-16-250',
      jurisdiction: 'US-WA',
      citation: 'RCW 19.16.250(13)',
      constraints: [
        {
          kind: 'cap',
          id: 'wa-3-communications-a-week',
          description: 'Not more than three communications with the debtor or spouse in a single (calendar, Sunday-first) week, in any form; statutory notices are not counted.',
          citation: 'RCW 19.16.250(13)(a)',
          appliesTo: { kinds: ['communication'], relationships: ['self', 'spouse'] },
          max: 3,
          period: { calendar: 'week', weekStartsOn: 'sun' },
          scope: 'account',
          excludeOutcomes: ['busy', 'not_connected', 'bounced'],
        },
        {
          kind: 'cap',
          id: 'wa-1-communication-a-week-at-work',
          description: 'At the debtor’s place of employment not more than once in a single week.',
          citation: 'RCW 19.16.250(13)(b)',
          appliesTo: { kinds: ['communication'], workplace: true },
          max: 1,
          period: { calendar: 'week', weekStartsOn: 'sun' },
          scope: 'account',
          excludeOutcomes: ['busy', 'not_connected', 'bounced'],
        },
        {
          kind: 'window',
          id: 'wa-hours',
          description: 'Not at the debtor’s residence before 7:30 a.m. nor after 9:00 p.m. (applied to every call, text, e-mail, app message and visit: where the phone that receives them is, is not known).',
          citation: 'RCW 19.16.250(13)(c)',
          appliesTo: { channels: ['phone', 'sms', 'email', 'app', 'visit'] },
          from: '07:30',
          to: '21:00',
          zone: 'contact',
        },
      ],
    },
  ],
} as const satisfies PolicyInput);
