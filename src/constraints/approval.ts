import type { EvaluationContext } from '../facts/context';
import { instantMs } from '../facts/history';
import { matchesSelector } from '../policy/match';
import type { Policy } from '../policy/schema/policy';
import { subjectOf } from './block';
import type { Candidate, ReasonDraft } from './types';

/**
 * Whether proposals like `candidate` need an approval, and the reason they give without one: its
 * action says `requiresApproval`, or an `approval` constraint covers it. Depends only on the
 * policy and what selectors see of the candidate, so an engine computes it once per kind of
 * proposal.
 *
 * @example
 * approvalRequirement(policy, candidate)?.code; // 'APPROVAL_REQUIRED' or undefined
 */
export function approvalRequirement(policy: Policy, candidate: Candidate): ReasonDraft | null {
  if (candidate.definition.requiresApproval) {
    return { code: 'APPROVAL_REQUIRED', constraint: null, layer: null, message: `'${candidate.action}' needs an approval recorded on the account` };
  }
  const subject = subjectOf(candidate);
  for (const layer of policy.compliance) {
    for (const c of layer.constraints) {
      if (c.kind === 'approval' && matchesSelector(c.appliesTo, subject)) {
        const citation = c.citation ?? layer.citation;
        return {
          code: 'APPROVAL_REQUIRED',
          constraint: c.id,
          layer: layer.id,
          message: c.message ?? `'${candidate.action}' needs an approval recorded on the account`,
          ...(citation === undefined ? {} : { citation }),
        };
      }
    }
  }
  return null;
}

/**
 * Whether a candidate needs an approval it does not have: `required` (see `approvalRequirement`,
 * computed when omitted) and the account carries no approval of the action valid now.
 *
 * @example
 * approvalReason(policy, candidate, ctx); // null when approved or not needed
 */
export function approvalReason(policy: Policy, candidate: Candidate, ctx: EvaluationContext, required: ReasonDraft | null = approvalRequirement(policy, candidate)): ReasonDraft | null {
  if (required === null) return null;
  const approved = ctx.account.approvals.some(
    (a) => a.action === candidate.action && instantMs(a.at) <= ctx.now && (a.expiresAt === undefined || ctx.now < instantMs(a.expiresAt)),
  );
  return approved ? null : required;
}
