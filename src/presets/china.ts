import type { PolicyInput } from '../policy/schema/policy';

/**
 * China: the China Banking Association guideline on personal consumer-loan collection (2026) and
 * the Measures for the Supervision and Administration of Credit Card Business of Commercial Banks
 * (2011), art. 68. Not legal advice; see docs/regulations.md.
 */
export const chinaCba = {
  id: 'cn-cba-collection',
  version: '2026.11',
  jurisdiction: 'CN',
  description: 'China: no collection 22:00-08:00 without consent, at most 6 unanswered dials a day per number, no collection through unrelated third parties.',
  compliance: [
    {
      id: 'cn-cba',
      jurisdiction: 'CN',
      citation: 'CBA personal consumer-loan collection guideline (2026)',
      constraints: [
        {
          kind: 'window',
          id: 'cn-no-collection-at-night',
          description: 'No calls, visits or other collection from 22:00 to 08:00 without the debtor’s consent (stated convenient times replace the window).',
          appliesTo: { kinds: ['communication', 'notice'] },
          from: '08:00',
          to: '22:00',
          zone: 'contact',
          debtorMayOverride: true,
        },
        {
          kind: 'cap',
          id: 'cn-6-unanswered-dials-a-day',
          description: 'At most 6 unanswered dial attempts a day to the same contact method.',
          appliesTo: { channels: ['phone'] },
          max: 6,
          period: { calendar: 'day' },
          scope: 'method',
          outcomes: ['no_answer', 'busy', 'not_connected', 'voicemail'],
        },
        {
          kind: 'block',
          id: 'cn-no-unrelated-third-parties',
          description: 'Collect only from the debtor and the guarantor (and the debtor’s attorney); never through unrelated third parties.',
          citation: 'Credit card measures (2011) art. 68; CBA guideline (2026)',
          appliesTo: { kinds: ['communication', 'notice'], relationships: ['spouse', 'family', 'employer', 'reference', 'community', 'other'] },
          code: 'RELATIONSHIP_FORBIDDEN',
          message: 'no collection through third parties unrelated to the debt (only the debtor and the guarantor)',
        },
      ],
    },
  ],
} as const satisfies PolicyInput;
