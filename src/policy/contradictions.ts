import { canonicalJsonOf } from '../canonical-json';
import type { OperatorRegistry } from '../conditions';
import { conditionKind } from '../conditions/schema';
import type { Issue } from '../errors';
import { factValues } from '../facts/catalogue';
import type { Policy } from './schema/policy';

/*
 * Conditions that can never hold because two of their comparisons contradict each other:
 * `daysPastDue greaterThan 30` and `daysPastDue lessThan 10` under one `all`, `disputed equal true`
 * and `disputed equal false`, `bucket in [M1, M2]` and `bucket equal 'M4'`. A rule written so
 * never fires and a block never holds, whatever the account: almost always a slip (`lessThan` for
 * `greaterThan`), and one only an account that should have been caught would reveal.
 *
 * Read statically and soundly: only json-rules-engine's own operators, undecorated, against
 * literals (a `{ fact }` value, a decorator or a custom operator ends the reading), on the same
 * fact with the same `params` and `path`. A condition never holds when an `all` (with nested
 * `all`s and named conditions inlined) has two comparisons that contradict each other or a child
 * that never holds, or when every branch of a non-empty `any` never holds. `not` is not read.
 */

type Path = readonly (string | number)[];

/** A comparison the reading understands: `fact operator value`, where it is written. */
interface Comparison {
  readonly operator: string;
  readonly value: unknown;
  readonly at: Path;
}

/** Why a condition never holds: two comparisons that contradict each other. */
export interface Contradiction {
  readonly first: Path;
  readonly second: Path;
  /** `daysPastDue greaterThan 30` and `daysPastDue lessThan 10` never hold together. */
  readonly message: string;
}

const NUMERIC = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
const READ = ['equal', 'notEqual', 'in', 'notIn', ...NUMERIC];

const primitive = (v: unknown): boolean => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const shown = (fact: string, c: Comparison) => `\`${fact} ${c.operator} ${JSON.stringify(c.value)}\``;

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
    // `in []` never holds on its own: not a contradiction between two comparisons.
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
   * Set to null before a name is read, which also ends a cycle.
   */
  readonly named: Map<string, Contradiction | null>;
}

/**
 * The comparisons of an `all` (nested `all`s and named conditions inlined), by fact, params and
 * path. `inlined`: the names already inlined, each once (the same name adds the same comparisons;
 * this also ends a cycle).
 */
function collect(node: Readonly<Record<string, unknown>>, at: Path, reading: Reading, inlined: Set<string>, out: Map<string, { fact: string; integer: boolean; list: Comparison[] }>): void {
  const kind = conditionKind(node);
  if (kind === 'all' && Array.isArray(node.all)) {
    node.all.forEach((child: unknown, i) => {
      if (child !== null && typeof child === 'object') collect(child as Readonly<Record<string, unknown>>, [...at, 'all', i], reading, inlined, out);
    });
  } else if (kind === 'condition' && typeof node.condition === 'string' && !inlined.has(node.condition) && Object.hasOwn(reading.conditions, node.condition)) {
    inlined.add(node.condition);
    const tree = reading.conditions[node.condition];
    if (tree !== null && typeof tree === 'object') collect(tree as Readonly<Record<string, unknown>>, ['conditions', node.condition], reading, inlined, out);
  } else if (kind === 'fact') {
    const { fact, operator, value } = node;
    if (typeof fact !== 'string' || typeof operator !== 'string' || !READ.includes(operator) || !reading.operators.isBuiltIn(operator)) return;
    const ok = NUMERIC.includes(operator) ? typeof value === 'number' && Number.isFinite(value) : operator === 'in' || operator === 'notIn' ? Array.isArray(value) && value.every(primitive) : primitive(value);
    if (!ok) return;
    const key = canonicalJsonOf([fact, node.params ?? null, node.path ?? null]);
    let group = out.get(key);
    if (group === undefined) {
      const domain = node.path === undefined ? factValues(fact, undefined) : undefined;
      out.set(key, (group = { fact, integer: domain?.kind === 'number' && domain.integer, list: [] }));
    }
    group.list.push({ operator, value, at });
  }
}

/**
 * Why a condition tree never holds, or null when it may: two comparisons of one `all` that
 * contradict each other, found through nested `all`s, named conditions and `any`s whose every
 * branch never holds.
 *
 * @example
 * neverHolds({ all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 30 }, { fact: 'daysPastDue', operator: 'lessThan', value: 10 }] }, ['rules', 0, 'when'], { conditions: {}, operators: createOperatorRegistry(), named: new Map() });
 * // { first: ['rules', 0, 'when', 'all', 0], second: ['rules', 0, 'when', 'all', 1], message: '`daysPastDue greaterThan 30` and `daysPastDue lessThan 10` never hold together' }
 */
export function neverHolds(root: unknown, at: Path, reading: Reading): Contradiction | null {
  if (root === null || typeof root !== 'object') return null;
  const node = root as Readonly<Record<string, unknown>>;
  const kind = conditionKind(node);
  if (kind === 'condition' && typeof node.condition === 'string' && Object.hasOwn(reading.conditions, node.condition)) {
    const name = node.condition;
    if (reading.named.has(name)) return reading.named.get(name) ?? null;
    reading.named.set(name, null);
    const found = neverHolds(reading.conditions[name], ['conditions', name], reading);
    reading.named.set(name, found);
    return found;
  }
  if (kind === 'any' && Array.isArray(node.any) && node.any.length > 0) {
    const branches = node.any.map((child: unknown, i) => neverHolds(child, [...at, 'any', i], reading));
    return branches.every((b) => b !== null) ? (branches[0] as Contradiction) : null;
  }
  if (kind !== 'all' || !Array.isArray(node.all)) return null;
  for (const [i, child] of node.all.entries()) {
    // An `any` or a named condition may never hold on its own (its comparisons are inlined below too).
    const kindOf = conditionKind(child);
    const inner = kindOf === 'any' || kindOf === 'condition' || kindOf === 'all' ? neverHolds(child, [...at, 'all', i], reading) : null;
    if (inner !== null) return inner;
  }
  const groups = new Map<string, { fact: string; integer: boolean; list: Comparison[] }>();
  collect(node, at, reading, new Set(), groups);
  for (const { fact, integer, list } of groups.values()) {
    for (let j = 1; j < list.length; j++) {
      for (let i = 0; i < j; i++) {
        const [a, b] = [list[i] as Comparison, list[j] as Comparison];
        if (clash(a, b, integer)) return { first: a.at, second: b.at, message: `${shown(fact, a)} and ${shown(fact, b)} never hold together` };
      }
    }
  }
  return null;
}

const where = (path: Path) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/**
 * Warnings for rules that never fire and blocks that never hold because their `when` contradicts
 * itself (see `neverHolds`): `rule_never_fires` at the rule's `when`, `constraint_never_applies`
 * at the block's.
 *
 * @example
 * contradictoryConditions(policy, createOperatorRegistry()).forEach((w) => console.warn(w.message));
 */
export function contradictoryConditions(policy: Policy, operators: OperatorRegistry): Issue[] {
  const reading: Reading = { conditions: policy.conditions ?? {}, operators, named: new Map() };
  const warnings: Issue[] = [];
  policy.rules.forEach((rule, r) => {
    const path = ['rules', r, 'when'];
    const found = neverHolds(rule.when, path, reading);
    if (found !== null) {
      warnings.push({ code: 'rule_never_fires', path, message: `rule '${rule.id}' never fires: ${found.message} (${where(found.first)}, ${where(found.second)}): fix one of the two` });
    }
  });
  policy.compliance.forEach((layer, l) => {
    layer.constraints.forEach((c, k) => {
      if (c.kind !== 'block' || c.when === undefined) return;
      const path = ['compliance', l, 'constraints', k, 'when'];
      const found = neverHolds(c.when, path, reading);
      if (found !== null) {
        warnings.push({ code: 'constraint_never_applies', path, message: `block '${c.id}' never holds: ${found.message} (${where(found.first)}, ${where(found.second)}): fix one of the two` });
      }
    });
  });
  return warnings;
}
