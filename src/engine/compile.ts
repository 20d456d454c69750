import { compileCondition, createOperatorRegistry, type FactSource, type OperatorLike } from '../conditions';
import { holidayDays } from '../facts/context';
import { type FactRef, usedFacts } from '../facts/derive';
import type { BlockConstraint, ContactOrderConstraint } from '../policy/schema/constraints';
import { policyHash } from '../policy/hash';
import type { Policy, Rule } from '../policy/schema/policy';

/** A strategy rule compiled once: its condition as a synchronous function. */
export interface CompiledRule {
  readonly rule: Rule;
  readonly test: (facts: FactSource) => boolean;
}

/** Everything `decide` needs that depends only on the policy, computed once per engine. */
export interface CompiledPolicy {
  readonly policy: Policy;
  readonly hash: string;
  /** Rules by priority (higher first), ties in the order of `rules`. */
  readonly rules: readonly CompiledRule[];
  readonly blocks: ReadonlyMap<BlockConstraint, (facts: FactSource) => boolean>;
  readonly orders: ReadonlyMap<string, ContactOrderConstraint>;
  /** Every fact the conditions use: computed for each decision and reported in it. */
  readonly facts: readonly FactRef[];
  readonly holidays: ReadonlyMap<string, ReadonlySet<number>>;
}

/**
 * Compiles a parsed policy: conditions become synchronous functions, facts are listed once.
 *
 * @example
 * const compiled = compilePolicy(parsePolicy(json));
 */
export function compilePolicy(policy: Policy, operators?: readonly OperatorLike[]): CompiledPolicy {
  const registry = createOperatorRegistry(operators);
  const compile = (root: Rule['when']) => compileCondition(root, { operators: registry, conditions: policy.conditions });
  const rules = policy.rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => b.rule.priority - a.rule.priority || a.index - b.index)
    .map(({ rule }) => ({ rule, test: compile(rule.when) }));
  const blocks = new Map<BlockConstraint, (facts: FactSource) => boolean>();
  const orders = new Map<string, ContactOrderConstraint>();
  for (const layer of policy.compliance) {
    for (const c of layer.constraints) {
      if (c.kind === 'block') {
        blocks.set(c, c.when ? compile(c.when) : () => true);
      } else if (c.kind === 'contactOrder') orders.set(c.id, c);
    }
  }
  return {
    policy,
    hash: policyHash(policy),
    rules,
    blocks,
    orders,
    facts: usedFacts(policy),
    holidays: holidayDays(policy.holidays),
  };
}
