/**
 * Blocks for a debtor in several zones, or over a history that does not say all a block asks. A
 * block's calendar facts (`daysPastDue`, an attempt's age in days, the hour of the day) differ
 * from zone to zone around midnight, and its attempt counts from one reading of a vague attempt
 * to another (a call-or-SMS action: was it a call?). Compliance may only restrict: a block holds
 * when it holds in any zone or reading, and lifts when it has lifted in all of them — so neither
 * the order of `debtor.timeZone` nor what the history leaves out ever allows more.
 */
import type { FactSource } from '../conditions';
import type { EvaluationContext } from '../facts/context';
import { ContextFacts } from '../facts/derive';
import type { BlockTime, LiftableBlock } from './block-analysis';
import { BlockLifter } from './block-lift';

/** What the engine asks of a lifter (see `BlockLifter`, whose answers these are). */
export interface Lifter {
  holdsAt(blocks: readonly LiftableBlock[], t: number): boolean;
  liftAfter(blocks: readonly LiftableBlock[], after: number): number | null;
  mayChange(blocks: readonly LiftableBlock[], after: number, to: number): boolean;
  untilBlocked(blocks: readonly LiftableBlock[], from: number, until: number | null): number | null;
}

/** Rounds of "lifted in one zone, still held in another" before a lift is given up on (then blocked: restrictive). */
const ROUNDS = 16;

/**
 * The context of a decision as seen from each of the debtor's zones (the first is `ctx` itself):
 * the same account and instant, that zone's clock and day.
 *
 * @example
 * zoneContexts(ctx).map((c) => c.today); // [20415, 20416] — Auckland is a day ahead of Los Angeles
 */
export function zoneContexts(ctx: EvaluationContext): readonly EvaluationContext[] {
  return ctx.debtorZones.map((zone, i) => {
    if (i === 0) return ctx;
    const clock = ctx.clocks.get(zone);
    return { ...ctx, clock, today: clock.dayNumber(ctx.now), memo: {} };
  });
}

/**
 * The decision (in one zone) read the two other ways an ambiguous history allows (see
 * `HistoryReading`): each attempt counted only where it certainly matches, and wherever it may.
 * Empty when every attempt says its one channel, whom it reached and an action the policy knows:
 * then all readings agree. Made for every zone of the debtor (a vague attempt may fall on another
 * day in another zone).
 *
 * @example
 * readingContexts(ctx).map((c) => c.reading); // ['certain', 'possible'] — a call logged under a call-or-SMS action
 */
export function readingContexts(ctx: EvaluationContext): readonly EvaluationContext[] {
  const { actions } = ctx.policy;
  const vague = ctx.attempts.some(
    (a) =>
      a.channels.length !== 1 || a.attempt.contactId === undefined || a.attempt.action === undefined || !Object.hasOwn(actions, a.attempt.action),
  );
  if (!vague) return [];
  return [
    { ...ctx, reading: 'certain', memo: {} },
    { ...ctx, reading: 'possible', memo: {} },
  ];
}

/**
 * Whether a block holds now: on the decision's facts (the first zone's); for a block that counts
 * attempts, on another reading of the history; for a block that reads the calendar or the clock,
 * on another zone's.
 *
 * @example
 * holdsInAnyView(test, time, facts, others, readings); // true when the 14 days have passed in Los Angeles but not yet in Auckland
 */
export function holdsInAnyView(
  test: (facts: FactSource) => boolean,
  time: BlockTime,
  facts: FactSource,
  others: (() => readonly FactSource[]) | null,
  readings: (() => readonly FactSource[]) | null,
): boolean {
  if (test(facts)) return true;
  if (readings !== null && time.attempts && readings().some(test)) return true;
  if (others === null || (time.lift !== 'time' && time.lift !== 'clock')) return false;
  return others().some(test);
}

/** The facts of each context, made on first use. */
export function lazyFacts(contexts: readonly EvaluationContext[]): () => readonly FactSource[] {
  let made: readonly FactSource[] | undefined;
  return () => (made ??= contexts.map((c) => new ContextFacts(c)));
}

/**
 * A `BlockLifter` per zone (and per reading of the history), answering for all of them: held when
 * held in any, lifted at the first instant tried free in every one, an allowance ended at the
 * first instant any one's block may start.
 *
 * @example
 * const lifter = contexts.length === 1 ? new BlockLifter(ctx, end) : new EveryZoneLifter(contexts, end);
 */
export class EveryZoneLifter implements Lifter {
  readonly #zones: readonly BlockLifter[];

  constructor(contexts: readonly EvaluationContext[], horizonEnd: number) {
    this.#zones = contexts.map((c) => new BlockLifter(c, horizonEnd));
  }

  holdsAt(blocks: readonly LiftableBlock[], t: number): boolean {
    return this.#zones.some((z) => z.holdsAt(blocks, t));
  }

  liftAfter(blocks: readonly LiftableBlock[], after: number): number | null {
    let t = after;
    for (let round = 0; round < ROUNDS; round++) {
      let latest = t;
      for (const z of this.#zones) {
        // Free there already: nothing to wait for in that zone.
        if (!z.holdsAt(blocks, latest)) continue;
        const lift = z.liftAfter(blocks, latest);
        if (lift === null) return null;
        latest = Math.max(latest, lift);
      }
      if (!this.holdsAt(blocks, latest)) return latest;
      t = latest;
    }
    return null;
  }

  mayChange(blocks: readonly LiftableBlock[], after: number, to: number): boolean {
    return this.#zones.some((z) => z.mayChange(blocks, after, to));
  }

  untilBlocked(blocks: readonly LiftableBlock[], from: number, until: number | null): number | null {
    let out = until;
    for (const z of this.#zones) {
      const end = z.untilBlocked(blocks, from, out);
      if (end !== null && (out === null || end < out)) out = end;
    }
    return out;
  }
}
