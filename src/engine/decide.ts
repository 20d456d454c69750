import { approvalReason } from '../constraints/approval';
import { blockReason, subjectOf } from '../constraints/block';
import { capCheck } from '../constraints/cap';
import { contactOrderReason } from '../constraints/contact-order';
import { cooldownCheck } from '../constraints/cooldown';
import { promiseHoldCheck } from '../constraints/promise-hold';
import { type Solution, solve } from '../constraints/solve';
import type { Candidate, Check, ReasonDraft } from '../constraints/types';
import type { IntervalCache } from '../constraints/interval-cache';
import { windowCheck } from '../constraints/window';
import { createContext, type EvaluationContext } from '../facts/context';
import { ContextFacts } from '../facts/derive';
import type { Account } from '../model/account';
import { matchesSelector } from '../policy/match';
import type { WindowConstraint } from '../policy/schema/constraints';
import { formatInstant } from '../time/instant';
import type { ZoneClocks } from '../time';
import type { ProposalStatus } from '../vocabulary';
import type { CompiledPolicy } from './compile';
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
  reasons: (ReasonDraft & { until: number | null })[];
}

/** The time-dependent checks of every layer that apply to a candidate reaching someone. */
function checksFor(compiled: CompiledPolicy, candidate: Candidate, ctx: EvaluationContext, horizonEnd: number): Check[] {
  const checks: Check[] = [];
  const subject = subjectOf(candidate);
  const reaches = candidate.channel !== null && candidate.contact !== null;
  for (const layer of compiled.policy.compliance) {
    const windows: WindowConstraint[] = [];
    for (const c of layer.constraints) {
      if (!matchesSelector(c.appliesTo, subject)) continue;
      // Internal actions reach no one: only constraints that name them (by action or kind) hold them.
      if (!reaches && c.appliesTo?.actions === undefined && c.appliesTo?.kinds === undefined) continue;
      const zones = (zone: string) => (zone === 'contact' ? candidate.zones : [zone]);
      if (c.kind === 'promiseHold') checks.push(promiseHoldCheck(c, layer, ctx));
      else if (c.kind === 'window') {
        if (reaches) windows.push(c);
      } else if (c.kind === 'cap') for (const z of zones(c.zone)) checks.push(capCheck(c, layer, candidate, ctx, z));
      else if (c.kind === 'cooldown') for (const z of zones(c.zone)) checks.push(cooldownCheck(c, layer, candidate, ctx, z));
    }
    if (windows.length > 0) checks.push(windowCheck(layer, windows, candidate, ctx, horizonEnd));
  }
  return checks;
}

function staticReasons(compiled: CompiledPolicy, candidate: Candidate, holds: ReadonlyMap<unknown, boolean>): ReasonDraft[] {
  const out: ReasonDraft[] = [];
  for (const layer of compiled.policy.compliance) {
    for (const c of layer.constraints) {
      if (c.kind !== 'block') continue;
      const reason = blockReason(c, layer, candidate, holds.get(c) === true);
      if (reason) out.push(reason);
    }
  }
  return out;
}

const iso = (ms: number | null) => (ms === null ? null : formatInstant(ms));

function toReason(r: ReasonDraft & { until: number | null }): Reason {
  const { citation, until, ...rest } = r;
  return citation === undefined ? { ...rest, until: iso(until) } : { ...rest, citation, until: iso(until) };
}

/**
 * Decides one parsed account at one instant with a compiled policy. Pure.
 */
export function decideCompiled(compiled: CompiledPolicy, clocks: ZoneClocks, account: Account, now: number, horizonDays: number, intervals: IntervalCache): Decision {
  const { policy } = compiled;
  const ctx = createContext(policy, account, now, clocks, compiled.holidays, intervals);
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
  for (const [id, origin] of proposed) {
    const action = policy.actions[id];
    if (!action) continue;
    for (const { candidate, problem } of resolveAction(ctx, id, action, compiled.orders)) {
      const blocks = [...(problem ? [problem] : []), ...staticReasons(compiled, candidate, holds)];
      const solution: Solution = blocks.length > 0 ? { status: 'blocked', reasons: [] } : solve(checksFor(compiled, candidate, ctx, horizonEnd), now, horizonEnd);
      evaluated.push({
        candidate,
        ...origin,
        status: solution.status,
        allowedFrom: solution.status === 'blocked' ? null : solution.allowedFrom,
        allowedUntil: solution.status === 'blocked' ? null : solution.allowedUntil,
        reasons: [...blocks.map((b) => ({ ...b, until: null })), ...solution.reasons],
      });
    }
  }

  // Contact order needs the others' statuses: a contact every proposal to which is blocked is skipped.
  const blockedElsewhere = (action: string) => (contactId: string) => {
    const mine = evaluated.filter((e) => e.candidate.action === action && e.candidate.contact?.id === contactId);
    return mine.length > 0 && mine.every((e) => e.status === 'blocked');
  };
  const orderReasons = evaluated.map((e) => {
    const reasons: ReasonDraft[] = [];
    for (const layer of policy.compliance) {
      for (const c of layer.constraints) {
        if (c.kind !== 'contactOrder') continue;
        const r = contactOrderReason(c, layer, e.candidate, ctx, blockedElsewhere(e.candidate.action));
        if (r) reasons.push(r);
      }
    }
    return reasons;
  });
  evaluated.forEach((e, i) => {
    const order = orderReasons[i] ?? [];
    if (order.length > 0) {
      e.status = 'blocked';
      e.allowedFrom = null;
      e.allowedUntil = null;
      e.reasons = [...order.map((r) => ({ ...r, until: null })), ...e.reasons];
    }
    if (e.status !== 'blocked') {
      const approval = approvalReason(policy, e.candidate, ctx);
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
    allowedFrom: iso(e.allowedFrom),
    allowedUntil: iso(e.allowedUntil),
    zones: [...e.candidate.zones],
    reasons: e.reasons.map(toReason),
  }));

  return {
    ok: true,
    now: formatInstant(now),
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
