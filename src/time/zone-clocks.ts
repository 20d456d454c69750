/**
 * The per-engine registry of zone clocks: the only place offset caches are shared, and only
 * within one engine.
 */
import { ZoneClock } from './zone';

/**
 * One `ZoneClock` per zone, created on first use. An engine owns one registry, so its caches
 * live exactly as long as the engine and are never shared between engines.
 *
 * @example
 * const clocks = new ZoneClocks();
 * clocks.get('Asia/Shanghai') === clocks.get('Asia/Shanghai'); // true
 */
export class ZoneClocks {
  readonly #clocks = new Map<string, ZoneClock>();

  /**
   * The clock of `zone` (throws `RangeError` for an invalid zone, see `isValidTimeZone`).
   *
   * @example
   * new ZoneClocks().get('Europe/London').offset(Date.parse('2026-07-01T00:00:00Z')); // 60
   */
  get(zone: string): ZoneClock {
    let clock = this.#clocks.get(zone);
    if (clock === undefined) {
      clock = new ZoneClock(zone);
      this.#clocks.set(zone, clock);
    }
    return clock;
  }
}
