import { ArrearsError, type Issue, type IssuePath } from './errors';
import { unreadableIssue } from './input-guard';

/** The result of `safeReadOptions`. */
export type ReadOptionsResult = { readonly ok: true; readonly options: unknown } | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * A plain copy of an options object, each option read once: the `known` names wherever they are
 * defined (a class's getter too), and every other enumerable key (for the caller to refuse as
 * unknown). A getter or Proxy trap that throws is an `unreadable` issue at its path, so an options
 * object built in code fails like any other bad option instead of escaping as a raw error (or
 * being blamed on the policy). Anything but an object is handed back as it is: the caller says
 * what is wrong with it.
 *
 * @example
 * safeReadOptions({ now: '2026-11-23T10:00:00Z' }, ['now']); // { ok: true, options: { now: '2026-11-23T10:00:00Z' } }
 * safeReadOptions({ get now() { throw new Error('boom'); } }, ['now']); // { ok: false, issues: [{ code: 'unreadable', path: ['now'], … }] }
 */
export function safeReadOptions(options: unknown, known: readonly string[], path: IssuePath = []): ReadOptionsResult {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return { ok: true, options };
  const out: Record<string, unknown> = {};
  let at: IssuePath = path;
  try {
    const keys = new Set<string>();
    for (const key in options) keys.add(key);
    for (const key of known) if (key in options) keys.add(key);
    for (const key of keys) {
      at = [...path, key];
      const value = (options as Record<string, unknown>)[key];
      // Defined, not assigned: an own `__proto__` key stays a key (and is refused as unknown).
      if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      else out[key] = value;
      at = path;
    }
  } catch (error) {
    return { ok: false, issues: [unreadableIssue(at, error, at.length === path.length ? 'reading the options' : 'reading this option')] };
  }
  return { ok: true, options: out };
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
