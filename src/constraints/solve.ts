import { MS_PER_DAY } from '../time/instant';
import { type Interval, intersect } from './intervals';
import type { Check, ReasonDraft } from './types';

/** The combined answer of every time-dependent check for one candidate. */
export type Solution =
  | { readonly status: 'allowed' | 'deferred'; readonly allowedFrom: number; readonly allowedUntil: number | null; readonly reasons: readonly (ReasonDraft & { until: number | null })[] }
  | { readonly status: 'blocked'; readonly reasons: readonly (ReasonDraft & { until: number | null })[] };

const MAX_STEPS = 10_000;
/**
 * Steps after which (and every so many after that) the windows are intersected instead of walked:
 * two windows that never meet
 * (stated convenient hours outside another layer's hours) would otherwise send the walk from one
 * opening to the other, twice a day, to the end of the horizon. Ordinary answers take a few steps.
 */
const WINDOWS_MEET_AFTER = 8;

/**
 * The earliest instant at or after `now` that every check allows at once. Each refusal names the
 * earliest instant its own constraint could allow; jumping to the latest of those never skips an
 * instant that all allow, so the first instant where all agree is the answer (a fixpoint).
 * Refusals met on the way are the reasons, each with the instant it stops applying on its own
 * (one per constraint and code: the first met; checked in several zones at that instant, the
 * latest of their ends).
 *
 * @example
 * solve([{ at: (t) => (t < 10 ? { ok: false, from: 10, reason } : { ok: true, until: null }) }], 0, 100);
 * // { status: 'deferred', allowedFrom: 10, allowedUntil: null, reasons: [{ ...reason, until: 10 }] }
 */
export function solve(checks: readonly Check[], now: number, horizonEnd: number): Solution {
  // A handful at most: a list searched linearly beats a Map keyed by built strings.
  const reasons: (ReasonDraft & { until: number | null })[] = [];
  /** The instant each reason was first met at. */
  const metAt: number[] = [];
  let t = now;
  for (let step = 0; step < MAX_STEPS; step++) {
    // Again every few steps: after a meeting refused by something else (a cap), the walk may
    // ping-pong on to the next meeting.
    if (step > 0 && step % WINDOWS_MEET_AFTER === 0) {
      const meet = windowsMeet(checks, t, horizonEnd);
      if (meet === null) {
        reasons.push({ code: 'BEYOND_HORIZON', constraint: null, layer: null, message: 'the contact windows never overlap within the search horizon', until: null });
        return { status: 'blocked', reasons };
      }
      // Never past an instant every check allows: all of those lie inside every window.
      t = meet;
    }
    let next = t;
    let until: number | null = null;
    let blocked = false;
    for (const check of checks) {
      const r = check.at(t);
      if (r.ok) {
        if (r.until !== null) until = until === null ? r.until : Math.min(until, r.until);
        continue;
      }
      const { constraint, code } = r.reason;
      const i = reasons.findIndex((x) => x.constraint === constraint && x.code === code);
      if (i < 0) {
        reasons.push({ ...r.reason, until: r.from });
        metAt.push(t);
      } else if (metAt[i] === t) {
        // The same constraint checked once per zone (a debtor in two zones): it stops applying
        // when the last of its checks does.
        const x = reasons[i] as ReasonDraft & { until: number | null };
        reasons[i] = { ...x, until: x.until === null || r.from === null ? null : Math.max(x.until, r.from) };
      }
      if (r.from === null) blocked = true;
      // A refusal is never an allowance: a check whose `from` is not after `t` (a bug) moves the
      // search on by a millisecond rather than letting `t` pass as the fixpoint.
      else next = Math.max(next, r.from > t ? r.from : t + 1);
    }
    if (blocked) return { status: 'blocked', reasons };
    if (next === t) return { status: t === now ? 'allowed' : 'deferred', allowedFrom: t, allowedUntil: until, reasons };
    if (next > horizonEnd) break;
    t = next;
  }
  reasons.push({ code: 'BEYOND_HORIZON', constraint: null, layer: null, message: 'no instant within the search horizon satisfies every constraint at once', until: null });
  return { status: 'blocked', reasons };
}

/**
 * The first instant at or after `t`, up to `horizonEnd`, inside every window check at once; `t`
 * itself when fewer than two checks are windows; null when the windows never overlap in time.
 */
function windowsMeet(checks: readonly Check[], t: number, horizonEnd: number): number | null {
  const windows = checks.filter((c) => c.open !== undefined);
  if (windows.length < 2) return t;
  // Near spans first: an ordinary long walk meets the windows within days.
  for (let span = 8 * MS_PER_DAY; ; span *= 8) {
    const b = Math.min(t + span, horizonEnd + 1);
    let common: readonly Interval[] | null = null;
    for (const w of windows) {
      const open = w.open?.(t, b) ?? [];
      common = common === null ? open : intersect(common, open);
      if (common.length === 0) break;
    }
    const first = common?.[0];
    if (first !== undefined) return Math.max(first[0], t);
    if (b > horizonEnd) return null;
  }
}
