/**
 * The closed vocabularies of the domain. Each is one `as const` array; the types derive from it,
 * so the runtime lists (used by the schemas, the docs and the CLI) and the types cannot drift.
 */

/** The ways a person can be contacted. */
export const CHANNELS = ['phone', 'sms', 'email', 'letter', 'visit', 'app'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Who a contact is to the debtor. `self` is the debtor. */
export const RELATIONSHIPS = [
  'self',
  'spouse',
  'family',
  'employer',
  'reference',
  'community',
  'guarantor',
  'attorney',
  'other',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** What happened on an attempt. */
export const OUTCOMES = [
  'no_answer',
  'voicemail',
  'busy',
  'not_connected',
  'right_party_contact',
  'third_party_contact',
  'wrong_number',
  'delivered',
  'bounced',
  'promise_to_pay',
  'refused',
  'dispute',
  'cease_request',
  'opt_out',
  'paid',
  /** An internal action (escalation, report) that was carried out. */
  'completed',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Status flags of a debtor; each carries the date it started. */
export const FLAGS = [
  'deceased',
  'bankrupt',
  'disputed',
  'cease_communication',
  'hardship',
  'attorney_represented',
  'workplace_contact_prohibited',
  'sold',
  'legal_hold',
  'bad_faith',
] as const;
export type Flag = (typeof FLAGS)[number];

/** Stages of the legal route. */
export const LEGAL_STAGES = [
  'none',
  'pre_legal',
  'lawyer_letter',
  'litigation',
  'judgment',
  'enforcement',
  'closed',
] as const;
export type LegalStage = (typeof LEGAL_STAGES)[number];

/**
 * What an action is, so that regulations can name actions they never saw:
 * `communication` reaches a person; `notice` is a statutory notice (allowed after a cease request
 * when a policy says so); `credit_report`, `legal` and `internal` reach no one directly.
 */
export const ACTION_KINDS = ['communication', 'notice', 'credit_report', 'legal', 'internal'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** Days of the week, ISO order (Monday first). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The status of a proposal after compliance. */
export const PROPOSAL_STATUSES = ['allowed', 'deferred', 'needs_approval', 'blocked'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Stable, machine-readable codes of the reasons attached to proposals. */
export const REASON_CODES = [
  'OUTSIDE_CONTACT_WINDOW',
  'HOLIDAY',
  'FREQUENCY_CAP',
  'COOLDOWN',
  'CONTACT_ORDER',
  'RELATIONSHIP_FORBIDDEN',
  'OPTED_OUT',
  'INVALID_CONTACT_METHOD',
  'NO_CONTACT',
  'NO_CHANNEL',
  'CEASE_COMMUNICATION',
  'DISPUTED',
  'ATTORNEY_REPRESENTED',
  'BANKRUPT',
  'DECEASED',
  'WORKPLACE_PROHIBITED',
  'PROMISE_PENDING',
  'DEBT_SOLD',
  'LEGAL_HOLD',
  'APPROVAL_REQUIRED',
  'BEYOND_HORIZON',
  'BLOCKED',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
