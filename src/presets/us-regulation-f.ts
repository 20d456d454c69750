import type { PolicyInput } from '../policy/schema/policy';

const CONVERSATION = ['right_party_contact', 'third_party_contact', 'promise_to_pay', 'refused', 'dispute', 'cease_request', 'paid'] as const;

/**
 * US Regulation F (12 CFR part 1006), as a compliance layer. See docs/regulations.md for what it
 * encodes and what remains the user's judgement. Not legal advice.
 */
export const usRegulationF = {
  id: 'us-regulation-f',
  version: '2026.11',
  jurisdiction: 'US',
  description: 'Regulation F (12 CFR part 1006): convenient hours, call frequency, cease, attorney, workplace, disputes, credit reporting.',
  compliance: [
    {
      id: 'us-reg-f',
      jurisdiction: 'US',
      citation: '12 CFR part 1006',
      constraints: [
        {
          kind: 'window',
          id: 'regf-convenient-hours',
          description: 'Before 8 a.m. and after 9 p.m. at the consumer’s location are inconvenient; with several possible locations every one must be convenient. A consumer’s stated convenient times replace them.',
          citation: '12 CFR 1006.6(b)(1)(i)',
          appliesTo: { channels: ['phone', 'sms', 'email', 'visit', 'app'] },
          from: '08:00',
          to: '21:00',
          zone: 'contact',
          debtorMayOverride: true,
        },
        {
          kind: 'cap',
          id: 'regf-7-calls-in-7-days',
          description: 'More than 7 calls within 7 consecutive days to a person about a debt is presumed a violation. Calls that never connect and calls with prior consent do not count.',
          citation: '12 CFR 1006.14(b)(2)(i)(A), (b)(3)',
          appliesTo: { channels: ['phone'] },
          max: 7,
          period: { calendarDays: 7 },
          scope: 'contact',
          excludeOutcomes: ['busy', 'not_connected'],
          excludeConsented: true,
        },
        {
          kind: 'cooldown',
          id: 'regf-7-days-after-conversation',
          description: 'No call within 7 consecutive days after a telephone conversation with the person about the debt (the day of the conversation is day 1).',
          citation: '12 CFR 1006.14(b)(2)(i)(B), (b)(3)',
          appliesTo: { channels: ['phone'] },
          after: { channels: ['phone'], outcomes: [...CONVERSATION] },
          wait: { calendarDays: 7 },
          scope: 'contact',
          excludeConsented: true,
        },
        {
          kind: 'block',
          id: 'regf-cease-communication',
          description: 'After a written cease request only the notices the rule allows (stopping efforts, remedies) may be sent.',
          citation: '12 CFR 1006.6(c)',
          when: { all: [{ fact: 'ceaseCommunication', operator: 'equal', value: true }] },
          appliesTo: { kinds: ['communication'] },
          code: 'CEASE_COMMUNICATION',
          message: 'the consumer asked to cease communication: only notices are allowed',
        },
        {
          kind: 'block',
          id: 'regf-attorney',
          description: 'Once the collector knows an attorney represents the consumer, it communicates with the attorney only.',
          citation: '12 CFR 1006.6(b)(2)',
          when: { all: [{ fact: 'attorneyRepresented', operator: 'equal', value: true }] },
          appliesTo: { kinds: ['communication', 'notice'] },
          except: { relationships: ['attorney'] },
          code: 'ATTORNEY_REPRESENTED',
          message: 'an attorney represents the consumer: communicate with the attorney only',
        },
        {
          kind: 'block',
          id: 'regf-workplace',
          description: 'No communication at the consumer’s workplace when the employer prohibits it.',
          citation: '12 CFR 1006.6(b)(3)',
          when: { all: [{ fact: 'workplaceContactProhibited', operator: 'equal', value: true }] },
          appliesTo: { workplace: true },
          code: 'WORKPLACE_PROHIBITED',
          message: 'the employer prohibits contact at work',
        },
        {
          kind: 'block',
          id: 'regf-dispute',
          description: 'A dispute within the validation period pauses collection until verification is sent (set the flag’s `until`).',
          citation: '12 CFR 1006.34(c)(3); 15 U.S.C. 1692g(b)',
          when: { all: [{ fact: 'disputed', operator: 'equal', value: true }] },
          appliesTo: { kinds: ['communication', 'credit_report', 'legal'] },
          code: 'DISPUTED',
          message: 'the debt is disputed: collection pauses until it is verified',
        },
        {
          kind: 'block',
          id: 'regf-no-report-before-contact',
          description: 'No credit-bureau report before speaking to the consumer, or sending a notice and waiting 14 consecutive days for a notice of undeliverability.',
          citation: '12 CFR 1006.30(a)',
          when: {
            all: [
              { fact: 'rightPartyContacts', operator: 'equal', value: 0 },
              { fact: 'attemptCount', params: { channel: ['letter', 'email'], outcome: 'delivered', minAgeDays: 14 }, operator: 'equal', value: 0 },
            ],
          },
          appliesTo: { kinds: ['credit_report'] },
          code: 'BLOCKED',
          message: 'no credit report before speaking to the consumer or 14 days after a delivered notice',
        },
      ],
    },
  ],
} as const satisfies PolicyInput;
