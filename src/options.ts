import { ArrearsError, formatPath, type Issue, type IssuePath } from './errors';
import { nonJsonObject, probeValue, unreadableIssue } from './input-guard';

/** The result of `safeReadOptions`. */
export type ReadOptionsResult = { readonly ok: true; readonly options: unknown } | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * A plain copy of an options object, each option read once: the `known` names wherever they are
 * defined (a class's getter too), and every other enumerable key (for the caller to refuse as
 * unknown). A known `operators` option is copied deeper, with `safeReadOperators`. A getter or
 * Proxy trap that throws is an `unreadable` issue at its path, as is an option that cannot be told
 * apart (`probeValue`: a Proxy whose `getPrototypeOf` throws, given as `now`), so an options object
 * built in code fails like any other bad option instead of escaping as a raw error (or being
 * blamed on the policy). Anything but an object is handed back as it is: the caller says what is wrong with it.
 *
 * @example
 * safeReadOptions({ now: '2026-11-23T10:00:00Z' }, ['now']); // { ok: true, options: { now: '2026-11-23T10:00:00Z' } }
 * safeReadOptions({ get now() { throw new Error('boom'); } }, ['now']); // { ok: false, issues: [{ code: 'unreadable', path: ['now'], … }] }
 */
export function safeReadOptions(options: unknown, known: readonly string[], path: IssuePath = []): ReadOptionsResult {
  // The options object itself too: a Proxy with no keys whose traps throw would pass for `{}`.
  const itself = probeValue(options, path);
  if (itself !== null) return { ok: false, issues: [itself] };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return { ok: true, options };
  // A Map (a Set…) has no own keys: read as options, it would be none, every option at its default.
  const notJson = nonJsonObject(options);
  if (notJson !== null) {
    const what = path.length === 0 ? 'the options' : `\`${formatPath(path)}\``;
    return { ok: false, issues: [{ code: 'invalid_type', path, message: `${what} must be a plain object ({ "${known[0] ?? 'name'}": … }), not ${notJson.named}` }] };
  }
  const out: Record<string, unknown> = {};
  let at: IssuePath = path;
  try {
    const keys = new Set<string>();
    for (const key in options) keys.add(key);
    for (const key of known) if (key in options) keys.add(key);
    for (const key of keys) {
      at = [...path, key];
      const value = (options as Record<string, unknown>)[key];
      // Each option is then told apart (a Date? a list?) by the call, and named in its messages.
      const unreadableValue = probeValue(value, at);
      if (unreadableValue !== null) return { ok: false, issues: [unreadableValue] };
      // Defined, not assigned: an own `__proto__` key stays a key (and is refused as unknown).
      if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      else out[key] = value;
      at = path;
    }
  } catch (error) {
    return { ok: false, issues: [unreadableIssue(at, error, at.length === path.length ? 'reading the options' : 'reading this option')] };
  }
  // Custom operators are objects the library reads (their name, their callbacks): validating
  // them reads a Proxy or a getter again, where a throw would escape or be blamed on the policy.
  if (known.includes('operators') && Object.hasOwn(out, 'operators')) {
    const operators = safeReadOperators(out['operators'], [...path, 'operators']);
    if (!operators.ok) return operators;
    out['operators'] = operators.options;
  }
  return { ok: true, options: out };
}

/** The parts of a custom operator the library reads (json-rules-engine's `Operator` has `factValueValidator`). */
const OPERATOR_PARTS = ['name', 'cb', 'validator', 'factValueValidator'] as const;

/**
 * A plain copy of an `operators` option: the list, and each operator's `name`, `cb`, `validator`
 * and `factValueValidator`, read once wherever they are defined (an `Operator` instance, a class's
 * getter). A getter or Proxy trap that throws is an `unreadable` issue at its path
 * (`['operators', 0, 'name']`). Anything but a list, and items that are not objects, are handed
 * back as they are, for the caller's schema to refuse.
 *
 * @example
 * safeReadOperators([{ name: 'divisibleBy', cb }]); // { ok: true, options: [{ name: 'divisibleBy', cb }] }
 * safeReadOperators([{ get name() { throw new Error('boom'); }, cb }]); // { ok: false, issues: [{ code: 'unreadable', path: ['operators', 0, 'name'], … }] }
 */
export function safeReadOperators(operators: unknown, path: IssuePath = ['operators']): ReadOptionsResult {
  let at: IssuePath = path;
  try {
    if (!Array.isArray(operators)) return { ok: true, options: operators }; // Array.isArray throws for a revoked Proxy
    const length = operators.length;
    const out: unknown[] = [];
    for (let i = 0; i < length; i++) {
      at = [...path, i];
      const operator: unknown = operators[i];
      if (operator === null || typeof operator !== 'object') {
        out.push(operator);
        continue;
      }
      const parts: Record<string, unknown> = {};
      for (const key of OPERATOR_PARTS) {
        at = [...path, i, key];
        if (key in operator) parts[key] = (operator as Record<string, unknown>)[key];
      }
      out.push(parts);
    }
    return { ok: true, options: out };
  } catch (error) {
    const what = at.length === path.length ? 'reading the list of operators' : at.length === path.length + 1 ? 'reading this operator' : 'reading this part of the operator';
    return { ok: false, issues: [unreadableIssue(at, error, what)] };
  }
}

/**
 * `safeReadOptions`, throwing `ArrearsError` (`OPTIONS_INVALID`) instead.
 *
 * @example
 * const options = readOptions(given, ['now']) as { now?: unknown };
 */
export function readOptions(options: unknown, known: readonly string[], path: IssuePath = []): unknown {
  const read = safeReadOptions(options, known, path);
  if (!read.ok) throw new ArrearsError('OPTIONS_INVALID', read.issues);
  return read.options;
}
