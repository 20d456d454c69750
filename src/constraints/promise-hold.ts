import type { EvaluationContext } from '../facts/context';
import { dayOf, promiseStatuses } from '../facts/history';
import type { Layer, PromiseHoldConstraint } from '../policy/schema/constraints';
import type { Check } from './types';
import { provenance } from './types';

/**
 * While a promise to pay is pending, matching proposals wait until the end of the promised date
 * (debtor-local) plus `graceDays`; then collection resumes if the promise was not kept. A promise
 * whose date has passed unpaid is held through the grace days too, unless its status was set
 * explicitly (a promise you marked broken or cancelled holds nothing).
 */
export function promiseHoldCheck(hold: PromiseHoldConstraint, layer: Layer, ctx: EvaluationContext): Check {
  const statuses = promiseStatuses(ctx);
  const pending = ctx.account.promises
    .filter((p, i) => statuses[i] === 'open' || (statuses[i] === 'broken' && p.status === undefined))
    .map((p) => ctx.clock.startOfDay(dayOf(p.dueDate) + 1 + hold.graceDays))
    .filter((end) => end > ctx.now);
  const ends = pending.length === 0 ? null : Math.max(...pending);
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
