import { z } from 'zod';
import { safeReadOptions } from '../options';
import { ArrearsError, type ErrorCode, type Issue } from '../errors';
import { joinIssues, limitIssuesOf, screenInput, unreadableIssue } from '../input-guard';
import { DEFAULT_LIMITS, type Limits, safeResolveLimits } from '../limits';
import { fromZodIssues, missingValueError } from '../zod-issues';
import { type Account, accountSchema } from './account';
import { compileFastParse, FAIL } from './fast-parse';

/** Options of `parseAccount` and `safeParseAccount`. */
export interface ParseAccountOptions {
  /** Size limits (any subset; the rest keep their defaults). See docs/limits.md. */
  readonly limits?: Partial<Limits>;
}

/** The error code of a refused account: invalid, over a limit, or called with invalid options. */
export type AccountErrorCode = Extract<ErrorCode, 'ACCOUNT_INVALID' | 'LIMIT_EXCEEDED' | 'OPTIONS_INVALID'>;

/** The result of `safeParseAccount`: the account, or every issue found and the error code `parseAccount` would throw. */
export type SafeParseAccountResult =
  | { readonly success: true; readonly account: Account }
  | { readonly success: false; readonly code: AccountErrorCode; readonly issues: readonly Issue[] };

/**
 * Validates an account without throwing. Limits are checked first: an account over a limit
 * (`code: 'LIMIT_EXCEEDED'`) is not validated further.
 *
 * @example
 * const r = safeParseAccount(json, { limits: { maxAttempts: 1_000 } });
 * if (!r.success) console.log(r.code, r.issues.map((i) => i.path.join('.') + ': ' + i.message));
 */
export function safeParseAccount(input: unknown, options?: ParseAccountOptions): SafeParseAccountResult {
  // No options is the common case: skip validating them.
  if (options === undefined) return checkAccount(input, DEFAULT_LIMITS);
  const read = safeReadOptions(options, ['limits']);
  if (!read.ok) return { success: false, code: 'OPTIONS_INVALID', issues: read.issues };
  const given = optionsSchema.safeParse(read.options, { error: missingValueError });
  if (!given.success) return { success: false, code: 'OPTIONS_INVALID', issues: fromZodIssues(given.error.issues) };
  const limits = safeResolveLimits(given.data.limits);
  if (!limits.success) return { success: false, code: 'OPTIONS_INVALID', issues: limits.issues };
  return checkAccount(input, limits.limits);
}

/** `accountSchema.safeParse` for valid accounts, compiled once (src/model/fast-parse.ts). */
const fastAccount = /* @__PURE__ */ compileFastParse(accountSchema);

/** Unknown option names are refused: `{ limit: … }` silently ignored would leave the defaults on. */
const optionsSchema = z.strictObject({ limits: z.unknown().optional() });

/**
 * `safeParseAccount` with limits already resolved (`resolveLimits`): what an engine calls per
 * account, so the `limits` option is checked once, not for every account.
 *
 * @example
 * const limits = resolveLimits({ maxContacts: 20 });
 * for (const json of accounts) { const r = checkAccount(json, limits); if (!r.success) report(r); }
 */
export function checkAccount(input: unknown, limits: Limits): SafeParseAccountResult {
  try {
    return validate(input, limits);
  } catch (error) {
    // The guard reads every value once and refuses one that throws (a getter, a Proxy), so only
    // an input that throws on a later read gets here (a Proxy whose traps change their mind): it
    // is still an answer, never an exception, as safeParseAccount promises.
    return { success: false, code: 'ACCOUNT_INVALID', issues: [unreadableIssue([], error, 'validating this account')] };
  }
}

function validate(input: unknown, limits: Limits): SafeParseAccountResult {
  const screening = screenInput(input, limits);
  // An unreadable input is not read again, not even for its counts: the read would throw again.
  const overLimit = limitIssuesOf(screening, screening.readable ? countLimitIssues(input, limits) : []);
  if (overLimit.length > 0) return { success: false, code: 'LIMIT_EXCEEDED', issues: overLimit };
  if (screening.verdict === 'invalid') return { success: false, code: 'ACCOUNT_INVALID', issues: screening.issues };
  if (screening.issues.length === 0) {
    // The same account zod would return, faster; FAIL means zod decides, and explains.
    const account = fastAccount(input);
    if (account !== FAIL) return { success: true, account };
  }
  const result = accountSchema.safeParse(input, { error: missingValueError });
  if (result.success && screening.issues.length === 0) return { success: true, account: result.data };
  // Forbidden keys found by the guard come first, then every shape problem: all issues at once.
  const issues = joinIssues(screening.issues, result.success ? [] : fromZodIssues(result.error.issues, [], true));
  return { success: false, code: 'ACCOUNT_INVALID', issues };
}

/**
 * Validates an account and fills in defaults. Throws `ArrearsError` listing every problem with
 * its path: `ACCOUNT_INVALID`, or `LIMIT_EXCEEDED` when the account is over a size limit
 * (docs/limits.md), or `OPTIONS_INVALID` for invalid `limits`. The input is never mutated.
 *
 * @example
 * const account = parseAccount({
 *   id: 'A-1', currency: 'CNY', amountDue: 120000, dueDate: '2026-11-01',
 *   debtor: { timeZone: 'Asia/Shanghai' },
 *   contacts: [{ id: 'self', relationship: 'self', channels: [{ channel: 'phone' }] }],
 * });
 */
export function parseAccount(input: unknown, options?: ParseAccountOptions): Account {
  const result = safeParseAccount(input, options);
  if (!result.success) throw new ArrearsError(result.code, result.issues);
  return result.account;
}

/** The account's own limits: attempts in `history`, `contacts`. Shape is zod's job: anything odd is skipped. */
function countLimitIssues(input: unknown, limits: Limits): Issue[] {
  if (input === null || typeof input !== 'object') return [];
  const { history, contacts } = input as { history?: unknown; contacts?: unknown };
  const issues: Issue[] = [];
  if (Array.isArray(history) && history.length > limits.maxAttempts) {
    issues.push({
      code: 'too_many_attempts',
      path: ['history'],
      message: `the history has ${history.length} attempts, over the limit of ${limits.maxAttempts} (limits.maxAttempts); archive old attempts or raise the limit`,
    });
  }
  if (Array.isArray(contacts) && contacts.length > limits.maxContacts) {
    issues.push({
      code: 'too_many_contacts',
      path: ['contacts'],
      message: `the account has ${contacts.length} contacts, over the limit of ${limits.maxContacts} (limits.maxContacts); raise the limit if that is expected`,
    });
  }
  return issues;
}
