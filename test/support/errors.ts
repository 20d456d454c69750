import { ArrearsError, safeParseAccount, safeParsePolicy, type Issue } from '../../src/index';

/** The ArrearsError `fn` throws; fails the test when it returns or throws anything else. */
export function arrearsErrorOf(fn: () => unknown): ArrearsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ArrearsError) return error;
    throw error;
  }
  throw new Error('expected an ArrearsError, but nothing was thrown');
}

/** The issues `safeParsePolicy` refuses `input` with; fails the test when the policy is accepted. */
export function policyIssuesOf(input: unknown): readonly Issue[] {
  const result = safeParsePolicy(input);
  if (result.success) throw new Error('expected the policy to be refused');
  return result.issues;
}

/** The issues `safeParseAccount` refuses `input` with; fails the test when the account is accepted. */
export function accountIssuesOf(input: unknown): readonly Issue[] {
  const result = safeParseAccount(input);
  if (result.success) throw new Error('expected the account to be refused');
  return result.issues;
}
