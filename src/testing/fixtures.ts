import { z } from 'zod';
import { type Engine, type EngineOptions, createEngine } from '../engine/create-engine';
import { explain } from '../engine/explain';
import type { Decision } from '../engine/types';
import { ArrearsError, formatPath, type Issue } from '../errors';
import { screenInput, unreadableIssue } from '../input-guard';
import { DEFAULT_LIMITS } from '../limits';
import { strictObject } from '../model/primitives';
import { fromZodIssues, missingValueError } from '../zod-issues';
import { accountOf } from './builder';
import {
  type BlockOptions,
  type DeferOptions,
  type ProposalFilter,
  type Verdict,
  expectAllowed,
  expectBlocked,
  expectDeferred,
  expectNeedsApproval,
  expectNext,
  verdictMessage,
} from './matchers';
import { checkOptions, describeValue, optionKeys } from './options';
import type { InstantLike } from './time';

/** An action id, or the action with the filter (and options) of the matching expectation. */
export type Expected<O extends object = ProposalFilter> = string | ({ readonly action: string } & O);

/** What a fixture expects of its decision. Every expectation given must hold. */
export interface FixtureExpectation {
  /** The decision's `next` action (optionally its contact and channel), or `null` for nothing. */
  readonly next?: string | null | ({ readonly action: string | null } & ProposalFilter);
  readonly allowed?: readonly Expected[];
  readonly deferred?: readonly Expected<DeferOptions>[];
  readonly blocked?: readonly Expected<BlockOptions>[];
  readonly needsApproval?: readonly Expected[];
}

/** One case, in the spirit of Cedar's integration tests: plain JSON you can keep beside the policy. */
export interface FixtureCase {
  readonly description: string;
  /** A policy (raw JSON or parsed); default: `options.policy`. Cases sharing a policy object share one engine. */
  readonly policy?: unknown;
  /** An account (raw JSON, parsed, or an `anAccount()` builder). */
  readonly account: unknown;
  readonly now: InstantLike;
  readonly expect: FixtureExpectation;
}

/** The outcome of one case. */
export interface FixtureResult {
  readonly description: string;
  readonly pass: boolean;
  /** One line per expectation that failed (or the error that stopped the case). */
  readonly failures: readonly string[];
  readonly decision: Decision | null;
  /** `explain(decision)`, to print next to the failures. */
  readonly explanation: string | null;
}

const split = <O extends object>(e: Expected<O>): { action: string; options: O } => {
  if (typeof e === 'string') return { action: e, options: {} as O };
  const { action, ...options } = e;
  return { action, options: options as unknown as O };
};

function verdicts(decision: Decision, expected: FixtureExpectation): Verdict[] {
  const out: Verdict[] = [];
  if (expected.next !== undefined) {
    const next = expected.next;
    if (next === null || typeof next === 'string') out.push(expectNext(decision, next));
    else {
      const { action, ...filter } = next;
      out.push(expectNext(decision, action, filter));
    }
  }
  for (const e of expected.allowed ?? []) out.push(expectAllowed(decision, split(e).action, split(e).options));
  for (const e of expected.deferred ?? []) out.push(expectDeferred(decision, split(e).action, split(e).options));
  for (const e of expected.blocked ?? []) out.push(expectBlocked(decision, split(e).action, split(e).options));
  for (const e of expected.needsApproval ?? []) out.push(expectNeedsApproval(decision, split(e).action, split(e).options));
  return out;
}

const messageOf = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** Options of `runFixtures`: the engine's, and the policy of cases that do not name one. */
export interface FixtureOptions extends EngineOptions {
  readonly policy?: unknown;
}

const USAGE = 'runFixtures(cases, { policy?, operators?, horizonDays?, limits? })';
const optionsSchema = optionKeys(['policy', 'operators', 'horizonDays', 'limits']);

// The shape of a case, so that a typo (`expct`, `alowed`) or a wrong type fails that case with its
// path instead of being ignored (a case that silently expects less) or crashing the run. The values
// are judged where they are used: the policy and account by the engine, each entry by its matcher.
const entry = z.union([z.string(), z.looseObject({ action: z.string() })], { message: 'must be an action id or { action, … }' });
const caseSchema = strictObject({
  description: z.string().optional(),
  policy: z.unknown().optional(),
  account: z.unknown(),
  now: z.unknown(),
  expect: strictObject({
    next: z.union([z.string(), z.null(), z.looseObject({ action: z.union([z.string(), z.null()]) })], { message: 'must be an action id, null or { action, … }' }).optional(),
    allowed: z.array(entry).optional(),
    deferred: z.array(entry).optional(),
    blocked: z.array(entry).optional(),
    needsApproval: z.array(entry).optional(),
  }).optional(),
});

/**
 * Throws `ArrearsError` (`OPTIONS_INVALID`, at `cases`) unless `cases` is an array.
 *
 * @example
 * checkCases(JSON.parse(text), 'runFixtures(cases, options)');
 */
export function checkCases(cases: unknown, usage: string): void {
  let list: boolean;
  try {
    list = Array.isArray(cases); // throws for a revoked Proxy
  } catch (error) {
    throw new ArrearsError('OPTIONS_INVALID', [unreadableIssue(['cases'], error, 'reading the list of cases')]);
  }
  if (list) return;
  throw new ArrearsError('OPTIONS_INVALID', [{ code: 'invalid_type', path: ['cases'], message: `must be an array of fixture cases (read your JSON file yourself): ${usage}; received ${describeValue(cases)}` }]);
}

/**
 * The number of cases: `cases.length`, read once. A Proxy may throw reading it: that is the call's
 * fault, not a case's, so it is refused like cases that are not a list.
 */
function lengthOf(cases: readonly unknown[]): number {
  try {
    return cases.length;
  } catch (error) {
    throw new ArrearsError('OPTIONS_INVALID', [unreadableIssue(['cases'], error, 'reading the length of the list of cases')]);
  }
}

/** A case as read: its value and description, or why it cannot be read (paths inside the case). */
interface ReadCase {
  readonly value: unknown;
  readonly description: string | undefined;
  readonly unreadable: readonly Issue[];
}

/**
 * Reads case `i` without throwing: the case is screened (input-guard) before anything reads it, so
 * a getter or a Proxy that throws — in the case, its account, its expectations — is that case's
 * failure, at its path, never an exception from `runFixtures`. Limits are the engine's business.
 */
function readCase(cases: readonly unknown[], i: number): ReadCase {
  let value: unknown;
  try {
    value = cases[i];
  } catch (error) {
    return { value: undefined, description: undefined, unreadable: [unreadableIssue([], error)] };
  }
  const screening = screenInput(value, DEFAULT_LIMITS);
  // Read even from an unreadable case: its description names it in the report.
  let description: unknown;
  try {
    description = value !== null && typeof value === 'object' ? (value as { description?: unknown }).description : undefined;
  } catch {
    description = undefined;
  }
  return {
    value,
    description: typeof description === 'string' ? description : undefined,
    unreadable: screening.readable ? [] : screening.issues.filter((issue) => issue.code === 'unreadable'),
  };
}

/**
 * Runs fixture cases (an array: read your JSON files yourself) and returns one result per case,
 * in order. Never throws for a bad case: an invalid policy or account, or a case that throws
 * when read (a getter, a Proxy), is that case's failure.
 *
 * @example
 * const results = runFixtures(JSON.parse(readFileSync('policy.cases.json', 'utf8')), { policy });
 * for (const r of results) if (!r.pass) console.log(r.description, r.failures, r.explanation);
 */
export function runFixtures(cases: readonly FixtureCase[], options: FixtureOptions = {}): FixtureResult[] {
  options = checkOptions(optionsSchema, options, USAGE) as FixtureOptions;
  checkCases(cases, USAGE);
  const { policy: shared, ...engineOptions } = options;
  const engines = new Map<unknown, Engine | Error>();
  const engineFor = (policy: unknown): Engine | Error => {
    let engine = engines.get(policy);
    if (engine === undefined) {
      try {
        engine = createEngine(policy, engineOptions);
      } catch (error) {
        engine = error instanceof Error ? error : new Error(String(error));
      }
      engines.set(policy, engine);
    }
    return engine;
  };
  return Array.from({ length: lengthOf(cases) }, (_, i) => {
    const read = readCase(cases, i);
    const description = read.description ?? `case ${i + 1}`;
    const result = (failures: string[], decision: Decision | null = null): FixtureResult => ({ description, pass: failures.length === 0, failures, decision, explanation: decision && explain(decision) });
    if (read.unreadable.length > 0) return result(read.unreadable.map((issue) => `the case is invalid: ${formatPath(issue.path)}: ${issue.message}`));
    let shape: ReturnType<typeof caseSchema.safeParse>;
    try {
      shape = caseSchema.safeParse(read.value, { error: missingValueError });
    } catch (error) {
      // Screened readable, yet it threw: a Proxy whose traps change their mind.
      return result([`the case is invalid: ${formatPath([])}: ${unreadableIssue([], error, 'validating this case').message}`]);
    }
    if (!shape.success) return result(fromZodIssues(shape.error.issues).map((i) => `the case is invalid: ${formatPath(i.path)}: ${i.message}`));
    // What zod read, not the case again: a getter is not called twice.
    const c = shape.data as FixtureCase;
    const policy = c.policy ?? shared;
    if (policy === undefined) return result(['the case has no policy: give case.policy or runFixtures(cases, { policy })']);
    const engine = engineFor(policy);
    if (engine instanceof Error) return result([`the policy is invalid: ${messageOf(engine)}`]);
    let decision: Decision;
    try {
      decision = engine.decide(accountOf(c.account), { now: c.now });
    } catch (error) {
      return result([`the case cannot be decided: ${messageOf(error)}`]);
    }
    let all: Verdict[];
    try {
      all = verdicts(decision, c.expect ?? {});
    } catch (error) {
      // An expectation's options that are not ones (an unknown key in `{ action, … }`).
      if (!(error instanceof ArrearsError)) throw error;
      return result(error.issues.map((i) => `the case is invalid: ${i.message}`), decision);
    }
    if (all.length === 0) return result(['the case expects nothing: give expect.next, allowed, deferred, blocked or needsApproval'], decision);
    const failed = all.filter((v) => !v.pass);
    return result(failed.map((v) => verdictMessage(v, false)), decision);
  });
}
