import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, safeParsePolicy } from '../src/index';
import { callPolicy, debtor } from './support/policies';

/**
 * Soundness of `unsatisfiable_windows`: whenever a policy is refused for windows that never
 * overlap, no debtor is allowed the action at any instant of a sample. The sample is every 15
 * minutes (windows open and close on quarter hours, and every zone here is a whole number of
 * quarter hours from UTC, so an open span always holds one) over weeks that include every DST
 * change of the zones. Layers intersect, so an instant is allowed by the refused policy exactly
 * when the policy of each layer alone allows it; each layer's engine is asked again only once the
 * instant passes the `allowedUntil` or `allowedFrom` of its last answer.
 */

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const ZONES = ['contact', 'contact', 'UTC', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/New_York', 'Europe/London'] as const;
const QUARTER = 15 * 60_000;
const hhmm = (quarters: number) => `${String(Math.floor(quarters / 4) % 24).padStart(2, '0')}:${String((quarters % 4) * 15).padStart(2, '0')}`;

const windowArb = fc
  .record({
    from: fc.integer({ min: 0, max: 95 }),
    length: fc.integer({ min: 1, max: 16 }),
    days: fc.oneof(fc.subarray([...DAYS], { minLength: 1, maxLength: 2 }), fc.subarray([...DAYS], { minLength: 1 })),
    // null: the layer's zone (most windows of a layer share one, as in real policies)
    zone: fc.option(fc.constantFrom(...ZONES), { freq: 4 }),
    debtorMayOverride: fc.constantFrom(false, false, false, true),
    relationships: fc.constantFrom(undefined, undefined, undefined, ['self'], ['guarantor']),
  })
  .map(({ from, length, days, zone, debtorMayOverride, relationships }) => ({
    kind: 'window',
    from: hhmm(from),
    to: hhmm(from + length),
    days,
    zone,
    ...(debtorMayOverride ? { debtorMayOverride } : {}),
    ...(relationships === undefined ? {} : { appliesTo: { relationships } }),
  }));

const layerArb = fc
  .tuple(fc.constantFrom(...ZONES), fc.array(windowArb, { minLength: 1, maxLength: 2 }))
  .map(([zone, windows]) => windows.map((w) => ({ ...w, zone: w.zone ?? zone })));
const layersArb = fc.array(layerArb, { minLength: 2, maxLength: 3 });

/** Weeks around every DST change of the zones above in 2026, and two plain weeks. */
const SPANS: readonly (readonly [string, string])[] = [
  ['2026-01-12T00:00:00Z', '2026-01-19T00:00:00Z'],
  ['2026-03-05T00:00:00Z', '2026-03-12T00:00:00Z'], // New York springs forward on 03-08
  ['2026-03-27T00:00:00Z', '2026-04-07T00:00:00Z'], // London on 03-29, Lord Howe falls back on 04-05
  ['2026-07-13T00:00:00Z', '2026-07-20T00:00:00Z'],
  ['2026-10-02T00:00:00Z', '2026-10-06T00:00:00Z'], // Lord Howe springs forward (30 min) on 10-04
  ['2026-10-23T00:00:00Z', '2026-11-03T00:00:00Z'], // London on 10-25, New York on 11-01
];

const prefers = (zone: string, from: string, to: string) => debtor(zone, { debtor: { timeZone: zone, contactPreferences: { windows: [{ from, to }] } } });
const ACCOUNTS = [debtor('America/New_York'), debtor('Asia/Kolkata'), prefers('Australia/Lord_Howe', '21:00', '23:30'), prefers('Europe/London', '05:30', '07:00')];

/** The first sampled instant at which every layer alone allows the call, or null. */
function firstAllowed(layers: readonly (readonly object[])[], account: unknown): string | null {
  const engines = layers.map((layer) => createEngine(callPolicy(layer)));
  for (const [a, b] of SPANS) {
    // What each layer said last, and until when it holds (its allowedUntil or allowedFrom).
    const known = engines.map(() => ({ open: false, until: -Infinity }));
    for (let t = Date.parse(a); t < Date.parse(b); t += QUARTER) {
      let all = true;
      engines.forEach((engine, i) => {
        const k = known[i] as { open: boolean; until: number };
        if (t >= k.until) {
          const p = engine.decide(account, { now: new Date(t) }).proposals.find((x) => x.action === 'call');
          k.open = p?.status === 'allowed';
          const end = k.open ? p?.allowedUntil : p?.allowedFrom;
          k.until = end === null || end === undefined ? Infinity : Date.parse(end);
        }
        all &&= k.open;
      });
      if (all) return new Date(t).toISOString();
    }
  }
  return null;
}

describe('unsatisfiable_windows is sound', () => {
  it('a policy refused for windows that never overlap allows no debtor at any sampled instant', () => {
    let refused = 0;
    let fixedRefused = 0;
    fc.assert(
      fc.property(layersArb, (layers) => {
        const named = layers.map((windows, l) => windows.map((w, k) => ({ ...w, id: `w${l}-${k}` })));
        const result = safeParsePolicy(callPolicy(...named));
        if (result.success) return;
        expect(result.issues.map((i) => i.code)).toEqual(result.issues.map(() => 'unsatisfiable_windows'));
        if (!result.issues.some((i) => i.path[1] === 'call')) return;
        refused++;
        if (result.issues.some((i) => i.path[1] === 'call' && !i.message.includes('(zone contact)'))) fixedRefused++;
        for (const account of ACCOUNTS) expect(firstAllowed(named, account), JSON.stringify(named)).toBeNull();
      }),
      { seed: 23, numRuns: 800 },
    );
    // The property means something only if it refused policies of both kinds.
    expect({ contact: refused - fixedRefused > 0, fixed: fixedRefused > 0, many: refused > 30 }).toEqual({ contact: true, fixed: true, many: true });
  });
});
