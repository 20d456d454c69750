import { z } from 'zod';
import { collectFactRefs, didYouMean, type FactSource } from '../conditions';
import { reservedSteps } from '../conditions/check';
import { ArrearsError, type Issue } from '../errors';
import { parseAccount } from '../model/parse';
import { parsePolicy } from '../policy/parse';
import { canonicalJsonOf as canonicalJson } from '../canonical-json';
import type { Policy } from '../policy/schema/policy';
import { ZoneClocks } from '../time';
import { FACT_NAMES, FACTS, type FactName, isKnownFact } from './catalogue';
import { COMPUTE } from './compute';
import { createContext, type EvaluationContext, holidayDays } from './context';
import { checkOptionKeys, parseNow } from './now';
import { describeValue, fromZodIssues, missingValueError } from '../zod-issues';
import { screenInput } from '../input-guard';
import { DEFAULT_LIMITS } from '../limits';

/** A fact reference as conditions use it. */
export interface FactRef {
  readonly fact: string;
  readonly params?: Readonly<Record<string, unknown>> | undefined;
}

/** The key a fact is reported under in `decision.facts`: its name, plus its params when it has some. */
export function factKey(fact: string, params: FactRef['params']): string {
  return params === undefined || Object.keys(params).length === 0 ? fact : `${fact}${canonicalJson(params)}`;
}

/**
 * A memoising fact source over one context: each fact (with its params) is computed at most once,
 * only when a condition asks for it.
 */
export class ContextFacts implements FactSource {
  readonly #ctx: EvaluationContext;
  readonly #memo = new Map<string, unknown>();

  constructor(ctx: EvaluationContext) {
    this.#ctx = ctx;
  }

  get(fact: string, params: FactRef['params']): unknown {
    const key = params === undefined ? fact : this.#ctx.cache.factKey(fact, params, factKey);
    const known = this.#memo.get(key);
    if (known !== undefined || this.#memo.has(key)) return known;
    const value = this.#compute(fact, params);
    this.#memo.set(key, value);
    return value;
  }

  #compute(fact: string, params: FactRef['params']): unknown {
    if (Object.hasOwn(COMPUTE, fact)) return COMPUTE[fact as FactName](this.#ctx, params);
    if (fact.startsWith('attributes.')) {
      const key = fact.slice('attributes.'.length);
      return Object.hasOwn(this.#ctx.account.attributes, key) ? this.#ctx.account.attributes[key] : undefined;
    }
    return undefined;
  }

  /** Every fact computed so far, by key, in a stable order. */
  snapshot(): Record<string, unknown> {
    // The engine computes the policy's facts in key order first, so the memo is usually sorted
    // already: then copy it as it is, without sorting an array of entries.
    let previous: string | undefined;
    let sorted = true;
    for (const key of this.#memo.keys()) {
      // (`__proto__` would set the prototype when assigned: let fromEntries define it.)
      if ((previous !== undefined && !(previous < key)) || key === '__proto__') {
        sorted = false;
        break;
      }
      previous = key;
    }
    if (!sorted) return Object.fromEntries([...this.#memo.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const out: Record<string, unknown> = {};
    for (const [key, value] of this.#memo) out[key] = value;
    return out;
  }
}

/** Options of `deriveFacts`. */
export interface DeriveFactsOptions {
  /**
   * Which facts to compute. Default: the facts the policy's conditions use (nothing else is
   * computed). `'all'`: every catalogue fact that takes no params. Or an explicit list.
   */
  readonly facts?: 'used' | 'all' | readonly FactRef[];
}

/**
 * Derives the facts of an account at an instant — the values rules and blocks see. Pure. Account
 * and policy may be raw JSON or parsed; invalid input throws `ArrearsError`.
 *
 * @example
 * deriveFacts(accountJson, '2026-11-23T10:00:00+08:00', policy).daysPastDue; // 22
 * deriveFacts(accountJson, '2026-11-23T10:00:00+08:00', policy, { facts: 'all' }); // the whole catalogue
 */
export function deriveFacts(account: unknown, now: Date | string, policy: unknown, options: DeriveFactsOptions = {}): Record<string, unknown> {
  const nowMs = parseNow(now);
  const read = (checkOptionKeys(options, ['facts']) ?? {}) as DeriveFactsOptions;
  const parsedPolicy = parsePolicy(policy);
  const parsedAccount = parseAccount(account);
  const ctx = createContext(parsedPolicy, parsedAccount, nowMs, new ZoneClocks(), holidayDays(parsedPolicy.holidays));
  const source = new ContextFacts(ctx);
  const wanted = read.facts ?? 'used';
  const refs: readonly FactRef[] =
    wanted === 'all'
      ? FACT_NAMES.filter((n) => !('params' in FACTS[n])).map((fact) => ({ fact }))
      : wanted === 'used'
        ? usedFacts(parsedPolicy)
        : checkedRefs(wanted);
  for (const ref of refs) source.get(ref.fact, ref.params);
  return source.snapshot();
}

/** An element that is no `{ fact }` (a bare fact name, most likely): the shape wanted, written for it. */
const refError = (issue: { readonly code: string; readonly input?: unknown }): string | undefined => {
  if (issue.code !== 'invalid_type' || issue.input === undefined) return undefined;
  const example = typeof issue.input === 'string' ? `{ "fact": ${JSON.stringify(issue.input)} }` : '{ "fact": "daysPastDue" }';
  return `must be a fact reference { fact, params? }, such as ${example}, not ${describeValue(issue.input)}`;
};

const refListSchema = z.array(z.strictObject({ fact: z.string(), params: z.record(z.string(), z.unknown()).optional() }, { error: refError }), {
  message: "must be 'used', 'all' or a list of { fact, params? }",
});

/**
 * An explicit `facts` option, checked like a condition's fact references: OPTIONS_INVALID
 * otherwise. It goes through the input guard first, as a policy does: zod would throw on a getter
 * or a Proxy that throws, overflow on nesting or a cycle in `params`, and drop a `__proto__` key
 * (the fact would then be computed without the param).
 */
function checkedRefs(input: unknown): readonly FactRef[] {
  const screening = screenInput(input, DEFAULT_LIMITS);
  const guarded = screening.issues.map((issue) => ({ ...issue, path: ['facts', ...issue.path] }));
  if (screening.verdict === 'limit') throw new ArrearsError('LIMIT_EXCEEDED', guarded);
  if (screening.verdict === 'invalid') throw new ArrearsError('OPTIONS_INVALID', guarded);
  const shape = refListSchema.safeParse(input, { error: missingValueError });
  if (!shape.success) throw new ArrearsError('OPTIONS_INVALID', [...guarded, ...fromZodIssues(shape.error.issues, ['facts'])]);
  const issues: Issue[] = [...guarded];
  shape.data.forEach((ref, i) => {
    const reserved = reservedSteps(ref.fact, undefined, ['facts', i]);
    if (reserved.length > 0) {
      issues.push(...reserved);
      return;
    }
    if (!isKnownFact(ref.fact)) {
      issues.push({ code: 'unknown_fact', path: ['facts', i, 'fact'], message: `unknown fact '${ref.fact}'${didYouMean(ref.fact, FACT_NAMES)}` });
      return;
    }
    const paramsSchema = Object.hasOwn(FACTS, ref.fact) ? (FACTS[ref.fact as FactName] as { params?: z.ZodType }).params : undefined;
    if (paramsSchema === undefined) {
      if (ref.params !== undefined && Object.keys(ref.params).length > 0) {
        issues.push({ code: 'invalid_params', path: ['facts', i, 'params'], message: `fact '${ref.fact}' takes no params` });
      }
      return;
    }
    const params = paramsSchema.safeParse(ref.params ?? {}, { error: missingValueError });
    if (!params.success) issues.push(...fromZodIssues(params.error.issues, ['facts', i, 'params']));
  });
  if (issues.length > 0) throw new ArrearsError('OPTIONS_INVALID', issues);
  return shape.data;
}

/** Every fact a policy's conditions (rules, named conditions, blocks) refer to. */
export function usedFacts(policy: Policy): FactRef[] {
  const refs = new Map<string, FactRef>();
  const use = (root: Parameters<typeof collectFactRefs>[0]) => {
    for (const ref of collectFactRefs(root, policy.conditions)) refs.set(factKey(ref.fact, ref.params), ref);
  };
  for (const rule of policy.rules) use(rule.when);
  for (const layer of policy.compliance) for (const c of layer.constraints) if (c.kind === 'block' && c.when) use(c.when);
  return [...refs.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, ref]) => ref);
}
