import { z } from 'zod';
import type { DeepReadonly } from '../readonly';
import { CHANNELS, OUTCOMES } from '../vocabulary';
import { instantSchema, isoDateSchema, minorUnitsSchema, strictObject } from './primitives';

/** One attempt to reach someone (or an inbound contact), with what came of it. */
export const attemptSchema = strictObject({
  id: z.string().max(256).optional().describe('Your identifier of the attempt; not used in decisions.'),
  at: instantSchema.describe('When it happened: ISO 8601 with Z or an offset.'),
  action: z.string().max(128).optional().describe('The policy action it carried out, if any.'),
  channel: z.enum(CHANNELS).optional().describe("Omitted for internal actions (escalation, credit report); when omitted, the channels of its `action` count as the channel (caps and cool-downs count an attempt whose action the policy does not know on every channel)."),
  contactId: z.string().max(256).optional().describe('Who was reached; an attempt without it counts against every contact (conservative).'),
  address: z.string().max(512).optional().describe("The number or address used, when the contact has several (written any way: see the contact's `address`); one the contact does not list counts against every method of the contact on that channel."),
  direction: z.enum(['outbound', 'inbound']).default('outbound').describe('Inbound contacts never count against caps, but their outcomes start cool-downs.'),
  outcome: z.enum(OUTCOMES).describe('What came of it.'),
  consented: z.boolean().default(false).describe("Made with the consumer's prior consent (Reg F excludes these from the call cap)."),
}).describe('An attempt in the history.');

/** A promise to pay. */
export const promiseSchema = strictObject({
  id: z.string().max(256).optional().describe('Your identifier of the promise; not used in decisions.'),
  madeAt: instantSchema
    .optional()
    .describe('When the promise was made. Payments from then on count towards it; before then it does not exist yet. Without it, earlier payments count towards it too (those another promise used up aside): give it.'),
  dueDate: isoDateSchema.describe('The date the debtor promised to pay by (debtor-local).'),
  amount: minorUnitsSchema.describe('The amount promised, in minor units.'),
  status: z
    .enum(['open', 'kept', 'broken', 'cancelled'])
    .optional()
    .describe("When omitted it is derived from payments and the date (each payment counts towards one promise, the earliest due first). 'open' stays open until its date has passed, then it is broken."),
}).describe('A promise to pay.');

/** A payment received. */
export const paymentSchema = strictObject({
  at: instantSchema.describe('When it was received.'),
  amount: minorUnitsSchema.describe('The amount received, in minor units.'),
}).describe('A payment received.');

/** An instalment of the debt. */
export const instalmentSchema = strictObject({
  id: z.string().max(256).optional().describe('Your identifier of the instalment; not used in decisions.'),
  dueDate: isoDateSchema.describe('When it falls due (debtor-local).'),
  amount: minorUnitsSchema.describe('The amount of the instalment, in minor units.'),
  paid: minorUnitsSchema.default(0).describe('How much of it is paid.'),
})
  // More paid than due is a contradiction the facts would turn into a negative amount overdue.
  // Only compared when both are amounts: otherwise their own issues say what is wrong.
  .refine((i) => !(Number.isSafeInteger(i.paid) && Number.isSafeInteger(i.amount) && i.paid > i.amount), {
    path: ['paid'],
    params: { code: 'overpaid' },
    error: (issue) => {
      const { paid, amount } = issue.input as { paid: number; amount: number };
      return `${paid} is more than the instalment's \`amount\` (${amount}): record at most the amount as paid here, and the rest as a payment (\`payments\`) or against the next instalment`;
    },
  })
  .describe('An instalment.');

/** An approval of an action that needs one (locking an account, a lawyer’s letter…). */
export const approvalSchema = strictObject({
  action: z.string().min(1).max(128).describe('The id of the policy action approved.'),
  at: instantSchema.describe('When it was given; it counts from then.'),
  by: z.string().max(256).optional().describe('Who gave it; not used in decisions.'),
  expiresAt: instantSchema.optional().describe('It no longer counts from this instant. Default: never expires.'),
})
  // An approval that expires before it is given is a contradiction (a typo); one that expires as
  // it is given is a record that simply never counts.
  .refine((a) => a.expiresAt === undefined || Date.parse(a.expiresAt) >= Date.parse(a.at), {
    path: ['expiresAt'],
    params: { code: 'ends_before_start' },
    message: 'expires before it was given (`at`); check both instants',
  })
  .describe('An approval given for an action.');

export type Attempt = z.output<typeof attemptSchema>;
/** One attempt as you may write it: fields with defaults may be left out, `at` may be a `Date`. */
export type AttemptInput = DeepReadonly<z.input<typeof attemptSchema>>;
export type PromiseToPay = z.output<typeof promiseSchema>;
export type Payment = z.output<typeof paymentSchema>;
export type Instalment = z.output<typeof instalmentSchema>;
export type Approval = z.output<typeof approvalSchema>;
