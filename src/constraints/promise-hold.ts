import { type EvaluationContext, midnightOf } from '../facts/context';
import { dayOf, promiseStatuses } from '../facts/history';
import type { Layer, PromiseHoldConstraint } from '../policy/schema/constraints';
import { ALLOWED, ALWAYS_ALLOWED, type Check, type CheckResult, provenance } from './types';

/**
 * While a promise to pay is pending, matching proposals wait until the end of the promised date
 * (debtor-local) plus `graceDays`; then collection resumes if the promise was not kept. A promise
 * whose date has passed unpaid is held through the grace days too, unless its status was set
 * explicitly (a promise you marked broken or cancelled holds nothing).
 */
export function promiseHoldCheck(hold: PromiseHoldConstraint, layer: Layer, ctx: EvaluationContext): Check {
  // The same for every candidate the hold applies to: worked out once per decision.
  const memo = (ctx.memo.promiseHolds ??= new Map());
  let check = memo.get(hold);
  if (check === undefined) memo.set(hold, (check = holdCheck(hold, layer, ctx)));
  return check;
}

function holdCheck(hold: PromiseHoldConstraint, layer: Layer, ctx: EvaluationContext): Check {
  const statuses = promiseStatuses(ctx);
  let ends: number | null = null;
  let open = false;
  let lapsed: string | null = null;
  ctx.account.promises.forEach((p, i) => {
    // A lapsed promise holds through its grace days unless you marked it broken yourself.
    if (!(statuses[i] === 'open' || (statuses[i] === 'broken' && p.status !== 'broken'))) return;
    // The promised day is over when it is over in every zone the debtor is in.
    const end = midnightOf(dayOf(p.dueDate) + 1 + hold.graceDays, ctx, false);
    if (end <= ctx.now) return;
    if (ends === null || end > ends) ends = end;
    if (statuses[i] === 'open') open = true;
    else if (lapsed === null || p.dueDate > lapsed) lapsed = p.dueDate;
  });
  if (ends === null) return ALWAYS_ALLOWED;
  const from: number = ends;
  const grace = hold.graceDays > 0 ? ` (+${hold.graceDays} days grace)` : '';
  // The facts already call a lapsed promise broken: the reason must not call it open.
  const message = open || lapsed === null ? `a promise to pay is open${grace}` : `a promise to pay fell due unpaid on ${lapsed}; its ${hold.graceDays} grace days have not run out`;
  const refusal: CheckResult = { ok: false, from, reason: { ...provenance(hold, layer), code: 'PROMISE_PENDING', message } };
  return { at: (t) => (t >= from ? ALLOWED : refusal) };
}
