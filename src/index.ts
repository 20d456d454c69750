/**
 * arrears — a pure rules engine for overdue accounts.
 * Strategy proposes, compliance disposes, the engine explains.
 *
 * @module arrears
 */
export { ArrearsError, ERROR_CODES, formatPath, type ErrorCode, type Issue, type IssuePath } from './errors';
export * from './vocabulary';

export {
  accountSchema,
  parseAccount,
  safeParseAccount,
  type Account,
  type AccountErrorCode,
  type AccountInput,
  type Approval,
  type Attempt,
  type AttemptInput,
  type Contact,
  type ContactMethod,
  type Debtor,
  type FlagState,
  type Instalment,
  type JsonValue,
  type Payment,
  type PreferredWindow,
  type ParseAccountOptions,
  type PromiseToPay,
  type SafeParseAccountResult,
} from './model';
export { DEFAULT_LIMITS, LIMITS, LIMIT_NAMES, resolveLimits, safeResolveLimits, type Limits, type LimitName, type SafeResolveLimitsResult } from './limits';

export { policySchema, type Policy, type PolicyInput, type Action, type Rule, type Target, type Bucket } from './policy/schema/policy';
export type { Constraint, ConstraintKind, Layer, WindowConstraint, CapConstraint, CooldownConstraint, ContactOrderConstraint, BlockConstraint, ApprovalConstraint, PromiseHoldConstraint } from './policy/schema/constraints';
export type { Selector } from './policy/schema/selector';
export { parsePolicy, safeParsePolicy, type ParsePolicyOptions, type PolicyErrorCode, type SafeParsePolicyResult } from './policy/parse';
export { lintPolicy } from './policy/parse';
export { composePolicies, composePoliciesWith } from './policy/compose';
export { policyHash, canonicalJson } from './policy/hash';
export { policyJsonSchema } from './policy/json-schema';

export { FACTS, FACT_NAMES, isKnownFact, type FactName, type FactType } from './facts/catalogue';
export { deriveFacts, type DeriveFactsOptions, type FactRef } from './facts/derive';

export { createEngine, decide, type DecideOptions, type Engine, type EngineOptions } from './engine/create-engine';
export { explain } from './engine/explain';
export type { Decision, DecisionFailure, Proposal, Reason, RuleTrace } from './engine/types';
export type {
  AllCondition,
  AnyCondition,
  ComparisonCondition,
  Condition,
  ConditionMeta,
  ConditionReference,
  FactReference,
  NotCondition,
  OperatorLike,
  OperatorParts,
  TopLevelCondition,
} from './conditions';
export { presets } from './presets';
