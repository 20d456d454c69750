import { canonicalJsonOf } from '../canonical-json';
import type { OperatorRegistry } from '../conditions';
import { conditionKind } from '../conditions/schema';
import type { Issue } from '../errors';
import { FACTS, type FactName, factValues } from '../facts/catalogue';
import type { Policy } from './schema/policy';

/*
 * Conditions that can never hold: two comparisons that contradict each other
 * (`daysPastDue greaterThan 30` and `daysPastDue lessThan 10` under one `all`, `disputed equal true`
 * and `disputed equal false`, `bucket in [M1, M2]` and `bucket equal 'M4'`), a comparison no value
 * meets (`bucket in []`), or a `not` over a condition that always holds (`not: { all: [] }`,
 * `not: { bucket notIn [] }`). A rule written so never fires and a block never holds, whatever the
 * account: almost always a slip (`lessThan` for `greaterThan`), and one only an account that
 * should have been caught would reveal.
 *
 * Read statically and soundly: only json-rules-engine's own operators, undecorated, against
 * literals (a `{ fact }` value, a decorator or a custom operator ends the reading), on the same
 * fact with the same `params` and `path`. A condition never holds when an `all` (with nested
 * `all`s and named conditions inlined) has two comparisons that contradict each other, a
 * comparison no value meets, or a child that never holds; when every branch of a non-empty `any`
 * never holds; or when it is a `not` over a condition that always holds (an empty `all` or `any`
 * — json-rules-engine passes both —, `notIn []`, an `any` with a branch that always holds, an
 * `all` whose every child does, a `not` over a condition that never holds).
 *
 * `not` is read as the negated comparison where the negation is exact: `equal` ↔ `notEqual` and
 * `in` ↔ `notIn` always; `lessThan` ↔ `greaterThanInclusive` (and the like) only for a fact the
 * catalogue types `number` (always a number, never null), without `path` — for any other value
 * json-rules-engine's numeric operators answer false, so their `not` holds. A `not` over an `any`
 * is an `all` of negated branches (none of them holds); a `not` over a one-child `all` or `any`, the
 * negated child. Answers are json-rules-engine's whenever it gives one: a comparison that throws
 * (`in` against a non-list) makes no rule fire either.
 */

type Path = readonly (string | number)[];

/** A comparison the reading understands: `fact operator value`, where it is written. */
interface Comparison {
  /** The operator as read: the negation of the written one under a `not`. */
  readonly operator: string;
  readonly value: unknown;
  readonly at: Path;
  /** As written, for the message: `` `daysPastDue greaterThan 10` ``, `` not `daysPastDue greaterThan 10` ``. */
  readonly shown: string;
}

/** Why a condition never holds, and where: two comparisons that contradict each other, or one place. */
export interface Contradiction {
  /** Where the two comparisons are written; one path when one comparison or condition is the cause. */
  readonly at: readonly Path[];
  /** `daysPastDue greaterThan 30` and `daysPastDue lessThan 10` never hold together. */
  readonly message: string;
}

const NUMERIC = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
/** Each operator read, and the one its `not` is (for a fact that is surely a number, for the numeric ones). */
const NEGATED: Readonly<Record<string, string>> = {
  equal: 'notEqual',
  notEqual: 'equal',
  in: 'notIn',
  notIn: 'in',
  lessThan: 'greaterThanInclusive',
  lessThanInclusive: 'greaterThan',
  greaterThan: 'lessThanInclusive',
  greaterThanInclusive: 'lessThan',
};

const primitive = (v: unknown): boolean => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const written = (node: Readonly<Record<string, unknown>>) => `\`${String(node.fact)} ${String(node.operator)} ${JSON.stringify(node.value)}\``;

/** A fact json-rules-engine always gets a number for: typed `number` in the catalogue (not `number | null`), read whole. */
const surelyNumber = (node: Readonly<Record<string, unknown>>): boolean => node.path === undefined && typeof node.fact === 'string' && Object.hasOwn(FACTS, node.fact) && FACTS[node.fact as FactName].type === 'number';

/**
 * Whether `value` can satisfy a comparison, as json-rules-engine reads it: === for `equal` and
 * `in`, JavaScript's `<` for numbers (after its check that the fact reads as a number).
 */
function admits(c: Comparison, value: unknown): boolean {
  switch (c.operator) {
    case 'equal':
      return value === c.value;
    case 'notEqual':
      return value !== c.value;
    case 'in':
      return (c.value as readonly unknown[]).includes(value);
    case 'notIn':
      return !(c.value as readonly unknown[]).includes(value);
    default: {
      if (typeof value !== 'number') return true; // not read: only numbers are compared here
      const bound = c.value as number;
      if (c.operator === 'lessThan') return value < bound;
      if (c.operator === 'lessThanInclusive') return value <= bound;
      if (c.operator === 'greaterThan') return value > bound;
      return value >= bound;
    }
  }
}

/** The values a comparison allows when they are few (`equal`, `in`), else undefined. */
const valuesOf = (c: Comparison): readonly unknown[] | undefined => (c.operator === 'equal' ? [c.value] : c.operator === 'in' ? (c.value as readonly unknown[]) : undefined);

/**
 * Two comparisons of one fact that no value meets together, or null. Values a comparison lists
 * (`equal`, `in`) are tried against the other; two numeric bounds are compared as an interval,
 * over whole numbers for a fact that only takes whole numbers.
 */
function clash(a: Comparison, b: Comparison, integer: boolean): boolean {
  const listed = valuesOf(a) ?? valuesOf(b);
  if (listed !== undefined) {
    const [list, other] = valuesOf(a) !== undefined ? [a, b] : [b, a];
    const values = valuesOf(list) ?? listed;
    // `in []` never holds on its own: reported as such, not as a pair.
    return values.length > 0 && values.every((v) => !admits(other, v));
  }
  if (!NUMERIC.includes(a.operator) || !NUMERIC.includes(b.operator)) return false;
  const [low, high] = a.operator.startsWith('greater') ? [a, b] : [b, a];
  if (!low.operator.startsWith('greater') || high.operator.startsWith('greater')) return false;
  let lo = low.value as number;
  let hi = high.value as number;
  let openLo = low.operator === 'greaterThan';
  let openHi = high.operator === 'lessThan';
  if (integer) {
    // Over whole numbers, `> 30` is `>= 31` and `< 31.5` is `<= 31`.
    lo = openLo ? Math.floor(lo) + 1 : Math.ceil(lo);
    hi = openHi ? Math.ceil(hi) - 1 : Math.floor(hi);
    openLo = false;
    openHi = false;
  }
  return lo > hi || (lo === hi && (openLo || openHi));
}

interface Reading {
  readonly conditions: Readonly<Record<string, unknown>>;
  readonly operators: OperatorRegistry;
  /**
   * What each named condition was found to be, read once per policy: a name may be referred to
   * many times at every level of a chain (ten times each, eight levels deep is 10^8 readings).
   * Set to null before a name is read, which also ends a cycle. `named`: why it never holds;
   * `always`: why it always holds.
   */
  readonly named: Map<string, Contradiction | null>;
  readonly always: Map<string, Held | null>;
}

type Groups = Map<string, { fact: string; integer: boolean; list: Comparison[] }>;

/**
 * The comparisons that must all hold for `node` to hold (`negated`: for it not to hold), by fact,
 * params and path: an `all`'s (nested `all`s and named conditions inlined), a `not`'s read negated,
 * an `any`'s under a `not` (none of its branches holds). Comparisons whose negation is not exact are
 * left out: fewer comparisons only find fewer contradictions. `inlined`: the names already inlined,
 * each once per sense (the same name adds the same comparisons; this also ends a cycle).
 */
function collect(node: unknown, at: Path, negated: boolean, reading: Reading, inlined: Set<string>, out: Groups): void {
  const kind = conditionKind(node);
  if (kind === undefined) return;
  const n = node as Readonly<Record<string, unknown>>;
  if (kind === 'all' || kind === 'any') {
    const children = n[kind];
    // A conjunction: an `all`, or an `any` under a `not`; one child is the child itself.
    if (Array.isArray(children) && ((kind === 'all') !== negated || children.length === 1)) {
      children.forEach((child: unknown, i) => collect(child, [...at, kind, i], negated, reading, inlined, out));
    }
  } else if (kind === 'not') {
    collect(n.not, [...at, 'not'], !negated, reading, inlined, out);
  } else if (kind === 'condition') {
    const name = n.condition;
    const key = `${negated}:${String(name)}`;
    if (typeof name !== 'string' || inlined.has(key) || !Object.hasOwn(reading.conditions, name)) return;
    inlined.add(key);
    collect(reading.conditions[name], ['conditions', name], negated, reading, inlined, out);
  } else {
    const { fact, operator: op, value } = n;
    if (typeof fact !== 'string' || typeof op !== 'string' || !Object.hasOwn(NEGATED, op) || !reading.operators.isBuiltIn(op)) return;
    const ok = NUMERIC.includes(op) ? typeof value === 'number' && Number.isFinite(value) : op === 'in' || op === 'notIn' ? Array.isArray(value) && value.every(primitive) : primitive(value);
    if (!ok || (negated && NUMERIC.includes(op) && !surelyNumber(n))) return;
    const key = canonicalJsonOf([fact, n.params ?? null, n.path ?? null]);
    let group = out.get(key);
    if (group === undefined) {
      const domain = n.path === undefined ? factValues(fact, undefined) : undefined;
      out.set(key, (group = { fact, integer: domain?.kind === 'number' && domain.integer, list: [] }));
    }
    group.list.push({ operator: negated ? (NEGATED[op] as string) : op, value, at, shown: negated ? `not ${written(n)}` : written(n) });
  }
}

/** A comparison no value meets on its own (`in []`), or two that none meets together, in `node`'s comparisons. */
function contradictionIn(node: unknown, at: Path, reading: Reading): Contradiction | null {
  const groups: Groups = new Map();
  collect(node, at, false, reading, new Set(), groups);
  for (const { integer, list } of groups.values()) {
    for (const [j, b] of list.entries()) {
      if (valuesOf(b)?.length === 0) return { at: [b.at], message: `${b.shown} holds for no value (nothing is in an empty list)` };
      for (const a of list.slice(0, j)) {
        if (clash(a, b, integer)) return { at: [a.at, b.at], message: `${a.shown} and ${b.shown} never hold together` };
      }
    }
  }
  return null;
}

/** Reads a named condition once (see `Reading`): its answer, or null while it is being read. */
function readNamed<T>(memo: Map<string, T | null>, name: string, read: () => T | null): T | null {
  if (memo.has(name)) return memo.get(name) ?? null;
  memo.set(name, null);
  const found = read();
  memo.set(name, found);
  return found;
}

const named = (node: Readonly<Record<string, unknown>>, reading: Reading): string | undefined =>
  typeof node.condition === 'string' && Object.hasOwn(reading.conditions, node.condition) ? node.condition : undefined;

/**
 * Why a condition tree never holds, or null when it may: two comparisons of one `all` that
 * contradict each other or one no value meets, found through nested `all`s, named conditions,
 * `not`s and `any`s whose every branch never holds; or a `not` over a condition that always holds.
 *
 * @example
 * neverHolds({ all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 30 }, { fact: 'daysPastDue', operator: 'lessThan', value: 10 }] }, ['rules', 0, 'when'], { conditions: {}, operators: createOperatorRegistry(), named: new Map(), always: new Map() });
 * // { at: [['rules', 0, 'when', 'all', 0], ['rules', 0, 'when', 'all', 1]], message: '`daysPastDue greaterThan 30` and `daysPastDue lessThan 10` never hold together' }
 */
export function neverHolds(root: unknown, at: Path, reading: Reading): Contradiction | null {
  const kind = conditionKind(root);
  if (kind === undefined) return null;
  const node = root as Readonly<Record<string, unknown>>;
  if (kind === 'condition') {
    const name = named(node, reading);
    return name === undefined ? null : readNamed(reading.named, name, () => neverHolds(reading.conditions[name], ['conditions', name], reading));
  }
  if (kind === 'any') {
    if (!Array.isArray(node.any) || node.any.length === 0) return null;
    const branches = node.any.map((child: unknown, i) => neverHolds(child, [...at, 'any', i], reading));
    return branches.every((b) => b !== null) ? (branches[0] as Contradiction) : null;
  }
  if (kind === 'not') {
    const held = alwaysHolds(node.not, [...at, 'not'], reading);
    if (held !== null) return { at: [held.at], message: `a \`not\` over ${held.what}, which always holds` };
  }
  if (kind === 'all') {
    if (!Array.isArray(node.all)) return null;
    for (const [i, child] of node.all.entries()) {
      // A child may never hold on its own (its comparisons are read with the `all`'s below too).
      const inner = conditionKind(child) === 'fact' ? null : neverHolds(child, [...at, 'all', i], reading);
      if (inner !== null) return inner;
    }
  }
  return contradictionIn(node, at, reading);
}

/** Why a condition always holds: what it is, and where. */
interface Held {
  /** `` `bucket notIn []` ``, `an empty \`all\``… */
  readonly what: string;
  readonly at: Path;
}

/**
 * Why a condition tree always holds (whenever json-rules-engine answers), or null when it may fail:
 * an empty `all` or `any`, `notIn []`, an `any` with a branch that always holds, an `all` whose
 * every child does, a `not` over a condition that never holds (see `neverHolds`).
 *
 * @example
 * alwaysHolds({ any: [] }, ['rules', 0, 'when', 'not'], reading); // { what: 'an empty `any`', at: ['rules', 0, 'when', 'not'] }
 */
function alwaysHolds(root: unknown, at: Path, reading: Reading): Held | null {
  const kind = conditionKind(root);
  if (kind === undefined) return null;
  const node = root as Readonly<Record<string, unknown>>;
  switch (kind) {
    case 'condition': {
      const name = named(node, reading);
      return name === undefined ? null : readNamed(reading.always, name, () => alwaysHolds(reading.conditions[name], ['conditions', name], reading));
    }
    case 'not':
      return neverHolds(node.not, [...at, 'not'], reading) === null ? null : { what: 'a `not` over a condition that never holds', at };
    case 'fact': {
      const empty = node.operator === 'notIn' && Array.isArray(node.value) && node.value.length === 0 && reading.operators.isBuiltIn('notIn');
      return empty ? { what: written(node), at } : null;
    }
    default: {
      const children = node[kind];
      if (!Array.isArray(children)) return null;
      if (children.length === 0) return { what: `an empty \`${kind}\``, at };
      const held = children.map((child: unknown, i) => alwaysHolds(child, [...at, kind, i], reading));
      if (kind === 'any') return held.find((h) => h !== null) ?? null;
      return held.every((h) => h !== null) ? { what: 'an `all` whose every condition always holds', at } : null;
    }
  }
}

const where = (path: Path) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
const explained = (found: Contradiction) => `${found.message} (${found.at.map(where).join(', ')}): ${found.at.length === 2 ? 'fix one of the two' : 'fix it'}`;

/**
 * Warnings for rules that never fire and blocks that never hold because their `when` contradicts
 * itself (see `neverHolds`): `rule_never_fires` at the rule's `when`, `constraint_never_applies`
 * at the block's.
 *
 * @example
 * contradictoryConditions(policy, createOperatorRegistry()).forEach((w) => console.warn(w.message));
 */
export function contradictoryConditions(policy: Policy, operators: OperatorRegistry): Issue[] {
  const reading: Reading = { conditions: policy.conditions ?? {}, operators, named: new Map(), always: new Map() };
  const warnings: Issue[] = [];
  policy.rules.forEach((rule, r) => {
    const path = ['rules', r, 'when'];
    const found = neverHolds(rule.when, path, reading);
    if (found !== null) warnings.push({ code: 'rule_never_fires', path, message: `rule '${rule.id}' never fires: ${explained(found)}` });
  });
  policy.compliance.forEach((layer, l) => {
    layer.constraints.forEach((c, k) => {
      if (c.kind !== 'block' || c.when === undefined) return;
      const path = ['compliance', l, 'constraints', k, 'when'];
      const found = neverHolds(c.when, path, reading);
      if (found !== null) warnings.push({ code: 'constraint_never_applies', path, message: `block '${c.id}' never holds: ${explained(found)}` });
    });
  });
  return warnings;
}
