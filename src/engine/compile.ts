import { type CompiledCondition, compileCondition, createOperatorRegistry, type FactSource, OperandError, type OperatorLike } from '../conditions';
import { ArrearsError, type IssuePath } from '../errors';
import { approvalRequirements } from '../constraints/approval';
import { subjectOf } from '../constraints/block';
import type { Candidate, ReasonDraft } from '../constraints/types';
import type { WindowMemo } from '../constraints/window';
import { holidayDays } from '../facts/context';
import { type FactRef, usedFacts } from '../facts/derive';
import { appliesToProposal, matchesSelector } from '../policy/match';
import type {
  BlockConstraint,
  CapConstraint,
  ContactOrderConstraint,
  CooldownConstraint,
  Layer,
  PromiseHoldConstraint,
  WindowConstraint,
} from '../policy/schema/constraints';
import { hashOfParsedPolicy } from '../policy/hash';
import { blockTime, type LiftableBlock } from './block-analysis';
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
  /** Whether a block counts attempts: then a vague history is read both ways (`readingContexts`). */
  readonly blocksCountAttempts: boolean;
  /**
   * The ids of blocks that time alone may lift (`daysPastDue < 60`): blocked by one with no lift
   * found, a contact may yet be reached past the search horizon, so a contact order waits for it.
   */
  readonly blocksTimeMayLift: ReadonlySet<string>;
  /** Every fact the conditions use: computed for each decision and reported in it. */
  readonly facts: readonly FactRef[];
  readonly holidays: ReadonlyMap<string, ReadonlySet<number>>;
  /** Each compliance layer's position by id: a contact order weighs only blocks of its own layer or earlier ones. */
  readonly layerIndex: ReadonlyMap<string, number>;
  /**
   * Plans by subject (see `planFor`): action → channel → relationship → [workplace × reaches],
   * filled as decisions meet new kinds of proposals. Bounded by the policy (its actions, the
   * channels and relationships vocabularies), so it needs no eviction.
   */
  readonly plans: Map<string, Map<string, Map<string, (SubjectPlan | undefined)[]>>>;
}

/** The time-dependent constraints of one layer that hold a kind of proposal, in policy order. */
export interface LayerPlan {
  readonly layer: Layer;
  readonly timed: readonly (CapConstraint | CooldownConstraint | PromiseHoldConstraint)[];
  /** Windows: only for proposals that reach someone. */
  readonly windows: readonly WindowConstraint[];
  /** Their checks, shared by every decision of the engine (see `windowCheck`). */
  readonly windowChecks: WindowMemo;
}

/**
 * Which constraints apply to a kind of proposal (action, channel, relationship, workplace, whether
 * it reaches anyone): everything selectors decide, worked out once per engine instead of once per
 * proposal.
 */
export interface SubjectPlan {
  readonly layers: readonly LayerPlan[];
  /** Blocks whose `appliesTo` matches and `except` does not; they give a reason when their condition holds. */
  readonly blocks: readonly { readonly block: BlockConstraint; readonly layer: Layer }[];
  readonly orders: readonly { readonly order: ContactOrderConstraint; readonly layer: Layer }[];
  /** Why it needs an approval: every requirement that covers it (empty: none). */
  readonly approvals: readonly ReasonDraft[];
  /** The blocks that read nothing time changes: holding now, they hold for good. */
  readonly fixedBlocks: readonly BlockConstraint[];
  /** The other blocks, with what time changes in them (block-analysis). */
  readonly liftableBlocks: readonly LiftableBlock[];
}

/**
 * The plan of a candidate's kind of proposal, from the engine's memo.
 *
 * @example
 * const plan = planFor(compiled, candidate);
 * plan.blocks.length; // blocks that may hold it
 */
export function planFor(compiled: CompiledPolicy, candidate: Candidate): SubjectPlan {
  const reaches = candidate.channel !== null && candidate.contact !== null;
  // Nested maps keyed by strings the candidate already holds: no key string built per lookup.
  let byChannel = compiled.plans.get(candidate.action);
  if (byChannel === undefined) compiled.plans.set(candidate.action, (byChannel = new Map()));
  let byRelationship = byChannel.get(candidate.channel ?? '');
  if (byRelationship === undefined) byChannel.set(candidate.channel ?? '', (byRelationship = new Map()));
  let plans = byRelationship.get(candidate.relationship ?? '');
  if (plans === undefined) byRelationship.set(candidate.relationship ?? '', (plans = []));
  const slot = (candidate.workplace ? 2 : 0) + (reaches ? 1 : 0);
  return (plans[slot] ??= buildPlan(compiled, candidate, reaches));
}

function buildPlan(compiled: CompiledPolicy, candidate: Candidate, reaches: boolean): SubjectPlan {
  const { policy } = compiled;
  const subject = subjectOf(candidate);
  const layers: LayerPlan[] = [];
  const blocks: { block: BlockConstraint; layer: Layer }[] = [];
  const orders: { order: ContactOrderConstraint; layer: Layer }[] = [];
  for (const layer of policy.compliance) {
    const timed: (CapConstraint | CooldownConstraint | PromiseHoldConstraint)[] = [];
    const windows: WindowConstraint[] = [];
    for (const c of layer.constraints) {
      // Internal actions reach no one: windows and contact orders never hold them, and timed
      // constraints only when they name them (by action or kind); the lint reads the same rule.
      if (!appliesToProposal(c, subject, reaches)) continue;
      if (c.kind === 'block') {
        if (!(c.except && matchesSelector(c.except, subject))) blocks.push({ block: c, layer });
      } else if (c.kind === 'contactOrder') orders.push({ order: c, layer });
      else if (c.kind === 'window') windows.push(c);
      else if (c.kind === 'cap' || c.kind === 'cooldown' || c.kind === 'promiseHold') timed.push(c);
    }
    if (timed.length > 0 || windows.length > 0) layers.push({ layer, timed, windows, windowChecks: new Map() });
  }
  const fixedBlocks: BlockConstraint[] = [];
  const liftableBlocks: LiftableBlock[] = [];
  for (const { block, layer } of blocks) {
    const time = blockTime(block, policy.conditions);
    if (time.lift === 'never') fixedBlocks.push(block);
    else liftableBlocks.push({ block, layer, test: compiled.blocks.get(block) ?? (() => true), ...time });
  }
  return { layers, blocks, orders, approvals: approvalRequirements(policy, candidate), fixedBlocks, liftableBlocks };
}

/**
 * A condition whose operator throws on one account's values fails that decision with
 * `CONDITION_FAILED` at the comparison's path (`rules[0].when.all[2]`, `conditions.vip.any[0]`):
 * `invalid_operand` for json-rules-engine's own operators, `operator_threw` for a custom one.
 * Either way the caller gets an `ArrearsError` (decideMany reports it like any other, not as
 * UNEXPECTED), and the operator's own error stays reachable as `cause`, for the author of a custom
 * operator to debug it.
 */
function guarded(test: CompiledCondition, path: IssuePath): CompiledCondition {
  return (facts) => {
    try {
      return test(facts);
    } catch (error) {
      if (!(error instanceof OperandError)) throw error;
      // At the comparison itself: in the tree, or in the named condition it is written in.
      const at = error.at.named === null ? [...path, ...error.at.path] : ['conditions', error.at.named, ...error.at.path];
      const failed = new ArrearsError('CONDITION_FAILED', [{ code: error.builtIn ? 'invalid_operand' : 'operator_threw', path: at, message: error.message }]);
      failed.cause = error.cause;
      throw failed;
    }
  };
}

/**
 * Compiles a parsed policy: conditions become synchronous functions, facts are listed once.
 *
 * @example
 * const compiled = compilePolicy(parsePolicy(json));
 */
export function compilePolicy(policy: Policy, operators?: readonly OperatorLike[]): CompiledPolicy {
  const registry = createOperatorRegistry(operators);
  const compile = (root: Rule['when'], path: IssuePath) => guarded(compileCondition(root, { operators: registry, conditions: policy.conditions }), path);
  const rules = policy.rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => b.rule.priority - a.rule.priority || a.index - b.index)
    .map(({ rule, index }) => ({ rule, test: compile(rule.when, ['rules', index, 'when']) }));
  const blocks = new Map<BlockConstraint, (facts: FactSource) => boolean>();
  const orders = new Map<string, ContactOrderConstraint>();
  for (const [l, layer] of policy.compliance.entries()) {
    for (const [k, c] of layer.constraints.entries()) {
      if (c.kind === 'block') {
        blocks.set(c, c.when ? compile(c.when, ['compliance', l, 'constraints', k, 'when']) : () => true);
      } else if (c.kind === 'contactOrder') orders.set(c.id, c);
    }
  }
  return {
    policy,
    hash: hashOfParsedPolicy(policy),
    rules,
    blocks,
    orders,
    blocksCountAttempts: [...blocks.keys()].some((b) => blockTime(b, policy.conditions).attempts),
    blocksTimeMayLift: new Set(
      [...blocks.keys()].filter((b) => {
        const time = blockTime(b, policy.conditions);
        return time.lift !== 'never' && (time.direction === 'stops' || time.direction === 'any');
      }).map((b) => b.id),
    ),
    facts: usedFacts(policy),
    holidays: holidayDays(policy.holidays),
    layerIndex: new Map(policy.compliance.map((l, i) => [l.id, i])),
    plans: new Map(),
  };
}
