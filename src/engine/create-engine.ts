import { z } from 'zod';
import type { OperatorLike } from '../conditions';
import { ArrearsError, type Issue } from '../errors';
import { EngineCache } from '../facts/engine-cache';
import { checkOptionKeys, parseNow } from '../facts/now';
import { readGuarded, unreadableError } from '../input-guard';
import { readOptions } from '../options';
import { type Limits, resolveLimits } from '../limits';
import { checkAccount } from '../model/parse';
import { parsePolicy } from '../policy/parse';
import type { Policy } from '../policy/schema/policy';
import { ZoneClocks } from '../time';
import { fromZodIssues, missingValueError } from '../zod-issues';
import { compilePolicy } from './compile';
import { decideCompiled } from './decide';
import { explain } from './explain';
import type { Decision, DecisionFailure } from './types';

/** Options of `createEngine`. */
export interface EngineOptions {
  /** Custom json-rules-engine operators (`new Operator(name, cb, validator)`) the conditions use. */
  readonly operators?: readonly OperatorLike[];
  /** How far ahead (days) to look for the instant a deferred proposal becomes allowed. Default 366. */
  readonly horizonDays?: number;
  /** Size limits for the policy and every account (any subset; the rest keep their defaults). See docs/limits.md. */
  readonly limits?: Partial<Limits>;
}

/** Options of every decision. */
export interface DecideOptions {
  /** The instant of evaluation: a `Date` or ISO 8601 with `Z` or an offset. Required: nothing reads the clock. */
  readonly now: Date | string;
}

/** A policy compiled once, deciding any number of accounts. */
export interface Engine {
  readonly policy: Policy;
  /** Content hash of the policy, also in every decision. */
  readonly hash: string;
  /**
   * Decides one account (raw JSON or parsed). Throws `ArrearsError` on invalid input.
   *
   * @example
   * const decision = engine.decide(accountJson, { now: '2026-11-23T21:05:00+08:00' });
   * decision.next?.action; // e.g. 'call_self'
   */
  decide(account: unknown, options: DecideOptions): Decision;
  /**
   * Decides a stream of accounts lazily, in order, in constant memory. An invalid account yields
   * a `DecisionFailure` in its place; the batch goes on. A book that throws while it is read (a
   * failing stream, a Proxy) ends the batch there: the iteration throws `ArrearsError`
   * (`OPTIONS_INVALID`, `unreadable` at the root, saying how many accounts were read).
   *
   * @example
   * for (const d of engine.decideMany(accounts, { now: '2026-11-23T13:05:00Z' })) {
   *   if (d.ok) console.log(d.accountId, d.next?.action ?? 'nothing');
   *   else console.error(d.accountId, d.error.code);
   * }
   */
  decideMany(accounts: Iterable<unknown>, options: DecideOptions): IterableIterator<Decision | DecisionFailure>;
  /**
   * The decision in words: what to do next and why each proposal is allowed, deferred or blocked.
   *
   * @example
   * console.log(engine.explain(engine.decide(accountJson, { now: '2026-11-23T13:05:00Z' })));
   */
  explain(decision: Decision): string;
}

const optionsSchema = z.strictObject({
  operators: z.array(z.unknown()).optional(),
  horizonDays: z.number().int().min(1).max(3660).default(366),
  // Checked by resolveLimits, which reports OPTIONS_INVALID at ['limits', name].
  limits: z.unknown().optional(),
});

/** Whether the account check found the id itself, or the whole input, impossible to read. */
function idUnreadable(error: unknown): boolean {
  return error instanceof ArrearsError && error.issues.some((i) => i.code === 'unreadable' && (i.path.length === 0 || (i.path.length === 1 && i.path[0] === 'id')));
}

/**
 * The id to name a failed account by, or null. It runs outside the try of the batch, so it must
 * never throw: a getter or a Proxy trap may (input-guard), and then the failure must still be
 * yielded. It reads `id` once, and not at all when reading it already threw during the check:
 * a getter is not called again only to throw again.
 */
function idOf(input: unknown, error: unknown): string | null {
  if (input === null || typeof input !== 'object' || idUnreadable(error)) return null;
  try {
    const id: unknown = (input as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

/** The message of an error that is not ours; whatever was thrown (even a value that cannot be shown), never throws. */
function messageOf(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return `a value that cannot be shown (${typeof error}) was thrown`;
  }
}

function failure(accountId: string | null, error: unknown): DecisionFailure {
  if (error instanceof ArrearsError) return { ok: false, accountId, error: { code: error.code, message: error.message, issues: error.issues } };
  const message = messageOf(error);
  const issues: Issue[] = [{ code: 'unexpected', path: [], message }];
  return { ok: false, accountId, error: { code: 'UNEXPECTED', message, issues } };
}

/**
 * Compiles a policy (raw JSON or parsed) once: conditions become synchronous functions, facts
 * are listed, the hash is computed. Reuse the engine for every account.
 *
 * @example
 * const engine = createEngine(policyJson);
 * const decision = engine.decide(accountJson, { now: '2026-11-23T21:05:00+08:00' });
 * console.log(decision.next?.action, decision.next?.allowedFrom);
 */
export function createEngine(policy: unknown, given: EngineOptions = {}): Engine {
  const options = readOptions(given, ['horizonDays', 'limits', 'operators']) as EngineOptions;
  const parsedOptions = optionsSchema.safeParse(options, { error: missingValueError });
  if (!parsedOptions.success) throw new ArrearsError('OPTIONS_INVALID', fromZodIssues(parsedOptions.error.issues));
  const { horizonDays } = parsedOptions.data;
  const limits = resolveLimits(options.limits); // once per engine, not per account
  const parsed = parsePolicy(policy, { ...(options.operators ? { operators: options.operators } : {}), limits });
  const compiled = compilePolicy(parsed, options.operators);
  const clocks = new ZoneClocks();
  const cache = new EngineCache();

  const decideOne = (input: unknown, now: number): Decision => {
    const account = checkAccount(input, limits);
    if (!account.success) throw new ArrearsError(account.code, account.issues);
    return decideCompiled(compiled, clocks, account.account, now, horizonDays, cache);
  };

  return {
    policy: parsed,
    hash: compiled.hash,
    decide: (account, decideOptions) => decideOne(account, parseNow(checkOptionKeys(decideOptions, ['now'])?.['now'])),
    decideMany(accounts, decideOptions) {
      const now = parseNow(checkOptionKeys(decideOptions, ['now'])?.['now']);
      const book = readGuarded('OPTIONS_INVALID', [], () => ({ iterate: (accounts as Partial<Iterable<unknown>> | null | undefined)?.[Symbol.iterator], text: typeof accounts === 'string' || accounts instanceof String }), 'reading the book');
      if (accounts === null || typeof book.iterate !== 'function') {
        throw new ArrearsError('OPTIONS_INVALID', [{ code: 'invalid_type', path: [], message: 'decideMany takes an iterable of accounts (an array, a generator…)' }]);
      }
      // A string is iterable too, character by character: each character would be "an account"
      // and fail on its own. It is almost always unparsed JSON text, so say what to pass instead.
      if (book.text) {
        throw new ArrearsError('OPTIONS_INVALID', [
          { code: 'invalid_type', path: [], message: 'decideMany takes an iterable of accounts (an array, a generator…), not a string: parse JSON text first (JSON.parse), and wrap a single account in an array' },
        ]);
      }
      // A book that throws while being read (a failing stream) is not an account that cannot be
      // decided: the accounts after it cannot even be read, so the batch stops there, with an
      // ArrearsError saying how far it got rather than the stream's own error.
      function* run(): Generator<Decision | DecisionFailure> {
        let read = 0;
        try {
          for (const input of accounts) {
            read++;
            try {
              yield decideOne(input, now);
            } catch (error) {
              yield failure(idOf(input, error), error);
            }
          }
        } catch (error) {
          throw unreadableError('OPTIONS_INVALID', [], error, `reading the book (after ${read} account${read === 1 ? '' : 's'})`);
        }
      }
      return run();
    },
    explain,
  };
}

/**
 * One-shot decision: compiles the policy and decides one account. For many accounts, create an
 * engine once instead.
 *
 * @example
 * const d = decide(policyJson, accountJson, { now: new Date('2026-11-23T13:05:00Z') });
 */
export function decide(policy: unknown, account: unknown, options: DecideOptions & EngineOptions): Decision {
  const { now, ...engineOptions } = (checkOptionKeys(options, ['now', 'horizonDays', 'limits', 'operators']) ?? { now: undefined }) as unknown as DecideOptions & EngineOptions;
  return createEngine(policy, engineOptions).decide(account, { now });
}
