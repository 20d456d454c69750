import type { EvaluationContext } from '../facts/context';
import type { Layer, WindowConstraint } from '../policy/schema/constraints';
import { weekdayOfDayNumber } from '../time/instant';
import { WEEKDAYS, type Weekday } from '../vocabulary';
import { type Interval, intersect, union } from './intervals';
import { type Candidate, type Check, type CheckResult, provenance } from './types';

const DAY = 86_400_000;

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

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function slotsOf(window: WindowConstraint, candidate: Candidate, ctx: EvaluationContext): Slot[] {
  const preferred = ctx.account.debtor.contactPreferences?.windows;
  if (window.debtorMayOverride && preferred) {
    const own = preferred.filter((p) => p.channels === undefined || (candidate.channel !== null && p.channels.includes(candidate.channel)));
    if (own.length > 0) return own.map((p) => ({ days: p.days ?? WEEKDAYS, from: minutes(p.from), to: minutes(p.to) }));
  }
  return [{ days: window.days, from: minutes(window.from), to: minutes(window.to) }];
}

/** The instants a slot is open in one zone, for local days [d0, d1]. */
function slotIntervals(slot: Slot, closed: ReadonlySet<number> | null, zone: string, ctx: EvaluationContext, d0: number, d1: number): Interval[] {
  const clock = ctx.clocks.get(zone);
  const out: Interval[] = [];
  for (let d = d0; d <= d1; d++) {
    if (!slot.days.includes(WEEKDAYS[weekdayOfDayNumber(d) - 1] as Weekday)) continue;
    if (closed?.has(d)) continue;
    const pastMidnight = slot.to <= slot.from;
    out.push(...ctx.intervals.get(`${zone}|${slot.from}|${slot.to}|${d}`, () => clock.wallIntervalInstants(d, slot.from, pastMidnight ? d + 1 : d, slot.to)));
  }
  return out;
}

/** Open instants of the layer's windows within [a, b): union of windows, each intersected over its zones. */
function openIntervals(bound: readonly Bound[], ctx: EvaluationContext, a: number, b: number, withHolidays: boolean): Interval[] {
  const all: Interval[] = [];
  for (const w of bound) {
    let acc: Interval[] | null = null;
    for (const zone of w.zones) {
      const clock = ctx.clocks.get(zone);
      const d0 = clock.dayNumber(a) - 1;
      const d1 = clock.dayNumber(b) + 1;
      const here = union(w.slots.flatMap((s) => slotIntervals(s, withHolidays ? w.closed : null, zone, ctx, d0, d1)));
      acc = acc === null ? here : intersect(acc, here);
    }
    all.push(...(acc ?? []));
  }
  return union(all).map(([x, y]) => [Math.max(x, a), Math.min(y, b)] as Interval).filter(([x, y]) => y > x);
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
 * The windows of one layer that apply to a candidate, as one check: open where any of them is
 * open (a union), each window holding in every zone the person may be in (an intersection).
 * A window in a zone 'contact' is read in the candidate's zones; otherwise in its fixed zone.
 */
export function windowCheck(layer: Layer, windows: readonly WindowConstraint[], candidate: Candidate, ctx: EvaluationContext, horizonEnd: number): Check {
  const bound: Bound[] = windows.map((window) => ({
    window,
    slots: slotsOf(window, candidate, ctx),
    zones: window.zone === 'contact' ? candidate.zones : [window.zone],
    closed: new Set(window.closedOn.flatMap((id) => [...(ctx.holidays.get(id) ?? [])])),
  }));
  const first = windows[0] as WindowConstraint;
  const base = provenance(first, layer);
  let cache: { a: number; b: number; list: Interval[] } | null = null;

  const covering = (t: number): { list: Interval[]; b: number } => {
    for (let span = 2; ; span *= 4) {
      const a = t - 2 * DAY;
      const b = Math.min(t + span * DAY, horizonEnd + 2 * DAY);
      if (!cache || cache.a > a || cache.b < b) cache = { a, b, list: openIntervals(bound, ctx, a, b, true) };
      const list = cache.list;
      const hit = list.find(([x, y]) => y > t && (x > t || y < b));
      if (hit || b >= horizonEnd + 2 * DAY) return { list, b };
    }
  };

  return {
    at(t: number): CheckResult {
      const { list, b } = covering(t);
      const inside = list.find(([x, y]) => x <= t && t < y);
      if (inside) return { ok: true, until: inside[1] >= b ? null : inside[1] };
      const next = list.find(([x]) => x > t);
      const holiday = openIntervals(bound, ctx, t - 2 * DAY, t + 2 * DAY, false).some(([x, y]) => x <= t && t < y);
      return {
        ok: false,
        from: next && next[0] <= horizonEnd ? next[0] : null,
        reason: {
          ...base,
          code: holiday ? 'HOLIDAY' : 'OUTSIDE_CONTACT_WINDOW',
          message: holiday ? `closed for a holiday: ${describe(bound)}` : `outside the contact window ${describe(bound)}`,
        },
      };
    },
  };
}
