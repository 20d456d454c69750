import type { PolicyInput } from '../policy/schema/policy';
import { deepFreeze } from './deep-freeze';

/**
 * UK FCA Consumer Credit sourcebook, CONC 7.9: reasonable times, the customer's reasonable
 * requests about when and how, no third-party disclosure. Not legal advice; see
 * docs/regulations.md.
 *
 * @example
 * import { composePolicies, presets } from 'arrears';
 * const policy = composePolicies(presets.ukConc7, myStrategy);
 */
export const ukConc7 = deepFreeze({
  id: 'uk-fca-conc-7',
  version: '2026.11',
  jurisdiction: 'GB',
  description: 'FCA CONC 7.9: no contact at unreasonable times (08:00-21:00 benchmark unless the customer says otherwise), no disclosure of the debt to third parties.',
  compliance: [
    {
      id: 'uk-conc-7-9',
      jurisdiction: 'GB',
      citation: 'FCA CONC 7.9',
      constraints: [
        {
          kind: 'window',
          id: 'conc-reasonable-hours',
          description:
            'No contact at unreasonable times, with due regard to the customer’s reasonable requests about when, where and how to be contacted. CONC sets no hours: 08:00–21:00 is the usual benchmark (as MCOB 13.5.4G states for mortgages); the customer’s stated times replace it.',
          citation: 'FCA CONC 7.9.4R',
          appliesTo: { channels: ['phone', 'sms', 'email', 'visit', 'app'] },
          from: '08:00',
          to: '21:00',
          zone: 'contact',
          debtorMayOverride: true,
        },
        {
          kind: 'block',
          id: 'conc-no-third-party-disclosure',
          description:
            'Do not unfairly disclose the debt to third parties, and take reasonable steps so that third parties do not become aware of it: collection contact goes to the customer (or their representative) only.',
          citation: 'FCA CONC 7.9.6R, 7.9.7R',
          appliesTo: { kinds: ['communication', 'notice'], relationships: ['spouse', 'family', 'employer', 'reference', 'community', 'other'] },
          code: 'RELATIONSHIP_FORBIDDEN',
          message: 'collection contact with third parties risks disclosing the debt',
        },
      ],
    },
  ],
} as const satisfies PolicyInput);
