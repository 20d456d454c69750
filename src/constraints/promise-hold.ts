import type { EvaluationContext } from '../facts/context';
import { dayOf, promiseStatuses } from '../facts/history';
import type { Layer, PromiseHoldConstraint } from '../policy/schema/constraints';
import type { Check } from './types';
import { provenance } from './types';

/**
 * While a promise to pay is open, matching proposals wait until the end of the promised date
 * (debtor-local) plus `graceDays`; then collection resumes if the promise was not kept.
 */
export function promiseHoldCheck(hold: PromiseHoldConstraint, layer: Layer, ctx: EvaluationContext): Check {
  const statuses = promiseStatuses(ctx);
  const open = ctx.account.promises.filter((_, i) => statuses[i] === 'open').map((p) => dayOf(p.dueDate));
  const ends = open.length === 0 ? null : ctx.clock.startOfDay(Math.max(...open) + 1 + hold.graceDays);
  return {
    at: (t) =>
      ends === null || t >= ends
        ? { ok: true, until: null }
        : {
            ok: false,
            from: ends,
            reason: { ...provenance(hold, layer), code: 'PROMISE_PENDING', message: `a promise to pay is open${hold.graceDays > 0 ? ` (+${hold.graceDays} days grace)` : ''}` },
          },
  };
}
