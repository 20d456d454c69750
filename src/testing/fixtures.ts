import { type Engine, type EngineOptions, createEngine } from '../engine/create-engine';
import { explain } from '../engine/explain';
import type { Decision } from '../engine/types';
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
    out.push(next === null || typeof next === 'string' ? expectNext(decision, next) : expectNext(decision, next.action, next));
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

/**
 * Runs fixture cases (an array: read your JSON files yourself) and returns one result per case,
 * in order. Never throws for a bad case: an invalid policy or account is that case's failure.
 *
 * @example
 * const results = runFixtures(JSON.parse(readFileSync('policy.cases.json', 'utf8')), { policy });
 * for (const r of results) if (!r.pass) console.log(r.description, r.failures, r.explanation);
 */
export function runFixtures(cases: readonly FixtureCase[], options: FixtureOptions = {}): FixtureResult[] {
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
  return cases.map((c, i) => {
    const description = typeof c?.description === 'string' ? c.description : `case ${i + 1}`;
    const result = (failures: string[], decision: Decision | null = null): FixtureResult => ({ description, pass: failures.length === 0, failures, decision, explanation: decision && explain(decision) });
    const policy = c?.policy ?? shared;
    if (policy === undefined) return result(['the case has no policy: give case.policy or runFixtures(cases, { policy })']);
    const engine = engineFor(policy);
    if (engine instanceof Error) return result([`the policy is invalid: ${messageOf(engine)}`]);
    let decision: Decision;
    try {
      decision = engine.decide(accountOf(c.account), { now: c.now });
    } catch (error) {
      return result([`the case cannot be decided: ${messageOf(error)}`]);
    }
    const all = verdicts(decision, c.expect ?? {});
    if (all.length === 0) return result(['the case expects nothing: give expect.next, allowed, deferred, blocked or needsApproval'], decision);
    const failed = all.filter((v) => !v.pass);
    return result(failed.map((v) => verdictMessage(v, false)), decision);
  });
}
