import type { EvaluationContext } from '../facts/context';
import type { Layer, WindowConstraint } from '../policy/schema/constraints';
import type { ZoneClocks } from '../time';
import { dayNumberToIsoDate, weekdayOfDayNumber } from '../time/instant';
import { WEEKDAYS, type Weekday } from '../vocabulary';
import { BoundedMemo, type IntervalCache } from './interval-cache';
import { type Interval, intersect, union } from './intervals';
import { type Candidate, type Check, type CheckResult, provenance, type ReasonDraft } from './types';

const DAY = 86_400_000;
/*
 * How far a check follows a window before it says the window never closes (an open span that long
 * is open for good) or never opens for this person. Past the horizon and the last holiday, one
 * zone repeats its week: two weeks and a day show all of it, even when the only hours of one week
 * fall in a spring-forward gap. Several zones drift against each other as each changes to and
 * from DST, so they need a year (and those two weeks) to show every combination.
 */
const ONE_ZONE_CYCLE = 15 * DAY;
const ZONES_CYCLE = 380 * DAY;
/** Holidays further ahead than this (ten years, the longest horizon) are not waited for: bounded work per check. */
const HOLIDAY_LOOKAHEAD = 3660 * DAY;

/** Hours of one window, after the debtor's own preferences replaced them where allowed. */
interface Slot {
  readonly days: readonly Weekday[];
  readonly from: number;
  readonly to: number;
}

interface Bound {
  readonly window: WindowConstraint;
  readonly slots: readonly Slot[];
  readonly zones: readonly string[];
  readonly closed: ReadonlySet<number>;
}

/** The engine-wide state window checks read: nothing in it depends on one account. */
interface WindowEnv {
  readonly clocks: ZoneClocks;
  readonly intervals: IntervalCache;
  readonly holidays: ReadonlyMap<string, ReadonlySet<number>>;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The debtor's preferred windows replacing `window`'s hours for this candidate, or null. */
function preferredSlots(window: WindowConstraint, candidate: Candidate, ctx: EvaluationContext): Slot[] | null {
  const preferred = ctx.account.debtor.contactPreferences?.windows;
  // The stated times are the debtor's consent: they never widen a window for anyone else.
  if (window.debtorMayOverride && preferred && candidate.relationship === 'self') {
    const own = preferred.filter((p) => p.channels === undefined || (candidate.channel !== null && p.channels.includes(candidate.channel)));
    if (own.length > 0) return own.map((p) => ({ days: p.days ?? WEEKDAYS, from: minutes(p.from), to: minutes(p.to) }));
  }
  return null;
}

/** The instants a slot is open in one zone, for local days [d0, d1]. */
function slotIntervals(slot: Slot, closed: ReadonlySet<number> | null, zone: string, env: WindowEnv, d0: number, d1: number): Interval[] {
  const clock = env.clocks.get(zone);
  const out: Interval[] = [];
  for (let d = d0; d <= d1; d++) {
    if (!slot.days.includes(WEEKDAYS[weekdayOfDayNumber(d) - 1] as Weekday)) continue;
    if (closed?.has(d)) continue;
    const pastMidnight = slot.to <= slot.from;
    out.push(...env.intervals.get(`${zone}|${slot.from}|${slot.to}|${d}`, () => clock.wallIntervalInstants(d, slot.from, pastMidnight ? d + 1 : d, slot.to)));
  }
  return out;
}

/**
 * Open instants of the layer's windows within [a, b). The person may be in any of their zones, so
 * the layer must allow in each: where, read in that zone, one of its windows is open (a union).
 * A window in a fixed zone is open or not whatever the person's location.
 */
function openIntervals(bound: readonly Bound[], env: WindowEnv, a: number, b: number, withHolidays: boolean): Interval[] {
  const spans = (w: Bound, zone: string): Interval[] => {
    const clock = env.clocks.get(zone);
    const d0 = clock.dayNumber(a) - 1;
    const d1 = clock.dayNumber(b) + 1;
    return w.slots.flatMap((s) => slotIntervals(s, withHolidays ? w.closed : null, zone, env, d0, d1));
  };
  const fixed = bound.filter((w) => w.window.zone !== 'contact').flatMap((w) => spans(w, w.zones[0] as string));
  const local = bound.filter((w) => w.window.zone === 'contact');
  let open: Interval[] = union(fixed);
  if (local.length > 0) {
    // Every window read in the person's zones has the candidate's zones.
    let acc: Interval[] | null = null;
    for (const zone of (local[0] as Bound).zones) {
      const here = union([...fixed, ...local.flatMap((w) => spans(w, zone))]);
      acc = acc === null ? here : intersect(acc, here);
    }
    open = acc ?? [];
  }
  return open.map(([x, y]) => [Math.max(x, a), Math.min(y, b)] as Interval).filter(([x, y]) => y > x);
}

function describe(bound: readonly Bound[]): string {
  return bound
    .map(({ window: w, slots, zones }) => {
      const hours = slots.map((s) => `${hhmm(s.from)}–${hhmm(s.to)}${s.days.length === 7 ? '' : ` ${s.days.join('/')}`}`).join(', ');
      return `'${w.id}' ${hours} (${zones.join(' and ')})`;
    })
    .join('; ');
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * One layer's windows for one set of hours and zones, as a function of the instant. Everything it
 * reads is engine-wide, so an engine keeps one per distinct (layer, windows, hours, zones,
 * horizon) and every decision with the same shape reuses its answers: in a batch they all ask
 * about the same `now`.
 */
class WindowTimeline implements Check {
  readonly #bound: readonly Bound[];
  readonly #base: Pick<ReasonDraft, 'constraint' | 'layer' | 'citation'>;
  readonly #env: WindowEnv;
  readonly #horizonEnd: number;
  /** Whether any window of the layer has holidays: only then is a refusal worth a second look. */
  readonly #closes: boolean;
  /** Open spans of [a, b), with holidays; a span ending at `b` was cut there and may go on. */
  #cache: { a: number; b: number; list: Interval[] } | null = null;
  /** Filled on first use: how far to follow a window (see `#reach`), and the plain refusal. */
  #cycle: number | undefined;
  #lastClosed: number | undefined;
  #outside: ReasonDraft | undefined;
  // Answers by instant; bounded because solve() may visit many instants for odd policies.
  readonly #answers = new BoundedMemo<number, CheckResult>(256);
  // Bound once: a closure per question would be garbage on every check of every decision.
  readonly #computeAt = (t: number) => this.#compute(t);

  constructor(bound: readonly Bound[], base: Pick<ReasonDraft, 'constraint' | 'layer' | 'citation'>, env: WindowEnv, horizonEnd: number) {
    this.#bound = bound;
    this.#base = base;
    this.#env = env;
    this.#horizonEnd = horizonEnd;
    this.#closes = bound.some((w) => w.closed.size > 0);
  }

  at(t: number): CheckResult {
    return this.#answers.get(t, this.#computeAt);
  }

  open(a: number, b: number): readonly Interval[] {
    return openIntervals(this.#bound, this.#env, a, b, true);
  }

  /**
   * The end of the range followed to answer for `t`: past the horizon (a window reopening after
   * it is reported as such, and the solver says BEYOND_HORIZON) and past the last holiday, by a
   * whole cycle of the zones. A span still open there never closes; no opening by then, none ever.
   */
  #reach(t: number): number {
    if (this.#cycle === undefined) {
      const first = this.#bound[0]?.zones[0];
      this.#cycle = this.#bound.some((w) => w.zones.some((z) => z !== first)) ? ZONES_CYCLE : ONE_ZONE_CYCLE;
      let last = -Infinity;
      for (const w of this.#bound) for (const d of w.closed) if (d > last) last = d;
      // The local day `last` ends by (last + 2) · DAY in every zone (offsets are under 15 hours).
      this.#lastClosed = (last + 2) * DAY;
    }
    const holidays = Math.min(this.#lastClosed ?? -Infinity, t + HOLIDAY_LOOKAHEAD);
    return Math.max(this.#horizonEnd, holidays) + this.#cycle;
  }

  /**
   * Open spans around `t`, computed until one tells the answer: a span holding `t` that ends
   * before the range computed does (a span cut at the range's end says nothing of where it ends),
   * or a span opening after `t` — or until `#reach`.
   */
  #covering(t: number): { list: Interval[]; b: number } {
    const reach = this.#reach(t);
    for (let span = 2; ; span *= 4) {
      const a = t - 2 * DAY;
      const b = Math.min(t + span * DAY, reach);
      let cache = this.#cache;
      if (cache === null || cache.a > a || cache.b < b) this.#cache = cache = { a, b, list: openIntervals(this.#bound, this.#env, a, b, true) };
      // The cached range may reach further than this one: its own end is where spans were cut.
      const end = cache.b;
      if (cache.list.some(([x, y]) => y > t && (x > t || y < end)) || end >= reach) return cache;
    }
  }

  #compute(t: number): CheckResult {
    const { list, b } = this.#covering(t);
    const inside = list.find(([x, y]) => x <= t && t < y);
    // Cut at the range's end only when the search went all the way to `#reach`: open for good.
    if (inside) return { ok: true, until: inside[1] < b ? inside[1] : null };
    const next = list.find(([x]) => x > t);
    return this.#refusal(t, next === undefined ? null : next[0]);
  }

  /**
   * Why the window is shut at `t`, and until when. A holiday is named for what it does: shut
   * hours that would be open now (HOLIDAY until the window opens), or keep shut hours that would
   * open before `from` — then the hours refuse until they would open (OUTSIDE_CONTACT_WINDOW),
   * and the solver, asking again there, hears HOLIDAY: two reasons, each true until its own end,
   * rather than a week of holidays blamed on the hours.
   */
  #refusal(t: number, from: number | null): CheckResult {
    const outside = (this.#outside ??= { ...this.#base, code: 'OUTSIDE_CONTACT_WINDOW', message: `outside the contact window ${describe(this.#bound)}` });
    if (!this.#closes) return { ok: false, from, reason: outside };
    const stop = from ?? t + 2 * DAY;
    const plain = openIntervals(this.#bound, this.#env, t, stop, false)[0];
    if (plain === undefined) return { ok: false, from, reason: outside };
    if (plain[0] > t) return { ok: false, from: plain[0], reason: outside };
    return { ok: false, from, reason: { ...this.#base, code: 'HOLIDAY', message: `${this.#closedDates(t, stop)}: contact window ${describe(this.#bound)}` } };
  }

  /** "closed on holiday 2026-10-01 to 2026-10-07 (calendar CN)": the closed dates in [t, stop), by calendar. */
  #closedDates(t: number, stop: number): string {
    const env = this.#env;
    const byCalendar = new Map<string, Set<number>>();
    for (const w of this.#bound) {
      if (w.closed.size === 0) continue;
      for (const zone of w.zones) {
        const clock = env.clocks.get(zone);
        const today = clock.dayNumber(t);
        for (let d = today - 1, last = clock.dayNumber(stop - 1); d <= last; d++) {
          if (!w.closed.has(d)) continue;
          // Yesterday counts only when its night runs past midnight into `t`.
          if (d < today && !w.slots.some((s) => slotIntervals(s, null, zone, env, d, d).some(([x, y]) => x <= t && t < y))) continue;
          for (const id of w.window.closedOn) {
            if (env.holidays.get(id)?.has(d) !== true) continue;
            let days = byCalendar.get(id);
            if (days === undefined) byCalendar.set(id, (days = new Set()));
            days.add(d);
          }
        }
      }
    }
    if (byCalendar.size === 0) return 'closed for a holiday';
    const parts = [...byCalendar].map(([id, days]) => `${runs([...days].sort((x, y) => x - y)).join(', ')} (calendar ${id})`);
    return `closed on holiday ${parts.join('; ')}`;
  }
}

/** Sorted day numbers as dates, consecutive days as one range: '2026-10-01 to 2026-10-07'. */
function runs(days: readonly number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && (days[j + 1] as number) === (days[j] as number) + 1) j++;
    const start = dayNumberToIsoDate(days[i] as number);
    out.push(j === i ? start : `${start} to ${dayNumberToIsoDate(days[j] as number)}`);
    i = j + 1;
  }
  return out;
}

const slotKey = (slots: readonly Slot[]) => slots.map((s) => `${s.days.join('')}${s.from}-${s.to}`).join(';');

/**
 * The windows of one layer that apply to a candidate, as one check: in every zone the person may
 * be in (an intersection), one of the windows is open there (a union) — 14:30 in New York is
 * allowed by 13:00–18:00, and 11:30 in Los Angeles by 09:00–12:00 of the same layer.
 * A window in a zone 'contact' is read in the candidate's zones; otherwise in its fixed zone.
 * Checks with the same layer, windows, hours, zones and horizon are the same function of the
 * instant: the engine's cache hands back the one it already has.
 */
export function windowCheck(
  layer: Layer,
  windows: readonly WindowConstraint[],
  candidate: Candidate,
  ctx: EvaluationContext,
  horizonEnd: number,
  memo?: WindowMemo,
): Check {
  const cache = ctx.cache;
  const preferred = windows.map((w) => preferredSlots(w, candidate, ctx));
  const create = () => {
    const bound: Bound[] = windows.map((window, i) => ({
      window,
      slots: preferred[i] ?? [{ days: window.days, from: minutes(window.from), to: minutes(window.to) }],
      zones: window.zone === 'contact' ? [...candidate.zones] : [window.zone],
      closed: new Set(window.closedOn.flatMap((id) => [...(ctx.holidays.get(id) ?? [])])),
    }));
    const env: WindowEnv = { clocks: ctx.clocks, intervals: cache.intervals, holidays: ctx.holidays };
    return new WindowTimeline(bound, provenance(windows[0] as WindowConstraint, layer), env, horizonEnd);
  };
  // The usual case — the policy's own hours, no debtor preferences — depends only on the zones
  // and the horizon: the caller's memo (one per layer and kind of proposal) finds it without
  // building a key string.
  if (memo !== undefined && preferred.every((p) => p === null)) {
    let byZones = memo.get(horizonEnd);
    if (byZones === undefined) {
      // Each `now` has its own horizon: a service deciding at ever-new instants would grow this
      // without end, so it starts afresh past a few.
      if (memo.size >= 8) memo.clear();
      memo.set(horizonEnd, (byZones = new Map()));
    }
    const zones = candidate.zones.length === 1 ? (candidate.zones[0] as string) : candidate.zones.join('\n');
    let check = byZones.get(zones);
    if (check === undefined) {
      // Zones come from accounts (any order, any combination): bounded like every engine cache.
      if (byZones.size >= MAX_ZONE_SETS) byZones.clear();
      byZones.set(zones, (check = create()));
    }
    return check;
  }
  let key = `${cache.idOf(layer)}|${horizonEnd}`;
  windows.forEach((w, i) => {
    const own = preferred[i];
    key += `|${cache.idOf(w)}:${w.zone === 'contact' ? candidate.zones.join(',') : ''}:${own ? slotKey(own) : ''}`;
  });
  return cache.windows.get(key, create);
}

/** Zone sets remembered per layer, kind of proposal and horizon before the memo starts afresh. */
const MAX_ZONE_SETS = 256;

/**
 * Window checks of one layer for one kind of proposal, by horizon end, then by the candidate's
 * zones: see `windowCheck`. Owned by an engine (its compiled plans).
 */
export type WindowMemo = Map<number, Map<string, Check>>;
