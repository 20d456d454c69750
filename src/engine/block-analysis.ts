/**
 * What a block's condition reads, as far as time goes: whether and how it can change as time
 * passes with the account unchanged (`liftOf`), which way (`directionOf`), and what changes at
 * instants of its own (`readsOf`). Worked out once per block; `BlockLifter` uses it to know which
 * instants to try.
 */
import { collectFactRefs, type FactSource } from '../conditions';
import { FLAG_FACTS } from '../facts/catalogue';
import type { BlockConstraint, Layer } from '../policy/schema/constraints';
import type { Policy } from '../policy/schema/policy';

/**
 * How a block's condition can change as time passes, the account as known at now: never (no
 * condition, or only facts time does not change), at the account's own dated events only (a flag
 * starting or ending, an approval expiring), also at local midnights (day counts, promise dates,
 * ages of attempts), or also within the day (the hour or minute of the day).
 */
export type Lift = 'never' | 'events' | 'time' | 'clock';

/** Facts that stay the same at every instant for the same account. */
const TIMELESS = new Set<string>(['amountDue', 'currency', 'settled', 'legalStage', 'tags', 'jurisdiction', 'attributes', 'contactCount']);
/** Facts that change only at the account's dated events (see `BlockLifter`); records dated after now are not known at now. */
const EVENT_FACTS = new Set<string>([
  ...Object.values(FLAG_FACTS),
  'hasApproval',
  'totalPaid',
  'paymentCount',
  'lastPaymentAt',
  'keptPromises',
  'selfReachable',
  'totalAttempts',
  'lastAttemptAt',
  'lastOutcome',
  'rightPartyContacts',
  'lastRightPartyContactAt',
]);
/** Facts that change within a day, at local hour (or minute) boundaries. */
const CLOCK_FACTS = new Set<string>(['localHour', 'localMinute', 'localMinuteOfDay']);
const MINUTE_FACTS = new Set<string>(['localMinute', 'localMinuteOfDay']);
const ORDER: readonly Lift[] = ['never', 'events', 'time', 'clock'];

/**
 * How a block can lift (see `Lift`), worked out once per policy from the facts its condition reads.
 *
 * @example
 * liftOf({ kind: 'block', id: 'b', when: { all: [{ fact: 'disputed', operator: 'equal', value: true }] }, … }, {}); // 'events'
 */
export function liftOf(block: BlockConstraint, conditions: Policy['conditions']): Lift {
  if (block.when === undefined) return 'never';
  let lift: Lift = 'never';
  const raise = (to: Lift) => {
    if (ORDER.indexOf(to) > ORDER.indexOf(lift)) lift = to;
  };
  for (const { fact } of collectFactRefs(block.when, conditions)) {
    if (TIMELESS.has(fact) || fact.startsWith('attributes.')) continue;
    raise(EVENT_FACTS.has(fact) ? 'events' : CLOCK_FACTS.has(fact) ? 'clock' : 'time');
  }
  return lift;
}

/**
 * Facts that never go down as time passes, the account unchanged (counts of attempts without a
 * `within` only gain the ones that age in; day counts only grow), with their least value.
 */
const RISING: Readonly<Record<string, number>> = {
  daysPastDue: Number.NEGATIVE_INFINITY,
  brokenPromises: 0,
  daysSinceLastAttempt: 0,
  daysSinceLastRightPartyContact: 0,
  daysSinceLastAction: 0,
  daysSinceLastPayment: 0,
  daysSinceFlag: 0,
};

/**
 * Which way a condition can change as time passes between the account's events: `'stops'` —
 * once false it stays false (`attemptCount == 0`, `daysPastDue < 30`); `'starts'` — once true
 * it stays true; `'any'`. Facts that change only at events (or never) are constant in between.
 */
export type Direction = 'stops' | 'starts' | 'any' | 'constant';

function combine(a: Direction, b: Direction): Direction {
  if (a === 'constant') return b;
  if (b === 'constant' || a === b) return a;
  return 'any';
}

/**
 * The `Direction` of a block's condition, worked out once per policy from its comparisons: a
 * rising fact compared with a number (`lessThan`, `equal` to its least value → stops;
 * `greaterThan` → starts), combined through `all` / `any` / `not` and named conditions.
 *
 * @example
 * directionOf({ all: [{ fact: 'attemptCount', params: { minAgeDays: 14 }, operator: 'equal', value: 0 }] }, {}); // 'stops'
 */
export function directionOf(node: unknown, conditions: Policy['conditions'], named: Map<string, Direction | null> = new Map()): Direction {
  if (node === null || typeof node !== 'object') return 'any';
  const n = node as Record<string, unknown>;
  if (Array.isArray(n.all) || Array.isArray(n.any)) return ((n.all ?? n.any) as unknown[]).reduce<Direction>((d, c) => combine(d, directionOf(c, conditions, named)), 'constant');
  if ('not' in n) {
    const d = directionOf(n.not, conditions, named);
    return d === 'stops' ? 'starts' : d === 'starts' ? 'stops' : d;
  }
  if (typeof n.condition === 'string') {
    // Each named condition is worked out once (null while it is: a reference back into it is
    // 'any'); following every reference anew is exponential in a chain of conditions that each
    // name the previous one several times.
    const name = n.condition;
    if (!Object.hasOwn(conditions, name)) return 'any';
    const known = named.get(name);
    if (known !== undefined) return known ?? 'any';
    named.set(name, null);
    const d = directionOf(conditions[name], conditions, named);
    named.set(name, d);
    return d;
  }
  const fact = n.fact;
  if (typeof fact !== 'string') return 'any';
  if (TIMELESS.has(fact) || fact.startsWith('attributes.') || EVENT_FACTS.has(fact)) return 'constant';
  const params = (n.params ?? {}) as Record<string, unknown>;
  const least = fact === 'attemptCount' ? (params.within === undefined ? 0 : undefined) : RISING[fact];
  if (least === undefined || typeof n.value !== 'number' || n.path !== undefined) return 'any';
  switch (n.operator) {
    case 'lessThan':
    case 'lessThanInclusive':
      return 'stops';
    case 'greaterThan':
    case 'greaterThanInclusive':
      return 'starts';
    case 'equal':
      return n.value === least ? 'stops' : 'any';
    case 'notEqual':
      return n.value === least ? 'starts' : 'any';
    default:
      return 'any';
  }
}

/** A block as the engine holds it: its compiled condition, how it may lift, and which way it changes. */
export interface LiftableBlock {
  readonly block: BlockConstraint;
  readonly layer: Layer;
  readonly test: (facts: FactSource) => boolean;
  readonly lift: Lift;
  readonly direction: Direction;
  /** Whether the condition reads the minute of the day (its facts change every minute). */
  readonly minutes: boolean;
  /** The minutes of the day where its minute comparisons can change (`minuteMarksOf`); null: any. */
  readonly minuteMarks: readonly number[] | null;
  /** The rolling `within` durations of the attempt counts it reads: an attempt leaves each at its own instant. */
  readonly within: readonly string[];
}

/**
 * What a block reads that changes at instants of its own: the minute of the day, and rolling
 * `within` durations of attempt counts. Once per policy.
 *
 * @example
 * readsOf({ kind: 'block', id: 'b', when: { all: [{ fact: 'attemptCount', params: { within: 'P3D' }, operator: 'equal', value: 0 }] }, … }, {});
 * // { minutes: false, minuteMarks: [], within: ['P3D'], attempts: true }
 */
export function readsOf(
  block: BlockConstraint,
  conditions: Policy['conditions'],
): { minutes: boolean; minuteMarks: readonly number[] | null; within: string[]; attempts: boolean } {
  const refs = block.when === undefined ? [] : collectFactRefs(block.when, conditions);
  const within = refs.flatMap((r) => (r.fact === 'attemptCount' && typeof r.params?.within === 'string' ? [r.params.within] : []));
  const minutes = refs.some((r) => MINUTE_FACTS.has(r.fact));
  return { minutes, minuteMarks: minutes ? minuteMarksOf(block.when, conditions) : [], within: [...new Set(within)], attempts: refs.some((r) => r.fact === 'attemptCount') };
}

const MINUTES_A_DAY = 1440;

/**
 * The minutes of the day (0–1439) at which a condition's comparisons on `localMinute` or
 * `localMinuteOfDay` can change: each number compared with, and the minute after it (every hour,
 * for `localMinute`). Null when one compares with something else (another fact, a path, a
 * string): then every minute may matter.
 */
function minuteMarksOf(root: unknown, conditions: Policy['conditions']): number[] | null {
  const marks = new Set<number>();
  const followed = new Set<string>();
  let known = true;
  const visit = (node: unknown): void => {
    if (!known || node === null || typeof node !== 'object') return;
    const n = node as Readonly<Record<string, unknown>>;
    for (const key of ['all', 'any'] as const) if (Array.isArray(n[key])) for (const child of n[key] as unknown[]) visit(child);
    if (n.not !== undefined) visit(n.not);
    if (typeof n.condition === 'string' && Object.hasOwn(conditions, n.condition) && !followed.has(n.condition)) {
      followed.add(n.condition);
      visit(conditions[n.condition]);
    }
    if (typeof n.fact !== 'string' || !MINUTE_FACTS.has(n.fact)) return;
    const values = Array.isArray(n.value) ? n.value : [n.value];
    if (n.path !== undefined || !values.every((v): v is number => typeof v === 'number' && Number.isFinite(v))) {
      known = false;
      return;
    }
    for (const v of values) {
      const minute = Math.floor(v);
      for (const m of n.fact === 'localMinute' ? Array.from({ length: 24 }, (_, h) => h * 60 + minute) : [minute]) {
        marks.add((((m % MINUTES_A_DAY) + MINUTES_A_DAY) % MINUTES_A_DAY));
        marks.add((((m + 1) % MINUTES_A_DAY) + MINUTES_A_DAY) % MINUTES_A_DAY);
      }
    }
  };
  visit(root);
  return known ? [...marks].sort((a, b) => a - b) : null;
}

/** Everything time-related a block reads (`liftOf`, `directionOf`, `readsOf`). */
export interface BlockTime {
  readonly lift: Lift;
  readonly direction: Direction;
  readonly minutes: boolean;
  readonly minuteMarks: readonly number[] | null;
  readonly within: readonly string[];
  /** Whether it counts attempts (`attemptCount`): read both ways when the history does not say all it asks. */
  readonly attempts: boolean;
}

/** Blocks belong to one frozen policy: each is analysed once. */
const ANALYSED = new WeakMap<BlockConstraint, BlockTime>();

/**
 * `liftOf`, `directionOf` and `readsOf` of a block together, worked out on first use and kept.
 *
 * @example
 * blockTime(block, policy.conditions).lift; // 'events'
 */
export function blockTime(block: BlockConstraint, conditions: Policy['conditions']): BlockTime {
  let known = ANALYSED.get(block);
  if (known === undefined) {
    known = { lift: liftOf(block, conditions), direction: directionOf(block.when, conditions), ...readsOf(block, conditions) };
    ANALYSED.set(block, known);
  }
  return known;
}
