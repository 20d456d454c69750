import { z } from 'zod';
import { safeReadOptions } from './options';
import { ArrearsError, type Issue } from './errors';
import { fromZodIssues, unknownKeysError, missingValueError } from './zod-issues';

/*
 * Size limits on untrusted input. Policies come from admin UIs and databases, accounts from
 * upstream systems: either may be huge, deep or hostile. Each limit bounds the work one input can
 * cost a service (zod's recursion, the per-decision scans of rules, history and contacts) and has
 * its own issue code, so a refusal says which limit to raise — or which record to look at.
 */

/** One limit: its default, the largest value it may be raised to, the issue code when exceeded. */
interface LimitSpec {
  readonly default: number;
  /** Raising a limit past this would let zod (or the engine) exhaust the stack or the budget. */
  readonly ceiling: number;
  readonly code: string;
  readonly appliesTo: 'policy' | 'account' | 'policy, account';
  readonly text: string;
}

/**
 * Every limit, with its default, ceiling and issue code. The single source of `DEFAULT_LIMITS`,
 * the `limits` option's validation and docs/limits.md (a test compares them).
 */
export const LIMITS = frozen({
  maxDepth: {
    default: 128,
    // zod validates recursively: Node's default stack overflows near 1,000 levels of a condition
    // tree, and browsers' stacks can be smaller. 512 leaves a safe margin everywhere.
    ceiling: 512,
    code: 'too_deep',
    appliesTo: 'policy, account',
    text: 'Nesting of objects and arrays; the input itself is level 1.',
  },
  maxNodes: {
    default: 1_000_000,
    ceiling: 100_000_000,
    code: 'too_large',
    appliesTo: 'policy, account',
    text: 'Values in the input (every object, array, string, number, boolean and null counts one).',
  },
  maxStringLength: {
    default: 10_000,
    ceiling: 100_000_000,
    code: 'string_too_long',
    appliesTo: 'policy, account',
    text: 'Characters (UTF-16 code units) in any string, object keys included.',
  },
  maxArrayLength: { default: 10_000, ceiling: 100_000_000, code: 'too_many_items', appliesTo: 'policy, account', text: 'Items in any array.' },
  maxObjectKeys: { default: 10_000, ceiling: 100_000_000, code: 'too_many_keys', appliesTo: 'policy, account', text: 'Keys in any object (a map of actions, of attributes…).' },
  maxRules: { default: 1_000, ceiling: 1_000_000, code: 'too_many_rules', appliesTo: 'policy', text: 'Strategy rules (`rules`); every decision evaluates them.' },
  maxConditionDepth: {
    default: 32,
    // Evaluation nests through references too (see maxConditionReferences): at the two ceilings a
    // chain is 64 × 33 levels deep, about half of what overflows Node's stack when compiling.
    ceiling: 64,
    code: 'condition_too_deep',
    appliesTo: 'policy',
    text: 'Levels of one condition tree (a rule’s `when`, a named condition, a block’s `when`): the root is level 1, each `all` / `any` / `not` adds one, and the comparison or reference at the bottom is a level too (31 nested `all`s around a comparison make 32).',
  },
  maxConditionReferences: {
    default: 16,
    ceiling: 32,
    code: 'too_many_references',
    appliesTo: 'policy',
    text: 'Length of a chain of references to named conditions (`{ "condition": "a" }` where `a` refers to `b`… is a chain of 2); evaluation nests through every one.',
  },
  maxAttempts: { default: 10_000, ceiling: 100_000_000, code: 'too_many_attempts', appliesTo: 'account', text: 'Attempts in `history`; every decision scans them.' },
  maxContacts: { default: 200, ceiling: 1_000_000, code: 'too_many_contacts', appliesTo: 'account', text: 'Contacts in `contacts`; a decision proposes per contact and channel.' },
} as const satisfies Record<string, LimitSpec>);

/** Frozen to the last level: module-level data must not be changed by one caller for all others. */
function frozen<T extends Record<string, LimitSpec>>(specs: T): T {
  for (const spec of Object.values(specs)) Object.freeze(spec);
  return Object.freeze(specs);
}

/** The name of a limit: `'maxDepth'`, `'maxRules'`… */
export type LimitName = keyof typeof LIMITS;

/** The names of every limit, in documentation order. */
export const LIMIT_NAMES: readonly LimitName[] = Object.freeze(Object.keys(LIMITS) as LimitName[]);

/** Size limits applied to policies and accounts before they are validated. See docs/limits.md. */
export type Limits = { readonly [K in LimitName]: number };

/**
 * The limits used when none are given.
 *
 * @example
 * DEFAULT_LIMITS.maxRules; // 1000
 */
export const DEFAULT_LIMITS: Limits = Object.freeze(
  Object.fromEntries(LIMIT_NAMES.map((name) => [name, LIMITS[name].default])) as Record<LimitName, number>,
);

const limitSchema = (name: LimitName): z.ZodOptional<z.ZodNumber> => {
  const { ceiling } = LIMITS[name];
  const message = `limits.${name} must be a whole number from 1 to ${ceiling}`;
  return z.number({ message }).int({ message }).min(1, { message }).max(ceiling, { message }).optional();
};

/** The `limits` option: any subset of the limits; unknown names are refused (likely typos). */
const limitsSchema = z.strictObject(
  Object.fromEntries(LIMIT_NAMES.map((name) => [name, limitSchema(name)])) as Record<LimitName, z.ZodOptional<z.ZodNumber>>,
  { error: unknownKeysError },
);

/** The limits on one list of the input, which `maxArrayLength` bounds as well. */
const LIST_LIMITS: readonly LimitName[] = ['maxAttempts', 'maxContacts', 'maxRules'];

/** The result of `safeResolveLimits`. */
export type SafeResolveLimitsResult = { readonly success: true; readonly limits: Limits } | { readonly success: false; readonly issues: readonly Issue[] };

/**
 * Like {@link resolveLimits}, without throwing: the complete limits, or the issues of the option
 * (paths start with `'limits'`).
 *
 * @example
 * safeResolveLimits({ maxRules: 0 }); // { success: false, issues: [{ path: ['limits', 'maxRules'], … }] }
 */
export function safeResolveLimits(input: unknown): SafeResolveLimitsResult {
  // The common case, no option, must cost nothing: it runs for every account.
  if (input === undefined) return { success: true, limits: DEFAULT_LIMITS };
  const read = safeReadOptions(input, LIMIT_NAMES, ['limits']);
  if (!read.ok) return { success: false, issues: read.issues };
  const parsed = limitsSchema.safeParse(read.options, { error: missingValueError });
  if (!parsed.success) return { success: false, issues: fromZodIssues(parsed.error.issues, ['limits']) };
  const given = parsed.data as Partial<Record<LimitName, number>>;
  const limits = Object.fromEntries(LIMIT_NAMES.map((name) => [name, given[name] ?? LIMITS[name].default])) as Record<LimitName, number>;
  // Attempts, contacts and rules are lists, and every list is bounded by maxArrayLength too: one
  // raised alone would still refuse the account or policy it was raised for (at 3 a.m.). Only a
  // limit raised past its default counts: resolved limits given back in are complete.
  const conflicts = LIST_LIMITS.filter((name) => limits[name] > LIMITS[name].default && limits[name] > limits.maxArrayLength).map(
    (name): Issue => ({
      code: 'limits_conflict',
      path: ['limits', name],
      message: `limits.${name} is ${limits[name]}, but every list is also bounded by limits.maxArrayLength (${limits.maxArrayLength}${given.maxArrayLength === undefined ? ', the default' : ''}): raise maxArrayLength to at least ${limits[name]} too`,
    }),
  );
  if (conflicts.length > 0) return { success: false, issues: conflicts };
  return { success: true, limits: Object.freeze(limits) };
}

/**
 * Completes a partial `limits` option with the defaults, after checking it: each limit must be a
 * whole number from 1 to its ceiling. Throws `ArrearsError` (`OPTIONS_INVALID`) otherwise.
 * Resolve once and reuse: an engine checks its limits when it is created, not per account.
 *
 * @summary Validates the `limits` option and fills in the defaults.
 * @param input - the option as given (`undefined` gives `DEFAULT_LIMITS`).
 * @returns every limit, frozen.
 * @example
 * const limits = resolveLimits({ maxAttempts: 500 });
 * limits.maxAttempts; // 500
 * limits.maxDepth; // 128 (the default)
 */
export function resolveLimits(input?: Partial<Limits>): Limits {
  const result = safeResolveLimits(input);
  if (!result.success) throw new ArrearsError('OPTIONS_INVALID', result.issues);
  return result.limits;
}
