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
 * (`'america/new_york'` is valid); `zoneSpelling` gives the spelling to keep.
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
  if (CANONICAL_ZONES.has(zone) || (ASCII.test(zone) && CANONICAL_BY_LOWER.has(zone.toLowerCase()))) return true;
  // Links (Asia/Kolkata on this ICU) would take the probe below on every account, several times.
  let known = PROBED.get(zone);
  if (known === undefined) {
    known = probeZone(zone);
    if (PROBED.size >= MAX_PROBED) PROBED.clear();
    PROBED.set(zone, known);
  }
  return known;
}

/** Answers of `probeZone`, which never change within a runtime; bounded, as accounts can name any string. */
const PROBED = new Map<string, boolean>();
const MAX_PROBED = 1024;

function probeZone(zone: string): boolean {
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
  return resolvedZone(zone) !== null;
}

/** Canonical names by their lower-case spelling: `america/chicago` needs no probe, and gets its spelling back. */
const CANONICAL_BY_LOWER: ReadonlyMap<string, string> = new Map([...CANONICAL_ZONES].map((z) => [z.toLowerCase(), z]));

const ASCII = /^[\x21-\x7e]+$/;

/**
 * tzdb's geographic areas: every name under them is a place with its own history of offsets and
 * DST rules (links included: `Asia/Calcutta`, `America/Argentina/Buenos_Aires`).
 */
const PLACE_AREA = /^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)\//i;
/** tzdb's `backward` country folders: every name in them is a link to a place (`US/Eastern` → `America/New_York`). */
const PLACE_FOLDER = /^(US|Canada|Mexico|Brazil|Chile)\//i;
/** tzdb's `backward` one-word links, each to a place (`PRC` → `Asia/Shanghai`, `Japan` → `Asia/Tokyo`). */
const PLACE_LINK = /^(Cuba|Egypt|Eire|GB|GB-Eire|Hongkong|Iceland|Iran|Israel|Jamaica|Japan|Kwajalein|Libya|Navajo|NZ|NZ-CHAT|Poland|Portugal|PRC|ROC|ROK|Singapore|Turkey|W-SU)$/i;
/** UTC under its other names. Accepted for people: nobody types them meaning a place with DST. */
const UTC_NAME = /^(Etc\/)?(UTC|UCT|Universal|Zulu|Greenwich|GMT([+-]?0)?)$/i;
/**
 * Old names that carry DST rules (tzdb 2024b made them links to places: `EST5EDT` → New York,
 * `CET` → Brussels). Listed so the answer does not depend on the runtime's ICU, where some of
 * them are still zones of their own, with the same rules.
 */
const RULE_NAME = /^(CET|EET|MET|WET|EST5EDT|CST6CDT|MST7MDT|PST8PDT)$/i;
/** `SystemV/EST5`, `SystemV/PST8PDT`: System V names, an hour offset with or without US DST rules; no place. */
const SYSTEM_V = /^SystemV\/([A-Z]{3})(\d+)([A-Z]{3})?$/i;
/** `Etc/GMT+5`: a fixed offset (POSIX sign) under its tzdb name. */
const ETC_OFFSET = /^(Etc\/)?GMT[+-]0*[1-9]\d*$/i;

/** For each US-style abbreviation: the place people usually mean, and a place that keeps the standard offset all year. */
const PLACES_BY_ABBREVIATION: Readonly<Record<string, readonly [usual: string, allYear: string]>> = {
  AST: ['America/Halifax', 'America/Puerto_Rico'],
  EST: ['America/New_York', 'America/Panama'],
  CST: ['America/Chicago', 'America/Regina'],
  MST: ['America/Denver', 'America/Phoenix'],
  PST: ['America/Los_Angeles', 'Pacific/Pitcairn'],
  YST: ['America/Anchorage', 'Pacific/Gambier'],
  HST: ['Pacific/Honolulu', 'Pacific/Honolulu'],
};

/** What to write instead of a fixed-offset abbreviation, by its upper-case spelling. */
const INSTEAD: Readonly<Record<string, string>> = {
  EST: "'America/New_York' (or 'America/Panama' for UTC−05:00 all year)",
  MST: "'America/Denver' (or 'America/Phoenix', which keeps UTC−07:00 all year)",
  HST: "'Pacific/Honolulu'",
};

const fixedMessage = (zone: string, instead: string) =>
  `'${zone}' is a fixed UTC offset with no daylight-saving rules, not a location: use the IANA name of where the person is, ${instead}`;

/** The name Intl resolves a zone to (its canonical zone on this runtime), or null if Intl refuses it. */
function resolvedZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Whether a name is, by its spelling alone, the zone of a place or UTC (no Intl call needed). */
const placeBySpelling = (zone: string) => PLACE_AREA.test(zone) || PLACE_FOLDER.test(zone) || PLACE_LINK.test(zone) || UTC_NAME.test(zone) || RULE_NAME.test(zone);

/**
 * Why a valid zone name cannot be a person's location, or null. A person's zone must be a place
 * (tzdb's `Area/Location` names and their links), so that the offsets follow that place's DST
 * rules: `EST`, `MST`, `HST`, `Etc/GMT±N` and `SystemV/EST5` are fixed offsets, and a New York
 * debtor entered as `EST` would be called at 21:30 EDT all summer. The test is general — the
 * name Intl resolves it to must be a place — with fixed-offset names told which place to write.
 * `UTC` (`Etc/UTC`, `GMT`…) stays accepted: nobody types it meaning a place with DST. Real places
 * without DST (`Asia/Shanghai`, `Asia/Kolkata`, `America/Phoenix`) are places, and accepted.
 *
 * The names tzdb has (`America/…`, `US/Eastern`, `PRC`, `UTC`) are answered by their spelling,
 * without Intl: this runs for every account. Any other name costs one Intl lookup (~50 µs).
 *
 * @param zone - a name `isValidTimeZone` accepts.
 * @returns the message of the issue, or null when the zone is a place (or UTC).
 * @example
 * fixedOffsetProblem('EST');              // "'EST' is a fixed UTC offset … 'America/New_York' …"
 * fixedOffsetProblem('SystemV/MST7');     // "'SystemV/MST7' is a fixed UTC offset … 'America/Denver' (or 'America/Phoenix' …)"
 * fixedOffsetProblem('CST');              // "'CST' is an abbreviation, not a time zone name: … e.g. 'Asia/Shanghai' or 'America/Chicago'"
 * fixedOffsetProblem('America/New_York'); // null
 * fixedOffsetProblem('Asia/Kolkata');     // null
 */
export function fixedOffsetProblem(zone: string): string | null {
  const upper = zone.toUpperCase();
  const named = Object.hasOwn(INSTEAD, upper) ? INSTEAD[upper] : undefined;
  if (named !== undefined) return fixedMessage(zone, named);
  if (ETC_OFFSET.test(zone)) return fixedMessage(zone, "the zone of the place, e.g. 'Asia/Shanghai'");
  const systemV = SYSTEM_V.exec(zone);
  if (systemV !== null) {
    const [, abbreviation = '', hours = '', summer] = systemV;
    const places = PLACES_BY_ABBREVIATION[abbreviation.toUpperCase()];
    if (summer !== undefined) {
      const usual = places === undefined ? "'America/New_York'" : `'${places[0]}'`;
      return `'${zone}' is an obsolete System V name, not a location: use the IANA name of where the person is, e.g. ${usual}`;
    }
    const offset = `UTC−${hours.padStart(2, '0')}:00`;
    const instead =
      places === undefined
        ? "the zone of the place, e.g. 'America/New_York'"
        : places[0] === places[1]
          ? `'${places[0]}'`
          : `e.g. '${places[0]}' (or '${places[1]}' for ${offset} all year)`;
    return fixedMessage(zone, instead);
  }
  if (placeBySpelling(zone)) return null;
  // A bare abbreviation tzdb does not have (`CST`, `IST`, `BST`, `PST`…) is an alias only ICU keeps,
  // for one of the places it can mean: `CST` is Chicago to Intl and China Standard Time to a system
  // in Beijing, which would then call at 23:30 local. Refused whatever Intl reads it as.
  if (!zone.includes('/')) {
    const read = resolvedZone(zone);
    return `'${zone}' is an abbreviation, not a time zone name: it means different places to different systems${read === null ? '' : ` (Intl reads it as '${read}')`} — CST is also China Standard Time, IST India, Ireland or Israel, BST British Summer Time: use the IANA name of the place, e.g. 'Asia/Shanghai' or 'America/Chicago'`;
  }
  // A name this code has never heard of (an ICU-only alias, a future tzdb name): what Intl resolves it to decides.
  const resolved = resolvedZone(zone);
  if (resolved === null || placeBySpelling(resolved)) return null;
  return `'${zone}' is not the time zone of a place (Intl reads it as '${resolved}'), so it may not follow the daylight-saving rules where the person is: use the IANA name of the place, e.g. 'America/New_York' or 'Asia/Shanghai'`;
}

/**
 * The spelling to keep for a zone name `isValidTimeZone` accepts. Intl matches names ignoring
 * ASCII case, so `'america/chicago'` works, but `explain` and every reason would print it back
 * as typed, and two spellings of one zone would look like two zones. A name that is one of the
 * runtime's canonical zones in another case gets that spelling (`'america/chicago'` →
 * `'America/Chicago'`); an all-lower-case alias gets the spelling Intl resolves it to (`'utc'` →
 * `'UTC'`, `'us/eastern'` → `'America/New_York'`); anything else — already spelled with capitals
 * (`'US/Eastern'`, `'Asia/Kolkata'`) — is kept as written, as the person who wrote it chose.
 *
 * @param zone - a valid zone name.
 * @returns the name to keep.
 * @example
 * zoneSpelling('america/chicago'); // 'America/Chicago'
 * zoneSpelling('utc');             // 'UTC'
 * zoneSpelling('Asia/Kolkata');    // 'Asia/Kolkata'
 */
export function zoneSpelling(zone: string): string {
  if (CANONICAL_ZONES.has(zone) || !ASCII.test(zone)) return zone;
  const canonical = CANONICAL_BY_LOWER.get(zone.toLowerCase());
  if (canonical !== undefined) return canonical;
  return zone === zone.toLowerCase() ? (resolvedZone(zone) ?? zone) : zone;
}
