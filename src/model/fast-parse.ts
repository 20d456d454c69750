import { z } from 'zod';

/*
 * A fast path for zod's `safeParse`, compiled once from the schema's own definition. Most of what
 * `safeParse` costs on a valid account is zod's generic machinery (a payload and a context per
 * node, union and pipe results, the garbage they leave), not the checks. Each node compiles to a
 * closure over its children's (no eval: edge runtimes forbid it), which allocates little beyond
 * the output and answers exactly what zod would, or FAIL: "let zod decide" (the caller then runs
 * zod, which writes the messages).
 *
 * Inside, FAIL is definite: zod's run of that node would report an issue. Unions rely on it (zod
 * takes the first option without issues, so a later option may only be tried when an earlier one
 * surely fails), and so do absent optional keys (zod drops their issues). When the fast path
 * cannot be sure — nesting past MAX_DEPTH (a cycle, which zod's memoizer follows), an async check
 * or transform, anything that throws — it throws, and the entry point answers FAIL.
 *
 * A check whose def says all it does (a refine's function, a regex, a length or number bound, an
 * overwrite) is made the very test zod's check makes, without zod's payload; any other check runs
 * through zod's own check object. A definition it does not model is run by zod itself: correct,
 * slower.
 */

/** What a compiled parser returns when zod must decide: the input is refused, or the fast path is not sure. */
export const FAIL: unique symbol = Symbol('arrears.fastParse.fail');

/** Options of `compileFastParse`. */
export interface FastParseOptions {
  /** Called once per node compiled to zod's own (slower) `run`, with its definition type: to see what the fast path does not cover. */
  readonly onFallback?: (defType: string) => void;
}

/**
 * Compiles `schema` once into a parser that returns what `schema.safeParse(input).data` would be
 * (same keys in the same order, defaults from zod's own getters, new objects wherever zod makes
 * them), or `FAIL` when zod must decide: then call zod, which explains what is wrong. It never
 * accepts an input zod refuses, never mutates the input itself, and uses no eval.
 *
 * @summary A faster, exact `safeParse` for the valid case.
 * @param schema - a zod 4 schema (objects, arrays, records, unions, pipes, transforms… anything
 *   else is run by zod itself).
 * @param options - `onFallback` reports the definitions left to zod.
 * @returns a parser: zod's output, or `FAIL`.
 * @example
 * const fastAccount = compileFastParse(accountSchema);
 * const fast = fastAccount(input);
 * const account = fast !== FAIL ? fast : accountSchema.parse(input);
 */
export function compileFastParse<S extends z.core.$ZodType>(schema: S, options: FastParseOptions = {}): (input: unknown) => z.output<S> | typeof FAIL {
  const root = compile(schema as unknown as Schema, { cells: new Map(), depth: 0, onFallback: options.onFallback });
  return (input) => {
    // Saved and restored: a check or transform may itself call a fast parser.
    const outer = visits;
    const [outerSchema, outerContainer] = [firstSchema, firstContainer];
    visits = firstSchema = firstContainer = undefined;
    try {
      return root(input, 0) as z.output<S> | typeof FAIL;
    } catch {
      // Unsure (a cycle, an async check) or a callback threw: zod will say which.
      return FAIL;
    } finally {
      visits = outer;
      [firstSchema, firstContainer] = [outerSchema, outerContainer];
    }
  };
}

// ---------------------------------------------------------------------------------------------
// zod's internals, as far as they are read here

interface Payload {
  value: unknown;
  issues: unknown[];
  addIssue?: (issue: unknown) => void;
}

interface CheckInternals {
  readonly def: { readonly when?: ((payload: Payload) => boolean) | undefined };
  check(payload: Payload): unknown;
}

interface Check {
  readonly _zod: CheckInternals;
}

interface Def {
  readonly type: string;
  readonly checks?: readonly Check[] | undefined;
  readonly [field: string]: unknown;
}

interface Internals {
  readonly def: Def;
  readonly traits: ReadonlySet<string>;
  readonly optin?: 'optional' | 'defaulted' | undefined;
  readonly optout?: 'optional' | undefined;
  readonly values?: ReadonlySet<unknown> | undefined;
  readonly innerType?: Schema;
  run(payload: Payload, ctx: { readonly async: false }): Payload | Promise<Payload>;
}

interface Schema {
  readonly _zod: Internals;
}

/** A compiled node: zod's output for `v`, or FAIL when zod would report an issue; it throws when it cannot be sure. */
type Parser = (v: unknown, depth: number) => unknown;

/** A check compiled: `test` for a check that only accepts or refuses, `map` for one that rewrites the value, or zod's own call. */
type Step = { readonly test: (value: never) => boolean } | { readonly map: (value: never) => unknown } | { readonly zod: CompiledCheck };

/**
 * A check as zod's runChecks calls it (`check._zod.check(payload)`, after `check._zod.def.when`),
 * with both read once: each check class has its own shape, and reading them on every call is a
 * megamorphic lookup.
 */
interface CompiledCheck {
  readonly internals: CheckInternals;
  readonly when: ((payload: Payload) => boolean) | undefined;
  readonly check: (this: CheckInternals, payload: Payload) => unknown;
}

/** A schema being compiled or compiled: `parse` is set once its node is, so a recursive schema can refer to itself before. */
interface Cell {
  parse: Parser | undefined;
}

interface Compilation {
  readonly cells: Map<Schema, Cell>;
  readonly depth: number;
  readonly onFallback: ((defType: string) => void) | undefined;
}

// How an object treats a key of its shape, from the key schema's optin/optout (zod's
// handlePropertyResult). OPTIONAL (`optional()`): absent, it contributes nothing, not even its
// issues. OPTIONAL_DEFAULTED (`default().optional()`): absent, written only if the schema made a
// value. REQUIRED: absent is an issue. DEFAULTED (`default()`): always written. OPTIONAL_IN (a
// bare transform): written when present or defined. Present keys are always written.
const [KEY_OPTIONAL, KEY_OPTIONAL_DEFAULTED, KEY_REQUIRED, KEY_DEFAULTED, KEY_OPTIONAL_IN] = [0, 1, 2, 3, 4] as const;

interface Field {
  readonly key: string;
  readonly parse: Parser;
  readonly rule: number;
}

/** Container levels before the fast path gives up: the input guard allows 128, and a cycle never ends. */
const MAX_DEPTH = 256;
/** Schema levels compiled before the rest is left to zod: a lazy that makes a new schema on every call never ends either. */
const MAX_COMPILE_DEPTH = 200;
/** Keys whose presence the object's for…in pass records in a bit mask (a small integer). */
const SEEN_BITS = 30;

/**
 * The containers of recursive schemas met so far in the current parse, by schema. zod's memoizer
 * gives one output per input object and schema there (two references to one object stay one
 * object); the fast path leaves such inputs to zod instead of copying the memoizer.
 */
let visits: Map<Schema, Set<object>> | undefined;
/**
 * The first of them, kept apart: zod counts a schema with a recursive part as recursive (an
 * account, for its attributes), so every parse meets one, and one needs no Map and Set.
 */
let firstSchema: Schema | undefined;
let firstContainer: object | undefined;

/** Records a container of a recursive schema; met twice, zod decides. */
function enter(schema: Schema, container: object): void {
  if (firstSchema === undefined) {
    [firstSchema, firstContainer] = [schema, container];
    return;
  }
  if (schema === firstSchema && container === firstContainer) unsure();
  visits ??= new Map();
  let seen = visits.get(schema);
  if (seen === undefined) visits.set(schema, (seen = new Set()));
  if (seen.has(container)) unsure();
  seen.add(container);
}

/** Whether zod treats a schema as able to re-enter itself (its memoizer is on for it); when zod cannot tell, it is. */
function isRecursive(schema: Schema): boolean {
  try {
    return z.core.isRecursiveSchema(schema as unknown as z.core.$ZodType);
  } catch {
    return true;
  }
}

function unsure(): never {
  throw new RangeError('fast parse: let zod decide');
}

/** `value === FAIL`, with the type test first: V8 compares a symbol with anything through a slow generic path. */
function failed(value: unknown): boolean {
  return typeof value === 'symbol' && value === FAIL;
}

// ---------------------------------------------------------------------------------------------
// Compilation: every node becomes a closure over its children's, so a value costs one direct
// call per node, with no dispatch on the node's kind.

function compile(schema: Schema, c: Compilation): Parser {
  const known = c.cells.get(schema);
  if (known !== undefined) return known.parse ?? ((v, depth) => (known.parse as Parser)(v, depth));
  // Registered before its children are compiled, so a recursive schema finds itself.
  const cell: Cell = { parse: undefined };
  c.cells.set(schema, cell);
  const node = c.depth < MAX_COMPILE_DEPTH ? model(schema, { ...c, depth: c.depth + 1 }) : undefined;
  if (node === undefined) {
    c.onFallback?.(schema._zod.def.type);
    cell.parse = (v) => viaZod(schema, v);
  } else cell.parse = withChecks(node, stepsOf(schema, node.value));
  return cell.parse;
}

/** What `model` makes of a node: its parser before its checks, and what its output is when it is not FAIL (to compile the checks for it). */
interface Node {
  readonly parse: Parser;
  readonly value: 'string' | 'number' | 'array' | 'other';
  /** STRING and NUMBER: the type test, for checks fused with it. */
  readonly is?: (v: unknown) => boolean;
}

const isString = (v: unknown): boolean => typeof v === 'string';
// Number.isFinite refuses NaN and ±Infinity, as zod does.
const isNumber = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);

/** The getter of `key` on `target` or its prototypes, if it is one. */
function getterOf(target: object, key: string): ((this: Def) => unknown) | undefined {
  for (let o: object | null = target; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(o, key);
    if (descriptor !== undefined) return descriptor.get as ((this: Def) => unknown) | undefined;
  }
  return undefined;
}

/**
 * A node compiled zod's way; undefined when the node is not modelled. The type alone is not
 * enough: subclasses share it and parse differently (an exact optional, an exclusive or
 * discriminated union, a codec), so each case names the zod class it models.
 */
function model(schema: Schema, c: Compilation): Node | undefined {
  const { def, traits } = schema._zod;
  const is = (trait: string): boolean => traits.has(trait);
  const other = (parse: Parser): Node => ({ parse, value: 'other' });
  switch (def.type) {
    case 'string':
      if (!is('$ZodString') || def.coerce === true) return undefined;
      return { parse: (v) => (typeof v === 'string' ? v : FAIL), value: 'string', is: isString };
    case 'number':
      if (!is('$ZodNumber') || def.coerce === true) return undefined;
      return { parse: (v) => (typeof v === 'number' && Number.isFinite(v) ? v : FAIL), value: 'number', is: isNumber };
    case 'boolean':
      return is('$ZodBoolean') && def.coerce !== true ? other((v) => (typeof v === 'boolean' ? v : FAIL)) : undefined;
    case 'null':
      return is('$ZodNull') ? other((v) => (v === null ? v : FAIL)) : undefined;
    case 'enum':
    case 'literal': {
      // The very set zod tests membership in.
      const values = schema._zod.values;
      if (!(is('$ZodEnum') || is('$ZodLiteral')) || values === undefined) return undefined;
      return other((v) => (values.has(v) ? v : FAIL));
    }
    case 'custom':
      // The node is its own first check (a refine, an instanceof): the value passes as is.
      return is('$ZodCustom') ? other((v) => v) : undefined;
    case 'optional': {
      if (!is('$ZodOptional') || is('$ZodExactOptional')) return undefined;
      const innerType = def.innerType as Schema;
      const inner = compile(innerType, c);
      // `undefined` stays undefined unless the inner schema substitutes a default, whose failure zod drops.
      if (innerType._zod.optin !== 'defaulted') return other((v, depth) => (v === undefined ? undefined : inner(v, depth)));
      return other((v, depth) => {
        const out = inner(v, depth);
        return v === undefined && failed(out) ? undefined : out;
      });
    }
    case 'nullable': {
      if (!is('$ZodNullable') || def.innerType === undefined) return undefined;
      const inner = compile(def.innerType as Schema, c);
      return other((v, depth) => (v === null ? v : inner(v, depth)));
    }
    case 'default': {
      if (!is('$ZodDefault') || def.innerType === undefined) return undefined;
      const inner = compile(def.innerType as Schema, c);
      const getter = getterOf(def, 'defaultValue');
      // The def's own getter, called on every use, hands out a fresh copy as zod does (a plain value is shared, as in zod).
      const fallback = getter === undefined ? () => def.defaultValue : () => getter.call(def);
      return other((v, depth) => {
        const out = v === undefined ? undefined : inner(v, depth);
        return out === undefined ? fallback() : out;
      });
    }
    case 'lazy': {
      // A lazy resolves its schema on the internals (zod caches it on the def).
      const inner = schema._zod.innerType;
      return is('$ZodLazy') && inner !== undefined ? other(compile(inner, c)) : undefined;
    }
    case 'pipe': {
      if (!is('$ZodPipe') || is('$ZodCodec')) return undefined;
      const first = compile(def.in as Schema, c);
      const second = compile(def.out as Schema, c);
      return other((v, depth) => {
        const out = first(v, depth);
        return failed(out) ? out : second(out, depth);
      });
    }
    case 'transform': {
      const fn = def.transform;
      if (!is('$ZodTransform') || typeof fn !== 'function') return undefined;
      return other((v) => transform(fn as TransformFn, def, v));
    }
    case 'union': {
      if (!is('$ZodUnion') || is('$ZodXor') || is('$ZodDiscriminatedUnion') || def.inclusive === false) return undefined;
      const options = (def.options as readonly Schema[]).map((o) => compile(o, c));
      return other(union(options));
    }
    case 'array': {
      if (!is('$ZodArray')) return undefined;
      return { parse: array(schema, compile(def.element as Schema, c)), value: 'array' };
    }
    case 'record': {
      const keySchema = def.keyType as Schema;
      // An exhaustive enum record (every key required) and a loose record are left to zod.
      if (!is('$ZodRecord') || def.mode === 'loose' || (keySchema._zod.values !== undefined && def.partial !== true)) return undefined;
      return other(record(schema, compile(keySchema, c), compile(def.valueType as Schema, c)));
    }
    case 'object': {
      const parse = is('$ZodObject') ? object(schema, c) : undefined;
      return parse === undefined ? undefined : other(parse);
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Checks

/** zod's default `when` of length checks (a value with a length), to recognise the checks that keep it. */
const LENGTH_WHEN = /* @__PURE__ */ (() => (z.string().max(1)._zod.def.checks?.[0] as Check | undefined)?._zod.def.when)();
const { codePointLength, NUMBER_FORMAT_RANGES } = z.core.util;

/** The node's checks as zod's `$ZodType.init` lists them: a schema that is also a check (refine, string formats) first. */
function stepsOf(schema: Schema, value: Node['value']): readonly Step[] {
  const defChecks = schema._zod.def.checks ?? [];
  const checks = schema._zod.traits.has('$ZodCheck') ? [schema as unknown as Check, ...defChecks] : defChecks;
  return checks.map((check) => stepOf(check, value));
}

/**
 * A check of zod's as a test, where its def says all it does and the test is exactly the one its
 * `check` makes (conditions of zod 4's checks.js, schemas.js); any other check is called as zod
 * calls it. `value` says what the node's output is, so a test never meets a value zod's check
 * would treat otherwise (a length read twice from a Proxy, say).
 */
function stepOf(check: Check, value: Node['value']): Step {
  const internals = check._zod;
  const def = internals.def as Def;
  const traits = (internals as unknown as { readonly traits: ReadonlySet<string> }).traits;
  const zod: Step = { zod: { internals, when: internals.def.when, check: internals.check } };
  const lengthy = value === 'string' || value === 'array';
  if (def.when === undefined) {
    if (traits.has('$ZodCustom') && def.check === 'custom' && typeof def.fn === 'function') {
      const fn = def.fn as (this: Def, input: unknown) => unknown;
      return {
        test: (v: unknown) => {
          // zod calls it as a method of the def; a promise makes zod's sync parse throw.
          const result = fn.call(def, v);
          if (result instanceof Promise) unsure();
          return Boolean(result);
        },
      };
    }
    if (traits.has('$ZodCheckOverwrite') && def.check === 'overwrite' && typeof def.tx === 'function') {
      const tx = def.tx as (this: Def, input: unknown) => unknown;
      return { map: (v: unknown) => tx.call(def, v) };
    }
    if (value === 'string' && traits.has('$ZodCheckRegex') && def.pattern instanceof RegExp) {
      const pattern = def.pattern;
      return {
        test: (v: string) => {
          pattern.lastIndex = 0;
          return pattern.test(v);
        },
      };
    }
    if (value === 'number' && (traits.has('$ZodCheckGreaterThan') || traits.has('$ZodCheckLessThan')) && typeof def.value === 'number') {
      const bound = def.value;
      if (traits.has('$ZodCheckGreaterThan')) return { test: def.inclusive ? (v: number) => v >= bound : (v: number) => v > bound };
      return { test: def.inclusive ? (v: number) => v <= bound : (v: number) => v < bound };
    }
    if (value === 'number' && traits.has('$ZodCheckNumberFormat') && typeof def.format === 'string' && Object.hasOwn(NUMBER_FORMAT_RANGES, def.format)) {
      const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format as keyof typeof NUMBER_FORMAT_RANGES];
      const isInt = def.format.includes('int');
      return { test: (v: number) => (!isInt || Number.isSafeInteger(v)) && !(v < minimum) && !(v > maximum) };
    }
  } else if (lengthy && LENGTH_WHEN !== undefined && def.when === LENGTH_WHEN) {
    // Strings and arrays always have a length: the check runs. A string is measured in code points.
    if (traits.has('$ZodCheckMaxLength') && typeof def.maximum === 'number') {
      const maximum = def.maximum;
      return { test: (v: string | readonly unknown[]) => v.length <= maximum || (typeof v === 'string' && codePointLength(v) <= maximum) };
    }
    if (traits.has('$ZodCheckMinLength') && typeof def.minimum === 'number') {
      const minimum = def.minimum;
      return {
        test: (v: string | readonly unknown[]) =>
          typeof v === 'string' && v.length >= minimum && v.length < minimum * 2 ? codePointLength(v) >= minimum : v.length >= minimum,
      };
    }
  }
  return zod;
}

/** The node's parser followed by its checks: every check runs unless its `when` says no, and any issue fails the parse. */
function withChecks(node: Node, steps: readonly Step[]): Parser {
  const { parse } = node;
  if (steps.length === 0) return parse;
  if (steps.every((s) => 'test' in s)) {
    const test = allOf(steps.map((s) => (s as { readonly test: (value: unknown) => boolean }).test));
    // A string or a number: its type test and its checks in one call.
    const is = node.is;
    if (is !== undefined) return (v) => (is(v) && test(v) ? v : FAIL);
    return (v, depth) => {
      const out = parse(v, depth);
      return failed(out) || test(out) ? out : FAIL;
    };
  }
  const needsPayload = steps.some((s) => 'zod' in s);
  return (v, depth) => {
    const out = parse(v, depth);
    if (failed(out)) return out;
    return needsPayload ? runChecks(steps, out) : runSteps(steps, out);
  };
}

function allOf(tests: readonly ((value: unknown) => boolean)[]): (value: unknown) => boolean {
  const [first, second] = tests as [(value: unknown) => boolean, (value: unknown) => boolean];
  if (tests.length === 1) return first;
  if (tests.length === 2) return (v) => first(v) && second(v);
  return (v) => {
    for (const test of tests) if (!test(v)) return false;
    return true;
  };
}

/** Tests and rewrites without zod's calls: no payload to make. */
function runSteps(steps: readonly Step[], value: unknown): unknown {
  let out = value;
  for (const step of steps) {
    if ('test' in step) {
      if (!(step.test as (value: unknown) => boolean)(out)) return FAIL;
    } else out = (step as { readonly map: (value: unknown) => unknown }).map(out);
  }
  return out;
}

/**
 * zod's runChecks on a value that parsed without issues: nothing is aborted, so every check runs
 * unless its `when` says no; any issue fails the parse. A check may rewrite the value (overwrite,
 * URL normalization), so the payload's value is the output.
 */
function runChecks(steps: readonly Step[], value: unknown): unknown {
  const payload = new RunPayload(value);
  for (const step of steps) {
    if ('test' in step) {
      if (!(step.test as (value: unknown) => boolean)(payload.value)) return FAIL;
    } else if ('map' in step) payload.value = (step.map as (value: unknown) => unknown)(payload.value);
    else {
      const { internals, when, check } = step.zod;
      if (when !== undefined && !when(payload)) continue;
      if (check.call(internals, payload) instanceof Promise) unsure();
      if (payload.issues.length > 0) return FAIL;
    }
  }
  return payload.value;
}

// ---------------------------------------------------------------------------------------------
// Nodes

/**
 * A payload as zod makes one (`{ value, issues: [] }`), built by a class rather than a literal.
 * V8 tracks where literals (and `new Array`) allocate, and when most objects of one site outlive a
 * young-generation collection it allocates that site's next objects straight in the old
 * generation (pretenuring). A payload holds the output being built: pretenured payloads kept every
 * account's output alive until a full collection, and validating a book held in memory ran at
 * half speed, each young collection copying megabytes (`--trace-pretenuring-statistics` showed
 * the literal's two sites tenured). V8 keeps no allocation site for `new` of a class.
 */
class RunPayload implements Payload {
  readonly issues: unknown[] = [];
  constructor(public value: unknown) {}
}

/** zod runs the node itself: any issue fails. */
function viaZod(schema: Schema, value: unknown): unknown {
  const result = schema._zod.run(new RunPayload(value), { async: false });
  if (result instanceof Promise) unsure();
  return result.issues.length > 0 ? FAIL : result.value;
}

type TransformFn = (this: Def, value: unknown, payload: Payload) => unknown;

/** The payload a transform gets from zod's classic ZodTransform: its `addIssue` collects the issues. */
class TransformPayload implements Payload {
  readonly issues: unknown[] = [];
  constructor(public value: unknown) {}
  addIssue(issue: unknown): void {
    this.issues.push(issue);
  }
}

function transform(fn: TransformFn, def: Def, v: unknown): unknown {
  const payload = new TransformPayload(v);
  // Called as zod calls it, as a method of the def.
  const out = fn.call(def, v, payload);
  if (out instanceof Promise) unsure();
  return payload.issues.length > 0 ? FAIL : out;
}

/** $ZodUnion: the first option without issues wins. */
function union(options: readonly Parser[]): Parser {
  const [first, second] = options as [Parser, Parser];
  if (options.length === 2) {
    return (v, depth) => {
      const out = first(v, depth);
      return failed(out) ? second(v, depth) : out;
    };
  }
  return (v, depth) => {
    for (const option of options) {
      const out = option(v, depth);
      if (!failed(out)) return out;
    }
    return FAIL;
  };
}

/** $ZodArray: a new dense array, element by element. */
function array(schema: Schema, element: Parser): Parser {
  const recursive = isRecursive(schema);
  return (v, depth) => {
    if (!Array.isArray(v)) return FAIL;
    if (depth >= MAX_DEPTH) unsure();
    if (recursive) enter(schema, v);
    const input: readonly unknown[] = v;
    const out = new Array<unknown>(input.length);
    for (let i = 0; i < input.length; i++) {
      const item = element(input[i], depth + 1);
      if (failed(item)) return FAIL;
      out[i] = item;
    }
    return out;
  };
}

const { isPlainObject } = z.core.util;
const NUMERIC_KEY = z.core.regexes.number;

/** $ZodRecord with a key schema checked key by key (strings, refinements, partial enum records). */
function record(schema: Schema, keyParse: Parser, valueParse: Parser): Parser {
  const recursive = isRecursive(schema);
  return (v, depth) => {
    if (!isPlainObject(v)) return FAIL;
    if (depth >= MAX_DEPTH) unsure();
    if (recursive) enter(schema, v as object);
    const input = v as Record<PropertyKey, unknown>;
    const out: Record<PropertyKey, unknown> = {};
    for (const key of Reflect.ownKeys(input)) {
      // zod skips an own `__proto__` without a word (the input guard reports it) and non-enumerable keys.
      if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(input, key)) continue;
      let outKey = keyParse(key, depth + 1);
      // zod retries a numeric key as a number (z.number() keys, numeric literals).
      if (failed(outKey) && typeof key === 'string' && NUMERIC_KEY.test(key)) outKey = keyParse(Number(key), depth + 1);
      if (failed(outKey)) return FAIL;
      if (outKey === '__proto__') continue;
      const value = valueParse(input[key], depth + 1);
      if (failed(value)) return FAIL;
      out[outKey as PropertyKey] = value;
    }
    return out;
  };
}

/**
 * $ZodObject, strict (a `never` catch-all) or strip (none), with string keys: the shape's keys in
 * the shape's order into a new object; unknown keys — any enumerable key `for…in` sees, inherited
 * ones too, as zod reads them — refused (strict) or dropped (strip). Other catch-alls, symbol keys
 * and a `__proto__` key are left to zod (undefined).
 */
function object(schema: Schema, c: Compilation): Parser | undefined {
  const def = schema._zod.def;
  const shape = def.shape as Record<string, Schema>;
  const keys = Object.keys(shape);
  if (Object.getOwnPropertySymbols(shape).length > 0 || keys.includes('__proto__')) return undefined;
  const catchall = def.catchall as Schema | undefined;
  if (catchall !== undefined && catchall._zod.def.type !== 'never') return undefined;
  const strict = catchall !== undefined;
  const recursive = isRecursive(schema);
  const index: ReadonlyMap<string, number> = new Map(keys.map((key, i) => [key, i]));
  const fields: readonly Field[] = keys.map((key) => {
    const fieldSchema = shape[key] as Schema;
    return { key, parse: compile(fieldSchema, c), rule: ruleOf(fieldSchema) };
  });
  const count = fields.length;
  // Outputs are made by a constructor of this schema's own whose prototype is the one `{}` has,
  // so they are the same plain objects; V8 then sizes them to hold their fields in place, instead
  // of growing (and copying) a separate property store key by key: less to allocate and to move.
  const Output = function () {} as unknown as new () => Record<string, unknown>;
  Output.prototype = Object.prototype;
  return (v, depth) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return FAIL;
    if (depth >= MAX_DEPTH) unsure();
    if (recursive) enter(schema, v);
    const input = v as Record<string, unknown>;
    // One for…in pass finds the unknown keys and records which fields are listed. The values are
    // read afterwards, field by field in the shape's order, as zod reads them.
    let seen = 0;
    let next = 0;
    for (const key in input) {
      // Keys mostly come in the shape's order: try the next field before hashing the key.
      const i = next < count && (fields[next] as Field).key === key ? next : index.get(key);
      if (i !== undefined) {
        next = i + 1;
        if (i < SEEN_BITS) seen |= 1 << i;
      } else if (strict) return FAIL;
    }
    const out = new Output();
    for (let i = 0; i < count; i++) {
      const { key, parse, rule } = fields[i] as Field;
      // Presence is zod's `key in input`. For…in listing a key that `in` denies (a Proxy without a
      // `has` trap) is a disagreement only zod can settle. A key not listed is read as zod reads it
      // (present but not enumerable; or absent, where a Proxy's `get` may still answer), except an
      // absent optional or required one: zod ignores what the first gives, and refuses the second.
      const present = key in input;
      if (!present && i < SEEN_BITS && (seen & (1 << i)) !== 0) unsure();
      const raw = present || (rule !== KEY_OPTIONAL && rule !== KEY_REQUIRED) ? input[key] : undefined;
      if (rule === KEY_REQUIRED && !present) return FAIL;
      const value = parse(raw, depth + 1);
      if (failed(value)) {
        // zod ignores the issues of an absent optional key.
        if (!present && (rule === KEY_OPTIONAL || rule === KEY_OPTIONAL_DEFAULTED)) continue;
        return FAIL;
      }
      if (present || rule === KEY_REQUIRED || rule === KEY_DEFAULTED || (rule !== KEY_OPTIONAL && value !== undefined)) out[key] = value;
    }
    return out;
  };
}

function ruleOf(schema: Schema): number {
  const { optin, optout } = schema._zod;
  if (optin === undefined) return KEY_REQUIRED;
  if (optout === 'optional') return optin === 'optional' ? KEY_OPTIONAL : KEY_OPTIONAL_DEFAULTED;
  return optin === 'defaulted' ? KEY_DEFAULTED : KEY_OPTIONAL_IN;
}
