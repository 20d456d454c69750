import { z } from 'zod';
import type { DeepReadonly } from '../readonly';
import { isoDateProblem } from '../time/instant';
import { LEGAL_STAGES } from '../vocabulary';
import { quoteAll } from '../zod-issues';
import { contactSchema } from './contact';
import { debtorSchema } from './debtor';
import { approvalSchema, attemptSchema, instalmentSchema, paymentSchema, promiseSchema } from './history';
import { datesZones, localDate } from './local-dates';
import { currencySchema, isoDateSchema, jsonValueSchema, minorUnitsSchema, safeKeySchema, strictObject } from './primitives';

/** Default size limits; each protects a service from a runaway record. */
// Contacts and history are bounded by the configurable limits (maxContacts, maxAttempts) instead.
export const ACCOUNT_LIMITS = { promises: 1_000, payments: 10_000, instalments: 1_200, tags: 200 } as const;

/**
 * The overdue account: who owes what since when, who may be contacted and how, and everything
 * that has happened so far. Amounts are integers in minor units.
 */
export const accountSchema = strictObject({
  id: z.string().min(1).max(256).describe('Your identifier of the account.'),
  currency: currencySchema.describe('ISO 4217 code of every amount.'),
  amountDue: minorUnitsSchema.describe('Total amount due now, in minor units.'),
  dueDate: isoDateSchema.optional().describe("The oldest unpaid due date (debtor-local): not later than an unpaid instalment's. Derived from `instalments` when omitted."),
  instalments: z.array(instalmentSchema).max(ACCOUNT_LIMITS.instalments).default([]).describe('Instalments, paid or not.'),
  debtor: debtorSchema.describe('Who owes: time zone(s), jurisdiction, status flags, convenient times.'),
  contacts: z.array(contactSchema).default([]).describe('People and offices that may be contacted.'),
  history: z.array(attemptSchema).default([]).describe('Every attempt so far and its outcome, any order.'),
  promises: z.array(promiseSchema).max(ACCOUNT_LIMITS.promises).default([]).describe('Promises to pay, open or not.'),
  payments: z.array(paymentSchema).max(ACCOUNT_LIMITS.payments).default([]).describe('Payments received, any order.'),
  approvals: z.array(approvalSchema).max(1_000).default([]).describe('Approvals given for actions that need one.'),
  legalStage: z.enum(LEGAL_STAGES).default('none').describe('How far legal recovery has gone; rules read it as the `legalStage` fact.'),
  tags: z.array(z.string().min(1).max(128)).max(ACCOUNT_LIMITS.tags).default([]).describe('Your labels; rules read them as the `tags` fact.'),
  attributes: z.record(safeKeySchema, jsonValueSchema).default({}).describe('Your own facts (segment, score, product), readable by rules as `attributes.<key>`.'),
})
  .superRefine((account, ctx) => {
    dueDateIssues(account, ctx);
    const ids = new Set<string>();
    account.contacts.forEach((contact, index) => {
      if (ids.has(contact.id)) {
        ctx.addIssue({ code: 'custom', path: ['contacts', index, 'id'], message: `duplicate contact id '${contact.id}'`, params: { code: 'duplicate_id' } });
      }
      ids.add(contact.id);
    });
    promiseIssues(account, ctx);
    account.history.forEach((attempt, index) => {
      if (attempt.contactId !== undefined && !ids.has(attempt.contactId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['history', index, 'contactId'],
          message: `unknown contact '${attempt.contactId}'; contacts are ${quoteAll(ids) || '(none)'}`,
          params: { code: 'unknown_contact' },
        });
      }
    });
  })
  .describe('An overdue account.');

/**
 * `dueDate` against the instalments it summarises (it is the oldest unpaid due date, derived from
 * them when left out): one of the two is needed; given later than an unpaid instalment's, it would
 * silently win and shorten the days past due; left out when every instalment is paid while
 * something is due, nothing says since when it is due, and the account could never be overdue.
 */
function dueDateIssues(account: { readonly amountDue: unknown; readonly dueDate?: unknown; readonly instalments: readonly { readonly dueDate: unknown; readonly amount: unknown; readonly paid: unknown }[] }, ctx: z.RefinementCtx): void {
  // Only dates and amounts that passed their own checks are compared (zod runs this refinement
  // past their issues): a wrong one is reported where it is, once.
  if (account.dueDate === undefined && account.instalments.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['dueDate'],
      message: 'an account needs `dueDate` (the oldest unpaid due date) or `instalments`',
      params: { code: 'missing_due_date' },
    });
    return;
  }
  const date = (d: unknown): d is string => typeof d === 'string' && isoDateProblem(d) === null;
  const amount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
  const unpaid = account.instalments.flatMap((i, index) => (date(i.dueDate) && amount(i.amount) && amount(i.paid) && i.paid < i.amount ? [{ index, dueDate: i.dueDate }] : []));
  if (date(account.dueDate)) {
    const oldest = unpaid.reduce<(typeof unpaid)[number] | undefined>((o, i) => (o === undefined || i.dueDate < o.dueDate ? i : o), undefined);
    if (oldest !== undefined && oldest.dueDate < account.dueDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['dueDate'],
        message: `${account.dueDate} is later than instalments[${oldest.index}], unpaid and due ${oldest.dueDate}: \`dueDate\` is the oldest unpaid due date; write ${oldest.dueDate}, or leave it out to derive it from the instalments`,
        params: { code: 'due_date_mismatch' },
      });
    }
  } else if (account.dueDate === undefined && account.instalments.length > 0 && account.instalments.every((i) => date(i.dueDate) && amount(i.amount) && amount(i.paid)) && unpaid.length === 0 && amount(account.amountDue) && account.amountDue > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['dueDate'],
      message: `\`amountDue\` is ${account.amountDue} but every instalment is paid, so no due date can be derived: give \`dueDate\` (the oldest unpaid due date), or record what is unpaid in \`instalments\``,
      params: { code: 'missing_due_date' },
    });
  }
}

/**
 * A promise due before the day it was made: the engine counts payments from `madeAt` to the end
 * of the due date, so it could never be kept. A typo in one of the two; refused like an end
 * before a start — when it is one in every zone of the debtor (made late in the evening in Los
 * Angeles, due that day, is a promise). Made on its due date is fine (due the same evening). A
 * promise with its `status` given is not read by its dates, and is left as recorded.
 */
function promiseIssues(
  account: { readonly debtor: { readonly timeZone: unknown }; readonly promises: readonly { readonly madeAt?: unknown; readonly dueDate: unknown; readonly status?: unknown }[] },
  ctx: z.core.$RefinementCtx,
): void {
  account.promises.forEach((promise, index) => {
    if (promise.madeAt === undefined || promise.status !== undefined || typeof promise.dueDate !== 'string') return;
    const made = dueBeforeMade(account.debtor.timeZone, promise.madeAt, promise.dueDate);
    if (made === null) return;
    ctx.addIssue({
      code: 'custom',
      path: ['promises', index, 'dueDate'],
      params: { code: 'due_before_made' },
      message: `is before the promise was made (\`madeAt\` ${String(promise.madeAt)} is ${made.date} in ${made.zone}, where the debtor's dates are read): a promise falls due on or after the day it is made; check both`,
    });
  });
}

/**
 * The account's `due_before_made` check of one promise: when `dueDate` is before the local date of
 * `madeAt` in every zone of the debtor (`timeZone`, one or several), that date in the first zone;
 * otherwise (or when `madeAt` is no instant) null. `simulate` asks it of a responder's promise.
 *
 * @example
 * dueBeforeMade('America/New_York', '2026-11-23T15:00:00Z', '2020-01-01'); // { date: '2026-11-23', zone: 'America/New_York' }
 */
export function dueBeforeMade(timeZone: unknown, madeAt: unknown, dueDate: string): { readonly date: string; readonly zone: string } | null {
  const zones = datesZones(timeZone);
  const made = zones.map((zone) => localDate(madeAt, zone));
  // ISO dates compare as strings; null: `madeAt` failed its own check.
  if (made.length === 0 || made.some((d) => d === null || !(dueDate < d))) return null;
  return { date: made[0] as string, zone: zones[0] as string };
}

/** An account as `parseAccount` returns it: validated, defaults filled in. */
export type Account = z.output<typeof accountSchema>;
/** An account as you may write it: optional fields may be left out, instants may be `Date`s. */
export type AccountInput = DeepReadonly<z.input<typeof accountSchema>>;
