import { z } from 'zod';
import { safeReadOptions } from '../options';
import { conditionKind, createOperatorRegistry, type OperatorLike, type OperatorRegistry, topLevelConditionSchema } from '../conditions';
import { checkConditionValues } from '../conditions/values';
import { factValues } from '../facts/catalogue';
import { operatorNameIssues } from '../conditions/operators';
import { ArrearsError, type ErrorCode, type Issue } from '../errors';
import { joinIssues, limitIssuesOf, screenInput, unreadableIssue } from '../input-guard';
import { DEFAULT_LIMITS, type Limits, safeResolveLimits } from '../limits';
import { fromZodIssues, missingValueError } from '../zod-issues';
import { checkPolicy, checkPolicyLoosely } from './check';
import { markParsed, wasParsed } from './parsed';
import { findUnsatisfiableWindows, lintParsedPolicy } from './lint';
import { type Policy, policySchema } from './schema/policy';

/** Options of `parsePolicy`. */
export interface ParsePolicyOptions {
  /** Custom json-rules-engine operators the policy's conditions use (the same you give `createEngine`). */
  readonly operators?: readonly OperatorLike[];
  /** Size limits (any subset; the rest keep their defaults). See docs/limits.md. */
  readonly limits?: Partial<Limits>;
}

/** The error code of a refused policy: invalid, over a limit, or called with invalid options. */
export type PolicyErrorCode = Extract<ErrorCode, 'POLICY_INVALID' | 'LIMIT_EXCEEDED' | 'OPTIONS_INVALID'>;

/** The result of `safeParsePolicy`; a failure carries the error code `parsePolicy` would throw. */
export type SafeParsePolicyResult =
  | { readonly success: true; readonly policy: Policy; readonly warnings: readonly Issue[] }
  | { readonly success: false; readonly code: PolicyErrorCode; readonly issues: readonly Issue[] };

const fn = (what: string): z.ZodType<(...args: never[]) => unknown> =>
  z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', { message: `must be a function (${what})` });

/**
 * A custom operator: json-rules-engine's `Operator` (whose instances carry `name` and `cb`), one
 * from another copy of json-rules-engine, or `{ name, cb, validator? }`. Checked here because
 * json-rules-engine throws plain Errors (or TypeErrors) on anything else.
 */
const operatorSchema = z.looseObject({
  name: z.string({ message: 'must be the operator name, a non-empty string' }).min(1, { message: 'must be the operator name, a non-empty string' }),
  cb: fn('(factValue, jsonValue) => result'),
  validator: fn('(factValue) => boolean').optional(),
});

/** Unknown option names are refused: a typo would silently leave a default in place. */
const optionsSchema = z.strictObject({
  operators: z.array(operatorSchema, { message: 'must be a list of operators (json-rules-engine `Operator`s or { name, cb })' }).optional(),
  limits: z.unknown().optional(),
});

/**
 * Validates a policy without throwing: its size against the limits, then its shape, then every
 * cross-check (references, ids, facts, operators, values a fact never takes, windows that can never
 * open). Warnings (legal but suspicious) come with a valid policy. A policy over a limit
 * (`code: 'LIMIT_EXCEEDED'`) is not validated further.
 *
 * @example
 * const r = safeParsePolicy(json, { limits: { maxRules: 200 } });
 * if (r.success) r.warnings.forEach((w) => console.warn(w.message));
 * else r.issues.forEach((i) => console.error(r.code, i.path.join('.'), i.message));
 */
export function safeParsePolicy(input: unknown, options?: ParsePolicyOptions): SafeParsePolicyResult {
  try {
    return validatePolicy(input, options);
  } catch (error) {
    // The input guard refuses a value that throws when read (a getter, a Proxy); only an input
    // that throws on a later read gets here. Still an answer, never an exception.
    return { success: false, code: 'POLICY_INVALID', issues: [unreadableIssue([], error, 'validating this policy')] };
  }
}

function validatePolicy(input: unknown, given: ParsePolicyOptions | undefined): SafeParsePolicyResult {
  let limits: Limits = DEFAULT_LIMITS;
  let operators: readonly OperatorLike[] = [];
  if (given !== undefined) {
    // Read before the policy: an option that throws when read is the caller's, not the policy's.
    const read = safeReadOptions(given, ['limits', 'operators']);
    if (!read.ok) return { success: false, code: 'OPTIONS_INVALID', issues: read.issues };
    const options = read.options as ParsePolicyOptions | null;
    const shape = optionsSchema.safeParse(options, { error: missingValueError });
    const resolved = safeResolveLimits(shape.success ? shape.data.limits : options?.limits);
    const problems = [...(shape.success ? operatorNameIssues(shape.data.operators ?? []) : fromZodIssues(shape.error.issues)), ...(resolved.success ? [] : resolved.issues)];
    if (!shape.success || !resolved.success || problems.length > 0) return { success: false, code: 'OPTIONS_INVALID', issues: problems };
    limits = resolved.limits;
    operators = options?.operators ?? [];
  }

  // Nothing in a policy takes a Date: one is a `not_json` value, not an object with no fields.
  const screening = screenInput(input, limits, { dates: false });
  // The policy's own limits walk its conditions: only once the guard has bounded depth and cycles.
  const own = screening.complete ? policyLimitIssues(input, limits) : [];
  const overLimit = limitIssuesOf(screening, own);
  if (overLimit.length > 0) return { success: false, code: 'LIMIT_EXCEEDED', issues: overLimit };
  if (screening.verdict === 'invalid') return { success: false, code: 'POLICY_INVALID', issues: screening.issues };

  const shape = policySchema.safeParse(input, { error: missingValueError, reportInput: true });
  const checkOptions = { maxConditionDepth: limits.maxConditionDepth };
  if (!shape.success) {
    // Forbidden keys found by the guard come first, then every shape problem, then the
    // cross-checks of the parts that did parse: one run reports every mistake it can find.
    const registry = createOperatorRegistry(operators);
    const loose = [...checkPolicyLoosely(input, registry, checkOptions), ...valueIssues(input, registry, false)];
    return { success: false, code: 'POLICY_INVALID', issues: [...joinIssues(screening.issues, fromZodIssues(shape.error.issues, [], true)), ...loose] };
  }
  const policy = shape.data;
  const registry = createOperatorRegistry(operators);
  const issues = [...screening.issues, ...checkPolicy(policy, registry, checkOptions), ...valueIssues(policy, registry, true)];
  if (issues.length === 0) issues.push(...findUnsatisfiableWindows(policy));
  if (issues.length > 0) return { success: false, code: 'POLICY_INVALID', issues };
  return { success: true, policy: markParsed(deepFreeze(policy)), warnings: lintParsedPolicy(policy, registry) };
}

/**
 * Validates a policy and returns it typed and frozen. Throws `ArrearsError` with every issue
 * (`{ code, path, message }`), not only the first: `POLICY_INVALID`, or `LIMIT_EXCEEDED` when the
 * policy is over a size limit (docs/limits.md), or `OPTIONS_INVALID` for invalid options.
 *
 * @example
 * const policy = parsePolicy(JSON.parse(fs.readFileSync('policy.json', 'utf8')), { limits: { maxRules: 200 } });
 */
export function parsePolicy(input: unknown, options?: ParsePolicyOptions): Policy {
  const result = safeParsePolicy(input, options);
  if (!result.success) throw new ArrearsError(result.code, result.issues);
  return result.policy;
}

/**
 * Comparisons against a value their fact never takes (`legalStage equal 'litigaton'`, a bucket
 * the policy does not define), in every tree: rules' `when`, named conditions, blocks' `when`.
 * `valid`: the policy's shape was accepted; otherwise each tree and the buckets are checked only
 * if they parse on their own (the shape errors tell the rest), and unparsed buckets leave the
 * `bucket` fact unchecked.
 */
function valueIssues(input: unknown, operators: OperatorRegistry, valid: boolean): Issue[] {
  if (!isRecord(input)) return [];
  const buckets = valid ? { success: true as const, data: (input as Policy).buckets } : policySchema.shape.buckets.safeParse(input.buckets);
  const ctx = {
    // Buckets that did not parse say nothing of which the `bucket` fact takes.
    values: (fact: string) => (buckets.success ? factValues(fact, buckets.data) : fact === 'bucket' ? undefined : factValues(fact, undefined)),
    isBuiltIn: (name: string) => operators.isBuiltIn(name),
  };
  const named = isRecord(input.conditions) ? Object.entries(input.conditions).map(([name, tree]): [unknown, (string | number)[]] => [tree, ['conditions', name]]) : [];
  return [...named, ...conditionRoots(input, true)].flatMap(([tree, path]) =>
    valid || topLevelConditionSchema.safeParse(tree).success ? checkConditionValues(tree, ctx, path) : [],
  );
}

/** The condition trees of rules and constraints (`blocksOnly`: only blocks take a `when`), read from the raw input. */
function conditionRoots(input: Readonly<Record<string, unknown>>, blocksOnly: boolean): [unknown, (string | number)[]][] {
  const { rules, compliance } = input;
  const roots: [unknown, (string | number)[]][] = [];
  if (Array.isArray(rules)) rules.forEach((rule, r) => isRecord(rule) && roots.push([rule.when, ['rules', r, 'when']]));
  if (Array.isArray(compliance)) {
    compliance.forEach((layer, l) => {
      const constraints = isRecord(layer) ? layer.constraints : undefined;
      if (!Array.isArray(constraints)) return;
      constraints.forEach((c, i) => isRecord(c) && (!blocksOnly || c.kind === 'block') && roots.push([c.when, ['compliance', l, 'constraints', i, 'when']]));
    });
  }
  return roots;
}

/** The policy's own limits, read from the raw input: shape is zod's job, anything odd is skipped. */
function policyLimitIssues(input: unknown, limits: Limits): Issue[] {
  if (input === null || typeof input !== 'object') return [];
  const { rules } = input as { rules?: unknown };
  const issues: Issue[] = [];
  if (Array.isArray(rules) && rules.length > limits.maxRules) {
    issues.push({
      code: 'too_many_rules',
      path: ['rules'],
      message: `the policy has ${rules.length} rules, over the limit of ${limits.maxRules} (limits.maxRules); every decision evaluates them all: merge rules or raise the limit`,
    });
  }
  issues.push(...conditionLimitIssues(input, limits));
  return issues;
}

/** Condition issues kept at most: a chain of 5,000 named conditions needs no 5,000 messages. */
const MAX_CONDITION_ISSUES = 100;

/**
 * The condition limits, on every tree (rules' `when`, named conditions, constraints' `when`):
 * nesting within one tree (`maxConditionDepth`, as `condition_too_deep` has always counted it),
 * and chains of references to named conditions (`maxConditionReferences`). Evaluation follows a
 * reference into the tree it names, so a long chain nests as deep as all its trees together: a
 * few thousand levels overflow the stack when the engine compiles the policy. The first place
 * each tree crosses a limit is reported.
 */
function conditionLimitIssues(input: object, limits: Limits): Issue[] {
  const { conditions } = input as { conditions?: unknown };
  const named = isRecord(conditions) ? conditions : {};
  const chains = referenceChains(named);
  const roots = conditionRoots(input as Readonly<Record<string, unknown>>, false);
  const referenced = new Set<string>();
  for (const [root] of roots) forEachReference(root, [], (name) => referenced.add(name));
  for (const chain of chains.values()) for (const name of chain.targets) referenced.add(name);
  const issues: Issue[] = [];
  const check = (root: unknown, path: (string | number)[], chainToo: boolean): void => {
    const deep = firstTooDeep(root, path, 1, limits.maxConditionDepth);
    if (deep !== undefined) issues.push(deep);
    const long = chainToo ? firstLongChain(root, path, limits.maxConditionReferences, chains) : undefined;
    if (long !== undefined) issues.push(long);
  };
  for (const [root, path] of roots) {
    if (issues.length >= MAX_CONDITION_ISSUES) return issues;
    check(root, path, true);
  }
  // A chain is reported where it starts: a named condition that something refers to is part of
  // its referrer's chain, and reporting it too would list every link of a long chain.
  for (const name of Object.keys(named)) {
    if (issues.length >= MAX_CONDITION_ISSUES) return issues;
    check(named[name], ['conditions', name], !referenced.has(name));
  }
  return issues;
}

function firstTooDeep(node: unknown, at: (string | number)[], depth: number, max: number): Issue | undefined {
  if (!isRecord(node)) return undefined;
  if (depth > max) {
    return {
      code: 'condition_too_deep',
      path: at,
      message: `conditions nest deeper than ${max} levels (limits.maxConditionDepth); flatten them, move branches into named conditions, or raise the limit`,
    };
  }
  const kind = conditionKind(node);
  if (kind === 'all' || kind === 'any') {
    const children = node[kind];
    if (!Array.isArray(children)) return undefined;
    for (let i = 0; i < children.length; i++) {
      const found = firstTooDeep(children[i], [...at, kind, i], depth + 1, max);
      if (found !== undefined) return found;
    }
  } else if (kind === 'not') {
    return firstTooDeep(node.not, [...at, 'not'], depth + 1, max);
  }
  return undefined;
}

/** The first reference in a tree that starts a chain longer than `max` (the reference itself counts one). */
function firstLongChain(root: unknown, at: (string | number)[], max: number, chains: ReadonlyMap<string, Chain>): Issue | undefined {
  let found: Issue | undefined;
  forEachReference(root, at, (name, path) => {
    const length = 1 + (chains.get(name)?.length ?? 0);
    if (found !== undefined || length <= max) return;
    found = {
      code: 'too_many_references',
      path,
      message: `this reference starts a chain of ${length} named conditions (${describeChain(name, chains)}), over the limit of ${max} (limits.maxConditionReferences); evaluation nests through every one: inline some or raise the limit`,
    };
  });
  return found;
}

/** The longest chain of references below a named condition, and where it goes next. */
interface Chain {
  readonly length: number;
  readonly next: string | undefined;
  /** The named conditions it refers to directly. */
  readonly targets: readonly string[];
}

/**
 * For each named condition, the longest chain of references it starts (0: it refers to none).
 * Computed with an explicit stack, not recursion: a chain may be thousands long. A reference
 * cycle is cut where it closes (circular_condition reports it).
 */
function referenceChains(named: Readonly<Record<string, unknown>>): Map<string, Chain> {
  const refs = new Map<string, string[]>();
  for (const name of Object.keys(named)) {
    const out: string[] = [];
    forEachReference(named[name], [], (ref) => Object.hasOwn(named, ref) && out.push(ref));
    refs.set(name, out);
  }
  const chains = new Map<string, Chain>();
  const onStack = new Set<string>();
  for (const start of refs.keys()) {
    if (chains.has(start)) continue;
    const stack: { name: string; next: number }[] = [{ name: start, next: 0 }];
    onStack.add(start);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { name: string; next: number };
      const targets = refs.get(frame.name) ?? [];
      const target = targets[frame.next++];
      if (target !== undefined) {
        if (!chains.has(target) && !onStack.has(target)) {
          stack.push({ name: target, next: 0 });
          onStack.add(target);
        }
        continue;
      }
      let best: Chain = { length: 0, next: undefined, targets };
      for (const t of targets) {
        const length = 1 + (chains.get(t)?.length ?? 0);
        if (length > best.length) best = { length, next: t, targets };
      }
      chains.set(frame.name, best);
      stack.pop();
      onStack.delete(frame.name);
    }
  }
  return chains;
}

/** `'a' → 'b' → 'c'`, shortened in the middle past five names. */
function describeChain(first: string, chains: ReadonlyMap<string, Chain>): string {
  const names: string[] = [];
  for (let name: string | undefined = first; name !== undefined && names.length <= 1_000; name = chains.get(name)?.next) names.push(`'${name}'`);
  return names.length <= 5 ? names.join(' → ') : [...names.slice(0, 3), '…', ...names.slice(-1)].join(' → ');
}

/** Calls `visit` for each `{ condition }` reference in a tree. Recursion is safe: the input guard bounded the nesting. */
function forEachReference(node: unknown, at: (string | number)[], visit: (name: string, path: (string | number)[]) => void): void {
  if (!isRecord(node)) return;
  const kind = conditionKind(node);
  if (kind === 'all' || kind === 'any') {
    const children = node[kind];
    if (Array.isArray(children)) children.forEach((child, i) => forEachReference(child, [...at, kind, i], visit));
  } else if (kind === 'not') {
    forEachReference(node.not, [...at, 'not'], visit);
  } else if (kind === 'condition' && typeof node.condition === 'string') {
    visit(node.condition, [...at, 'condition']);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Warnings about a policy: legal, but probably not what the author meant (never errors). Takes a
 * policy `parsePolicy` returned, or raw JSON, which is parsed first (`ArrearsError` if invalid).
 *
 * @example
 * lintPolicy(parsePolicy(json)).forEach((w) => console.warn(formatPath(w.path), w.message));
 */
export function lintPolicy(policy: unknown): Issue[] {
  return lintParsedPolicy(wasParsed(policy) ? (policy as Policy) : parsePolicy(policy));
}
