import { z } from 'zod';
import { CHANNELS, RELATIONSHIPS } from '../vocabulary';
import { FORBIDDEN_KEYS, instantSchema, strictObject, locationTimeZoneSchema } from './primitives';

/** One way to reach a contact: a phone number, an e-mail address, a postal address… */
export const contactMethodSchema = strictObject({
  channel: z.enum(CHANNELS).describe('The channel this method uses.'),
  address: z.string().max(512).optional().describe('Number, e-mail or postal address; matched against attempts that carry one, however either is written (spaces, dashes, brackets, the case of an e-mail). A method without one may be any number on its channel: every attempt on the channel counts against it, opt-outs included.'),
  verified: z.boolean().default(false).describe('The method is known to reach this contact.'),
  optedOut: z.boolean().default(false).describe('The person asked not to be contacted this way; never used.'),
  invalid: z.boolean().default(false).describe('Known not to work (disconnected number, bounced address); never used.'),
  workplace: z.boolean().default(false).describe('The method reaches the person at their workplace.'),
  timeZone: locationTimeZoneSchema.optional().describe("The method's own zone (e.g. the phone number's area code); windows must hold there too."),
  consentUntil: instantSchema.optional().describe('Prior consent to be contacted this way is valid until this instant.'),
  consentGivenAt: instantSchema
    .optional()
    .describe("When that consent was given. A constraint with `consentLasts` (Reg F: 7 days) honours it until then + that at the latest, and not at all without it."),
})
  // Consent that ends before it is given is a contradiction (a typo), as an approval that expires
  // before it is given is; one that ends as it is given simply never counts.
  .refine((m) => m.consentUntil === undefined || m.consentGivenAt === undefined || Date.parse(m.consentUntil) >= Date.parse(m.consentGivenAt), {
    path: ['consentUntil'],
    params: { code: 'ends_before_start' },
    message: 'consent ends before it was given (`consentGivenAt`); check both instants',
  })
  .describe('A way to reach a contact.');

/** A person (or office) who may be contacted about the account. */
export const contactSchema = strictObject({
  id: z
    .string()
    .min(1)
    .max(256)
    // Refused as every reserved key and id is (docs/errors.md, `forbidden_key`): contacts are
    // looked up by id, and a lookup in a plain object would find Object.prototype's members.
    .refine((id) => !FORBIDDEN_KEYS.includes(id), {
      error: (issue) => `this id is reserved (it could reach Object.prototype); rename it, e.g. 'contact-${String(issue.input)}'`,
      params: { code: 'forbidden_key' },
    })
    .describe('Unique within the account; attempts refer to it.'),
  relationship: z.enum(RELATIONSHIPS).describe('Who the contact is to the debtor; `self` is the debtor.'),
  name: z.string().max(512).optional().describe("The contact's name, for people; not used in decisions."),
  timeZone: locationTimeZoneSchema.optional().describe("The contact's own zone when it differs from the debtor's."),
  verified: z.boolean().default(false).describe('Identity verified.'),
  channels: z.array(contactMethodSchema).default([]).describe('The ways to reach the contact (phone numbers, addresses…), in order of preference.'),
}).describe('A contact of the account.');

export type ContactMethod = z.output<typeof contactMethodSchema>;
export type Contact = z.output<typeof contactSchema>;
