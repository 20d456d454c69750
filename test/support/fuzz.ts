/**
 * Shared pieces of the fuzz suite (test/fuzz-*.test.ts): the corpus of real policies and accounts,
 * mutations of them, hostile values, and the checks every property makes (only `ArrearsError`
 * escapes, inputs are never mutated, nothing reaches a prototype, each case is bounded in time).
 *
 * Budget: `ARREARS_FUZZ_RUNS` scales the number of cases (default: a CI budget), `ARREARS_FUZZ_SEED`
 * fixes the seed (default: a constant, so CI is reproducible; `scripts/fuzz.sh` picks a random one
 * and prints it). A failure prints fast-check's seed and path: rerun with both to reproduce.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect } from 'vitest';
import { ArrearsError, ERROR_CODES, type ErrorCode, presets } from '../../src/index';

// ---------------------------------------------------------------------------------------------
// Budget

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`${name} must be an integer, got '${raw}'`);
  return n;
}

/** Cases of a property of weight 1. CI default; `npm run fuzz` raises it. */
export const FUZZ_RUNS = envInt('ARREARS_FUZZ_RUNS', 40);
export const FUZZ_SEED = envInt('ARREARS_FUZZ_SEED', 20_261_130);
/** Wall-clock ceiling of one call on one case (ms): generous, it catches hangs and blow-ups, not slowness. */
export const CASE_MS = envInt('ARREARS_FUZZ_CASE_MS', 3000);

/** fast-check parameters: the fixed (or given) seed, `weight × ARREARS_FUZZ_RUNS` cases. */
export function fuzzParams<T>(weight = 1): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: Math.max(1, Math.round(FUZZ_RUNS * weight)) };
}

// ---------------------------------------------------------------------------------------------
// Corpus: the project's own policies and accounts

const root = new URL('../../', import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const jsonFiles = (dir: string): string[] =>
  readdirSync(new URL(dir, root))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => `${dir}/${f}`);

export interface Sample {
  readonly name: string;
  readonly value: unknown;
}

/** Example policies, regulation presets and seed strategies, as plain JSON. */
export const POLICY_CORPUS: readonly Sample[] = [
  ...jsonFiles('examples/policies').map((f) => ({ name: f, value: readJson(f) })),
  ...Object.entries(presets).map(([k, v]) => ({ name: `presets.${k}`, value: JSON.parse(JSON.stringify(v)) as unknown })),
  ...Object.entries(presets.strategies).map(([k, v]) => ({ name: `presets.strategies.${k}`, value: JSON.parse(JSON.stringify(v)) as unknown })),
];

/** Every example account, one by one. */
export const ACCOUNT_CORPUS: readonly Sample[] = jsonFiles('examples/accounts').flatMap((f) => {
  const value = readJson(f);
  return (Array.isArray(value) ? value : [value]).map((a: unknown, i) => ({ name: `${f}[${i}]`, value: a }));
});

// ---------------------------------------------------------------------------------------------
// Hostile values

const reserved = (json: string): unknown => JSON.parse(json);

/** Instants and dates at the edges of what `Date` (and ISO 8601) can represent, and just past them. */
export const EDGE_DATES: readonly string[] = [
  '+275760-09-13T00:00:00Z',
  '+275760-09-13T00:00:00.001Z',
  '-271821-04-20T00:00:00Z',
  '-271821-04-19T23:59:59Z',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '9999-12-31',
  '9999-12-31T23:59:59+14:00',
  '9999-12-31T23:59:59-12:00',
  '1900-01-01T00:00:00Z',
  '1900-01-01T00:00:00+14:00',
  '1899-12-31T23:59:59Z',
  '2200-12-31T23:59:59Z',
  '2200-12-31T23:59:59-12:00',
  '2200-06-30T12:00:00Z',
  '2201-01-01T00:00:00Z',
  '1900-01-01',
  '2200-12-31',
  '1970-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
  '2026-02-29',
  '2028-02-29',
  '2026-13-01',
  '2026-11-31',
  '2026-11-23T24:00:00Z',
  '2026-11-23T23:59:60Z',
  '2026-11-23T10:00:00',
  '2026-11-23T10:00:00+25:00',
  '2026-03-08T02:30:00-05:00',
  '2026-11-01T01:30:00-04:00',
];

const WEIRD_STRINGS: readonly string[] = [
  '',
  ' ',
  'x'.repeat(10_000),
  'é'.repeat(10_000),
  '\u0000',
  '\uD800',
  '\uDFFF\uD800',
  '😀👨‍👩‍👧‍👦',
  'İı',
  'مرحبا بالعالم',
  '\u202Egnp.exe',
  '日本語のテキスト',
  'a\nb\r\nc',
  '$.a[0]',
  'toString',
  'constructor',
  '__proto__',
  'hasOwnProperty',
  'P1D',
  'PT0S',
  'P99999999Y',
  '-P1D',
  'P1Y2M3W4DT5H6M7.5S',
  'PT-1H',
  'Mars/Olympus_Mons',
  'Etc/GMT+14',
  'Etc/GMT-14',
  '+14:00',
  'UTC',
  'America/Argentina/ComodRivadavia',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  '08:00',
  '24:00',
  '23:59:59.999',
  '25:61',
  ...EDGE_DATES,
];

const WEIRD_NUMBERS: readonly number[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  -1,
  1,
  0.5,
  1e308,
  -1e308,
  5e-324,
  2 ** 31,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  8.64e15,
  8.64e15 + 1,
];

/**
 * An object whose `length` cannot be converted to a primitive: zod 4's length checks run even
 * after the type check failed and throw a TypeError on it (zod/v4/core/checks.js,
 * $ZodCheckMinLength). The input guard refuses own non-function `toString`/`valueOf` keys before
 * zod sees the input; it is one of the weird values, and pinned by tests of its own.
 */
export const LENGTH_CRASHER_JSON = '{"length":{"toString":1,"valueOf":1}}';

/** Non-string, non-number oddities: reserved-key objects (own `__proto__` keys, as JSON.parse makes them) and non-JSON values. */
const WEIRD_OTHERS: readonly (() => unknown)[] = [
  () => null,
  () => undefined,
  () => true,
  () => false,
  () => [],
  () => ({}),
  () => [null],
  () => reserved('{"__proto__":{"polluted":"yes"}}'),
  () => reserved('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  () => reserved('{"prototype":{"polluted":"yes"}}'),
  () => reserved('[{"__proto__":{"polluted":"yes"}}]'),
  // Objects JSON can hold that break ToPrimitive (`${v}`, v < 1) and duck-typed `length` checks.
  () => reserved('{"toString":1,"valueOf":1}'),
  () => reserved('{"length":-1}'),
  () => reserved('{"length":1e9,"0":"x"}'),
  () => 10n,
  () => new Date(0),
  () => new Date(Number.NaN),
  () => Object.create(null) as unknown,
  () => Object.assign(Object.create(null) as object, { id: 'x' }),
  () => new Map([['id', 'x']]),
  () => new Set([1]),
  () => JSON.parse(LENGTH_CRASHER_JSON) as unknown,
];


/** Keys that are dangerous or odd to find in an object. */
export const WEIRD_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '', 'x'.repeat(10_000), '😀', '\u0000', 'polluted', 'then', 'length', '0'];

/** A hostile value: a fixed oddity, a random number, string or small JSON value. */
export const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...WEIRD_STRINGS), weight: 4 },
  { arbitrary: fc.constantFrom(...WEIRD_NUMBERS), weight: 3 },
  { arbitrary: fc.constantFrom(...WEIRD_OTHERS).map((make) => make()), weight: 3 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
);

// ---------------------------------------------------------------------------------------------
// JSON trees: paths, get, set (always as own data properties: `__proto__` stays a key)

export type Path = readonly (string | number)[];
type Container = Record<string, unknown> | unknown[];

const isContainer = (v: unknown): v is Container => v !== null && typeof v === 'object' && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** Every path of a tree (root first), breadth-first, at most `limit`. */
export function pathsOf(value: unknown, limit = 4000): Path[] {
  const out: Path[] = [];
  const queue: { path: Path; value: unknown }[] = [{ path: [], value }];
  for (let i = 0; i < queue.length && out.length < limit; i++) {
    const { path, value: v } = queue[i] as { path: Path; value: unknown };
    out.push(path);
    if (Array.isArray(v)) v.slice(0, 200).forEach((c, j) => queue.push({ path: [...path, j], value: c }));
    else if (isContainer(v)) for (const k of Object.keys(v).slice(0, 200)) queue.push({ path: [...path, k], value: (v as Record<string, unknown>)[k] });
  }
  return out;
}

export function getAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const k of path) v = isContainer(v) ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

function define(target: Container, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A deep copy of a JSON-like tree that keeps `__proto__` keys as own keys. Iterative
 * (structuredClone overflows the stack on 20 000 levels); other objects go through structuredClone.
 */
export function copyTree(value: unknown): unknown {
  const copyNode = (v: unknown): unknown => (Array.isArray(v) ? new Array<unknown>(v.length) : isContainer(v) ? (Object.getPrototypeOf(v) === null ? Object.create(null) : {}) : v !== null && typeof v === 'object' ? structuredClone(v) : v);
  const root = copyNode(value);
  const stack: [Container, Container][] = isContainer(value) ? [[value, root as Container]] : [];
  while (stack.length > 0) {
    const [from, to] = stack.pop() as [Container, Container];
    for (const k of Object.keys(from)) {
      const v = (from as Record<string, unknown>)[k];
      const c = copyNode(v);
      define(to, Array.isArray(to) ? Number(k) : k, c);
      if (isContainer(v)) stack.push([v, c as Container]);
    }
  }
  return root;
}

// ---------------------------------------------------------------------------------------------
// Mutations

export const MUTATIONS = ['delete', 'replace', 'sameType', 'addKey', 'swap', 'wrap', 'nest', 'huge', 'retype', 'duplicate'] as const;
export type MutationKind = (typeof MUTATIONS)[number];

/** One mutation, as data: fast-check shrinks these, so a failure reduces to the few that matter. */
export interface Mutation {
  readonly kind: MutationKind;
  /** Picks the node (modulo the number of paths). */
  readonly at: number;
  readonly value: unknown;
  readonly key: string;
  /** Picks a donor sub-tree (swap) or a size (nest, huge). */
  readonly pick: number;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...MUTATIONS),
  at: fc.nat(),
  value: weirdValue,
  key: fc.oneof(fc.constantFrom(...WEIRD_KEYS), fc.string({ maxLength: 8 })),
  pick: fc.nat(),
});

/** Strings and numbers found anywhere in the corpus: same-type replacements that keep a policy plausible. */
const DONOR_LEAVES: { readonly strings: string[]; readonly numbers: number[] } = (() => {
  const strings = new Set<string>();
  const numbers = new Set<number>();
  for (const s of [...POLICY_CORPUS, ...ACCOUNT_CORPUS]) {
    for (const p of pathsOf(s.value)) {
      const v = getAt(s.value, p);
      if (typeof v === 'string') strings.add(v);
      else if (typeof v === 'number') numbers.add(v);
    }
  }
  return { strings: [...strings].sort(), numbers: [...numbers].sort((a, b) => a - b) };
})();

export const NEST_DEPTHS = [2, 10, 100, 1000, 5000, 20_000] as const;
const HUGE_LENGTHS = [100, 1000, 10_000] as const;

function sameTypeValue(old: unknown, m: Mutation): unknown {
  if (typeof old === 'string') return m.pick % 3 === 0 ? m.value : DONOR_LEAVES.strings[m.pick % DONOR_LEAVES.strings.length];
  if (typeof old === 'number') return m.pick % 2 === 0 ? WEIRD_NUMBERS[m.pick % WEIRD_NUMBERS.length] : DONOR_LEAVES.numbers[m.pick % DONOR_LEAVES.numbers.length];
  if (typeof old === 'boolean') return !old;
  if (Array.isArray(old)) return m.pick % 2 === 0 ? [] : [...old].reverse();
  if (isContainer(old)) return m.pick % 2 === 0 ? {} : Object.fromEntries(Object.entries(old).slice(0, -1));
  return m.value;
}

function retype(old: unknown): unknown {
  if (typeof old === 'string') return old === '' || Number.isNaN(Number(old)) ? [old] : Number(old);
  if (typeof old === 'number') return String(old);
  if (typeof old === 'boolean') return old ? 'true' : 0;
  if (Array.isArray(old)) return { ...old };
  if (isContainer(old)) return Object.values(old);
  return {};
}

function nest(depth: number, leaf: unknown, arrays: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
  return v;
}

/** Applies one mutation in place to `doc` (a private copy) and returns the new root. */
function applyMutation(doc: unknown, m: Mutation, donors: readonly unknown[], maxNestDepth: number): unknown {
  const paths = pathsOf(doc);
  const path = paths[m.at % paths.length] as Path;
  const old = getAt(doc, path);
  let replacement: unknown;
  switch (m.kind) {
    case 'delete':
    case 'duplicate': {
      if (path.length === 0) return m.kind === 'delete' ? undefined : [doc, doc];
      const parent = getAt(doc, path.slice(0, -1)) as Container;
      const key = path[path.length - 1] as string | number;
      if (Array.isArray(parent)) {
        if (m.kind === 'delete') parent.splice(key as number, 1);
        else parent.splice(key as number, 0, copyTree(old));
      } else if (m.kind === 'delete') delete parent[key];
      else define(parent, `${String(key)}_copy`, copyTree(old));
      return doc;
    }
    case 'addKey': {
      if (isContainer(old) && !Array.isArray(old)) {
        define(old, m.key, m.value);
        return doc;
      }
      replacement = JSON.parse(`{${JSON.stringify(m.key)}:null}`) as Record<string, unknown>;
      define(replacement as Container, m.key, m.value);
      break;
    }
    case 'replace':
      replacement = m.value;
      break;
    case 'sameType':
      replacement = sameTypeValue(old, m);
      break;
    case 'retype':
      replacement = retype(old);
      break;
    case 'swap': {
      const donor = donors[m.pick % donors.length];
      const donorPaths = pathsOf(donor);
      replacement = copyTree(getAt(donor, donorPaths[Math.floor(m.pick / donors.length) % donorPaths.length] as Path));
      break;
    }
    case 'wrap':
      replacement = m.pick % 2 === 0 ? [old] : { value: old };
      break;
    case 'nest':
      replacement = nest(Math.min(maxNestDepth, NEST_DEPTHS[m.pick % NEST_DEPTHS.length] as number), old, m.pick % 2 === 0);
      break;
    case 'huge': {
      const n = HUGE_LENGTHS[m.pick % HUGE_LENGTHS.length] as number;
      const element = Array.isArray(old) && old.length > 0 ? old[0] : old;
      // Shared references: a huge array costs one slot per element, however big the element.
      replacement = new Array<unknown>(n).fill(element);
      break;
    }
  }
  if (path.length === 0) return replacement;
  define(getAt(doc, path.slice(0, -1)) as Container, path[path.length - 1] as string | number, replacement);
  return doc;
}

/** A document with its history, so a failure shows where it came from. */
export interface Mutant {
  readonly base: string;
  readonly mutations: readonly Mutation[];
  readonly value: unknown;
  /** How fast-check prints it in a counterexample (the value itself may be 20 000 levels deep). */
  [fc.toStringMethod](): string;
}

export interface MutantOptions {
  /** At most this many mutations (default 4). */
  readonly max?: number;
  /** At least this many (default 1; 0 lets the sample through unchanged now and then). */
  readonly min?: number;
  /** More documents to draw swapped sub-trees from. */
  readonly donors?: readonly Sample[];
  /** Only these kinds (default: all). `GENTLE` keeps most mutants valid, to reach the engine. */
  readonly kinds?: readonly MutationKind[];
  /** Deepest `nest` mutation (default 20 000 levels). */
  readonly maxNestDepth?: number;
}

/** Mutations that often leave a document valid but odd: it then reaches the engine, not just the parser. */
export const GENTLE: readonly MutationKind[] = ['sameType', 'delete', 'duplicate', 'swap'];

/**
 * Mutants of the corpus: a sample, copied, then 1–`max` mutations (swaps draw sub-trees from every
 * sample of `corpus` and of `donors`). The sample is never touched.
 */
export function mutantOf(corpus: readonly Sample[], options: MutantOptions = {}): fc.Arbitrary<Mutant> {
  const donors = [...corpus, ...(options.donors ?? [])].map((s) => s.value);
  const step = options.kinds === undefined ? mutation : fc.tuple(mutation, fc.constantFrom(...options.kinds)).map(([m, kind]) => ({ ...m, kind }));
  return fc.record({ index: fc.nat(corpus.length - 1), mutations: fc.array(step, { minLength: options.min ?? 1, maxLength: options.max ?? 4 }) }).map(({ index, mutations }) => {
    const sample = corpus[index] as Sample;
    let value = copyTree(sample.value);
    // At most one blow-up (nest or huge) per mutant: two multiply, and the point is to find bugs, not to run out of memory.
    let blownUp = false;
    for (const m of mutations) {
      const blowUp = m.kind === 'nest' || m.kind === 'huge';
      if (blowUp && blownUp) continue;
      blownUp ||= blowUp;
      value = applyMutation(value, m, donors, options.maxNestDepth ?? Number.POSITIVE_INFINITY);
    }
    return {
      base: sample.name,
      mutations,
      value,
      [fc.toStringMethod]: () => `mutant of ${sample.name}: ${mutations.map((m) => `${m.kind}@${m.at}/${m.pick} key=${JSON.stringify(m.key.slice(0, 20))} value=${describe(m.value)}`).join('; ')}`,
    };
  });
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…(${v.length})` : v);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof Date) return `Date(${v.getTime()})`;
  try {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 60 ? `${s.slice(0, 60)}…` : s;
  } catch {
    return Object.prototype.toString.call(v);
  }
}

// ---------------------------------------------------------------------------------------------
// Checks

/**
 * A lossless fingerprint of a value: own keys (even `__proto__`), -0, NaN, undefined, bigints,
 * dates, prototypes, frozenness, shared and cyclic references. Iterative: deep nesting is fine.
 */
export function fingerprint(value: unknown): string {
  const out: string[] = [];
  const seen = new Map<object, number>();
  const stack: unknown[] = [value];
  const END = Symbol('end');
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === END) {
      out.push(')');
      continue;
    }
    if (typeof v === 'number') out.push(Object.is(v, -0) ? 'n-0' : `n${v}`);
    else if (typeof v === 'string') out.push(`s${v.length}:${v}`);
    else if (typeof v === 'bigint') out.push(`b${v}`);
    else if (typeof v !== 'object' || v === null) out.push(String(v));
    else if (seen.has(v)) out.push(`@${seen.get(v)}`);
    else {
      seen.set(v, seen.size);
      const proto = Object.getPrototypeOf(v) as unknown;
      const protoName = proto === null ? 'null' : proto === Object.prototype ? 'O' : proto === Array.prototype ? 'A' : Object.prototype.toString.call(v);
      out.push(`(${protoName}${Object.isFrozen(v) ? 'F' : Object.isExtensible(v) ? '' : 'X'}`);
      if (v instanceof Date) out.push(`t${v.getTime()}`);
      if (v instanceof Map || v instanceof Set) out.push(`z${v.size}`);
      stack.push(END);
      const keys = Reflect.ownKeys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i] as string | symbol;
        const d = Object.getOwnPropertyDescriptor(v, k) as PropertyDescriptor;
        stack.push('value' in d ? d.value : '<accessor>');
        stack.push(`k${String(k)}${d.enumerable === true ? '' : '~'}${d.writable === false ? '!' : ''}`);
      }
    }
  }
  return out.join(',');
}

const PROTOTYPES: readonly [string, object][] = [
  ['Object', Object.prototype],
  ['Array', Array.prototype],
  ['Function', Function.prototype],
  ['String', String.prototype],
  ['Number', Number.prototype],
  ['Date', Date.prototype],
  ['Map', Map.prototype],
  ['Error', Error.prototype],
];
const protoKeys = (): string => PROTOTYPES.map(([name, p]) => `${name}:${Reflect.ownKeys(p).map(String).sort().join('|')}`).join('\n');
const PRISTINE = protoKeys();

/** Fails (after cleaning up, so one leak does not poison every later test) if any key reached a built-in prototype. */
export function expectNoPollution(): void {
  const polluted = (Object.prototype as Record<string, unknown>).polluted ?? ({} as Record<string, unknown>).polluted ?? ([] as unknown as Record<string, unknown>).polluted;
  const now = protoKeys();
  if (now !== PRISTINE || polluted !== undefined) {
    for (const [, p] of PROTOTYPES) delete (p as Record<string, unknown>).polluted;
    expect(now, 'a key reached a built-in prototype').toBe(PRISTINE);
    expect(polluted, 'Object.prototype.polluted').toBeUndefined();
  }
}

/** What a call did: returned, or threw. */
export type Outcome<T> = { readonly ok: true; readonly value: T; readonly ms: number } | { readonly ok: false; readonly error: unknown; readonly ms: number };

/** Runs `fn` once, timing it, catching what it throws. */
export function attempt<T>(fn: () => T): Outcome<T> {
  const start = performance.now();
  try {
    const value = fn();
    return { ok: true, value, ms: performance.now() - start };
  } catch (error) {
    return { ok: false, error, ms: performance.now() - start };
  }
}

function errorSummary(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 300)}\n${error.stack?.split('\n').slice(1, 6).join('\n') ?? ''}`;
  return String(error);
}

/** The error is an `ArrearsError` with a known code (one of `codes` when given), and each issue is well formed. */
export function expectArrearsError(error: unknown, codes?: readonly ErrorCode[]): asserts error is ArrearsError {
  expect(error instanceof ArrearsError, `expected an ArrearsError, got ${errorSummary(error)}`).toBe(true);
  const e = error as ArrearsError;
  expect(ERROR_CODES).toContain(e.code);
  if (codes) expect(codes).toContain(e.code);
  expectIssues(e.issues);
  expect(Array.isArray(e.path)).toBe(true);
}

/** A non-empty list of `{ code, path, message }`, codes non-empty, paths arrays of keys. */
export function expectIssues(issues: unknown): void {
  expect(Array.isArray(issues)).toBe(true);
  const list = issues as readonly Record<string, unknown>[];
  expect(list.length).toBeGreaterThan(0);
  for (const issue of list) {
    expect(typeof issue.code === 'string' && issue.code !== '', `issue code: ${JSON.stringify(issue.code)}`).toBe(true);
    expect(typeof issue.message).toBe('string');
    expect(Array.isArray(issue.path), `issue path: ${String(issue.path)}`).toBe(true);
    for (const part of issue.path as unknown[]) expect(['string', 'number']).toContain(typeof part);
  }
}

/** Runs `fn` on `input` and checks the invariants every entry point owes: returns or throws `ArrearsError`, in time, `input` untouched, prototypes clean. */
export function checkCall<T>(input: unknown, fn: () => T, codes?: readonly ErrorCode[]): Outcome<T> {
  const before = fingerprint(input);
  const outcome = attempt(fn);
  expectNoPollution();
  if (!outcome.ok) expectArrearsError(outcome.error, codes);
  expect(fingerprint(input) === before, 'the input was mutated').toBe(true);
  expect(outcome.ms, 'one call took too long').toBeLessThan(CASE_MS);
  return outcome;
}

/** Makes a cycle: the object at the `at`-th path gets a key pointing back to one of its ancestors (or itself). Works on a copy. */
export function withCycle(doc: unknown, at: number, pick: number): unknown {
  const copy = copyTree(doc);
  const objects = pathsOf(copy).filter((p) => isContainer(getAt(copy, p)));
  const path = objects[at % objects.length] as Path;
  const target = getAt(copy, path) as Container;
  const back = getAt(copy, path.slice(0, pick % (path.length + 1)));
  if (Array.isArray(target)) target.push(back);
  else define(target, 'self', back);
  return copy;
}

/** Adds an own key (`__proto__` too) with `value` to the `at`-th object of a copy of `doc`; `null` if it has no plain object. */
export function withKey(doc: unknown, at: number, key: string, value: unknown): { readonly value: unknown; readonly path: Path } | null {
  const copy = copyTree(doc);
  const objects = pathsOf(copy).filter((p) => {
    const v = getAt(copy, p);
    return isContainer(v) && !Array.isArray(v);
  });
  if (objects.length === 0) return null;
  const path = objects[at % objects.length] as Path;
  define(getAt(copy, path) as Container, key, value);
  return { value: copy, path };
}
