/**
 * json-rules-engine conditions, compiled once into synchronous predicates with json-rules-engine's
 * exact answers; plus their schema, their cross-checks and the operator registry they run on.
 */
export {
  conditionSchema,
  topLevelConditionSchema,
  factReferenceSchema,
  safePathSchema,
  conditionKind,
  CONDITION_KINDS,
  type Condition,
  type TopLevelCondition,
  type ComparisonCondition,
  type AllCondition,
  type AnyCondition,
  type NotCondition,
  type ConditionReference,
  type ConditionMeta,
  type FactReference,
  type ConditionKind,
} from './schema';
export {
  createOperatorRegistry,
  type OperatorRegistry,
  type OperatorLike,
  type OperatorParts,
  type EvaluableOperator,
} from './operators';
export {
  compileCondition,
  collectFactRefs,
  OperandError,
  type ConditionLocation,
  type CompiledCondition,
  type CompileOptions,
  type FactSource,
  type FactRef,
} from './compile';
export {
  checkCondition,
  checkNamedConditions,
  CONDITION_ISSUE_CODES,
  MAX_CONDITION_DEPTH,
  type CheckContext,
  type ParamsProblem,
  type ConditionIssueCode,
} from './check';
export { SAFE_PATH_PATTERN, compilePath, pathSegments, type PathAccessor } from './json-path';
export { suggest, didYouMean, editDistance } from './suggest';
