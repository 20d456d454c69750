import { ArrearsError, type IssuePath } from './errors';
import { unreadableIssue } from './input-guard';

/**
 * JSON with object keys sorted, so that equal values give equal text whatever the key order.
 * No limits are checked: for values already validated (a parsed policy, a fact's params). What
 * JSON cannot hold is an `ArrearsError` (`POLICY_INVALID`, `not_json`) at its path, never text
 * that two different values share or that does not parse: a bigint, a function, a symbol, NaN or
 * ±Infinity, an empty slot or `undefined` in a list, and any object but a plain one or a list (a
 * `Date`, a `Map`, a `Set`, a class instance). `undefined` as an object's value is left out, as
 * `JSON.stringify` does.
 *
 * @example
 * canonicalJsonOf({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 * canonicalJsonOf({ at: new Date('2026-11-23T10:00:00Z') }); // throws ArrearsError: not_json at ['at']
 */
export function canonicalJsonOf(value: unknown): string {
  return canonical(value, []);
}

function notJson(path: IssuePath, message: string): ArrearsError {
  return new ArrearsError('POLICY_INVALID', [{ code: 'not_json', path, message }]);
}

function canonical(value: unknown, path: IssuePath): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      // JSON.stringify writes NaN and ±Infinity as null: they would hash like null.
      if (!Number.isFinite(value)) throw notJson(path, `${value} is not a JSON number (JSON.stringify would write null); pass a finite number, or null`);
      return JSON.stringify(value);
    case 'undefined':
      throw notJson(path, path.length === 0 ? 'undefined is not JSON; pass a JSON value' : 'undefined in a list is not JSON (JSON.stringify would write null); pass null, or leave the item out');
    case 'bigint':
      throw notJson(path, 'a bigint is not JSON; use a string or a number');
    case 'function':
    case 'symbol':
      throw notJson(path, `a ${typeof value} is not JSON; pass the data itself (a string, a number, a list or a plain object)`);
    case 'object':
      if (value === null) return 'null';
      try {
        return canonicalObject(value, path);
      } catch (error) {
        // A getter or a Proxy that answered the input guard may throw on this second read.
        if (error instanceof ArrearsError) throw error;
        throw new ArrearsError('POLICY_INVALID', [unreadableIssue(path, error)]);
      }
    default:
      throw notJson(path, `a ${typeof value} is not JSON; pass a JSON value`);
  }
}

function canonicalObject(value: object, path: IssuePath): string {
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) {
      // `[1, , 2]` would be written as is (not JSON); JSON.stringify would make the slot a null.
      if (!Object.hasOwn(value, i)) throw notJson([...path, i], 'an empty slot in a list (a sparse array) is not JSON; fill it (null, or the value meant) or leave it out');
      items.push(canonical(value[i], [...path, i]));
    }
    return `[${items.join(',')}]`;
  }
  const refused = notPlain(value);
  if (refused !== undefined) throw notJson(path, refused);
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v, [...path, k])}`).join(',')}}`;
}

/**
 * Why an object is not plain JSON data, or undefined if it is. Its own keys would be all that is
 * written: a `Date`, a `Map` or a `Set` has none, so every one would be `{}`. Plain means a
 * prototype that is null or some realm's `Object.prototype` (one from another realm is plain too).
 */
function notPlain(value: object): string | undefined {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null || (Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]')) return undefined;
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Date]') return 'a Date is not JSON (JSON.stringify writes it as text, and parsing that back gives a string); pass its ISO 8601 text, date.toISOString()';
  if (tag === '[object Map]') return 'a Map is not JSON (it would be written as {}); pass a plain object, Object.fromEntries(map)';
  if (tag === '[object Set]') return 'a Set is not JSON (it would be written as {}); pass a list, [...set]';
  const name = className(proto);
  return `${name === undefined ? 'an object that is not plain' : `an instance of ${name}`} is not JSON data (only its own keys would be written); pass a plain object or a list with its data`;
}

/** The name of the class an object was made by, if it says so plainly. */
function className(proto: unknown): string | undefined {
  const ctor: unknown = (proto as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && typeof ctor.name === 'string' && ctor.name !== '' ? ctor.name : undefined;
}
