import type { Interval } from './intervals';

/**
 * A memo that forgets everything when it reaches `limit` entries: bounded memory for caches
 * whose keys a long batch keeps producing (zones × days, zones × instants). Results never depend
 * on what is cached, only the time they take.
 *
 * @example
 * const memo = new BoundedMemo<string, number>(2);
 * memo.get('a', () => 1); // 1 (computed)
 * memo.get('a', () => 2); // 1 (remembered)
 */
export class BoundedMemo<K, V> {
  readonly #map = new Map<K, V>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** The remembered value of `key`, computed by `compute` on first use. */
  get(key: K, compute: (key: K) => V): V {
    let value = this.#map.get(key);
    if (value === undefined && !this.#map.has(key)) {
      if (this.#map.size >= this.#limit) this.#map.clear();
      value = compute(key);
      this.#map.set(key, value);
    }
    return value as V;
  }
}

/**
 * Memo of the instants a wall-clock slot is open on one local day in one zone. Those depend only
 * on the zone, the hours and the day, so an engine shares them across every decision it makes.
 * Bounded: it starts afresh when full. Results never depend on what is cached.
 *
 * @example
 * const cache = new IntervalCache();
 * cache.get('Asia/Shanghai|480|1260|20415', () => [[0, 1]]);
 */
export class IntervalCache extends BoundedMemo<string, readonly Interval[]> {
  constructor(limit = 50_000) {
    super(limit);
  }
}
