import { approvalLapses } from '../constraints/approval';
import { capCheck } from '../constraints/cap';
import { contactOrderReason } from '../constraints/contact-order';
import { cooldownCheck } from '../constraints/cooldown';
import { promiseHoldCheck } from '../constraints/promise-hold';
import { type Solution, solve } from '../constraints/solve';
import { type Candidate, type Check, provenance, type ReasonDraft } from '../constraints/types';
import { windowCheck } from '../constraints/window';
import { createContext, type EvaluationContext } from '../facts/context';
import { ContextFacts } from '../facts/derive';
import type { EngineCache } from '../facts/engine-cache';
import type { Account } from '../model/account';
import type { ZoneClocks } from '../time';
import type { ProposalStatus } from '../vocabulary';
import type { BlockConstraint } from '../policy/schema/constraints';
import { BlockLifter, type Lift, type LiftableBlock, liftOf } from './block-lift';
import { type CompiledPolicy, planFor, type SubjectPlan } from './compile';
import { resolveAction } from './resolve';
import type { Decision, Proposal, Reason, RuleTrace } from './types';

const DAY = 86_400_000;

interface Evaluated {
  readonly candidate: Candidate;
  readonly rule: string;
  readonly priority: number;
  status: ProposalStatus;
  allowedFrom: number | null;
  allowedUntil: number | null;
  reasons: readonly (ReasonDraft & { until: number | null })[];
}

/** The time-dependent checks of every layer that apply to a candidate, in policy order. */
function checksFor(plan: SubjectPlan, candidate: Candidate, ctx: EvaluationContext, horizonEnd: number): Check[] {
  const checks: Check[] = [];
  for (const { layer, timed, windows, windowChecks } of plan.layers) {
    for (const c of timed) {
      if (c.kind === 'promiseHold') checks.push(promiseHoldCheck(c, layer, ctx));
      else if (c.kind === 'cap') {
        if (c.zone === 'contact') for (const z of candidate.zones) checks.push(capCheck(c, layer, candidate, ctx, z));
        else checks.push(capCheck(c, layer, candidate, ctx, c.zone));
      } else if (c.zone === 'contact') for (const z of candidate.zones) checks.push(cooldownCheck(c, layer, candidate, ctx, z));
      else checks.push(cooldownCheck(c, layer, candidate, ctx, c.zone));
    }
    if (windows.length > 0) checks.push(windowCheck(layer, windows, candidate, ctx, horizonEnd, windowChecks));
  }
  return checks;
}

const NONE: readonly ReasonDraft[] = Object.freeze([]);

/** The reasons of the blocks that hold a candidate now (the shared empty list when none do). */
function staticReasons(plan: SubjectPlan, holds: ReadonlyMap<unknown, boolean>): readonly ReasonDraft[] {
  let out: ReasonDraft[] | undefined;
  for (const { block, layer } of plan.blocks) if (holds.get(block) === true) (out ??= []).push({ ...provenance(block, layer), code: block.code, message: block.message });
  return out ?? NONE;
}

/**
 * A dated reason as it goes out. Key order is part of the output (decisions are stored and
 * compared as JSON), and drafts come in two orders: `{ code, constraint, layer, message,
 * citation? }` (built-in checks, approvals) and `{ constraint, layer, citation?, code, message }`
 * (from `provenance`). Either way the citation moves to just before `until`. Written out rather
 * than with a rest spread, which V8 runs through a slow generic path.
 */
function toReason(r: ReasonDraft & { until: number | null }, cache: EngineCache): Reason {
  const until = r.until === null ? null : cache.iso(r.until);
  let first: string | undefined;
  for (const key in r) {
    first = key;
    break;
  }
  if (first === 'code') {
    return r.citation === undefined
      ? { code: r.code, constraint: r.constraint, layer: r.layer, message: r.message, until }
      : { code: r.code, constraint: r.constraint, layer: r.layer, message: r.message, citation: r.citation, until };
  }
  return r.citation === undefined
    ? { constraint: r.constraint, layer: r.layer, code: r.code, message: r.message, until }
    : { constraint: r.constraint, layer: r.layer, code: r.code, message: r.message, citation: r.citation, until };
}

/** How each block may lift, worked out once per block (blocks belong to one frozen policy). */
const LIFTS = new WeakMap<BlockConstraint, Lift>();

/**
 * A candidate held by blocks now (and by no built-in problem): deferred to the first instant the
 * blocks stop holding and every time check allows it, when the blocks lift by themselves within
 * the horizon (a flag's `until`, the days a condition counts); else blocked, as before. Blocks
 * that do not hold now but would then are checked too, and the search goes on past them.
 */
function afterBlocks(
  compiled: CompiledPolicy,
  plan: SubjectPlan,
  candidate: Candidate,
  ctx: EvaluationContext,
  holds: ReadonlyMap<unknown, boolean>,
  held: readonly ReasonDraft[],
  lifter: BlockLifter,
  horizonEnd: number,
): Omit<Evaluated, 'candidate' | 'rule' | 'priority'> {
  const blocked = { status: 'blocked' as const, allowedFrom: null, allowedUntil: null, reasons: held.map((b) => ({ ...b, until: null })) };
  const blocks: LiftableBlock[] = [];
  for (const { block } of plan.blocks) {
    let lift = LIFTS.get(block);
    if (lift === undefined) LIFTS.set(block, (lift = liftOf(block, compiled.policy.conditions)));
    // Time changes nothing such a block reads: holding now, it holds for good; else never will.
    if (lift === 'never') {
      if (holds.get(block) === true) return blocked;
      continue;
    }
    blocks.push({ block, test: compiled.blocks.get(block) ?? (() => true), lift });
  }
  let start = ctx.now;
  // A few rounds: each either ends or moves past an instant a block held again.
  for (let round = 0; round < 8; round++) {
    const free = lifter.liftAfter(blocks, start);
    if (free === null) return blocked;
    const solution = solve(checksFor(plan, candidate, ctx, horizonEnd), free, horizonEnd);
    if (solution.status === 'blocked') return blocked;
    if (solution.allowedFrom !== free && lifter.holdsAt(blocks, solution.allowedFrom)) {
      start = solution.allowedFrom;
      continue;
    }
    // Each block's own reason says when it alone stops holding.
    const heldBlocks = blocks.filter((b) => holds.get(b.block) === true);
    const reasons = held.map((r, i) => ({ ...r, until: lifter.liftAfter(heldBlocks.slice(i, i + 1), ctx.now) }));
    return { status: 'deferred', allowedFrom: solution.allowedFrom, allowedUntil: solution.allowedUntil, reasons: [...reasons, ...solution.reasons] };
  }
  return blocked;
}

/**
 * Decides one parsed account at one instant with a compiled policy. Pure.
 */
export function decideCompiled(compiled: CompiledPolicy, clocks: ZoneClocks, account: Account, now: number, horizonDays: number, cache: EngineCache): Decision {
  const { policy } = compiled;
  const ctx = createContext(policy, account, now, clocks, compiled.holidays, cache);
  const facts = new ContextFacts(ctx);
  for (const ref of compiled.facts) facts.get(ref.fact, ref.params);
  const horizonEnd = now + horizonDays * DAY;

  const trace: RuleTrace[] = [];
  const proposed = new Map<string, { rule: string; priority: number }>();
  for (const { rule, test } of compiled.rules) {
    const fired = test(facts);
    trace.push({ id: rule.id, priority: rule.priority, fired, actions: fired ? [...rule.then] : [] });
    if (fired) for (const a of rule.then) if (!proposed.has(a)) proposed.set(a, { rule: rule.id, priority: rule.priority });
  }
  const holds = new Map<unknown, boolean>();
  for (const [block, test] of compiled.blocks) holds.set(block, test(facts));

  const evaluated: Evaluated[] = [];
  const plans: SubjectPlan[] = [];
  let lifter: BlockLifter | undefined; // only when some candidate is held by a block
  for (const [id, origin] of proposed) {
    const action = policy.actions[id];
    if (!action) continue;
    for (const { candidate, problem } of resolveAction(ctx, id, action, compiled.orders)) {
      const plan = planFor(compiled, candidate);
      plans.push(plan);
      const held = staticReasons(plan, holds);
      const base = { candidate, rule: origin.rule, priority: origin.priority };
      if (!problem && held.length > 0) {
        lifter ??= new BlockLifter(ctx, horizonEnd);
        evaluated.push({ ...base, ...afterBlocks(compiled, plan, candidate, ctx, holds, held, lifter, horizonEnd) });
        continue;
      }
      const blocks = problem ? [problem, ...held] : held;
      const solution: Solution = blocks.length > 0 ? { status: 'blocked', reasons: [] } : solve(checksFor(plan, candidate, ctx, horizonEnd), now, horizonEnd);
      evaluated.push({
        ...base,
        status: solution.status,
        allowedFrom: solution.status === 'blocked' ? null : solution.allowedFrom,
        allowedUntil: solution.status === 'blocked' ? null : solution.allowedUntil,
        // A blocked candidate is not solved (no time-dependent reasons); solve's list is its own.
        reasons: blocks.length > 0 ? blocks.map((b) => ({ ...b, until: null })) : solution.reasons,
      });
    }
  }

  // Contact order needs the others' statuses: a contact every proposal to which is blocked is skipped.
  const blockedElsewhere = (action: string) => (contactId: string) => {
    const mine = evaluated.filter((e) => e.candidate.action === action && e.candidate.contact?.id === contactId);
    return mine.length > 0 && mine.every((e) => e.status === 'blocked');
  };
  // Worked out for every proposal before any is changed (the statuses above are what counts).
  const orderReasons: (ReasonDraft[] | undefined)[] = [];
  evaluated.forEach((e, i) => {
    const orders = plans[i]?.orders;
    if (orders === undefined || orders.length === 0) return;
    const reasons: ReasonDraft[] = [];
    for (const { order, layer } of orders) {
      const r = contactOrderReason(order, layer, e.candidate, ctx, blockedElsewhere(e.candidate.action));
      if (r) reasons.push(r);
    }
    orderReasons[i] = reasons;
  });
  evaluated.forEach((e, i) => {
    const order = orderReasons[i];
    if (order !== undefined && order.length > 0) {
      e.status = 'blocked';
      e.allowedFrom = null;
      e.allowedUntil = null;
      e.reasons = [...order.map((r) => ({ ...r, until: null })), ...e.reasons];
    }
    if (e.status !== 'blocked') {
      const required = plans[i]?.approval ?? null;
      const lapse = required === null ? null : approvalLapses(e.candidate, ctx);
      // An approval that lapses before the proposal is allowed is no approval for it.
      const approval = required !== null && (lapse === undefined || (lapse !== null && (e.allowedFrom ?? now) >= lapse)) ? required : null;
      if (approval === null && lapse !== undefined && lapse !== null) e.allowedUntil = e.allowedUntil === null ? lapse : Math.min(e.allowedUntil, lapse);
      if (approval) {
        e.status = 'needs_approval';
        e.reasons = [{ ...approval, until: null }, ...e.reasons];
      }
    }
  });

  const proposals: Proposal[] = evaluated.map((e) => ({
    action: e.candidate.action,
    label: e.candidate.definition.label ?? null,
    kind: e.candidate.kind,
    rule: e.rule,
    priority: e.priority,
    channel: e.candidate.channel,
    contactId: e.candidate.contact?.id ?? null,
    relationship: e.candidate.relationship,
    address: e.candidate.method?.address ?? null,
    status: e.status,
    allowedFrom: e.allowedFrom === null ? null : cache.iso(e.allowedFrom),
    allowedUntil: e.allowedUntil === null ? null : cache.iso(e.allowedUntil),
    // Each candidate's zones are a fresh array (resolveAction), owned by this decision alone.
    zones: e.candidate.zones,
    reasons: e.reasons.map((r) => toReason(r, cache)),
  }));

  return {
    ok: true,
    now: cache.iso(now),
    accountId: account.id,
    timeZone: ctx.debtorZones[0] as string,
    policy: { id: policy.id, version: policy.version, hash: compiled.hash },
    next: pickNext(proposals, evaluated),
    proposals,
    facts: facts.snapshot(),
    trace: { rules: trace },
  };
}

/** The first proposal allowed now; else the deferred one allowed soonest (earlier in order on ties). */
function pickNext(proposals: readonly Proposal[], evaluated: readonly Evaluated[]): Proposal | null {
  const allowed = proposals.findIndex((p) => p.status === 'allowed');
  if (allowed >= 0) return proposals[allowed] ?? null;
  let best = -1;
  evaluated.forEach((e, i) => {
    if (e.status !== 'deferred' || e.allowedFrom === null) return;
    const current = best >= 0 ? evaluated[best]?.allowedFrom ?? Infinity : Infinity;
    if (e.allowedFrom < current) best = i;
  });
  return best >= 0 ? proposals[best] ?? null : null;
}
