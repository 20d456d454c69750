import type { PolicyInput } from '../policy/schema/policy';
import { deepFreeze } from './deep-freeze';

/** The guideline's name as issued, for citations. */
const CBA_GUIDELINE = 'CBA 金融机构个人消费类贷款催收工作指引（试行） (2026)';

/**
 * China: the China Banking Association's Guideline on the Collection of Personal Consumer Loans by
 * Financial Institutions (trial, 2026) and the Measures for the Supervision and Administration of
 * Credit Card Business of Commercial Banks (2011), art. 68. Not legal advice; see
 * docs/regulations.md.
 *
 * @example
 * import { composePolicies, presets } from 'arrears';
 * const policy = composePolicies(presets.chinaCba, myStrategy);
 */
export const chinaCba = deepFreeze({
  id: 'cn-cba-collection',
  version: '2026.11',
  jurisdiction: 'CN',
  description: 'China: no collection 22:00-08:00 without consent, at most 6 unanswered dials a day per number, no collection through unrelated third parties.',
  compliance: [
    {
      id: 'cn-cba',
      jurisdiction: 'CN',
      citation: CBA_GUIDELINE,
      constraints: [
        {
          kind: 'window',
          id: 'cn-no-collection-at-night',
          description: 'Without the debtor’s consent, no telephone, visit or other collection from 22:00 to 08:00 the next morning (times the debtor stated replace the window).',
          appliesTo: { kinds: ['communication', 'notice'] },
          from: '08:00',
          to: '22:00',
          zone: 'contact',
          debtorMayOverride: true,
        },
        {
          kind: 'cap',
          id: 'cn-6-unanswered-dials-a-day',
          description:
            'When the debtor’s phone is not answered, at most 6 dial attempts a day to the same contact method, unless otherwise agreed with the debtor (a method under consent is not capped).',
          appliesTo: { channels: ['phone'] },
          max: 6,
          period: { calendar: 'day' },
          scope: 'method',
          outcomes: ['no_answer', 'busy', 'not_connected', 'voicemail'],
          excludeConsented: true,
        },
        {
          kind: 'block',
          id: 'cn-no-unrelated-third-parties',
          description:
            'Collect from the debtor and the guarantor (and the debtor’s attorney) only; never through third parties unrelated to the debt. Debt-related third parties other than the guarantor (e.g. a spouse when the loan paid for joint household expenses) and the limited contact the guideline allows when the debtor cannot be reached are judgement calls this block does not make.',
          citation: `Credit card measures (2011) art. 68; ${CBA_GUIDELINE}`,
          appliesTo: { kinds: ['communication', 'notice'], relationships: ['spouse', 'family', 'employer', 'reference', 'community', 'other'] },
          code: 'RELATIONSHIP_FORBIDDEN',
          message: 'no collection through third parties unrelated to the debt (only the debtor and the guarantor)',
        },
      ],
    },
  ],
} as const satisfies PolicyInput);
