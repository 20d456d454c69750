import type { Interval } from './intervals';

/**
 * Memo of the instants a wall-clock slot is open on one local day in one zone. Those depend only
 * on the zone, the hours and the day, so an engine shares them across every decision it makes.
 * Bounded: it starts afresh when full. Results never depend on what is cached.
 */
export class IntervalCache {
  readonly #map = new Map<string, readonly Interval[]>();
  readonly #limit: number;

  constructor(limit = 50_000) {
    this.#limit = limit;
  }

  /** The cached value of `key`, computed on first use. */
  get(key: string, compute: () => readonly Interval[]): readonly Interval[] {
    let value = this.#map.get(key);
    if (value === undefined) {
      if (this.#map.size >= this.#limit) this.#map.clear();
      value = compute();
      this.#map.set(key, value);
    }
    return value;
  }
}
