import { z } from 'zod';

/*
 * A fast path for zod's `safeParse`, compiled once from the schema's own definition. Most of what
 * `safeParse` costs on a valid account is zod's generic machinery (a payload and a context per
 * node, union and pipe results, the garbage they leave), not the checks. The compiled plan is
 * interpreted with little allocation beyond the output, and answers exactly what zod would, or
 * FAIL: "let zod decide" (the caller then runs zod, which writes the messages).
 *
 * Inside, FAIL is definite: zod's run of that node would report an issue. Unions rely on it (zod
 * takes the first option without issues, so a later option may only be tried when an earlier one
 * surely fails), and so do absent optional keys (zod drops their issues). When the fast path
 * cannot be sure — nesting past MAX_DEPTH (a cycle, which zod's memoizer follows), an async check
 * or transform, anything that throws — it throws, and the entry point answers FAIL.
 *
 * Checks always run through zod's own check objects, so a refine, a regex or a length bound means
 * exactly what it means to zod. A definition it does not model is run by zod itself: correct, slower.
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
  const root = compile(schema as unknown as Schema, { plans: new Map(), depth: 0, onFallback: options.onFallback });
  return (input) => {
    // Saved and restored: a check or transform may itself call a fast parser.
    const outer = visits;
    visits = undefined;
    try {
      return run(root, input, 0) as z.output<S> | typeof FAIL;
    } catch {
      // Unsure (a cycle, an async check) or a callback threw: zod will say which.
      return FAIL;
    } finally {
      visits = outer;
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

// Plan kinds: what `run` does with a value. VALUES: membership in zod's own set of an enum or
// literal. PASS: the value as is (a refine or instanceof: the node is its own first check). LAZY:
// the resolved inner schema. ZOD: not modelled, zod runs the node, its checks included.
const [STRING, NUMBER, BOOLEAN, NULL, VALUES, PASS, OPTIONAL, NULLABLE, DEFAULT, LAZY, PIPE, TRANSFORM, UNION, ARRAY, RECORD, OBJECT, ZOD] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
] as const;

// How an object treats a key of its shape, from the key schema's optin/optout (zod's
// handlePropertyResult). OPTIONAL (`optional()`): absent, it contributes nothing, not even its
// issues. OPTIONAL_DEFAULTED (`default().optional()`): absent, written only if the schema made a
// value. REQUIRED: absent is an issue. DEFAULTED (`default()`): always written. OPTIONAL_IN (a
// bare transform): written when present or defined. Present keys are always written.
const [KEY_OPTIONAL, KEY_OPTIONAL_DEFAULTED, KEY_REQUIRED, KEY_DEFAULTED, KEY_OPTIONAL_IN] = [0, 1, 2, 3, 4] as const;

interface Field {
  readonly key: string;
  readonly plan: Plan;
  readonly rule: number;
}

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

const NO_CHECKS: readonly CompiledCheck[] = [];
const NO_PLANS: readonly Plan[] = [];
const NO_FIELDS: readonly Field[] = [];

/**
 * A compiled node. Every node is the same class with the same fields, so `run` reads them
 * monomorphically; children are plain references (a recursive schema is a cycle of plans).
 */
class Plan {
  kind: number = ZOD;
  /** zod's checks of the node, run on its output (none for ZOD: zod runs them). */
  checks: readonly CompiledCheck[] = NO_CHECKS;
  /** DEFAULT: the def's `defaultValue` getter; TRANSFORM: the def's transform (read once: defs differ in shape). */
  fn: ((this: Def, ...args: never[]) => unknown) | undefined = undefined;
  /** Inner, `in`, element or key plan. */
  first: Plan | undefined = undefined;
  /** `out` or value plan. */
  second: Plan | undefined = undefined;
  options: readonly Plan[] = NO_PLANS;
  fields: readonly Field[] = NO_FIELDS;
  index: ReadonlyMap<string, number> | undefined = undefined;
  values: ReadonlySet<unknown> | undefined = undefined;
  /** OPTIONAL: the inner schema substitutes a default. OBJECT: strict (unknown keys refused). */
  flag = false;
  /** ARRAY, RECORD, OBJECT: the schema can re-enter itself, so zod's memoizer hands one output per input object. */
  recursive = false;

  constructor(
    readonly schema: Schema,
    readonly def: Def,
  ) {}
}

interface Compilation {
  readonly plans: Map<Schema, Plan>;
  readonly depth: number;
  readonly onFallback: ((defType: string) => void) | undefined;
}

/** Container levels before the fast path gives up: the input guard allows 128, and a cycle never ends. */
const MAX_DEPTH = 256;
/** Schema levels compiled before the rest is left to zod: a lazy that makes a new schema on every call never ends either. */
const MAX_COMPILE_DEPTH = 200;
/** Keys whose presence the object's for…in pass records in a bit mask (a small integer). */
const SEEN_BITS = 30;

/**
 * The containers of recursive schemas met so far in the current parse, by plan. zod's memoizer
 * gives one output per input object and schema there (two references to one object stay one
 * object); the fast path leaves such inputs to zod instead of copying the memoizer.
 */
let visits: Map<Plan, Set<object>> | undefined;

/** Records a container of a recursive schema; met twice, zod decides. */
function enter(plan: Plan, container: object): void {
  if (!plan.recursive) return;
  visits ??= new Map();
  let seen = visits.get(plan);
  if (seen === undefined) visits.set(plan, (seen = new Set()));
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

// ---------------------------------------------------------------------------------------------
// Compilation

function compile(schema: Schema, c: Compilation): Plan {
  const known = c.plans.get(schema);
  if (known !== undefined) return known;
  const plan = new Plan(schema, schema._zod.def);
  // Registered before its children are compiled, so a recursive schema finds itself.
  c.plans.set(schema, plan);
  const modelled = c.depth < MAX_COMPILE_DEPTH && model(plan, { ...c, depth: c.depth + 1 });
  if (modelled) plan.checks = checksOf(schema);
  else {
    plan.kind = ZOD;
    c.onFallback?.(plan.def.type);
  }
  return plan;
}

/** The node's checks as zod's `$ZodType.init` lists them: a schema that is also a check (refine, string formats) first. */
function checksOf(schema: Schema): readonly CompiledCheck[] {
  const defChecks = schema._zod.def.checks ?? [];
  const checks = schema._zod.traits.has('$ZodCheck') ? [schema as unknown as Check, ...defChecks] : defChecks;
  if (checks.length === 0) return NO_CHECKS;
  return checks.map(({ _zod: internals }) => ({ internals, when: internals.def.when, check: internals.check }));
}

/** The getter of `key` on `target` or its prototypes, if it is one. */
function getterOf(target: object, key: string): ((this: Def) => unknown) | undefined {
  for (let o: object | null = target; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(o, key);
    if (descriptor !== undefined) return descriptor.get as ((this: Def) => unknown) | undefined;
  }
  return undefined;
}

/**
 * Fills in the plan of a node zod's way; false when the node is not modelled. The type alone is
 * not enough: subclasses share it and parse differently (an exact optional, an exclusive or
 * discriminated union, a codec), so each case names the zod class it models.
 */
function model(plan: Plan, c: Compilation): boolean {
  const { def, traits } = plan.schema._zod;
  const is = (trait: string): boolean => traits.has(trait);
  const set = (kind: number, ok: boolean): boolean => {
    if (ok) plan.kind = kind;
    return ok;
  };
  switch (def.type) {
    case 'string':
      return set(STRING, is('$ZodString') && def.coerce !== true);
    case 'number':
      return set(NUMBER, is('$ZodNumber') && def.coerce !== true);
    case 'boolean':
      return set(BOOLEAN, is('$ZodBoolean') && def.coerce !== true);
    case 'null':
      return set(NULL, is('$ZodNull'));
    case 'enum':
    case 'literal':
      // The very set zod tests membership in.
      plan.values = plan.schema._zod.values;
      return set(VALUES, (is('$ZodEnum') || is('$ZodLiteral')) && plan.values !== undefined);
    case 'custom':
      return set(PASS, is('$ZodCustom'));
    case 'optional': {
      if (!is('$ZodOptional') || is('$ZodExactOptional')) return false;
      const inner = def.innerType as Schema;
      plan.first = compile(inner, c);
      plan.flag = inner._zod.optin === 'defaulted';
      return set(OPTIONAL, true);
    }
    case 'nullable':
    case 'default':
    case 'lazy': {
      const [kind, trait] = def.type === 'nullable' ? [NULLABLE, '$ZodNullable'] : def.type === 'default' ? [DEFAULT, '$ZodDefault'] : [LAZY, '$ZodLazy'];
      // A lazy resolves its schema on the internals (zod caches it on the def).
      const inner = def.type === 'lazy' ? plan.schema._zod.innerType : (def.innerType as Schema | undefined);
      if (!is(trait) || inner === undefined) return false;
      plan.first = compile(inner, c);
      if (kind === DEFAULT) plan.fn = getterOf(def, 'defaultValue');
      return set(kind, true);
    }
    case 'pipe':
      if (!is('$ZodPipe') || is('$ZodCodec')) return false;
      plan.first = compile(def.in as Schema, c);
      plan.second = compile(def.out as Schema, c);
      return set(PIPE, true);
    case 'transform':
      if (typeof def.transform === 'function') plan.fn = def.transform as (this: Def, ...args: never[]) => unknown;
      return set(TRANSFORM, is('$ZodTransform') && plan.fn !== undefined);
    case 'union':
      if (!is('$ZodUnion') || is('$ZodXor') || is('$ZodDiscriminatedUnion') || def.inclusive === false) return false;
      plan.options = (def.options as readonly Schema[]).map((o) => compile(o, c));
      return set(UNION, true);
    case 'array':
      if (!is('$ZodArray')) return false;
      plan.first = compile(def.element as Schema, c);
      plan.recursive = isRecursive(plan.schema);
      return set(ARRAY, true);
    case 'record': {
      const keySchema = def.keyType as Schema;
      // An exhaustive enum record (every key required) and a loose record are left to zod.
      if (!is('$ZodRecord') || def.mode === 'loose' || (keySchema._zod.values !== undefined && def.partial !== true)) return false;
      plan.first = compile(keySchema, c);
      plan.second = compile(def.valueType as Schema, c);
      plan.recursive = isRecursive(plan.schema);
      return set(RECORD, true);
    }
    case 'object':
      plan.recursive = isRecursive(plan.schema);
      return set(OBJECT, is('$ZodObject') && modelObject(plan, c));
    default:
      return false;
  }
}

/** Strict (a `never` catch-all) or strip (none) objects with string keys; other catch-alls, symbol keys and a `__proto__` key are left to zod. */
function modelObject(plan: Plan, c: Compilation): boolean {
  const shape = plan.def.shape as Record<string, Schema>;
  const keys = Object.keys(shape);
  if (Object.getOwnPropertySymbols(shape).length > 0 || keys.includes('__proto__')) return false;
  const catchall = plan.def.catchall as Schema | undefined;
  if (catchall !== undefined && catchall._zod.def.type !== 'never') return false;
  plan.flag = catchall !== undefined;
  plan.index = new Map(keys.map((key, i) => [key, i]));
  plan.fields = keys.map((key) => {
    const schema = shape[key] as Schema;
    return { key, plan: compile(schema, c), rule: ruleOf(schema) };
  });
  return true;
}

function ruleOf(schema: Schema): number {
  const { optin, optout } = schema._zod;
  if (optin === undefined) return KEY_REQUIRED;
  if (optout === 'optional') return optin === 'optional' ? KEY_OPTIONAL : KEY_OPTIONAL_DEFAULTED;
  return optin === 'defaulted' ? KEY_DEFAULTED : KEY_OPTIONAL_IN;
}

// ---------------------------------------------------------------------------------------------
// Interpreter. `run` returns zod's output for the value, or FAIL when zod would report an issue;
// it throws when it cannot be sure.

/** `value === FAIL`, with the type test first: V8 compares a symbol with anything through a slow generic path. */
function failed(value: unknown): boolean {
  return typeof value === 'symbol' && value === FAIL;
}

function run(plan: Plan, v: unknown, depth: number): unknown {
  // One function for every kind, so a node costs one call; `out` then goes through the checks.
  let out: unknown;
  switch (plan.kind) {
    case STRING:
      out = typeof v === 'string' ? v : FAIL;
      break;
    case NUMBER:
      // Number.isFinite refuses NaN and ±Infinity, as zod does.
      out = typeof v === 'number' && Number.isFinite(v) ? v : FAIL;
      break;
    case BOOLEAN:
      out = typeof v === 'boolean' ? v : FAIL;
      break;
    case NULL:
      out = v === null ? v : FAIL;
      break;
    case VALUES:
      out = (plan.values as ReadonlySet<unknown>).has(v) ? v : FAIL;
      break;
    case PASS:
      out = v;
      break;
    case OPTIONAL:
      out = v === undefined && !plan.flag ? undefined : run(plan.first as Plan, v, depth);
      // `undefined` stays undefined unless the inner schema substitutes a default, whose failure zod drops.
      if (v === undefined && failed(out)) out = undefined;
      break;
    case NULLABLE:
      out = v === null ? v : run(plan.first as Plan, v, depth);
      break;
    case DEFAULT:
      out = v === undefined ? undefined : run(plan.first as Plan, v, depth);
      if (out === undefined) out = defaultOf(plan);
      break;
    case LAZY:
      out = run(plan.first as Plan, v, depth);
      break;
    case PIPE:
      out = run(plan.first as Plan, v, depth);
      if (!failed(out)) out = run(plan.second as Plan, out, depth);
      break;
    case TRANSFORM:
      out = transform(plan, v);
      break;
    case UNION:
      out = union(plan.options, v, depth);
      break;
    case ARRAY:
      out = array(plan, v, depth);
      break;
    case RECORD:
      out = record(plan, v, depth);
      break;
    case OBJECT:
      out = object(plan, v, depth);
      break;
    default:
      return viaZod(plan.schema, v);
  }
  return plan.checks.length === 0 || failed(out) ? out : runChecks(plan.checks, out);
}

/**
 * zod's runChecks on a value that parsed without issues: nothing is aborted, so every check runs
 * unless its `when` says no; any issue fails the parse. A check may rewrite the value (overwrite,
 * URL normalization), so the payload's value is the output.
 */
function runChecks(checks: readonly CompiledCheck[], value: unknown): unknown {
  const payload: Payload = { value, issues: [] };
  for (const { internals, when, check } of checks) {
    if (when !== undefined && !when(payload)) continue;
    if (check.call(internals, payload) instanceof Promise) unsure();
    if (payload.issues.length > 0) return FAIL;
  }
  return payload.value;
}

/** The def's own getter, called on every use, hands out a fresh copy as zod does (a plain value is shared, as in zod). */
function defaultOf(plan: Plan): unknown {
  return plan.fn === undefined ? plan.def.defaultValue : plan.fn.call(plan.def);
}

/** zod runs the node itself: any issue fails. */
function viaZod(schema: Schema, value: unknown): unknown {
  const result = schema._zod.run({ value, issues: [] }, { async: false });
  if (result instanceof Promise) unsure();
  return result.issues.length > 0 ? FAIL : result.value;
}

/** The payload a transform gets from zod's classic ZodTransform: its `addIssue` collects the issues. */
class TransformPayload implements Payload {
  readonly issues: unknown[] = [];
  constructor(public value: unknown) {}
  addIssue(issue: unknown): void {
    this.issues.push(issue);
  }
}

function transform(plan: Plan, v: unknown): unknown {
  const payload = new TransformPayload(v);
  // Called as zod calls it, as a method of the def.
  const out = (plan.fn as (this: Def, value: unknown, payload: Payload) => unknown).call(plan.def, v, payload);
  if (out instanceof Promise) unsure();
  return payload.issues.length > 0 ? FAIL : out;
}

/** $ZodUnion: the first option without issues wins. */
function union(options: readonly Plan[], v: unknown, depth: number): unknown {
  for (const option of options) {
    const out = run(option, v, depth);
    if (!failed(out)) return out;
  }
  return FAIL;
}

/** $ZodArray: a new dense array, element by element. */
function array(plan: Plan, v: unknown, depth: number): unknown {
  if (!Array.isArray(v)) return FAIL;
  if (depth >= MAX_DEPTH) unsure();
  enter(plan, v);
  const element = plan.first as Plan;
  const input: readonly unknown[] = v;
  const out = new Array<unknown>(input.length);
  for (let i = 0; i < input.length; i++) {
    const item = run(element, input[i], depth + 1);
    if (failed(item)) return FAIL;
    out[i] = item;
  }
  return out;
}

const { isPlainObject } = z.core.util;
const NUMERIC_KEY = z.core.regexes.number;

/** $ZodRecord with a key schema checked key by key (strings, refinements, partial enum records). */
function record(plan: Plan, v: unknown, depth: number): unknown {
  if (!isPlainObject(v)) return FAIL;
  if (depth >= MAX_DEPTH) unsure();
  enter(plan, v as object);
  const keyPlan = plan.first as Plan;
  const valuePlan = plan.second as Plan;
  const input = v as Record<PropertyKey, unknown>;
  const out: Record<PropertyKey, unknown> = {};
  for (const key of Reflect.ownKeys(input)) {
    // zod skips an own `__proto__` without a word (the input guard reports it) and non-enumerable keys.
    if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(input, key)) continue;
    let outKey = run(keyPlan, key, depth + 1);
    // zod retries a numeric key as a number (z.number() keys, numeric literals).
    if (failed(outKey) && typeof key === 'string' && NUMERIC_KEY.test(key)) outKey = run(keyPlan, Number(key), depth + 1);
    if (failed(outKey)) return FAIL;
    if (outKey === '__proto__') continue;
    const value = run(valuePlan, input[key], depth + 1);
    if (failed(value)) return FAIL;
    out[outKey as PropertyKey] = value;
  }
  return out;
}

/**
 * $ZodObject: the shape's keys in the shape's order into a new object; unknown keys — any
 * enumerable key `for…in` sees, inherited ones too, as zod reads them — refused (strict) or
 * dropped (strip).
 */
function object(plan: Plan, v: unknown, depth: number): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return FAIL;
  if (depth >= MAX_DEPTH) unsure();
  enter(plan, v);
  const input = v as Record<string, unknown>;
  const fields = plan.fields;
  const index = plan.index as ReadonlyMap<string, number>;
  // One for…in pass reads every enumerable key (V8 serves `input[key]` from its enum cache
  // there); reading each field by name would be a megamorphic lookup, several times slower.
  const values = new Array<unknown>(fields.length);
  let seen = 0;
  let next = 0;
  for (const key in input) {
    // Keys mostly come in the shape's order: try the next field before hashing the key.
    const i = next < fields.length && (fields[next] as Field).key === key ? next : index.get(key);
    if (i !== undefined) next = i + 1;
    if (i === undefined) {
      if (plan.flag) return FAIL;
    } else if (i < SEEN_BITS) {
      values[i] = input[key];
      seen |= 1 << i;
    }
  }
  const out: Record<string, unknown> = {};
  for (let i = 0; i < fields.length; i++) {
    const { key, plan: fieldPlan, rule } = fields[i] as Field;
    // Presence is zod's `key in input`. For…in listing a key that `in` denies (a Proxy without a
    // `has` trap) is a disagreement only zod can settle. A key not listed is read as zod reads it
    // (present but not enumerable; or absent, where a Proxy's `get` may still answer), except an
    // absent optional or required one: zod ignores what the first gives, and refuses the second.
    const present = key in input;
    let raw: unknown;
    if (i < SEEN_BITS && (seen & (1 << i)) !== 0) {
      if (!present) unsure();
      raw = values[i];
    } else if (present || (rule !== KEY_OPTIONAL && rule !== KEY_REQUIRED)) raw = input[key];
    if (rule === KEY_REQUIRED && !present) return FAIL;
    const value = run(fieldPlan, raw, depth + 1);
    if (failed(value)) {
      // zod ignores the issues of an absent optional key.
      if (!present && (rule === KEY_OPTIONAL || rule === KEY_OPTIONAL_DEFAULTED)) continue;
      return FAIL;
    }
    if (present || rule === KEY_REQUIRED || rule === KEY_DEFAULTED || (rule !== KEY_OPTIONAL && value !== undefined)) out[key] = value;
  }
  return out;
}
