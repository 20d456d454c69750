import type { FactSource } from '../conditions';
import type { Account } from '../model/account';
import { canonicalJson } from '../policy/hash';
import type { Policy } from '../policy/schema/policy';
import { ZoneClocks } from '../time';
import { FACT_NAMES, FACTS, type FactName } from './catalogue';
import { COMPUTE } from './compute';
import { createContext, type EvaluationContext, holidayDays } from './context';
import { parseNow } from './now';

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
    const key = factKey(fact, params);
    if (this.#memo.has(key)) return this.#memo.get(key);
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
    return Object.fromEntries([...this.#memo.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}

/** Options of `deriveFacts`. */
export interface DeriveFactsOptions {
  /** The instant of evaluation: a `Date` or ISO 8601 with Z or an offset. */
  readonly now: Date | string;
  /** Facts to compute. Default: every fact of the catalogue that takes no params. */
  readonly facts?: readonly FactRef[];
}

/**
 * Derives facts of an account at an instant — the values rules see. Pure; computes only the facts
 * asked for (by default, every catalogue fact without params).
 *
 * @example
 * deriveFacts(policy, account, { now: '2026-11-23T10:00:00+08:00' }).daysPastDue; // 22
 */
export function deriveFacts(policy: Policy, account: Account, options: DeriveFactsOptions): Record<string, unknown> {
  const now = parseNow(options.now);
  const ctx = createContext(policy, account, now, new ZoneClocks(), holidayDays(policy.holidays));
  const source = new ContextFacts(ctx);
  const refs: readonly FactRef[] = options.facts ?? FACT_NAMES.filter((n) => !('params' in FACTS[n])).map((fact) => ({ fact }));
  for (const ref of refs) source.get(ref.fact, ref.params);
  return source.snapshot();
}
