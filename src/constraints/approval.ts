import type { EvaluationContext } from '../facts/context';
import { instantMs } from '../facts/history';
import { matchesSelector } from '../policy/match';
import type { Policy } from '../policy/schema/policy';
import { subjectOf } from './block';
import type { Candidate, ReasonDraft } from './types';

/**
 * Whether a candidate needs an approval it does not have: its action says `requiresApproval`, or an
 * `approval` constraint covers it, and the account carries no approval of the action valid now.
 */
export function approvalReason(policy: Policy, candidate: Candidate, ctx: EvaluationContext): ReasonDraft | null {
  const subject = subjectOf(candidate);
  let required: ReasonDraft | null = candidate.definition.requiresApproval
    ? { code: 'APPROVAL_REQUIRED', constraint: null, layer: null, message: `'${candidate.action}' needs an approval recorded on the account` }
    : null;
  for (const layer of policy.compliance) {
    for (const c of layer.constraints) {
      if (required === null && c.kind === 'approval' && matchesSelector(c.appliesTo, subject)) {
        const citation = c.citation ?? layer.citation;
        required = {
          code: 'APPROVAL_REQUIRED',
          constraint: c.id,
          layer: layer.id,
          message: c.message ?? `'${candidate.action}' needs an approval recorded on the account`,
          ...(citation === undefined ? {} : { citation }),
        };
      }
    }
  }
  if (required === null) return null;
  const approved = ctx.account.approvals.some(
    (a) => a.action === candidate.action && instantMs(a.at) <= ctx.now && (a.expiresAt === undefined || ctx.now < instantMs(a.expiresAt)),
  );
  return approved ? null : required;
}
