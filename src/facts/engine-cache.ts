/**
 * Per-engine memos: answers that depend only on the policy, the zones and the instant, never on
 * one account, so every decision of an engine may share them. An engine owns one; nothing here is
 * module state, and no result depends on what happens to be cached (only its cost does).
 */
import { BoundedMemo, IntervalCache } from '../constraints/interval-cache';
import type { Check } from '../constraints/types';
import { type Duration, parseDuration } from '../time/duration';
import { formatInstant } from '../time/instant';
import { type AttemptCountParams, attemptCountParamsSchema } from './catalogue';

const durationOf = (text: string): Duration => parseDuration(text) ?? {};

/**
 * The caches one engine shares between its decisions. Each is bounded: a batch over a million
 * accounts meets a handful of zones and one `now`, but a long-lived service meets many instants.
 *
 * @example
 * const cache = new EngineCache();
 * cache.iso(0); // '1970-01-01T00:00:00Z'
 */
export class EngineCache {
  /** Open instants of window slots per zone, hours and day. */
  readonly intervals = new IntervalCache();
  /**
   * Window checks whose hours come from a debtor's own preferences, by (layer, windows, hours,
   * zones, horizon): see `windowCheck`. Such hours are nearly per account, so few are reused and
   * the memo is kept small (a check holds its interval list and up to 256 answers).
   */
  readonly windows = new BoundedMemo<string, Check>(2_000);
  readonly #isos = new BoundedMemo<number, string>(10_000);
  // Durations come from the policy (caps, cool-downs, fact params): a handful per engine.
  readonly #durations = new BoundedMemo<string, Duration>(1_000);
  readonly #ids = new WeakMap<object, number>();
  // Keyed by the params object of a policy condition: the engine's parsed policy owns it.
  readonly #attemptParams = new WeakMap<object, AttemptCountParams>();
  readonly #factKeys = new WeakMap<object, Map<string, string>>();
  #nextId = 0;

  /**
   * A small number naming a policy object (a layer, a constraint) for cache keys: identity, not
   * content, so two equal-looking constraints never share an entry by accident.
   *
   * @example
   * const c = new EngineCache(); const o = {};
   * c.idOf(o) === c.idOf(o); // true
   */
  idOf(object: object): number {
    let id = this.#ids.get(object);
    if (id === undefined) {
      id = this.#nextId++;
      this.#ids.set(object, id);
    }
    return id;
  }

  /**
   * `attemptCountParamsSchema.parse(params)`, once per params object (conditions pass the same
   * object on every decision). Throws as the schema does for invalid params.
   *
   * @example
   * new EngineCache().attemptParams({ channel: 'phone' }).direction; // 'outbound'
   */
  attemptParams(params: Readonly<Record<string, unknown>>): AttemptCountParams {
    let parsed = this.#attemptParams.get(params);
    if (parsed === undefined) {
      parsed = attemptCountParamsSchema.parse(params);
      this.#attemptParams.set(params, parsed);
    }
    return parsed;
  }

  /**
   * `keyOf(fact, params)`, remembered per params object and fact name: conditions pass the same
   * params object on every decision, and the key is canonical JSON.
   *
   * @example
   * const p = { flag: 'hardship' };
   * new EngineCache().factKey('daysSinceFlag', p, factKey); // 'daysSinceFlag{"flag":"hardship"}'
   */
  factKey<P extends object>(fact: string, params: P, keyOf: (fact: string, params: P) => string): string {
    let byFact = this.#factKeys.get(params);
    if (byFact === undefined) {
      byFact = new Map();
      this.#factKeys.set(params, byFact);
    }
    let key = byFact.get(fact);
    if (key === undefined) {
      key = keyOf(fact, params);
      byFact.set(fact, key);
    }
    return key;
  }

  /**
   * `parseDuration(text) ?? {}`, remembered (the policy schema has validated the text). Treat the
   * result as read-only: it is shared.
   *
   * @example
   * new EngineCache().duration('P7D'); // { days: 7 }
   */
  duration(text: string): Duration {
    return this.#durations.get(text, durationOf);
  }

  /**
   * `formatInstant(ms)`, remembered: decisions of a batch repeat the same few instants (now, the
   * next window opening) in every proposal.
   *
   * @example
   * new EngineCache().iso(1795439100000); // '2026-11-23T13:05:00Z'
   */
  iso(ms: number): string {
    return this.#isos.get(ms, formatInstant);
  }
}
