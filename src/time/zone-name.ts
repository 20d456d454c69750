/**
 * Time-zone names: which strings the library accepts as a debtor's or contact's zone.
 */
import { tzOffset } from '@date-fns/tz';

/**
 * Whether `zone` is an IANA time-zone name this runtime's Intl knows: `'America/New_York'`,
 * `'UTC'`, `'Etc/GMT+5'` (POSIX sign: that is UTC−05:00), links such as `'Asia/Calcutta'`.
 * Bare offsets (`'+08:00'`) and empty strings are refused even on runtimes whose Intl accepts
 * them: a fixed offset has no DST rules and is almost always a mistake for a debtor's location.
 * Names are matched ASCII-case-insensitively, exactly as Intl matches them
 * (`'america/new_york'` is valid); normalize spelling at parse time if you need deduplication.
 *
 * @param zone - the candidate name.
 * @returns `true` when `ZoneClock` and `@date-fns/tz` can work with it.
 * @example
 * isValidTimeZone('Asia/Kathmandu'); // true
 * isValidTimeZone('+08:00');         // false
 */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone === '' || /^[+\-\u2212]/.test(zone)) return false;
  // Other spellings of a canonical name are answered here too: the probe below would add one
  // entry per spelling to @date-fns/tz's cache, and accounts can spell a zone any number of ways.
  // Only ASCII: Intl folds ASCII case alone, while toLowerCase also folds 'K' (Kelvin) to 'k'.
  if (CANONICAL_ZONES.has(zone) || (/^[\x21-\x7e]+$/.test(zone) && CANONICAL_LOWER.has(zone.toLowerCase()))) return true;
  // tzOffset keeps one Intl formatter per zone inside @date-fns/tz, so after the first call this
  // is ~3 µs instead of the ~100 µs of constructing an Intl.DateTimeFormat: it matters when every
  // account names a zone. But for a name Intl refuses, tzOffset falls back to reading an offset
  // out of the string ("Mars+05:00" → 300), so names containing ±dd (only Etc/GMT±10…14 are
  // real) are asked to Intl directly.
  if (/[+-]\d\d/.test(zone)) return intlAcceptsZone(zone);
  // @date-fns/tz keeps its caches in plain objects: for 'constructor' or 'toString' the probe
  // would read Object.prototype's function instead of an offset (not NaN, so "valid"), and every
  // later use of the name aborts V8. No zone is named like a prototype key.
  if (zone in Object.prototype) return false;
  return !Number.isNaN(tzOffset(zone, new Date(0)));
}

/**
 * The zones Intl lists (its canonical spellings), read once at load and never changed: a lookup
 * answers the common case without the ~3 µs `tzOffset` probe, which matters when every account
 * names a zone. Each of them passes the probe below (Node 20.20 / ICU 78: all 418), so the answer
 * is the same either way; other spellings (links such as Asia/Kolkata on this ICU, lower case)
 * still take the probe.
 */
const CANONICAL_ZONES: ReadonlySet<string> = new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);

function intlAcceptsZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Canonical names by their lower-case spelling: `america/chicago` needs no probe either. */
const CANONICAL_LOWER: ReadonlySet<string> = new Set([...CANONICAL_ZONES].map((z) => z.toLowerCase()));

/** What to write instead of a fixed-offset abbreviation, by its upper-case spelling. */
const INSTEAD: Readonly<Record<string, string>> = {
  EST: "'America/New_York' (or 'America/Panama' for UTC−05:00 all year)",
  MST: "'America/Denver' (or 'America/Phoenix', which keeps UTC−07:00 all year)",
  HST: "'Pacific/Honolulu'",
};

/**
 * Why a valid zone name cannot be a person's location, or null. `EST`, `MST`, `HST` and
 * `Etc/GMT±N` are fixed offsets with no DST rules: a New York debtor entered as `EST` would be
 * called at 21:30 EDT all summer. `UTC`/`Etc/GMT` stay accepted: nobody types them meaning a place
 * with DST.
 *
 * @example
 * fixedOffsetProblem('EST');              // "'EST' is a fixed UTC offset … e.g. 'America/New_York' …"
 * fixedOffsetProblem('America/New_York'); // null
 */
export function fixedOffsetProblem(zone: string): string | null {
  const upper = zone.toUpperCase();
  const named = Object.hasOwn(INSTEAD, upper) ? INSTEAD[upper] : undefined;
  const instead = named ?? (/^(ETC\/)?GMT[+-]0*[1-9]\d*$/.test(upper) ? "the zone of the place, e.g. 'Asia/Shanghai'" : undefined);
  return instead === undefined
    ? null
    : `'${zone}' is a fixed UTC offset with no daylight-saving rules, not a location: use the IANA name of where the person is, ${instead}`;
}
