import { Engine, Operator } from 'json-rules-engine';
import { ArrearsError, type Issue } from '../errors';

/**
 * An operator as json-rules-engine evaluates it: `Operator#evaluate(factValue, jsonValue)` runs
 * the fact-value validator, then the callback, and returns the callback's raw result.
 */
export interface EvaluableOperator {
  readonly name: string;
  evaluate(factValue: unknown, jsonValue: unknown): unknown;
}

/** A custom operator given by its parts (json-rules-engine's `new Operator(name, cb, validator)`). */
export interface OperatorParts {
  readonly name: string;
  /** `(factValue, jsonValue) => result`; a truthy result passes. */
  readonly cb: (factValue: never, jsonValue: never) => unknown;
  /** Runs first on the fact value; a falsy result fails the comparison without calling `cb`. */
  readonly validator?: (factValue: never) => unknown;
}

/** A custom operator: a json-rules-engine `Operator` instance, or its parts. */
export type OperatorLike = Operator | OperatorParts;

/** The operators conditions may use: json-rules-engine's, plus custom ones, plus decorated forms. */
export interface OperatorRegistry {
  /** The operator for a name, decorated forms included (`not:in`, `someFact:equal`). */
  get(name: string): EvaluableOperator | undefined;
  /** Whether `get(name)` finds an operator. */
  has(name: string): boolean;
  /** Base operator names, then decorator prefixes with their colon: `['equal', ..., 'not:']`. */
  names(): readonly string[];
  /** Base operator names, custom ones included: `['equal', 'notEqual', ..., 'divisibleBy']`. */
  readonly operatorNames: readonly string[];
  /** Decorator names: `['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not']`. */
  readonly decoratorNames: readonly string[];
  /** Whether a name is json-rules-engine's own operator, decorated or not, not replaced by a custom one. */
  isBuiltIn(name: string): boolean;
}

/*
 * What json-rules-engine has at runtime but its .d.ts omits: Engine#operators is an OperatorMap
 * whose get() resolves `decorator:op` names (building and caching the decorated operator).
 */
interface OperatorMapInternals {
  get(name: string): EvaluableOperator | null;
  readonly operators: ReadonlyMap<string, unknown>;
  readonly decorators: ReadonlyMap<string, unknown>;
}

/**
 * Builds the operator registry conditions are compiled against. It is json-rules-engine's own
 * operator map (from a private `Engine`), so every default operator, every decorator and every
 * custom operator is evaluated by json-rules-engine's code: the semantics are identical by
 * construction, including its quirks (e.g. `contains` is false, not an error, on a non-array).
 *
 * @summary Creates the operator registry used to compile and check conditions.
 * @param custom - extra operators: `Operator` instances or `{ name, cb, validator? }`.
 * @returns a registry; it owns its engine, nothing is shared between registries.
 * @example
 * const operators = createOperatorRegistry([
 *   { name: 'divisibleBy', cb: (a: number, b: number) => a % b === 0, validator: (a) => typeof a === 'number' },
 * ]);
 * operators.get('not:divisibleBy')?.evaluate(9, 2); // true
 * operators.has('lessThen'); // false
 */
export function createOperatorRegistry(custom: readonly OperatorLike[] = []): OperatorRegistry {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const builtIn = new Set((engine as unknown as { readonly operators: OperatorMapInternals }).operators.operators.keys());
  // Each operator is read once, into a fresh Operator: the name checked is the name registered,
  // however its `name` (a getter, a Proxy) would answer a later read.
  const operators = custom.map(snapshot);
  const refused = operatorNameIssues(operators);
  if (refused.length > 0) throw new ArrearsError('OPTIONS_INVALID', refused);
  for (const operator of operators) {
    engine.addOperator(operator);
    builtIn.delete(operator.name);
  }
  const map = (engine as unknown as { readonly operators: OperatorMapInternals }).operators;
  // Snapshots: map.get() caches every decorated form it builds, so its keys keep growing.
  const operatorNames = Object.freeze([...map.operators.keys()]);
  const decoratorNames = Object.freeze([...map.decorators.keys()]);
  const allNames = Object.freeze([...operatorNames, ...decoratorNames.map((d) => `${d}:`)]);
  const get = (name: string): EvaluableOperator | undefined => map.get(name) ?? undefined;
  return {
    get,
    has: (name) => get(name) !== undefined,
    names: () => allNames,
    operatorNames,
    decoratorNames,
    isBuiltIn: (name) => {
      const parts = name.split(':');
      return builtIn.has(parts[parts.length - 1] as string) && parts.slice(0, -1).every((d) => decoratorNames.includes(d));
    },
  };
}

/**
 * A fresh json-rules-engine `Operator` from a custom one's parts, each read exactly once: `name`,
 * `cb`, then `validator` or, for an `Operator` (of this or another copy of json-rules-engine),
 * `factValueValidator`. What the caller passed (an instance, an object with getters) is never
 * registered itself.
 */
function snapshot(op: OperatorLike): Operator {
  const parts = op as unknown as { readonly name: unknown; readonly cb: unknown; readonly validator?: unknown; readonly factValueValidator?: unknown };
  const name = parts.name;
  const cb = parts.cb as (a: unknown, b: unknown) => boolean;
  const validator = (parts.validator ?? parts.factValueValidator) as ((a: unknown) => boolean) | undefined;
  // json-rules-engine's constructor rejects a missing name or callback itself (throws) and keeps
  // `String(name)`: the name checked is the one registered.
  return validator === undefined ? new Operator(name as string, cb) : new Operator(name as string, cb, validator);
}

/**
 * What is wrong with the names of custom operators, as `OPTIONS_INVALID` issues at
 * `['operators', i, 'name']`. json-rules-engine's `addOperator` takes any name and the last one
 * wins, so each of these would change what a policy means without a word:
 * - a built-in's name (`greaterThan`): it replaces json-rules-engine's operator for every rule;
 * - a name with `:`: that is the decorator separator, so `not:x` could never be called as written;
 * - a name given twice: the first operator would be dropped.
 *
 * @summary Checks the names of custom operators before they are registered.
 * @param custom - the operators, shape already checked (each has a string `name`).
 * @returns one issue per refused name; empty when all are fine.
 * @example
 * operatorNameIssues([{ name: 'greaterThan', cb: () => true }]);
 * // [{ code: 'invalid_operator_name', path: ['operators', 0, 'name'], message: "'greaterThan' is json-rules-engine's own operator…" }]
 * operatorNameIssues([{ name: 'divisibleBy', cb: (a: number, b: number) => a % b === 0 }]); // []
 */
export function operatorNameIssues(custom: readonly { readonly name: string }[]): Issue[] {
  const map = (new Engine([], { allowUndefinedFacts: true }) as unknown as { readonly operators: OperatorMapInternals }).operators;
  const builtIn = new Set(map.operators.keys());
  const decorators = [...map.decorators.keys()];
  const first = new Map<string, number>();
  const issues: Issue[] = [];
  // Each name is read once: a getter could answer differently the next time.
  const names = custom.map((op) => op.name);
  names.forEach((name, i) => {
    const path = ['operators', i, 'name'];
    const refuse = (message: string) => issues.push({ code: 'invalid_operator_name', path, message });
    if (builtIn.has(name)) {
      refuse(`'${name}' is json-rules-engine's own operator: a custom one of that name would silently replace it in every condition; give yours another name (e.g. '${name}Custom')`);
    } else if (name.includes(':')) {
      const hint = decorators.some((d) => name.startsWith(`${d}:`)) ? ` ('${name.split(':')[0]}:' is a decorator: register '${name.split(':').pop() ?? ''}' and write '${name}' in the policy)` : '';
      refuse(`'${name}' contains ':', which separates decorators from operators in a condition ('not:equal'), so it could never be called as written; use letters, digits or '_'${hint}`);
    } else {
      const earlier = first.get(name);
      if (earlier !== undefined) refuse(`'${name}' is also the name of operators[${earlier}]: only the last would be used; give each operator its own name`);
      else first.set(name, i);
    }
  });
  return issues;
}
