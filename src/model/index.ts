export { accountSchema, ACCOUNT_LIMITS, type Account, type AccountInput } from './account';
export { contactSchema, contactMethodSchema, type Contact, type ContactMethod } from './contact';
export { debtorSchema, type Debtor, type FlagState, type PreferredWindow } from './debtor';
export {
  attemptSchema,
  promiseSchema,
  paymentSchema,
  instalmentSchema,
  approvalSchema,
  type Attempt,
  type AttemptInput,
  type PromiseToPay,
  type Payment,
  type Instalment,
  type Approval,
} from './history';
export { parseAccount, safeParseAccount, type AccountErrorCode, type ParseAccountOptions, type SafeParseAccountResult } from './parse';
export type { JsonValue } from './primitives';
