import type { PolicyInput } from '../policy/schema/policy';
import { deepFreeze } from './deep-freeze';

/**
 * Outcomes that mean a telephone conversation with the person called took place (12 CFR
 * 1006.14(b)(2)(i)(B): "with the person"); someone else answering (`third_party_contact`) is not one.
 */
const CONVERSATION = ['right_party_contact', 'promise_to_pay', 'refused', 'dispute', 'cease_request', 'opt_out', 'paid'] as const;

/** Outcomes of a spoken exchange with the consumer, in person or by telephone (12 CFR 1006.30(a)(1)(i)). */
const SPOKE_TO_CONSUMER = ['right_party_contact', 'promise_to_pay', 'refused', 'dispute', 'cease_request', 'paid'] as const;

/**
 * Everyone a call frequency is counted for: calls to the consumer's attorney do not count
 * (12 CFR 1006.14(b)(3)(iii), referring to § 1006.6(d)(1)(ii)).
 */
const PERSONS_COUNTED = ['self', 'spouse', 'family', 'employer', 'reference', 'community', 'guarantor', 'other'] as const;

/**
 * US Regulation F (12 CFR part 1006), as a compliance layer. See docs/regulations.md for what it
 * encodes and what remains the user's judgement. Not legal advice.
 *
 * @example
 * import { composePolicies, presets } from 'arrears';
 * const policy = composePolicies(presets.usRegulationF, myStrategy);
 */
export const usRegulationF = deepFreeze({
  id: 'us-regulation-f',
  version: '2026.12',
  jurisdiction: 'US',
  description: 'Regulation F (12 CFR part 1006): convenient hours, call frequency, cease, attorney, workplace, third parties, disputes, credit reporting.',
  compliance: [
    {
      id: 'us-reg-f',
      jurisdiction: 'US',
      citation: '12 CFR part 1006',
      constraints: [
        {
          kind: 'window',
          id: 'regf-convenient-hours',
          description: 'Before 8 a.m. and after 9 p.m. local time at the consumer’s location are inconvenient; with several possible locations every one must be convenient. A consumer’s stated convenient times replace them.',
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
          description:
            'Placing a telephone call to a person about a debt more than seven times within seven consecutive days is presumed a violation. Calls not connected to the dialed number (busy, not in service), calls within 7 days of the person’s prior consent and calls to the consumer’s attorney do not count.',
          citation: '12 CFR 1006.14(b)(2)(i)(A), (b)(3)',
          appliesTo: { channels: ['phone'], relationships: [...PERSONS_COUNTED] },
          max: 7,
          period: { calendarDays: 7 },
          scope: 'contact',
          excludeOutcomes: ['busy', 'not_connected'],
          excludeConsented: true,
          consentLasts: 'P7D',
        },
        {
          kind: 'cooldown',
          id: 'regf-7-days-after-conversation',
          description: 'No call within a period of seven consecutive days after a telephone conversation with the person about the debt; the date of the conversation is the first day.',
          citation: '12 CFR 1006.14(b)(2)(i)(B), (b)(3)',
          appliesTo: { channels: ['phone'], relationships: [...PERSONS_COUNTED] },
          after: { channels: ['phone'], outcomes: [...CONVERSATION] },
          wait: { calendarDays: 7 },
          scope: 'contact',
          excludeConsented: true,
          consentLasts: 'P7D',
        },
        {
          kind: 'block',
          id: 'regf-cease-communication',
          description: 'After the consumer notifies in writing that they refuse to pay or want communication to cease, only the notices the rule allows (efforts terminated, remedies) may be sent.',
          citation: '12 CFR 1006.6(c)',
          when: { all: [{ fact: 'ceaseCommunication', operator: 'equal', value: true }] },
          appliesTo: { kinds: ['communication'] },
          code: 'CEASE_COMMUNICATION',
          message: 'the consumer asked to cease communication: only notices are allowed',
        },
        {
          kind: 'block',
          id: 'regf-attorney',
          description: 'Once the collector knows an attorney represents the consumer about the debt, it communicates with the attorney only.',
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
          description: 'No communication at the consumer’s place of employment when the collector knows or has reason to know that the employer prohibits it.',
          citation: '12 CFR 1006.6(b)(3)',
          when: { all: [{ fact: 'workplaceContactProhibited', operator: 'equal', value: true }] },
          appliesTo: { workplace: true },
          code: 'WORKPLACE_PROHIBITED',
          message: 'the employer prohibits contact at work',
        },
        {
          kind: 'block',
          id: 'regf-third-parties',
          description:
            'No communication about the debt with anyone but the consumer (which includes the spouse, and here the guarantor as a co-obligor) and the consumer’s attorney. The location-information exception (§ 1006.10) and the consumer’s prior consent (§ 1006.6(d)(2)(ii)) are not modelled: a policy that needs them must not compose this block.',
          citation: '12 CFR 1006.6(d)(1)',
          appliesTo: { kinds: ['communication', 'notice'], relationships: ['family', 'employer', 'reference', 'community', 'other'] },
          code: 'RELATIONSHIP_FORBIDDEN',
          message: 'no communication about the debt with third parties',
        },
        {
          kind: 'block',
          id: 'regf-dispute',
          description: 'A dispute received in writing within the validation period stops collection until verification (or a judgment) is sent: set the flag’s `until` to the instant it was sent (a date `until` ends at that day’s start: give the day after).',
          citation: '12 CFR 1006.38(d)(2); 15 U.S.C. 1692g(b)',
          when: { all: [{ fact: 'disputed', operator: 'equal', value: true }] },
          appliesTo: { kinds: ['communication', 'credit_report', 'legal'] },
          code: 'DISPUTED',
          message: 'the debt is disputed: collection pauses until it is verified',
        },
        {
          kind: 'block',
          id: 'regf-no-report-before-contact',
          description:
            'No credit-bureau report before speaking to the consumer about the debt in person or by telephone, or mailing a letter / sending an electronic message and waiting a reasonable period (14 consecutive days from the day it was sent, comment 30(a)(1)-2) for a notice of undeliverability.',
          citation: '12 CFR 1006.30(a)(1); comment 30(a)(1)-2',
          when: {
            all: [
              { fact: 'attemptCount', params: { channel: ['phone', 'visit'], outcome: [...SPOKE_TO_CONSUMER], relationship: 'self', direction: 'any' }, operator: 'equal', value: 0 },
              { fact: 'attemptCount', params: { channel: ['letter', 'email', 'sms', 'app'], outcome: 'delivered', relationship: 'self', minAgeDays: 14 }, operator: 'equal', value: 0 },
            ],
          },
          appliesTo: { kinds: ['credit_report'] },
          code: 'BLOCKED',
          message: 'no credit report before speaking to the consumer, or 14 days after a letter or electronic message about the debt',
        },
      ],
    },
  ],
} as const satisfies PolicyInput);
