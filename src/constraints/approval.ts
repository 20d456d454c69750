import type { EvaluationContext } from '../facts/context';
import { instantMs } from '../facts/history';
import { matchesSelector } from '../policy/match';
import type { Policy } from '../policy/schema/policy';
import { subjectOf } from './block';
import type { Candidate, ReasonDraft } from './types';

/**
 * Whether proposals like `candidate` need an approval, and the reasons they give without one:
 * one for its action's `requiresApproval`, one for each `approval` constraint that covers it (all
 * of them, so the record names every rule that asked, whatever order the layers were composed
 * in); empty when none does. Depends only on the policy and what selectors see of the candidate,
 * so an engine computes it once per kind of proposal.
 *
 * @example
 * approvalRequirements(policy, candidate).map((r) => r.constraint); // [null, 'reg-approval'] — the action's own, then a layer's
 */
export function approvalRequirements(policy: Policy, candidate: Candidate): ReasonDraft[] {
  const message = `'${candidate.action}' needs an approval recorded on the account`;
  const out: ReasonDraft[] = candidate.definition.requiresApproval ? [{ code: 'APPROVAL_REQUIRED', constraint: null, layer: null, message }] : [];
  const subject = subjectOf(candidate);
  for (const layer of policy.compliance) {
    for (const c of layer.constraints) {
      if (c.kind === 'approval' && matchesSelector(c.appliesTo, subject)) {
        const citation = c.citation ?? layer.citation;
        out.push({ code: 'APPROVAL_REQUIRED', constraint: c.id, layer: layer.id, message: c.message ?? message, ...(citation === undefined ? {} : { citation }) });
      }
    }
  }
  return out;
}

/**
 * When the approvals of a candidate's action valid now stop counting: `null` when one never
 * expires, the latest `expiresAt` otherwise, `undefined` when none is valid now (a proposal that
 * needs one then waits for it, `needs_approval`). The allowance of an approved proposal ends there.
 *
 * @example
 * approvalLapses(candidate, ctx); // Date.parse('2026-11-30T00:00:00Z')
 */
export function approvalLapses(candidate: Candidate, ctx: EvaluationContext): number | null | undefined {
  let lapse: number | null | undefined;
  for (const a of ctx.account.approvals) {
    if (a.action !== candidate.action || instantMs(a.at) > ctx.now) continue;
    const expires = a.expiresAt === undefined ? null : instantMs(a.expiresAt);
    if (expires !== null && ctx.now >= expires) continue;
    lapse = expires === null || lapse === null ? null : Math.max(lapse ?? expires, expires);
  }
  return lapse;
}
