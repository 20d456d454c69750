import { ArrearsError, type Issue } from '../errors';
import { fromZodIssues } from '../zod-issues';
import { type Account, accountSchema } from './account';

/** The result of `safeParseAccount`: the account, or every issue found. */
export type SafeParseAccountResult =
  | { readonly success: true; readonly account: Account }
  | { readonly success: false; readonly issues: readonly Issue[] };

/**
 * Validates an account without throwing.
 *
 * @example
 * const r = safeParseAccount(json);
 * if (!r.success) console.log(r.issues.map((i) => i.path.join('.') + ': ' + i.message));
 */
export function safeParseAccount(input: unknown): SafeParseAccountResult {
  const result = accountSchema.safeParse(input);
  if (result.success) return { success: true, account: result.data };
  return { success: false, issues: fromZodIssues(result.error.issues) };
}

/**
 * Validates an account and fills in defaults. Throws `ArrearsError` (`ACCOUNT_INVALID`) listing
 * every problem with its path. The input is never mutated.
 *
 * @example
 * const account = parseAccount({
 *   id: 'A-1', currency: 'CNY', amountDue: 120000, dueDate: '2026-11-01',
 *   debtor: { timeZone: 'Asia/Shanghai' },
 *   contacts: [{ id: 'self', relationship: 'self', channels: [{ channel: 'phone' }] }],
 * });
 */
export function parseAccount(input: unknown): Account {
  const result = safeParseAccount(input);
  if (!result.success) throw new ArrearsError('ACCOUNT_INVALID', result.issues);
  return result.account;
}
