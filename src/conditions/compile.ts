import type { OperatorRegistry } from './operators';
import { compilePath } from './json-path';
import type { ComparisonCondition, Condition, FactReference, TopLevelCondition } from './schema';
import { canonicalJsonOf } from '../canonical-json';

/** Where compiled conditions read facts from. */
export interface FactSource {
  /**
   * The value of `fact` for these params, or `undefined` when there is no such fact: missing facts
   * behave as in json-rules-engine with `allowUndefinedFacts: true`.
   */
  get(fact: string, params: Readonly<Record<string, unknown>> | undefined): unknown;
}

/** What a condition tree is compiled against. */
export interface CompileOptions {
  readonly operators: OperatorRegistry;
  /** Named conditions, referenced as `{ "condition": "name" }`. */
  readonly conditions?: Readonly<Record<string, TopLevelCondition>>;
}

/** A compiled condition tree: synchronous, true exactly when json-rules-engine's rule would fire. */
export type CompiledCondition = (facts: FactSource) => boolean;

/**
 * A compiled node. It returns json-rules-engine's RAW value, not a boolean: a single comparison
 * under `all`/`any` hands its operator's result through untouched (a custom operator returning
 * 'yes' passes at the root but is not `=== true` for a parent with several children), so
 * coercing early would change answers.
 */
type Node = (facts: FactSource) => unknown;

/**
 * Compiles a condition tree once into a synchronous function that gives json-rules-engine's answer
 * (does the rule fire?) for any facts. Named references are resolved now; priority sets are sorted
 * now; `path`s become small accessors; operators are json-rules-engine's own (see the registry).
 *
 * json-rules-engine semantics kept, on purpose:
 * - siblings run by priority set, highest first; a set that decides `all` (a failure) or `any` (a
 *   success) stops the later sets, but every condition IN a set is evaluated (so one that throws
 *   still throws even when a sibling already decided);
 * - an empty `all` and an empty `any` are both true;
 * - missing facts are `undefined`; a `path` on a non-object fact value returns the value itself.
 * Errors: wherever json-rules-engine would reject (unknown operator, unknown named condition, an
 * operator that throws, such as `in` against a non-array), the compiled function throws an Error
 * (an `OperandError` for an operator that throws, built-in or custom, with the original error as
 * its `cause`), and only when that branch is actually reached, as in json-rules-engine. A named condition that
 * re-enters itself throws where json-rules-engine overflows the stack or never settles.
 * Throws at compile time only for a `path` outside the safe subset (`schema.ts` rejects those).
 *
 * @summary Compiles a json-rules-engine condition tree into a synchronous predicate.
 * @param root - the tree's root (all / any / not / condition reference).
 * @param options - the operator registry and the named conditions.
 * @returns `(facts) => boolean`.
 * @example
 * const when = compileCondition(
 *   { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 30 }] },
 *   { operators: createOperatorRegistry() },
 * );
 * when({ get: (fact) => (fact === 'daysPastDue' ? 45 : undefined) }); // true
 */
export function compileCondition(root: TopLevelCondition, options: CompileOptions): CompiledCondition {
  const compiler = new Compiler(options.operators, options.conditions ?? {});
  const top = compiler.root(root);
  if (!compiler.usesNamed) return (facts) => Boolean(top(facts));
  const run = compiler.run;
  return (facts) => {
    // A new run: named conditions answered in an earlier call (other facts) are answered anew.
    const outer = run.id;
    run.id = ++run.last;
    try {
      return Boolean(top(facts));
    } finally {
      run.id = outer;
    }
  };
}

/** A compiled named condition and its answer in the run it was last evaluated in. */
interface NamedCell {
  node: Node;
  run: number;
  threw: boolean;
  result: unknown;
}

/** Compilation state for one tree; nothing outlives a `compileCondition` call but the closures. */
class Compiler {
  /** Compiled named conditions, shared by every reference (no exponential inlining). */
  readonly #named = new Map<string, NamedCell>();
  readonly #compiling = new Set<string>();
  readonly #reentrant = new Set<string>();
  /** The current evaluation (0: none) and the last one started. */
  readonly run = { id: 0, last: 0 };
  usesNamed = false;

  constructor(
    private readonly operators: OperatorRegistry,
    private readonly conditions: Readonly<Record<string, TopLevelCondition>>,
  ) {}

  /** Rule#evaluate: the root's all/any/not is run directly, so a lone child's raw value survives. */
  root(c: TopLevelCondition): Node {
    const at: ConditionLocation = { named: null, path: [] };
    if ('any' in c) return this.group(c.any, 'any', at);
    if ('all' in c) return this.group(c.all, 'all', at);
    if ('not' in c) {
      const inner = this.node(c.not, within(at, 'not'));
      return (f) => !inner(f);
    }
    return this.reference(c.condition);
  }

  /** evaluateCondition: boolean operators yield `=== true`; comparisons yield the raw result. */
  node(c: Condition, at: ConditionLocation): Node {
    // Checked in json-rules-engine's order (Condition.booleanOperator: any, all, not).
    if ('any' in c || 'all' in c) {
      const group = 'any' in c ? this.group(c.any, 'any', at) : this.group(c.all, 'all', at);
      return (f) => group(f) === true;
    }
    if ('not' in c) {
      const inner = this.node(c.not, within(at, 'not'));
      return (f) => !inner(f);
    }
    if ('condition' in c) return this.reference(c.condition);
    return this.comparison(c, at);
  }

  /** prioritizeAndRun. */
  group(children: readonly Condition[], op: 'all' | 'any', at: ConditionLocation): Node {
    if (children.length === 0) return () => true;
    if (children.length === 1) return this.node(children[0] as Condition, within(at, op, 0));
    const sets = prioritySets(children).map((set) => set.map(({ c, index }) => this.node(c, within(at, op, index))));
    if (op === 'all') {
      return (f) => {
        for (const set of sets) {
          let ok = true;
          for (const node of set) if (node(f) !== true) ok = false;
          if (!ok) return false;
        }
        return true;
      };
    }
    return (f) => {
      for (const set of sets) {
        let hit = false;
        for (const node of set) if (node(f) === true) hit = true;
        if (hit) return true;
      }
      return false;
    };
  }

  /** Rule#realize: the named condition evaluated in place of the reference. */
  reference(name: string): Node {
    const known = this.#named.get(name);
    if (known !== undefined) {
      if (!this.#compiling.has(name)) return this.#once(known);
      // A reference back into a condition still being compiled: bind late, guard it (below).
      this.#reentrant.add(name);
      return this.#once(known);
    }
    if (!Object.hasOwn(this.conditions, name)) {
      const message = `No condition ${name} exists`;
      return () => {
        throw new Error(message);
      };
    }
    this.usesNamed = true;
    const cell: NamedCell = { node: unreachable, run: 0, threw: false, result: undefined };
    this.#named.set(name, cell);
    this.#compiling.add(name);
    const node = this.node(this.conditions[name] as Condition, { named: name, path: [] });
    this.#compiling.delete(name);
    cell.node = this.#reentrant.has(name) ? guardReentry(name, node) : node;
    return this.#once(cell);
  }

  /**
   * A named condition is evaluated once per run, its answer (or error) reused by every other
   * reference: the facts do not change within a run, and evaluating each reference anew is
   * exponential when conditions name each other several times over (c2 = all of c1 ten times…).
   */
  #once(cell: NamedCell): Node {
    const run = this.run;
    return (f) => {
      if (cell.run === run.id && run.id !== 0) {
        if (cell.threw) throw cell.result;
        return cell.result;
      }
      try {
        cell.result = cell.node(f);
        cell.threw = false;
      } catch (error) {
        cell.result = error;
        cell.threw = true;
      }
      cell.run = run.id;
      if (cell.threw) throw cell.result;
      return cell.result;
    };
  }

  /** Condition#evaluate: value and fact, then the operator's own evaluate(). */
  comparison(c: ComparisonCondition, at: ConditionLocation): Node {
    const op = this.operators.get(c.operator);
    if (op === undefined) {
      const message = `Unknown operator: ${c.operator}`;
      return () => {
        throw new Error(message);
      };
    }
    const left = factReader(c.fact, c.params, c.path);
    const right = isFactReference(c.value) ? factReader(c.value.fact, c.value.params, c.value.path) : constant(c.value);
    // An operator that throws — json-rules-engine's own on values it cannot take (`in` searching
    // undefined), or a custom one on whatever its author did not expect — throws an OperandError
    // naming the comparison and the two values, the original error as its `cause`: the engine
    // reports either as CONDITION_FAILED at the condition, never as a bare TypeError.
    const builtIn = this.operators.isBuiltIn?.(c.operator) ?? false;
    return (f) => {
      const rhs = right(f);
      const lhs = left(f);
      let result: unknown;
      try {
        result = op.evaluate(lhs, rhs);
        // json-rules-engine awaits an operator's result; conditions here run synchronously and
        // cannot, so a Promise would pass as a truthy value (and fail every `not` over it).
        if (!builtIn && isThenable(result)) throw new PendingResult();
      } catch (error) {
        throw new OperandError(c, lhs, rhs, error, builtIn, at);
      }
      return result;
    };
  }
}

/** What a custom operator returned instead of an answer: a Promise, which no synchronous evaluation can wait for. */
class PendingResult extends Error {
  constructor() {
    super('returned a Promise');
    this.name = 'PendingResult';
  }
}

/** A Promise or any thenable: what json-rules-engine would await (reading `then` may throw: a Proxy). */
function isThenable(value: unknown): boolean {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * An operator threw on the values of one decision: the comparison, the two values and the
 * operator's own message, with the original error as `cause`. `builtIn` tells json-rules-engine's
 * operators (the condition must guard its values) from custom ones (the operator's code threw).
 * The engine reports it as `CONDITION_FAILED` at the condition's path.
 *
 * @example
 * new OperandError({ fact: 'tags', operator: 'in', value: 'x' }, ['a'], undefined, new TypeError('…'), true).message;
 * // "'in' cannot compare fact 'tags' = [\"a\"] with undefined (absent): json-rules-engine threw \"…\"; …"
 */
export class OperandError extends Error {
  /** Whether the operator is json-rules-engine's own (true) or a custom one given by the caller. */
  readonly builtIn: boolean;
  /** Where the comparison is: in the tree compiled (`named` null) or in a named condition. */
  readonly at: ConditionLocation;

  constructor(condition: ComparisonCondition, fact: unknown, value: unknown, cause: unknown, builtIn = true, at: ConditionLocation = { named: null, path: [] }) {
    const shown = (v: unknown) => {
      let text: string;
      try {
        text = v === undefined ? 'undefined (absent)' : (JSON.stringify(v) ?? String(v));
      } catch {
        // A value JSON cannot write (a bigint a custom operator compares, a cycle): its type will do.
        text = `a ${typeof v}`;
      }
      return text.length > 80 ? `${text.slice(0, 77)}...` : text;
    };
    const said = `"${cause instanceof Error ? cause.message : String(cause)}"`;
    const comparing = `fact '${condition.fact}' = ${shown(fact)} with ${shown(value)}`;
    super(
      builtIn
        ? `'${condition.operator}' cannot compare ${comparing}: json-rules-engine threw ${said}; guard the comparison (e.g. check the fact first) or use an operator that fits the value`
        : cause instanceof PendingResult
          ? `the custom operator '${condition.operator}' returned a Promise comparing ${comparing}: conditions are evaluated synchronously and cannot wait for it; make the operator synchronous (look the value up before deciding and pass it in \`attributes\`)`
          : `the custom operator '${condition.operator}' threw ${said} comparing ${comparing}; make it return false for values it cannot take, or give it a validator (a falsy validator fails the comparison without calling it)`,
      { cause },
    );
    this.name = 'OperandError';
    this.builtIn = builtIn;
    this.at = at;
  }
}

/**
 * Where a comparison is written: its path from the root of the tree compiled (`named: null`), or
 * from the root of a named condition (`conditions.<named>` in a policy).
 */
export interface ConditionLocation {
  readonly named: string | null;
  readonly path: readonly (string | number)[];
}

const within = (at: ConditionLocation, ...steps: (string | number)[]): ConditionLocation => ({ named: at.named, path: [...at.path, ...steps] });

/** Rule#prioritizeConditions: sets by priority (default 1), highest first, order kept within; each child keeps its index. */
function prioritySets(children: readonly Condition[]): { c: Condition; index: number }[][] {
  const sets = new Map<number, { c: Condition; index: number }[]>();
  for (const [index, c] of children.entries()) {
    const p = c.priority ?? 1;
    const set = sets.get(p);
    if (set === undefined) sets.set(p, [{ c, index }]);
    else set.push({ c, index });
  }
  return [...sets.entries()].sort(([a], [b]) => b - a).map(([, set]) => set);
}

/** Almanac#factValue: `path` only applies to object values (see compilePath). */
function factReader(fact: string, params: Readonly<Record<string, unknown>> | undefined, path: string | undefined): Node {
  if (path === undefined || path === '') return (f) => f.get(fact, params);
  const at = compilePath(path);
  return (f) => at(f.get(fact, params));
}

function constant(value: unknown): Node {
  return () => value;
}

/** Almanac#getValue: ANY object with an own `fact` key is a fact reference. */
function isFactReference(value: unknown): value is FactReference {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, 'fact');
}

function unreachable(): never {
  throw new Error('internal: a named condition was used before it was compiled');
}

/**
 * A named condition evaluated while it is already being evaluated recurses forever in
 * json-rules-engine (same facts, same path): it overflows the stack or never settles. Throw.
 */
function guardReentry(name: string, node: Node): Node {
  let active = false;
  return (f) => {
    if (active) throw new Error(`condition '${name}' refers back to itself`);
    active = true;
    try {
      return node(f);
    } finally {
      active = false;
    }
  };
}

/** A fact a condition tree reads, with the params it reads it with. */
export interface FactRef {
  readonly fact: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/**
 * Every fact a condition tree can read: comparison facts, `{ fact }` values, and the same inside
 * the named conditions it references (followed once each, cycles included). Deduplicated by fact
 * and params (compared as canonical JSON; `params: {}` counts as no params, as json-rules-engine
 * passes `{}` when there are none). Used to derive only the facts a policy needs.
 *
 * @summary Lists the facts (and params) a condition tree uses.
 * @param root - the tree; shapes it does not recognise are skipped, not reported.
 * @param conditions - the named conditions references point to.
 * @returns one entry per distinct fact + params, in first-seen order.
 * @example
 * collectFactRefs(
 *   { any: [{ fact: 'balance', operator: 'greaterThan', value: { fact: 'threshold', params: { tier: 1 } } },
 *           { condition: 'late' }] },
 *   { late: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 30 }] } },
 * );
 * // [{ fact: 'balance' }, { fact: 'threshold', params: { tier: 1 } }, { fact: 'daysPastDue' }]
 */
export function collectFactRefs(root: TopLevelCondition | Condition, conditions: Readonly<Record<string, unknown>> = {}): FactRef[] {
  const refs = new Map<string, FactRef>();
  const followed = new Set<string>();
  const add = (fact: unknown, params: unknown): void => {
    if (typeof fact !== 'string') return;
    const p = isRecord(params) && Object.keys(params).length > 0 ? params : undefined;
    const key = p === undefined ? fact : `${fact} ${canonicalJsonOf(p)}`;
    if (!refs.has(key)) refs.set(key, p === undefined ? { fact } : { fact, params: p });
  };
  const visit = (c: unknown): void => {
    if (!isRecord(c)) return;
    if (Array.isArray(c.any) || Array.isArray(c.all)) {
      for (const child of (Array.isArray(c.any) ? c.any : c.all) as unknown[]) visit(child);
    } else if (Object.hasOwn(c, 'not')) {
      visit(c.not);
    } else if (typeof c.condition === 'string') {
      const name = c.condition;
      if (followed.has(name) || !Object.hasOwn(conditions, name)) return;
      followed.add(name);
      visit(conditions[name]);
    } else {
      add(c.fact, c.params);
      if (isFactReference(c.value)) add(c.value.fact, c.value.params);
    }
  };
  visit(root);
  return [...refs.values()];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

