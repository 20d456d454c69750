/**
 * The safe subset of JSONPath that conditions may use in `path`, and a compiled accessor that gives
 * exactly what json-rules-engine gets from `JSONPath({ path, json, wrap: false })` (jsonpath-plus).
 *
 * Why a subset: jsonpath-plus also evaluates filters and scripts (`[?(...)]`, `[(...)]`), wildcards,
 * recursive descent, slices, unions, parent (`^`) and property-name (`~`) selectors. Those are
 * either code execution or several results; none is needed to read one value out of a fact.
 * What is left is a plain chain of own-property steps, which compiles to a loop.
 */

/** An identifier step: `.name`. No `$` (jsonpath-plus reads `$` as "back to the root"). */
const IDENT = '[A-Za-z_][A-Za-z0-9_]*';
/**
 * A quoted key: `['a b']` / `["a-b"]`. Only characters jsonpath-plus's path tokenizer passes
 * through untouched: quotes, brackets, dots, `;`, `~`, `^`, `@`, `(`, `,`, `:`, `*`, `$`, `` ` ``
 * and `%` all mean something to it (or to its escaping), so they are left out.
 */
const KEY = '[A-Za-z0-9_ -]+';
/** An array index: `[0]`, `[12]`. No leading zeros (`[01]` looks up the key "01", not 1). */
const INDEX = '0|[1-9][0-9]*';

const SEGMENT = `\\.(${IDENT})|\\['(${KEY})'\\]|\\["(${KEY})"\\]|\\[(${INDEX})\\]`;

/**
 * `$` followed by `.identifier`, `['key']`, `["key"]` or `[n]` steps.
 *
 * @example
 * SAFE_PATH_PATTERN.test("$.address['post code']"); // true
 * SAFE_PATH_PATTERN.test('$..price'); // false
 */
export const SAFE_PATH_PATTERN = new RegExp(`^\\$(?:${SEGMENT})*$`);

/**
 * Splits a safe path into the property keys jsonpath-plus would follow, or returns `undefined`
 * when the path is outside the safe subset.
 *
 * @example
 * pathSegments("$.items[0]['unit price']"); // ['items', '0', 'unit price']
 * pathSegments('$[*]'); // undefined
 */
export function pathSegments(path: string): string[] | undefined {
  if (!SAFE_PATH_PATTERN.test(path)) return undefined;
  const segments: string[] = [];
  const step = new RegExp(SEGMENT, 'y');
  step.lastIndex = 1;
  while (step.lastIndex < path.length) {
    const m = step.exec(path);
    // Cannot happen after the full-pattern test above; kept so a bad edit fails loudly.
    if (m === null) return undefined;
    segments.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  }
  return segments;
}

/** Reads a value out of a fact the way json-rules-engine's almanac does for a `path`. */
export type PathAccessor = (factValue: unknown) => unknown;

/**
 * Compiles a safe path into an accessor. Semantics copied from json-rules-engine 7 + jsonpath-plus 10:
 * - the path applies only when the fact value is a non-null object (arrays included); any other
 *   value (a string, a number, `undefined`) is returned unchanged, path ignored;
 * - each step follows a key only when the current value is truthy and has it as an OWN property
 *   (`Object.hasOwn`), so `.length` works on arrays and on non-empty strings, `[0]` on strings,
 *   inherited keys (`constructor`) never match, and an empty string, `0` or `false` end the walk;
 * - a step that does not match gives `undefined` (no result, unwrapped).
 * Throws when the path is outside the safe subset: we could not promise jsonpath-plus's answer.
 *
 * @example
 * const read = compilePath('$.tags.length');
 * read({ tags: ['a', 'b'] }); // 2
 * read('not an object'); // 'not an object'
 */
export function compilePath(path: string): PathAccessor {
  const segments = pathSegments(path);
  if (segments === undefined) {
    throw new Error(`path '${path}' is outside the supported JSONPath subset ($.key, ['key'], [n])`);
  }
  return (factValue) => {
    if (factValue === null || typeof factValue !== 'object') return factValue;
    let current: unknown = factValue;
    for (const key of segments) {
      // `current &&` and Object.hasOwn mirror jsonpath-plus's `val && Object.hasOwn(val, loc)`.
      if (!current || !Object.hasOwn(current, key)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  };
}
