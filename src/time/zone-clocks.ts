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
/** Clocks kept before the registry starts afresh; there are about 600 zone names. */
const MAX_CLOCKS = 1024;

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
      // Accounts may spell zones any number of ways (Intl ignores case): bounded like every engine
      // cache. Results never depend on it.
      if (this.#clocks.size >= MAX_CLOCKS) this.#clocks.clear();
      clock = new ZoneClock(zone);
      this.#clocks.set(zone, clock);
    }
    return clock;
  }
}
