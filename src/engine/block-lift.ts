import { type EvaluationContext, midnightOf, startOf } from '../facts/context';
import { dayOf } from '../facts/history';
import { ContextFacts } from '../facts/derive';
import { addDuration } from '../time/duration';
import { instantToMs } from '../time/instant';
import type { ZoneClock } from '../time';
import type { Lift, LiftableBlock } from './block-analysis';

/** How many local midnights into an allowance that ends `untilBlocked` tries one by one. */
const MIDNIGHTS_AHEAD = 31;
/** How many local hour boundaries ahead are tried for blocks on the hour of the day. */
const HOURS_AHEAD = 48;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const QUARTER = 900_000;
const MINUTE = 60_000;
/** How many minutes ahead are tried, each one, for blocks on minutes compared with other than numbers. */
const MINUTES_AHEAD = 24 * 60;

const reads = (blocks: readonly LiftableBlock[], lift: Lift) => blocks.some((b) => b.lift === lift);

/**
 * The instants in `(after, end]` at which blocks on the clock may change, in order, and where
 * trying stopped (null: at `end`): each local hour boundary for the next 48 hours; with `marks`
 * (blocks on minutes), each hour boundary and each minute of the day in `marks` for the next 48
 * hours (marks null: every minute, for the next 24). Walked in UTC steps, not wall-clock ones,
 * so a repeated hour is passed through twice (a block on 01:xx starts again at 01:00 EST) and a
 * jump over a gap is tried where it happens (Chatham's 02:45 → 03:45). Every zone's offset since
 * 1972 is a whole number of quarter hours, so hour boundaries fall on UTC quarter hours.
 */
function clockChanges(clock: ZoneClock, after: number, end: number, marks?: ReadonlySet<number> | null): { tries: number[]; stoppedAt: number | null } {
  const minutes = marks !== undefined;
  const tick = minutes ? MINUTE : QUARTER;
  // Every minute (marks unknown) for a day; the minutes marked, like the hours, for two.
  const stop = after + (minutes && marks === null ? MINUTES_AHEAD * MINUTE : HOURS_AHEAD * HOUR);
  const tries: number[] = [];
  let t = Math.floor(after / tick) * tick;
  let wall = clock.wall(t);
  for (;;) {
    t += tick;
    if (t > end) return { tries, stoppedAt: null };
    if (t > stop) return { tries, stoppedAt: t };
    const previous = wall;
    wall = clock.wall(t);
    if (t <= after) continue;
    const jump = wall - previous !== tick;
    const hour = Math.floor(wall / HOUR) !== Math.floor(previous / HOUR);
    if (jump || hour || (minutes && (marks === null || marks.has(Math.floor((((wall % DAY) + DAY) % DAY) / MINUTE))))) tries.push(t);
  }
}

/** The minutes of the day the blocks' minute comparisons can change at (see `minuteMarksOf`); null: any. */
function minuteMarks(blocks: readonly LiftableBlock[]): ReadonlySet<number> | null {
  const marks = new Set<number>();
  for (const b of blocks) {
    if (!b.minutes) continue;
    if (b.minuteMarks === null) return null;
    for (const m of b.minuteMarks) marks.add(m);
  }
  return marks;
}

/**
 * When blocks start or stop holding, if nothing else happens: their conditions evaluated on the
 * account's facts at later instants. Only instants where those facts can change are tried — the
 * account's dated events, local hour boundaries for the next two days (blocks on the hour), and
 * local midnights: each one within an allowance that ends, at doubling distances (then narrowed)
 * otherwise. Every answer is an instant where the conditions were evaluated, so a lift is never
 * reported early; one between two tried instants may be reported late, or missed. One per
 * decision: facts at each tried instant are derived once and shared by its candidates.
 */
export class BlockLifter {
  readonly #ctx: EvaluationContext;
  readonly #horizonEnd: number;
  readonly #facts = new Map<number, ContextFacts>();
  #events: readonly number[] | undefined;
  #known: EvaluationContext['account'] | undefined;
  readonly #aging = new Map<string, readonly number[]>();

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
    if (reads(blocks, 'never')) return null;
    const free = (t: number) => !this.holdsAt(blocks, t);
    const direct = this.#directTries(blocks, after, this.#horizonEnd);
    if (!reads(blocks, 'time') && !reads(blocks, 'clock')) return direct.find(free) ?? null;
    if (direct.length === 0 && blocks.every((b) => b.direction === 'stops' || b.direction === 'constant')) {
      // Blocks that only stop holding, and no event to change them: held at the horizon's last
      // midnight means held throughout; else the first free midnight, by bisection (exact here).
      const clock = this.#ctx.clock;
      let lo = clock.dayNumber(after);
      let hi = clock.dayNumber(this.#horizonEnd);
      if (clock.startOfDay(hi) > this.#horizonEnd) hi--;
      if (hi <= lo || !free(clock.startOfDay(hi))) return null;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (free(clock.startOfDay(mid))) hi = mid;
        else lo = mid;
      }
      return clock.startOfDay(hi);
    }
    return this.#search(direct, after, free);
  }

  /**
   * Whether any of `blocks` may hold at some instant in `(after, to]` though none holds at
   * `after`: a block reading day- or hour-dependent facts, or an event of the account in between.
   */
  mayChange(blocks: readonly LiftableBlock[], after: number, to: number): boolean {
    if (reads(blocks, 'time') || reads(blocks, 'clock')) return true;
    return this.#eventInstants().some((t) => t > after && t <= to);
  }

  /**
   * `until` (null: open-ended), or earlier: the first instant in `(from, until]` at which one of
   * `blocks` may hold. Tried: the account's events, the instants attempts leave a rolling count,
   * and, for blocks that may start with time (not those that only stop), every local midnight,
   * hour or minute their facts change at — a bounded number of them: past the last one tried the
   * answer is where trying stopped, so a dialer asks again then rather than trust an allowance
   * nobody checked. Blocks whose day counts only rise are bisected instead (exact). An allowance
   * ends where a block begins.
   */
  untilBlocked(blocks: readonly LiftableBlock[], from: number, until: number | null): number | null {
    if (blocks.length === 0) return until;
    const starting = blocks.filter((b) => b.direction !== 'stops' && b.direction !== 'constant');
    // The usual case, on every proposal a block may apply to: no event ahead, no rolling count,
    // no block that may start with time — nothing can start, so nothing to try.
    if (starting.length === 0 && this.#eventInstants().length === 0 && blocks.every((b) => b.within.length === 0)) return until;
    const limit = Math.min(until ?? Number.POSITIVE_INFINITY, this.#horizonEnd);
    const held = (t: number) => this.holdsAt(blocks, t);
    const tries = this.#directTries(blocks, from, limit);
    let cutoff = until; // where trying stops, when it stops before `until`
    const clock = this.#ctx.clock;
    const firstDay = clock.dayNumber(from) + 1;
    const cut = (t: number) => {
      if (cutoff === null || t < cutoff) cutoff = t;
    };
    if (reads(starting, 'time') || reads(starting, 'clock')) {
      const rising = starting.every((b) => b.direction === 'starts' && b.lift === 'time') && tries.length === 0;
      if (rising) {
        // Each only starts holding, and nothing else happens: held at the last midnight within
        // the horizon means from the first midnight bisection finds; else not within it.
        let hi = clock.dayNumber(limit === Number.POSITIVE_INFINITY ? this.#horizonEnd : limit);
        if (clock.startOfDay(hi) > limit) hi--;
        if (hi >= firstDay && held(clock.startOfDay(hi))) {
          let lo = firstDay - 1;
          while (hi - lo > 1) {
            const mid = Math.floor((lo + hi) / 2);
            if (held(clock.startOfDay(mid))) hi = mid;
            else lo = mid;
          }
          return clock.startOfDay(hi);
        }
        return until;
      }
      for (let d = firstDay, n = 0; ; d++, n++) {
        const t = clock.startOfDay(d);
        if (t > limit) break;
        if (n >= MIDNIGHTS_AHEAD) {
          cut(t);
          break;
        }
        tries.push(t);
      }
      if (reads(starting, 'clock')) {
        const changes = clockChanges(clock, from, limit, starting.some((b) => b.minutes) ? minuteMarks(starting) : undefined);
        tries.push(...changes.tries);
        if (changes.stoppedAt !== null) cut(changes.stoppedAt);
      }
    }
    tries.sort((a, b) => a - b);
    for (const t of tries) {
      if (cutoff !== null && t >= cutoff) break;
      if (held(t)) return t;
    }
    return cutoff;
  }

  /**
   * The first instant after `after` where `wanted` is true: `direct` tries in order, merged with
   * local midnights at doubling distances; a midnight where it is true is narrowed back to the
   * first midnight after the last one where it was not (as if it stayed true from there).
   */
  #search(direct: readonly number[], after: number, wanted: (t: number) => boolean): number | null {
    const clock = this.#ctx.clock;
    const firstDay = clock.dayNumber(after) + 1;
    let step = 0;
    let lastDay = firstDay - 1; // the last midnight tried where `wanted` was false
    let lastFalse = after; // the last instant tried where `wanted` was false
    let i = 0;
    for (;;) {
      const day = firstDay + (step === 0 ? 0 : 2 ** (step - 1));
      const midnight = clock.startOfDay(day);
      const next = direct[i] ?? Number.POSITIVE_INFINITY;
      if (next < midnight) {
        if (next > this.#horizonEnd) return null;
        if (wanted(next)) {
          // The midnights since the last instant tried may already have been free: an event the
          // blocks do not read (another flag's end) must not hold back a day count that lifted.
          let lo = Math.max(lastDay, clock.dayNumber(lastFalse));
          let hi = clock.dayNumber(next);
          if (hi <= lo || !wanted(clock.startOfDay(hi))) return next;
          while (hi - lo > 1) {
            const mid = Math.floor((lo + hi) / 2);
            if (wanted(clock.startOfDay(mid))) hi = mid;
            else lo = mid;
          }
          return clock.startOfDay(hi);
        }
        lastFalse = next;
        i++;
        continue;
      }
      if (midnight > this.#horizonEnd) return direct.slice(i).find((t) => t <= this.#horizonEnd && wanted(t)) ?? null;
      if (wanted(midnight)) {
        let lo = lastDay;
        let hi = day;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (wanted(clock.startOfDay(mid))) hi = mid;
          else lo = mid;
        }
        return clock.startOfDay(hi);
      }
      lastDay = day;
      lastFalse = midnight;
      step++;
    }
  }

  /**
   * Instants in `(after, end]` where facts of `blocks` may change, besides midnights: the
   * account's events, the instants attempts leave the rolling counts the blocks read, and (blocks
   * on the hour) the next local hour boundaries.
   */
  #directTries(blocks: readonly LiftableBlock[], after: number, end: number): number[] {
    const tries = this.#eventInstants().filter((t) => t > after && t <= end);
    const c = this.#ctx;
    for (const d of new Set(blocks.flatMap((b) => b.within))) for (const t of this.#leaving(d)) if (t > after && t <= end) tries.push(t);
    // Blocks on minutes: the minutes their comparisons name (`localMinute < 30`: :30 of every
    // hour), not all 1,440 (tried per search, per round, per zone).
    if (reads(blocks, 'clock')) tries.push(...clockChanges(c.clock, after, end, blocks.some((b) => b.minutes) ? minuteMarks(blocks) : undefined).tries);
    return [...new Set(tries)].sort((a, b) => a - b);
  }

  /**
   * Instants at which what the account already says changes what facts say: a flag starting or
   * ending, an approval expiring, an open promise's date ending (in the last of the debtor's
   * zones, as `promiseStatuses` reads it — not a midnight of the clock's zone). Records dated
   * after `now` (payments, attempts, promises, approvals given later) are not known at `now` and
   * are left out, as decisions leave them out. Sorted.
   */
  #eventInstants(): readonly number[] {
    if (this.#events !== undefined) return this.#events;
    const c = this.#ctx;
    const a = c.account;
    const out: number[] = [];
    for (const state of Object.values(a.debtor.flags)) {
      if (state === undefined) continue;
      out.push(startOf(state.since, c));
      if (state.until !== undefined) out.push(startOf(state.until, c, false));
    }
    for (const approval of a.approvals) if (approval.expiresAt !== undefined && instantToMs(approval.at) <= c.now) out.push(instantToMs(approval.expiresAt));
    for (const promise of a.promises) {
      const known = promise.madeAt === undefined || instantToMs(promise.madeAt) <= c.now;
      if (known && (promise.status === undefined || promise.status === 'open')) out.push(midnightOf(dayOf(promise.dueDate) + 1, c, false));
    }
    this.#events = [...new Set(out.filter((t) => t > c.now && Number.isFinite(t)))].sort((x, y) => x - y);
    return this.#events;
  }

  /** The instants the attempts leave a rolling count of duration `d` (`P3D`), once per decision. */
  #leaving(d: string): readonly number[] {
    let out = this.#aging.get(d);
    if (out === undefined) {
      const c = this.#ctx;
      const duration = c.cache.duration(d);
      out = c.attempts.map((a) => addDuration(a.ms, duration, c.clock, 1));
      this.#aging.set(d, out);
    }
    return out;
  }

  #factsAt(t: number): ContextFacts {
    let facts = this.#facts.get(t);
    if (facts === undefined) {
      const c = this.#ctx;
      // The account as known at `now`, the clock moved on: the history indexed for `now` (it
      // leaves out attempts dated after it), and the other records dated after `now` left out.
      facts = new ContextFacts({ ...c, account: this.#knownAtNow(), now: t, today: c.clock.dayNumber(t), memo: {} });
      this.#facts.set(t, facts);
    }
    return facts;
  }

  /** The account without the payments, promises and approvals dated after `now` (itself when none are). */
  #knownAtNow(): EvaluationContext['account'] {
    if (this.#known !== undefined) return this.#known;
    const c = this.#ctx;
    const a = c.account;
    const known = (at: string | undefined) => at === undefined || instantToMs(at) <= c.now;
    const payments = a.payments.filter((p) => known(p.at));
    const promises = a.promises.filter((p) => known(p.madeAt));
    const approvals = a.approvals.filter((p) => known(p.at));
    this.#known =
      payments.length === a.payments.length && promises.length === a.promises.length && approvals.length === a.approvals.length ? a : { ...a, payments, promises, approvals };
    return this.#known;
  }
}
