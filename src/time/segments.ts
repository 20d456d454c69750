/**
 * The offset cache behind `ZoneClock`: a sorted list of segments `[from, to)` on which a zone's
 * UTC offset is constant, discovered lazily one UTC day ("cell") at a time.
 *
 * How a cell is learned: probe the offset at both ends. Equal ends ⇒ the cell is taken as
 * constant; different ends ⇒ bisect (to the second: tzdb transitions fall on whole seconds) for
 * the transition, then treat the rest of the cell the same way. So a transition at any minute
 * (:30 Lord_Howe, :45 Chatham) or second (Monrovia 1972) is found exactly. The one assumption: a
 * zone never changes its offset and changes it back within one cell. An hourly scan of all 418
 * zones of tzdb 2025c (Node 20.20, ICU 78.2) over 1900–2100 found no two transitions less than
 * 48 hours apart (the opt-in `ARREARS_TZ_SCAN=1` test in test/time-zone.test.ts repeats it).
 */
import { MS_PER_DAY } from './instant';

/** Offsets are learned one UTC day at a time. */
const CELL_MS = MS_PER_DAY;
/** Bisection resolution: tzdb transitions fall on whole seconds. */
const STEP_MS = 1000;

/**
 * Constant-offset segments of one zone, filled on demand through `probe(ms) → offset ms`.
 * Internal to `src/time`: `ZoneClock` is the public face.
 *
 * @example
 * const segs = new OffsetSegments((ms) => ms < 0 ? 0 : 3_600_000);
 * segs.offsetAt(5); // 3600000
 */
export class OffsetSegments {
  readonly #probe: (ms: number) => number;
  // Parallel sorted arrays (faster and smaller than an array of objects); adjacent segments with
  // equal offsets are merged, so a zone-year usually holds two or three segments.
  readonly #from: number[] = [];
  readonly #to: number[] = [];
  readonly #off: number[] = [];
  // The segment of the last lookup: the engine asks about nearby instants over and over.
  #hFrom = 0;
  #hTo = 0;
  #hOff = 0;

  constructor(probe: (ms: number) => number) {
    this.#probe = probe;
  }

  /**
   * Offset in milliseconds at instant `ms` (which the caller has checked is finite).
   *
   * @example
   * new OffsetSegments(() => 0).offsetAt(0); // 0
   */
  offsetAt(ms: number): number {
    if (ms >= this.#hFrom && ms < this.#hTo) return this.#hOff;
    this.#seek(ms);
    return this.#hOff;
  }

  /**
   * The offset if it is constant over all of `[lo, hi)` as far as one cached segment shows,
   * else `NaN`: the fast path for wall-clock questions far from any transition.
   *
   * @example
   * new OffsetSegments(() => 0).constantOver(0, 10); // 0
   */
  constantOver(lo: number, hi: number): number {
    if (!(lo >= this.#hFrom && lo < this.#hTo)) this.#seek(lo);
    return this.#hTo >= hi ? this.#hOff : Number.NaN;
  }

  /**
   * Calls `visit(from, to, offset)` for consecutive constant-offset pieces covering `[lo, hi)`, in
   * order: the first starts at `lo`, the last may end after `hi`. Stops when `visit` returns `true`.
   *
   * @example
   * new OffsetSegments(() => 0).forEach(0, 10, (from, to, off) => console.log(from, to, off));
   */
  forEach(lo: number, hi: number, visit: (from: number, to: number, offset: number) => boolean | void): void {
    let t = lo;
    while (t < hi) {
      this.#seek(t);
      const to = this.#hTo;
      // Clip at t: learning the next cell may merge it into this segment, and the part before t
      // has been visited already.
      if (visit(t, to, this.#hOff) === true) return;
      t = to;
    }
  }

  // Points the hint at the segment containing ms, learning its cell first if needed.
  #seek(ms: number): void {
    let i = this.#find(ms);
    if (i < 0) {
      this.#learnCell(Math.floor(ms / CELL_MS) * CELL_MS);
      i = this.#find(ms);
    }
    this.#hFrom = this.#from[i] ?? 0;
    this.#hTo = this.#to[i] ?? 0;
    this.#hOff = this.#off[i] ?? 0;
  }

  // Index of the segment containing ms, or -1. Binary search over segment starts.
  #find(ms: number): number {
    const from = this.#from;
    let lo = 0;
    let hi = from.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((from[mid] ?? 0) <= ms) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && ms < (this.#to[hi] ?? 0) ? hi : -1;
  }

  // Number of segments starting before ms.
  #insertionPoint(ms: number): number {
    const from = this.#from;
    let lo = 0;
    let hi = from.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((from[mid] ?? 0) < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // Offset at ms if already known (exact: it came from probes), else a fresh probe.
  #offsetOrProbe(ms: number): number {
    const i = this.#find(ms);
    return i >= 0 ? (this.#off[i] ?? 0) : this.#probe(ms);
  }

  #learnCell(a: number): void {
    const b = a + CELL_MS;
    const pieces: number[] = []; // flat triples: from, to, offset
    let segStart = a;
    let lo = a;
    let oLo = this.#offsetOrProbe(a);
    const oB = this.#offsetOrProbe(b);
    while (oLo !== oB) {
      // Invariant: offset(lo) = oLo and offset(hi) = oHi ≠ oLo; shrink to adjacent seconds.
      let hi = b;
      let oHi = oB;
      while (hi - lo > STEP_MS) {
        const mid = lo + Math.floor((hi - lo) / (2 * STEP_MS)) * STEP_MS;
        const oMid = this.#probe(mid);
        if (oMid === oLo) lo = mid;
        else {
          hi = mid;
          oHi = oMid;
        }
      }
      // hi is the transition: the first second with the new offset.
      pieces.push(segStart, hi, oLo);
      segStart = lo = hi;
      oLo = oHi;
    }
    if (segStart < b) pieces.push(segStart, b, oLo);
    this.#insert(pieces);
  }

  // Inserts the (sorted, contiguous) pieces of a newly learned cell and merges equal neighbours.
  #insert(pieces: number[]): void {
    // The cell was unknown, so no segment overlaps it: insert after the last one that starts before.
    let at = this.#insertionPoint(pieces[0] ?? 0);
    for (let p = 0; p < pieces.length; p += 3) {
      const from = pieces[p] ?? 0;
      const to = pieces[p + 1] ?? 0;
      const off = pieces[p + 2] ?? 0;
      const prev = at - 1;
      if (prev >= 0 && this.#to[prev] === from && this.#off[prev] === off) {
        this.#to[prev] = to;
        continue;
      }
      this.#from.splice(at, 0, from);
      this.#to.splice(at, 0, to);
      this.#off.splice(at, 0, off);
      at++;
    }
    // Merge with the following segment if it continues the last piece.
    const last = at - 1;
    if (at < this.#from.length && this.#from[at] === this.#to[last] && this.#off[at] === this.#off[last]) {
      this.#to[last] = this.#to[at] ?? 0;
      this.#from.splice(at, 1);
      this.#to.splice(at, 1);
      this.#off.splice(at, 1);
    }
  }
}
