import { z } from 'zod';
import { CHANNELS, OUTCOMES } from '../vocabulary';
import { instantSchema, isoDateSchema, minorUnitsSchema } from './primitives';

/** One attempt to reach someone (or an inbound contact), with what came of it. */
export const attemptSchema = z
  .strictObject({
    id: z.string().max(256).optional(),
    at: instantSchema.describe('When it happened: ISO 8601 with Z or an offset.'),
    action: z.string().max(128).optional().describe('The policy action it carried out, if any.'),
    channel: z.enum(CHANNELS).optional().describe('Omitted for internal actions (escalation, credit report).'),
    contactId: z.string().max(256).optional().describe('Who was reached; an attempt without it counts against every contact (conservative).'),
    address: z.string().max(512).optional().describe('The number or address used, when the contact has several.'),
    direction: z.enum(['outbound', 'inbound']).default('outbound').describe('Inbound contacts never count against caps, but their outcomes start cool-downs.'),
    outcome: z.enum(OUTCOMES),
    consented: z.boolean().default(false).describe("Made with the consumer's prior consent (Reg F excludes these from the call cap)."),
  })
  .describe('An attempt in the history.');

/** A promise to pay. */
export const promiseSchema = z
  .strictObject({
    id: z.string().max(256).optional(),
    madeAt: instantSchema.optional(),
    dueDate: isoDateSchema.describe('The date the debtor promised to pay by (debtor-local).'),
    amount: minorUnitsSchema,
    status: z.enum(['open', 'kept', 'broken', 'cancelled']).optional().describe('When omitted it is derived from payments and the date.'),
  })
  .describe('A promise to pay.');

/** A payment received. */
export const paymentSchema = z.strictObject({ at: instantSchema, amount: minorUnitsSchema }).describe('A payment received.');

/** An instalment of the debt. */
export const instalmentSchema = z
  .strictObject({
    id: z.string().max(256).optional(),
    dueDate: isoDateSchema,
    amount: minorUnitsSchema,
    paid: minorUnitsSchema.default(0).describe('How much of it is paid.'),
  })
  .describe('An instalment.');

/** An approval of an action that needs one (locking an account, a lawyer’s letter…). */
export const approvalSchema = z
  .strictObject({
    action: z.string().min(1).max(128),
    at: instantSchema.describe('When it was given; it counts from then.'),
    by: z.string().max(256).optional(),
    expiresAt: instantSchema.optional(),
  })
  .describe('An approval given for an action.');

export type Attempt = z.output<typeof attemptSchema>;
export type PromiseToPay = z.output<typeof promiseSchema>;
export type Payment = z.output<typeof paymentSchema>;
export type Instalment = z.output<typeof instalmentSchema>;
export type Approval = z.output<typeof approvalSchema>;
