import { collectFactRefs, type FactSource } from '../conditions';
import { FLAG_FACTS } from '../facts/catalogue';
import { type EvaluationContext, createContext, startOf } from '../facts/context';
import { ContextFacts } from '../facts/derive';
import type { BlockConstraint, Layer } from '../policy/schema/constraints';
import type { Policy } from '../policy/schema/policy';

/**
 * How a block's condition can stop holding as time passes, the account unchanged: never (no
 * condition, or only facts time does not change), when a debtor flag starts or ends, or at
 * other instants (local midnights: day counts, promise dates, ages of attempts).
 */
export type Lift = 'never' | 'flags' | 'time';

/** Facts that stay the same at every instant after `now` for the same account. */
const TIMELESS = new Set<string>([
  'amountDue',
  'currency',
  'settled',
  'legalStage',
  'tags',
  'jurisdiction',
  'attributes',
  'contactCount',
  'selfReachable',
  'totalPaid',
  'paymentCount',
  'lastPaymentAt',
  'keptPromises',
]);
const FLAG_FACT_NAMES = new Set<string>(Object.values(FLAG_FACTS));
/** How many local midnights into an allowance `untilBlocked` looks for a block starting. */
const MIDNIGHTS_AHEAD = 31;

/**
 * How a block can lift (see `Lift`), worked out once per policy from the facts its condition reads.
 *
 * @example
 * liftOf({ kind: 'block', id: 'b', when: { all: [{ fact: 'disputed', operator: 'equal', value: true }] }, … }, {}); // 'flags'
 */
export function liftOf(block: BlockConstraint, conditions: Policy['conditions']): Lift {
  if (block.when === undefined) return 'never';
  let lift: Lift = 'never';
  for (const { fact } of collectFactRefs(block.when, conditions)) {
    if (TIMELESS.has(fact) || fact.startsWith('attributes.')) continue;
    if (!FLAG_FACT_NAMES.has(fact)) return 'time';
    lift = 'flags';
  }
  return lift;
}

/** A block as the engine holds it: its compiled condition and how it may lift. */
export interface LiftableBlock {
  readonly block: BlockConstraint;
  readonly layer: Layer;
  readonly test: (facts: FactSource) => boolean;
  readonly lift: Lift;
}

/**
 * When blocks that hold now stop holding, if nothing else happens: their conditions evaluated
 * on the account's facts at later instants. Only instants where facts can change are tried —
 * the debtor's flags starting or ending, and (for conditions that read other time-dependent
 * facts) local midnights, at doubling distances, then narrowed down. Every answer is an instant
 * where the conditions were evaluated and found false, so a lift is never reported early; one
 * between two tried midnights that are both blocked may be missed (reported later, or not at all).
 * One per decision: facts at each tried instant are derived once and shared by its candidates.
 */
export class BlockLifter {
  readonly #ctx: EvaluationContext;
  readonly #horizonEnd: number;
  readonly #facts = new Map<number, ContextFacts>();
  #flagInstants: readonly number[] | undefined;

  constructor(ctx: EvaluationContext, horizonEnd: number) {
    this.#ctx = ctx;
    this.#horizonEnd = horizonEnd;
  }

  /** Whether any of `blocks` holds at `t`. */
  holdsAt(blocks: readonly LiftableBlock[], t: number): boolean {
    const facts = this.#factsAt(t);
    return blocks.some((b) => b.test(facts));
  }

  /**
   * The first tried instant after `after`, within the horizon, at which none of `blocks` holds;
   * null when there is none (a block that never lifts by itself, or none found).
   */
  liftAfter(blocks: readonly LiftableBlock[], after: number): number | null {
    if (blocks.length === 0) return after;
    let byTime = false;
    for (const b of blocks) {
      if (b.lift === 'never') return null;
      if (b.lift === 'time') byTime = true;
    }
    const flags = this.#flags().filter((t) => t > after);
    const clock = this.#ctx.clock;
    const firstDay = clock.dayNumber(after) + 1;
    let step = 0;
    let blockedDay = firstDay - 1; // the last midnight tried and found blocked
    let f = 0;
    for (;;) {
      const day = firstDay + (step === 0 ? 0 : 2 ** (step - 1));
      const midnight = byTime ? clock.startOfDay(day) : Number.POSITIVE_INFINITY;
      const flag = flags[f] ?? Number.POSITIVE_INFINITY;
      const t = Math.min(midnight, flag);
      if (t > this.#horizonEnd) return null;
      const free = !this.holdsAt(blocks, t);
      if (t === flag) {
        f++;
        if (free) return t;
        continue;
      }
      if (free) return this.#narrow(blocks, blockedDay, day);
      blockedDay = day;
      step++;
    }
  }

  /**
   * Whether any of `blocks` may hold at some instant in `(after, to]` though none holds at
   * `after`: a block reading day-dependent facts, or a debtor flag starting or ending in between.
   */
  mayChange(blocks: readonly LiftableBlock[], after: number, to: number): boolean {
    if (blocks.some((b) => b.lift === 'time')) return true;
    return this.#flags().some((t) => t > after && t <= to);
  }

  /**
   * `until` (null: open-ended), or earlier: the first tried instant in `(from, until]` at which
   * one of `blocks` holds — a flag starting, or, in an allowance that ends (a window closes), a
   * midnight within it (a month at most) for blocks that read day-dependent facts. An open-ended
   * allowance is cut by flags only: trying every midnight of the horizon for each of them (a
   * credit report has no window) would cost more than a decision.
   */
  untilBlocked(blocks: readonly LiftableBlock[], from: number, until: number | null): number | null {
    const end = Math.min(until ?? this.#horizonEnd, this.#horizonEnd);
    const tries = this.#flags().filter((t) => t > from && t <= end);
    if (until !== null && blocks.some((b) => b.lift === 'time')) {
      const clock = this.#ctx.clock;
      for (let d = clock.dayNumber(from) + 1, n = 0; n < MIDNIGHTS_AHEAD; d++, n++) {
        const t = clock.startOfDay(d);
        if (t > end) break;
        if (t > from) tries.push(t);
      }
      tries.sort((a, b) => a - b);
    }
    for (const t of tries) if (this.holdsAt(blocks, t)) return t;
    return until;
  }

  /** The first midnight after `blockedDay`, up to `freeDay` (free), at which no block holds. */
  #narrow(blocks: readonly LiftableBlock[], blockedDay: number, freeDay: number): number {
    let lo = blockedDay;
    let hi = freeDay;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.holdsAt(blocks, this.#ctx.clock.startOfDay(mid))) lo = mid;
      else hi = mid;
    }
    return this.#ctx.clock.startOfDay(hi);
  }

  /** Instants at which one of the debtor's flags starts or ends, sorted. */
  #flags(): readonly number[] {
    if (this.#flagInstants !== undefined) return this.#flagInstants;
    const out: number[] = [];
    for (const state of Object.values(this.#ctx.account.debtor.flags)) {
      if (state === undefined) continue;
      out.push(startOf(state.since, this.#ctx));
      if (state.until !== undefined) out.push(startOf(state.until, this.#ctx));
    }
    this.#flagInstants = [...new Set(out.filter((t) => Number.isFinite(t)))].sort((a, b) => a - b);
    return this.#flagInstants;
  }

  #factsAt(t: number): ContextFacts {
    let facts = this.#facts.get(t);
    if (facts === undefined) {
      const c = this.#ctx;
      // The history indexed for `now` serves any later instant when no attempt is dated after
      // `now` (the usual case): only the clock moves. Else index it again as of `t`.
      const later = c.attempts.length === c.account.history.length ? { ...c, now: t, today: c.clock.dayNumber(t), memo: {} } : createContext(c.policy, c.account, t, c.clocks, c.holidays, c.cache);
      facts = new ContextFacts(later);
      this.#facts.set(t, facts);
    }
    return facts;
  }
}
