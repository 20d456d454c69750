/**
 * What json-rules-engine's built-in operators and decorators do with the two sides of a comparison,
 * read statically: which comparisons would throw (`in` searching a number, `someValue:` iterating
 * a string) and which can never be true (`equal` between values of different types). Each side is
 * what is known of it: the literal `value`, or the catalogue type of the fact.
 */

/** One thing a side may be: a literal from the policy, a fact's catalogue type, or unknown. */
type Possible = { readonly literal: unknown } | { readonly type: string; readonly of?: string } | null;

interface Side {
  readonly from: 'fact' | 'value';
  readonly possible: readonly Possible[];
}

/** A problem found: the issue code and message (the caller adds the path). */
export interface OperandProblem {
  readonly code: 'invalid_operand' | 'type_mismatch';
  readonly message: string;
}

const PRIMITIVES: readonly string[] = ['number', 'string', 'boolean', 'null'];

/** The possibilities of a fact typed as in the catalogue (`'number | null'`, `'string[]'`), or unknown. */
function typed(type: string | undefined): Possible[] {
  if (type === undefined) return [null];
  return type.split(' | ').map((t) => (t.endsWith('[]') ? { type: 'list', of: t.slice(0, -2) } : { type: t === 'object' ? 'object' : t }));
}

const isList = (p: Possible) => p !== null && ('literal' in p ? Array.isArray(p.literal) : p.type === 'list');
const typeOf = (p: Possible): string | null => (p === null ? null : 'literal' in p ? (p.literal === null ? 'null' : Array.isArray(p.literal) ? 'list' : typeof p.literal) : p.type);

/** The elements a list side may hold (`someValue:`/`someFact:` compare element by element). */
function elements(side: Side): Side {
  return {
    from: side.from,
    possible: side.possible.flatMap((p): Possible[] => {
      if (p === null) return [null];
      if ('literal' in p) return Array.isArray(p.literal) ? p.literal.map((literal: unknown) => ({ literal })) : [];
      return p.type === 'list' ? [p.of === undefined ? null : { type: p.of }] : [];
    }),
  };
}

/**
 * Whether a side certainly fails a need: any of the policy's own literals fails it (a mistake in
 * the policy), or the fact's every possible type fails it (it fails for every account).
 */
function fails(side: Side, ok: (p: Possible) => boolean): boolean {
  if (side.possible.length === 0) return false;
  return side.from === 'value' ? side.possible.some((p) => p !== null && !ok(p)) : side.possible.every((p) => p !== null && !ok(p));
}

const describe = (side: Side, fact: string) =>
  side.from === 'fact' ? `the fact '${fact}'` : `the value ${JSON.stringify(side.possible.map((p) => (p !== null && 'literal' in p ? p.literal : null))[0]) ?? 'given'}`;

/**
 * The problem with comparing `fact` (of catalogue type `factType`, undefined when unknown or read
 * through a `path`) to `value` (undefined when it is a `{ fact }` reference) with `operator`, or
 * null. Only json-rules-engine's built-in operators and decorators are read; a custom one ends
 * the analysis.
 *
 * Plain `equal` / `notEqual` are left to the caller's own type check (its messages name the fact's type).
 *
 * @example
 * const builtIn = (name: string) => createOperatorRegistry().isBuiltIn(name);
 * operandProblem('someValue:equal', 'tags', 'string[]', { literal: 'vip' }, builtIn); // invalid_operand: 'someValue:' iterates over the value "vip"…
 * operandProblem('not:equal', 'daysPastDue', 'number', { literal: '40' }, builtIn);   // type_mismatch: compares number with string…
 * operandProblem('swap:in', 'tags', 'string[]', { literal: 'vip' }, builtIn);          // null: the list is searched
 */
export function operandProblem(
  operator: string,
  fact: string,
  factType: string | undefined,
  value: { readonly literal: unknown } | undefined,
  isBuiltIn: (name: string) => boolean,
): OperandProblem | null {
  const parts = operator.split(':');
  if (!isBuiltIn(operator)) return null;
  let left: Side = { from: 'fact', possible: typed(factType) };
  let right: Side = { from: 'value', possible: [value === undefined ? null : value] };
  const base = parts[parts.length - 1] as string;
  for (const d of parts.slice(0, -1)) {
    if (d === 'swap') [left, right] = [right, left];
    else if (d === 'someValue' || d === 'everyValue') {
      if (fails(right, isList)) {
        return { code: 'invalid_operand', message: `'${d}:' iterates over ${describe(right, fact)}, which is not a list here: json-rules-engine would throw (give an array)` };
      }
      right = elements(right);
    } else if (d === 'someFact' || d === 'everyFact') {
      // json-rules-engine answers false, without looking further, when this side is no list.
      if (left.possible.every((p) => p !== null && !isList(p))) return null;
      left = elements(left);
    }
  }
  if (base === 'in' || base === 'notIn') {
    const searchable = (p: Possible) => isList(p) || typeOf(p) === 'string';
    if (fails(right, searchable)) {
      return {
        code: 'invalid_operand',
        message: `'${operator}' searches ${describe(right, fact)}, which is not a list here: give an array (or a { "fact": ... } reference); a string would be searched for substrings, other values make json-rules-engine throw`,
      };
    }
  }
  if ((base === 'equal' || base === 'notEqual') && parts.length > 1) return neverEqual(left, right, operator, fact);
  return null;
}

/** `equal` compares with ===: a side of one type never equals a side of another, a list never equals anything. */
function neverEqual(left: Side, right: Side, operator: string, fact: string): OperandProblem | null {
  const known = (s: Side) => s.possible.length > 0 && s.possible.every((p) => p !== null);
  if (!known(left) || !known(right)) return null;
  const types = (s: Side) => new Set(s.possible.map(typeOf));
  const a = types(left);
  const b = types(right);
  const meet = [...a].some((t) => t !== null && PRIMITIVES.includes(t) && b.has(t));
  if (meet) return null;
  return { code: 'type_mismatch', message: `'${operator}' compares ${[...a].join(' | ')} with ${[...b].join(' | ')} using ===: it is never equal (fact '${fact}')` };
}
