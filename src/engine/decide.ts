import { approvalLapses } from '../constraints/approval';
import { capCheck } from '../constraints/cap';
import { contactOrderReason } from '../constraints/contact-order';
import { cooldownCheck } from '../constraints/cooldown';
import { promiseHoldCheck } from '../constraints/promise-hold';
import { solve } from '../constraints/solve';
import { type Candidate, type Check, provenance, type ReasonDraft } from '../constraints/types';
import { windowCheck } from '../constraints/window';
import { createContext, type EvaluationContext } from '../facts/context';
import { ContextFacts } from '../facts/derive';
import type { EngineCache } from '../facts/engine-cache';
import type { Account } from '../model/account';
import type { ZoneClocks } from '../time';
import type { ProposalStatus } from '../vocabulary';
import type { Layer } from '../policy/schema/constraints';
import { blockTime, type LiftableBlock } from './block-analysis';
import { BlockLifter } from './block-lift';
import { EveryZoneLifter, holdsInAnyView, type Lifter, lazyFacts, readingContexts, zoneContexts } from './zone-blocks';
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

/**
 * The plan's blocks that time may start or stop, or null when one holds now and never lifts by
 * itself (it reads nothing time changes: holding now, it holds for good; else it never will).
 */
function liftableBlocks(plan: SubjectPlan, holds: ReadonlyMap<unknown, boolean>): readonly LiftableBlock[] | null {
  for (const block of plan.fixedBlocks) if (holds.get(block) === true) return null;
  return plan.liftableBlocks;
}

type Outcome = Omit<Evaluated, 'candidate' | 'rule' | 'priority'>;

const blockedWith = (reasons: readonly ReasonDraft[]): Outcome => ({ status: 'blocked', allowedFrom: null, allowedUntil: null, reasons: reasons.map((b) => ({ ...b, until: null })) });

/**
 * A candidate no built-in problem refuses, solved with its blocks: the time checks say when it is
 * allowed, and the blocks must not hold then. A block holding now defers the candidate to the
 * first instant no block holds and every time check allows, when it lifts by itself within the
 * horizon (a flag's `until`, the days a condition counts); one that starts holding before the
 * candidate is allowed (a legal hold from tomorrow) defers it past its end, or blocks it; one
 * that starts while it is allowed ends the allowance.
 */
function settle(
  compiled: CompiledPolicy,
  plan: SubjectPlan,
  candidate: Candidate,
  ctx: EvaluationContext,
  holds: ReadonlyMap<unknown, boolean>,
  held: readonly ReasonDraft[],
  lifter: () => Lifter,
  horizonEnd: number,
): Outcome {
  const blocks = liftableBlocks(plan, holds);
  if (blocks === null) return blockedWith(held);
  if (held.length > 0) return withTimedReasons(afterBlocks(plan, candidate, ctx, blocks, ctx.now, [], lifter(), horizonEnd), plan, candidate, ctx, horizonEnd);
  const solution = solve(checksFor(plan, candidate, ctx, horizonEnd), ctx.now, horizonEnd);
  if (solution.status === 'blocked') return { status: 'blocked', allowedFrom: null, allowedUntil: null, reasons: solution.reasons };
  const from = solution.allowedFrom;
  let until = solution.allowedUntil;
  if (blocks.length > 0) {
    const l = lifter();
    if (from > ctx.now && l.mayChange(blocks, ctx.now, from) && l.holdsAt(blocks, from)) {
      return afterBlocks(plan, candidate, ctx, blocks, from, solution.reasons, l, horizonEnd);
    }
    until = l.untilBlocked(blocks, from, until);
  }
  return { status: solution.status, allowedFrom: from, allowedUntil: until, reasons: solution.reasons };
}

/**
 * A block holding now defers the candidate, and the search for `allowedFrom` starts where the
 * blocks lift: a cap full until tomorrow, a cool-down or a promise hold under a legal hold until
 * Friday refused it meanwhile, unnamed (and `checkCompliance`, which reports the constraints among
 * the reasons, would miss an attempt that broke the cap then). Those that stop refusing on their
 * own before `allowedFrom` are reasons too, met first; one met again later keeps that reason.
 */
function withTimedReasons(outcome: Outcome, plan: SubjectPlan, candidate: Candidate, ctx: EvaluationContext, horizonEnd: number): Outcome {
  const end = outcome.allowedFrom;
  if (outcome.status !== 'deferred' || end === null) return outcome;
  const early = solve(checksFor(plan, candidate, ctx, horizonEnd), ctx.now, horizonEnd).reasons.filter(
    (r) => r.until !== null && r.until <= end && !outcome.reasons.some((x) => x.constraint === r.constraint && x.code === r.code),
  );
  return early.length === 0 ? outcome : { ...outcome, reasons: [...early, ...outcome.reasons] };
}

/**
 * Some of `blocks` hold at `start`: the candidate is deferred to the first instant after it at
 * which none holds and every time check allows (each holding block's reason says when it alone
 * stops), or blocked when there is none within the horizon. `prior`: the reasons it waited for
 * until `start`.
 */
function afterBlocks(
  plan: SubjectPlan,
  candidate: Candidate,
  ctx: EvaluationContext,
  blocks: readonly LiftableBlock[],
  start: number,
  prior: readonly (ReasonDraft & { until: number | null })[],
  lifter: Lifter,
  horizonEnd: number,
): Outcome {
  // Every refusal met on the way, once per constraint and code (the first met), as solve lists them.
  const reasons: (ReasonDraft & { until: number | null })[] = [];
  const add = (r: ReasonDraft & { until: number | null }) => {
    if (!reasons.some((x) => x.constraint === r.constraint && x.code === r.code)) reasons.push(r);
  };
  prior.forEach(add);
  /** Adds the reasons of the blocks holding at `t`; returns the first instant one of them lifts on its own (null: none does). */
  const blocksAt = (t: number): number | null => {
    let first: number | null = null;
    for (const b of blocks) {
      if (!lifter.holdsAt([b], t)) continue;
      const until = lifter.liftAfter([b], t);
      add({ ...provenance(b.block, b.layer), code: b.block.code, message: b.block.message, until });
      if (until !== null && (first === null || until < first)) first = until;
    }
    return first;
  };
  let from = start;
  // Rounds: each either ends or moves past an instant a block held again (a weekday rule against
  // a weekday window may take a few dozen).
  for (let round = 0; round < 32; round++) {
    let lifted = blocksAt(from);
    const free = lifter.liftAfter(blocks, from);
    if (free === null) break;
    // A block that takes over where another lifts (a weekend after Friday evening's hours, a legal
    // hold after a dispute) refused the candidate too: its reason is met where the first lifts.
    for (let step = 0; lifted !== null && lifted < free && step < 32; step++) lifted = blocksAt(lifted);
    const solution = solve(checksFor(plan, candidate, ctx, horizonEnd), free, horizonEnd);
    if (solution.status === 'blocked') {
      solution.reasons.forEach(add);
      break;
    }
    solution.reasons.forEach(add);
    if (solution.allowedFrom !== free && lifter.holdsAt(blocks, solution.allowedFrom)) {
      from = solution.allowedFrom;
      continue;
    }
    return { status: 'deferred', allowedFrom: solution.allowedFrom, allowedUntil: lifter.untilBlocked(blocks, solution.allowedFrom, solution.allowedUntil), reasons };
  }
  return { status: 'blocked', allowedFrom: null, allowedUntil: null, reasons };
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
    trace.push({ id: rule.id, priority: rule.priority, fired, actions: [...rule.then] });
    if (fired) for (const a of rule.then) if (!proposed.has(a)) proposed.set(a, { rule: rule.id, priority: rule.priority });
  }
  // A debtor in several zones: blocks are read in each; a history that does not say all a block's
  // attempt counts ask, both ways (compliance restricts in every zone and every reading).
  const zones = ctx.debtorZones.length > 1 ? zoneContexts(ctx) : [ctx];
  // Every zone read every way: a vague attempt may fall on another day in another zone.
  const readings = compiled.blocksCountAttempts ? zones.flatMap(readingContexts) : [];
  const others = zones.length > 1 ? lazyFacts(zones.slice(1)) : null;
  const otherReadings = readings.length > 0 ? lazyFacts(readings) : null;
  const holds = new Map<unknown, boolean>();
  for (const [block, test] of compiled.blocks) {
    holds.set(block, others === null && otherReadings === null ? test(facts) : holdsInAnyView(test, blockTime(block, policy.conditions), facts, others, otherReadings));
  }
  const views = readings.length > 0 ? [...zones, ...readings] : zones;

  const evaluated: Evaluated[] = [];
  const plans: SubjectPlan[] = [];
  let lifter: Lifter | undefined; // made when a block may start or stop within a search
  const lifterOf = () => (lifter ??= views.length === 1 ? new BlockLifter(ctx, horizonEnd) : new EveryZoneLifter(views, horizonEnd));
  for (const [id, origin] of proposed) {
    const action = policy.actions[id];
    if (!action) continue;
    for (const { candidate, problem } of resolveAction(ctx, id, action, compiled.orders)) {
      const plan = planFor(compiled, candidate);
      plans.push(plan);
      const held = staticReasons(plan, holds);
      // A built-in refusal (opted out, no channel) never lifts: the candidate is not solved.
      const o = problem ? blockedWith([problem, ...held]) : settle(compiled, plan, candidate, ctx, holds, held, lifterOf, horizonEnd);
      // Written out, not spread: every entry gets one shape, which the loops below read fast.
      evaluated.push({ candidate, rule: origin.rule, priority: origin.priority, status: o.status, allowedFrom: o.allowedFrom, allowedUntil: o.allowedUntil, reasons: o.reasons });
    }
  }

  // Contact order needs the others' statuses: a contact every proposal to which is blocked is
  // skipped. Blocked for good by a rule of the order's own layer or an earlier one (a regulation
  // forbidding employers), or by the account (opted out): not by a later layer, which may only
  // restrict (a strategy that will not call the debtor must not open the third parties), nor by
  // the search horizon, an engine option (past it, a block that time may lift reads as null too).
  const { layerIndex } = compiled;
  const blockedElsewhere = (action: string, layer: Layer) => {
    const at = layerIndex.get(layer.id) ?? -1;
    const binds = (r: Evaluated['reasons'][number]) =>
      r.until === null &&
      r.code !== 'BEYOND_HORIZON' &&
      (r.layer === null || (layerIndex.get(r.layer) ?? Number.POSITIVE_INFINITY) <= at) &&
      !(r.constraint !== null && compiled.blocksTimeMayLift.has(r.constraint));
    return (contactId: string) => {
      const mine = evaluated.filter((e) => e.candidate.action === action && e.candidate.contact?.id === contactId);
      return mine.length > 0 && mine.every((e) => e.status === 'blocked' && e.reasons.some(binds));
    };
  };
  // Worked out for every proposal before any is changed (the statuses above are what counts).
  const orderReasons: (ReasonDraft[] | undefined)[] = [];
  evaluated.forEach((e, i) => {
    const orders = plans[i]?.orders;
    if (orders === undefined || orders.length === 0) return;
    const reasons: ReasonDraft[] = [];
    for (const { order, layer } of orders) {
      const r = contactOrderReason(order, layer, e.candidate, ctx, blockedElsewhere(e.candidate.action, layer));
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
      const required = plans[i]?.approvals ?? [];
      const lapse = required.length === 0 ? null : approvalLapses(e.candidate, ctx);
      // An approval that lapses before the proposal is allowed is no approval for it.
      const missing = required.length > 0 && (lapse === undefined || (lapse !== null && (e.allowedFrom ?? now) >= lapse));
      if (!missing && lapse !== undefined && lapse !== null) e.allowedUntil = e.allowedUntil === null ? lapse : Math.min(e.allowedUntil, lapse);
      if (missing) {
        e.status = 'needs_approval';
        e.reasons = [...required.map((r) => ({ ...r, until: null })), ...e.reasons];
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
