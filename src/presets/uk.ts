import type { PolicyInput } from '../policy/schema/policy';

/** UK FCA Consumer Credit sourcebook, CONC 7.9: reasonable times, no third-party disclosure. Not legal advice. */
export const ukConc7 = {
  id: 'uk-fca-conc-7',
  version: '2026.11',
  jurisdiction: 'GB',
  description: 'FCA CONC 7.9: no contact at unreasonable times (08:00-21:00 benchmark unless the customer says otherwise), no disclosure of the debt to third parties.',
  compliance: [
    {
      id: 'uk-conc-7-9',
      jurisdiction: 'GB',
      citation: 'FCA CONC 7.9.4R',
      constraints: [
        {
          kind: 'window',
          id: 'conc-reasonable-hours',
          description: 'Contact at unreasonable hours (the usual benchmark: before 8 a.m. or after 9 p.m.) is avoided; reasonable requests about when to be contacted replace it.',
          appliesTo: { channels: ['phone', 'sms', 'email', 'visit', 'app'] },
          from: '08:00',
          to: '21:00',
          zone: 'contact',
          debtorMayOverride: true,
        },
        {
          kind: 'block',
          id: 'conc-no-third-party-disclosure',
          description: 'Do not disclose the debt to third parties: collection contact goes to the customer (or their representative) only.',
          appliesTo: { kinds: ['communication', 'notice'], relationships: ['spouse', 'family', 'employer', 'reference', 'community', 'other'] },
          code: 'RELATIONSHIP_FORBIDDEN',
          message: 'collection contact with third parties risks disclosing the debt',
        },
      ],
    },
  ],
} as const satisfies PolicyInput;
