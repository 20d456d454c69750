import { ArrearsError, formatPath, type ErrorCode, type Issue, type IssuePath } from './errors';
import type { Limits } from './limits';
import { withArticle } from './zod-issues';

/*
 * The walk every policy and account goes through before zod sees it. zod validates recursively
 * and trusts its input to be JSON: a value nested 10,000 deep overflows the stack (a RangeError,
 * not an ArrearsError), a cycle never ends, and an own `__proto__` key — which JSON.parse creates —
 * is silently dropped by zod's record parser. One walk, bounded by `maxDepth`, catches all of
 * them and enforces the generic size limits on the way. It runs for every account, so it
 * allocates nothing on the happy path but its small state object.
 *
 * Objects built by code may also compute their values: a getter, or a Proxy's traps, can throw
 * when read. JSON never does, so the walk reads every value inside try/catch and refuses one that
 * throws (`unreadable`) at its path; nothing reads that input again (zod would meet the same throw).
 */

/** Guard issues kept at most; a refused input does not need a million messages. */
const MAX_ISSUES = 100;

/** What the guard concluded about an input. */
export interface Screening {
  /**
   * `'limit'`: a limit is exceeded (issues are limit issues; `LIMIT_EXCEEDED`), the input must not
   * be validated further. `'invalid'`: the input is not JSON (a cycle), or the walk stopped at 100
   * issues; refuse it as invalid without validating further. `'ok'`: validation may go on;
   * `issues` (forbidden keys) join its own.
   */
  readonly verdict: 'limit' | 'invalid' | 'ok';
  readonly issues: readonly Issue[];
  /** The whole input was walked: its nesting is within `maxDepth`, it has no cycle, every value could be read. */
  readonly complete: boolean;
  /**
   * Every value could be read. False when a getter or a Proxy threw: then nothing may read the
   * input again, not even to count its attempts, for it would throw again.
   */
  readonly readable: boolean;
}

interface Walk {
  readonly limits: Limits;
  /** A `Date` may stand for a value (an account's instants); false where nothing takes one (a policy). */
  readonly dates: boolean;
  /** `keys[d]`: the key or index that leads from the container at level d+1 to its child. */
  readonly keys: (string | number)[];
  /** `chain[d]`: the container at level d+1 on the current path (to find a cycle's start). */
  readonly chain: object[];
  readonly limitIssues: Issue[];
  readonly otherIssues: Issue[];
  nodes: number;
  /** Set by a problem that makes the rest of the walk meaningless (too deep, a cycle, too large). */
  stopped: boolean;
  /** Set by a value that cannot be converted to a primitive: validating it could throw. */
  unconvertible: boolean;
  /** Set by a value whose reading threw (a getter, a Proxy trap). */
  unreadable: boolean;
}

/**
 * Walks an untrusted input once, before validation: refuses cycles, nesting deeper than
 * `limits.maxDepth`, more than `limits.maxNodes` values, strings (keys included) longer than
 * `limits.maxStringLength`, arrays longer than `limits.maxArrayLength`, objects with more than
 * `limits.maxObjectKeys` keys, own `__proto__` keys, own `toString`/`valueOf` keys that are
 * not functions (they make a value impossible to convert, and conversion would throw; what they
 * hold is walked all the same), and values whose reading throws (a getter, a Proxy:
 * `unreadable`). Every issue has the JSON path of the problem. The walk stops at the first cycle,
 * too-deep or too-large value (the rest would only repeat it) and after 100 issues.
 *
 * Objects of any class are walked through their own enumerable keys (what a schema can read);
 * built-in objects JSON cannot hold (a Map, a Set, a boxed number…), which a schema expecting an
 * object would read as one with no fields, are `not_json` at their path (`joinIssues` says it
 * once where the schema refuses them too); functions, symbols and other non-JSON values are left
 * to the schemas, which refuse them.
 *
 * @summary Screens an input for what would break or bypass validation.
 * @param input - the untrusted value (parsed JSON, or objects built by code).
 * @param limits - the limits to enforce (`DEFAULT_LIMITS` or a resolved `limits` option).
 * @param options - `dates: false` refuses a `Date` as `not_json` too, for inputs where nothing
 *   takes one (a policy): a schema expecting an object would read it as `{}`.
 * @returns the verdict and the issues found.
 * @example
 * const looped: Record<string, unknown> = { id: 'A-1' };
 * looped.self = looped;
 * screenInput(looped, DEFAULT_LIMITS);
 * // { verdict: 'invalid', issues: [{ code: 'cyclic', path: ['self'], message: 'refers back to (root), which contains it: … ' }] }
 */
export function screenInput(input: unknown, limits: Limits, { dates = true }: { readonly dates?: boolean } = {}): Screening {
  const walk: Walk = { limits, dates, keys: [], chain: [], limitIssues: [], otherIssues: [], nodes: 0, stopped: false, unconvertible: false, unreadable: false };
  visit(walk, input, 1);
  const readable = !walk.unreadable;
  const complete = !walk.stopped && readable;
  if (walk.limitIssues.length > 0) return { verdict: 'limit', issues: walk.limitIssues, complete, readable };
  // Stopped early (a cycle, or 100 forbidden keys): the rest is unchecked, so zod must not walk
  // it; nor an unconvertible or unreadable value, on which zod would throw.
  return { verdict: complete && !walk.unconvertible ? 'ok' : 'invalid', issues: walk.otherIssues, complete, readable };
}

/**
 * What a thrown value says, for a message, without trusting it: its `toString` or `message` may
 * throw too. At most 200 characters.
 *
 * @example
 * describeThrown(new Error('boom')); // 'boom'
 * describeThrown({ toString() { throw 1; } }); // 'a value that cannot be shown'
 */
export function describeThrown(thrown: unknown): string {
  try {
    const text = thrown instanceof Error ? thrown.message : String(thrown);
    return text.length > 200 ? `${text.slice(0, 197)}...` : text;
  } catch {
    return 'a value that cannot be shown';
  }
}

/**
 * The issue for a value that threw when read: its path, and what it threw.
 *
 * @example
 * unreadableIssue(['currency'], new Error('boom'));
 * // { code: 'unreadable', path: ['currency'], message: 'reading this value threw: boom — pass plain JSON data (values, not getters or Proxies that compute them)' }
 */
export function unreadableIssue(path: IssuePath, thrown: unknown, what = 'reading this value'): Issue {
  return { code: 'unreadable', path, message: `${what} threw: ${describeThrown(thrown)} — pass plain JSON data (values, not getters or Proxies that compute them)` };
}

/**
 * Whether a value can be told apart, the way every check and message starts: is it a list, what is
 * its prototype (`instanceof Date`), what is it called (`Symbol.toStringTag`)? A Proxy with no keys
 * passes `screenInput`'s walk, yet a `get` or `getPrototypeOf` trap that throws would throw from a
 * type check or an error message. Returns the `unreadable` issue at `path`, or null.
 *
 * @example
 * probeValue(new Proxy({}, { getPrototypeOf() { throw new Error('boom'); } }), ['now']);
 * // { code: 'unreadable', path: ['now'], message: 'reading this value threw: boom — …' }
 * probeValue('2026-11-23T10:00:00Z', ['now']); // null
 */
export function probeValue(value: unknown, path: IssuePath): Issue | null {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return null;
  try {
    Array.isArray(value); // throws for a revoked Proxy
    Object.getPrototypeOf(value);
    Object.prototype.toString.call(value);
    return null;
  } catch (error) {
    return unreadableIssue(path, error);
  }
}

/**
 * The `unreadable` issues of a value the caller gave, each at `path` followed by its own: the value
 * itself cannot be told apart (`probeValue`), or a value inside it throws when read (the walk of
 * `screenInput`). Empty when every value can be read.
 *
 * @example
 * unreadableIssues({ proposals: [{ get status() { throw new Error('boom'); } }] }, DEFAULT_LIMITS, ['decision']);
 * // [{ code: 'unreadable', path: ['decision', 'proposals', 0, 'status'], message: 'reading this value threw: boom — …' }]
 */
export function unreadableIssues(value: unknown, limits: Limits, path: IssuePath = []): Issue[] {
  const itself = probeValue(value, path);
  if (itself !== null) return [itself];
  const screening = screenInput(value, limits);
  if (screening.readable) return [];
  return screening.issues.filter((i) => i.code === 'unreadable').map((i) => ({ ...i, path: [...path, ...i.path] }));
}

/**
 * Runs `read`, which reads a value the caller gave, and refuses a throw from it (a getter, a Proxy
 * trap, an iterator) as `ArrearsError` with `code` and an `unreadable` issue at `path`. An
 * `ArrearsError` thrown by `read` is already a refusal: it passes through.
 *
 * @example
 * const attempts = readGuarded('ACCOUNT_INVALID', ['log', 'attempts'], () => timeline.attempts);
 */
export function readGuarded<T>(code: ErrorCode, path: IssuePath, read: () => T, what?: string): T {
  try {
    return read();
  } catch (error) {
    throw unreadableError(code, path, error, what);
  }
}

/**
 * What to throw for `thrown`, caught while reading a value the caller gave: an `ArrearsError` as
 * it is (already a refusal), anything else as `ArrearsError` with `code` and an `unreadable`
 * issue at `path`. For reads `readGuarded` cannot wrap, such as a generator's `for…of`.
 *
 * @example
 * try { for (const x of given) yield x; } catch (error) { throw unreadableError('OPTIONS_INVALID', [], error, 'reading the book'); }
 */
export function unreadableError(code: ErrorCode, path: IssuePath, thrown: unknown, what?: string): ArrearsError {
  return thrown instanceof ArrearsError ? thrown : new ArrearsError(code, [unreadableIssue(path, thrown, what)]);
}

/**
 * Built-in objects JSON has no form for, by their tag, with what to write instead. zod reads any
 * object where it expects one with named fields, and these have none of their own: a Map given
 * for an action (or a block's `except`) would be read as `{}`, silently. A `Date` is not here:
 * instants take one.
 */
const NON_JSON_OBJECTS: Readonly<Record<string, string>> = {
  Map: 'a plain object { "key": value }',
  WeakMap: 'a plain object { "key": value }',
  Set: 'a list [ … ]',
  WeakSet: 'a list [ … ]',
  ArrayBuffer: 'a list [ … ]',
  SharedArrayBuffer: 'a list [ … ]',
  RegExp: 'a string',
  Number: 'the number itself',
  String: 'the string itself',
  Boolean: 'true or false itself',
  BigInt: 'a number or a string',
  Symbol: 'a string',
  Promise: 'the value it resolves to',
  WeakRef: 'the value itself',
  Error: 'its message, as a string',
};

/** Where nothing takes a `Date`, what to write: a date or an instant as the policy writes them. */
const DATE_AS_STRING = 'a string, a date like "2026-12-25" or an instant like "2026-11-23T10:00:00Z"';

/**
 * What a built-in object JSON cannot hold is called (`'a Map'`, `'a Uint8Array'`) and what to
 * write instead, or null for anything else: plain objects, lists, Dates (unless `dates` is
 * false), class instances (read through their own fields) and primitives. May throw for a Proxy
 * (its `getPrototypeOf` trap).
 *
 * @example
 * nonJsonObject(new Map()); // { named: 'a Map', instead: 'a plain object { "key": value }' }
 * nonJsonObject({ channel: 'phone' }); // null
 * nonJsonObject(new Date('2026-12-25'), false); // { named: 'a Date', instead: 'a string, a date like "2026-12-25" or …' }
 */
export function nonJsonObject(value: unknown, dates = true): { readonly named: string; readonly instead: string } | null {
  if (value === null || typeof value !== 'object') return null;
  const proto: unknown = Object.getPrototypeOf(value);
  // The common case first, and cheap: a plain object (or one without prototype), a list.
  if (proto === Object.prototype || proto === null || Array.isArray(value)) return null;
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  const instead = ArrayBuffer.isView(value)
    ? 'a list [ … ]'
    : Object.hasOwn(NON_JSON_OBJECTS, tag)
      ? NON_JSON_OBJECTS[tag]
      : !dates && tag === 'Date'
        ? DATE_AS_STRING
        : undefined;
  return instead === undefined ? null : { named: withArticle(tag), instead };
}

/** The `not_json` issue at `path` for what `nonJsonObject` found. */
function notJsonIssue(found: { readonly named: string; readonly instead: string }, path: IssuePath): Issue {
  return { code: 'not_json', path, message: `must be JSON data, not ${found.named}: write ${found.instead}` };
}

/**
 * The guard's issues joined with the schema's: a `not_json` value the schema refused too (a Map
 * where a record or a JSON value goes) is said once, in the schema's words.
 *
 * @example
 * joinIssues(screening.issues, fromZodIssues(result.error.issues)); // guard's first, then the schema's
 */
export function joinIssues(guard: readonly Issue[], schema: readonly Issue[]): Issue[] {
  return [...withoutShadowed(guard, 'not_json', schema), ...schema];
}

/** `issues` without those of `code` that `others` also report, at the same path. */
function withoutShadowed(issues: readonly Issue[], code: string, others: readonly Issue[]): Issue[] {
  return issues.filter((i) => i.code !== code || !others.some((o) => samePath(o.path, i.path)));
}

function samePath(a: IssuePath, b: IssuePath): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}

function unreadable(walk: Walk, path: IssuePath, thrown: unknown, what?: string): void {
  walk.unreadable = true;
  report(walk, 'other', unreadableIssue(path, thrown, what));
}

function visit(walk: Walk, value: unknown, level: number): void {
  const { limits } = walk;
  if (++walk.nodes > limits.maxNodes) {
    report(walk, 'limit', {
      code: 'too_large',
      path: pathAt(walk, level),
      message: `the input has more than ${limits.maxNodes} values (limits.maxNodes); split it or raise the limit`,
    });
    walk.stopped = true;
    return;
  }
  if (typeof value === 'string') {
    if (value.length > limits.maxStringLength) {
      report(walk, 'limit', {
        code: 'string_too_long',
        path: pathAt(walk, level),
        message: `this string is ${value.length} characters long, over the limit of ${limits.maxStringLength} (limits.maxStringLength); shorten it`,
      });
    }
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (level > limits.maxDepth) {
    tooDeep(walk, value, level);
    return;
  }
  walk.chain[level - 1] = value;
  let isArray: boolean;
  try {
    isArray = Array.isArray(value); // throws for a revoked Proxy
  } catch (error) {
    unreadable(walk, pathAt(walk, level), error);
    return;
  }
  if (isArray) visitArray(walk, value as readonly unknown[], level);
  else visitObject(walk, value, level);
}

function visitArray(walk: Walk, array: readonly unknown[], level: number): void {
  let length: number;
  try {
    length = array.length;
  } catch (error) {
    unreadable(walk, pathAt(walk, level), error, 'reading the length of this list');
    return;
  }
  if (length > walk.limits.maxArrayLength) {
    // Not walked: it is refused anyway, and walking it is the cost the limit exists to avoid.
    report(walk, 'limit', {
      code: 'too_many_items',
      path: pathAt(walk, level),
      message: `this list has ${length} items, over the limit of ${walk.limits.maxArrayLength} (limits.maxArrayLength); split the input or raise the limit`,
    });
    return;
  }
  for (let i = 0; i < length; i++) {
    walk.keys[level - 1] = i;
    let item: unknown;
    try {
      item = array[i];
    } catch (error) {
      unreadable(walk, pathAt(walk, level + 1), error);
      if (walk.stopped) return;
      continue;
    }
    visit(walk, item, level + 1);
    if (walk.stopped) return;
  }
}

function visitObject(walk: Walk, object: object, level: number): void {
  // Listing the keys runs a Proxy's ownKeys and getOwnPropertyDescriptor traps, which may throw.
  try {
    // The path is built only for a refusal: the happy path allocates nothing per object.
    const notJson = nonJsonObject(object, walk.dates);
    if (notJson !== null) report(walk, 'other', notJsonIssue(notJson, pathAt(walk, level)));
    visitKeys(walk, object, level);
  } catch (error) {
    unreadable(walk, pathAt(walk, level), error, 'listing the keys of this object');
  }
}

function visitKeys(walk: Walk, object: object, level: number): void {
  const { limits } = walk;
  let count = 0;
  // for…in allocates no key array (V8 walks its enum cache); the own-property check skips
  // anything enumerable that a polluted Object.prototype would add.
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    if (++count > limits.maxObjectKeys) {
      report(walk, 'limit', {
        code: 'too_many_keys',
        path: pathAt(walk, level),
        message: `this object has more than ${limits.maxObjectKeys} keys (limits.maxObjectKeys); split the input or raise the limit`,
      });
      return;
    }
    if (key.length > limits.maxStringLength) {
      // The path stops at the object: a megabyte-long key would make a megabyte-long path.
      report(walk, 'limit', {
        code: 'string_too_long',
        path: pathAt(walk, level),
        message: `a key of this object is ${key.length} characters long, over the limit of ${limits.maxStringLength} (limits.maxStringLength); shorten it`,
      });
      continue;
    }
    if (key === '__proto__') {
      // JSON.parse makes `"__proto__"` an own key; zod's record parser then skips it, so the
      // entry would vanish without a word. Refuse it like `constructor` and `prototype`.
      report(walk, 'other', {
        code: 'forbidden_key',
        path: [...pathAt(walk, level), key],
        message: 'this key is reserved (it could reach Object.prototype); rename it',
      });
      continue;
    }
    let child: unknown;
    try {
      child = (object as Record<string, unknown>)[key]; // a getter or a Proxy's get trap may throw
    } catch (error) {
      unreadable(walk, [...pathAt(walk, level), key], error);
      if (walk.stopped) return;
      continue;
    }
    if ((key === 'toString' || key === 'valueOf') && typeof child !== 'function') {
      // `{ "toString": 1, "valueOf": 1 }` cannot become a string or a number: any code that
      // converts it (zod's own length checks do, on a wrongly typed value) throws a TypeError.
      // The walk goes on (it converts nothing), but the input must not reach zod. Its value is
      // walked like any other: hashing reads it as data, so a cycle, nesting too deep or a value
      // that throws under it must be found as under any key.
      report(walk, 'other', {
        code: 'forbidden_key',
        path: [...pathAt(walk, level), key],
        message: `this key is reserved (it shadows Object.prototype.${key}, so the value cannot be converted); rename it`,
      });
      walk.unconvertible = true;
      if (walk.stopped) return;
      // A cycle is found only past maxDepth, and one through this key would add an issue per
      // turn: 100 of them before the cycle is named. Checking the path here is cheap, this is rare.
      if (closesCycle(walk, child, level, key)) return;
    }
    walk.keys[level - 1] = key;
    visit(walk, child, level + 1);
    if (walk.stopped) return;
  }
}

/** Whether `child`, under `key` of the container at `level`, is that container or one above it; reported as a cycle if so. */
function closesCycle(walk: Walk, child: unknown, level: number, key: string): boolean {
  if (child === null || typeof child !== 'object') return false;
  const first = walk.chain.slice(0, level).indexOf(child);
  if (first < 0) return false;
  report(walk, 'other', {
    code: 'cyclic',
    path: [...pathAt(walk, level), key],
    message: `refers back to ${formatPath(walk.keys.slice(0, first))}, which contains it: a cycle, which JSON cannot express; pass a copy without the back-reference`,
  });
  walk.stopped = true;
  return true;
}

/** Past `maxDepth`: a cycle if an object on the path repeats (a cycle nests forever), else too deep. */
function tooDeep(walk: Walk, value: object, level: number): void {
  const seen = new Map<object, number>();
  const chain = [...walk.chain.slice(0, level - 1), value];
  for (let d = 0; d < chain.length; d++) {
    const first = seen.get(chain[d] as object);
    if (first !== undefined) {
      const ancestor = walk.keys.slice(0, first);
      report(walk, 'other', {
        code: 'cyclic',
        path: walk.keys.slice(0, d),
        message: `refers back to ${formatPath(ancestor)}, which contains it: a cycle, which JSON cannot express; pass a copy without the back-reference`,
      });
      walk.stopped = true;
      return;
    }
    seen.set(chain[d] as object, d);
  }
  report(walk, 'limit', {
    code: 'too_deep',
    path: pathAt(walk, level),
    message: `nested deeper than ${walk.limits.maxDepth} levels (limits.maxDepth); flatten the data or raise the limit`,
  });
  walk.stopped = true;
}

/** The path of the value at `level` (the input itself is level 1). */
function pathAt(walk: Walk, level: number): IssuePath {
  return walk.keys.slice(0, level - 1);
}

function report(walk: Walk, kind: 'limit' | 'other', issue: Issue): void {
  (kind === 'limit' ? walk.limitIssues : walk.otherIssues).push(issue);
  if (walk.limitIssues.length + walk.otherIssues.length >= MAX_ISSUES) walk.stopped = true;
}

/**
 * The limit issues of an input: the guard's (when its verdict is `'limit'`) and those of the
 * input's own limits (rules, attempts, contacts…). A list over both `maxArrayLength` and its own
 * limit is reported once, by its own limit: that is the one to raise.
 *
 * @example
 * limitIssuesOf(screenInput(json, DEFAULT_LIMITS), [{ code: 'too_many_rules', path: ['rules'], message: '…' }]);
 */
export function limitIssuesOf(screening: Screening, own: readonly Issue[]): Issue[] {
  if (screening.verdict !== 'limit') return [...own];
  return [...withoutShadowed(screening.issues, 'too_many_items', own), ...own];
}
