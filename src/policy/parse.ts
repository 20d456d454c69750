import { createOperatorRegistry, type OperatorLike } from '../conditions';
import { ArrearsError, type Issue } from '../errors';
import { fromZodIssues } from '../zod-issues';
import { checkPolicy } from './check';
import { findUnsatisfiableWindows, lintPolicy } from './lint';
import { type Policy, policySchema } from './schema/policy';

/** Options of `parsePolicy`. */
export interface ParsePolicyOptions {
  /** Custom json-rules-engine operators the policy's conditions use (the same you give `createEngine`). */
  readonly operators?: readonly OperatorLike[];
}

/** The result of `safeParsePolicy`. */
export type SafeParsePolicyResult =
  | { readonly success: true; readonly policy: Policy; readonly warnings: readonly Issue[] }
  | { readonly success: false; readonly issues: readonly Issue[] };

/**
 * Validates a policy without throwing: its shape, then every cross-check (references, ids, facts,
 * operators, windows that can never open). Warnings (legal but suspicious) come with a valid policy.
 *
 * @example
 * const r = safeParsePolicy(json);
 * if (r.success) r.warnings.forEach((w) => console.warn(w.message));
 * else r.issues.forEach((i) => console.error(i.path.join('.'), i.message));
 */
export function safeParsePolicy(input: unknown, options: ParsePolicyOptions = {}): SafeParsePolicyResult {
  const shape = policySchema.safeParse(input);
  if (!shape.success) return { success: false, issues: fromZodIssues(shape.error.issues) };
  const policy = shape.data;
  const operators = createOperatorRegistry(options.operators);
  const issues = [...checkPolicy(policy, operators)];
  if (issues.length === 0) issues.push(...findUnsatisfiableWindows(policy));
  if (issues.length > 0) return { success: false, issues };
  return { success: true, policy: deepFreeze(policy), warnings: lintPolicy(policy) };
}

/**
 * Validates a policy and returns it typed and frozen. Throws `ArrearsError` with code
 * `POLICY_INVALID` and every issue (`{ code, path, message }`) — not only the first.
 *
 * @example
 * const policy = parsePolicy(JSON.parse(fs.readFileSync('policy.json', 'utf8')));
 */
export function parsePolicy(input: unknown, options: ParsePolicyOptions = {}): Policy {
  const result = safeParsePolicy(input, options);
  if (!result.success) throw new ArrearsError('POLICY_INVALID', result.issues);
  return result.policy;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
