/**
 * What json-rules-engine's built-in operators and decorators do with the two sides of a comparison,
 * read statically: which comparisons would throw (`in` searching a number, `someValue:` iterating
 * a string) and which can never be true (`equal` between values of different types, `lessThan`
 * against a boolean fact, `contains` on a fact that is no list). Each side is what is known of it:
 * the literal `value`, or the catalogue type of the fact.
 */

type Path = readonly (string | number)[];

/**
 * One thing a side may be: a literal from the policy (with where it is written, inside the
 * comparison: `['value', 1]`), a fact's catalogue type, or unknown.
 */
type Possible = { readonly literal: unknown; readonly at: Path } | { readonly type: string; readonly of?: string; readonly numbers?: StringNumbers } | null;

/** How a string fact's values read as numbers (`StringDomain.numbers`): none starts with a digit, all start with digits but are no numbers (dates), or unknown. */
export type StringNumbers = 'never' | 'prefix' | 'maybe';

interface Side {
  readonly from: 'fact' | 'value';
  readonly possible: readonly Possible[];
  /** The fact a `{ fact }` reference on the value side reads (its `possible` are then its catalogue types). */
  readonly ref?: string;
}

/** The right-hand side as the policy gives it: a literal, or a `{ fact }` reference of a catalogue type (undefined: unknown). */
export type ValueSide = { readonly literal: unknown } | { readonly ref: string; readonly type: string | undefined; readonly numbers?: StringNumbers | undefined };

/** A problem found: the issue code, the message, and where inside the comparison (the caller adds the comparison's path). */
export interface OperandProblem {
  readonly code: 'invalid_operand' | 'type_mismatch';
  readonly message: string;
  /** `['operator']` when the operator cannot take the fact, else where the literal is: `['value']`, `['value', 2]`. */
  readonly at: Path;
}

/** A literal json-rules-engine's numeric operators read as a number only by JavaScript's coercion (`"30"`, `true`, `null`). */
export interface OperandCoercion {
  readonly message: string;
  /** Where the literal is inside the comparison: `['value']`, `['value', 2]`. */
  readonly at: Path;
}

const PRIMITIVES: readonly string[] = ['number', 'string', 'boolean', 'null'];
const NUMERIC: readonly string[] = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];

/** The possibilities of a fact typed as in the catalogue (`'number | null'`, `'string[]'`), or unknown; `numbers`: how its strings read as numbers. */
function typed(type: string | undefined, numbers?: StringNumbers): Possible[] {
  if (type === undefined) return [null];
  return type.split(' | ').map((t) => (t.endsWith('[]') ? { type: 'list', of: t.slice(0, -2) } : t === 'string' && numbers !== undefined ? { type: t, numbers } : { type: t === 'object' ? 'object' : t }));
}

const isList = (p: Possible) => p !== null && ('literal' in p ? Array.isArray(p.literal) : p.type === 'list');
const typeOf = (p: Possible): string | null => (p === null ? null : 'literal' in p ? (p.literal === null ? 'null' : Array.isArray(p.literal) ? 'list' : typeof p.literal) : p.type);
const literalsOf = (side: Side) => side.possible.filter((p): p is { readonly literal: unknown; readonly at: Path } => p !== null && 'literal' in p);
const shown = (value: unknown) => JSON.stringify(value) ?? String(value);

/** The elements a list side may hold (`someValue:`/`someFact:` compare element by element). */
function elements(side: Side): Side {
  return {
    ...side,
    possible: side.possible.flatMap((p): Possible[] => {
      if (p === null) return [null];
      if ('literal' in p) return Array.isArray(p.literal) ? p.literal.map((literal: unknown, i) => ({ literal, at: [...p.at, i] })) : [];
      return p.type === 'list' ? [p.of === undefined ? null : { type: p.of }] : [];
    }),
  };
}

/**
 * Whether a side certainly fails a need: any of the policy's own literals fails it (a mistake in
 * the policy), or a fact's every possible type fails it (it fails for every account).
 */
function fails(side: Side, ok: (p: Possible) => boolean): boolean {
  if (side.possible.length === 0) return false;
  return literalsOf(side).length > 0 ? side.possible.some((p) => p !== null && !ok(p)) : side.possible.every((p) => p !== null && !ok(p));
}

const describe = (side: Side, fact: string) =>
  side.from === 'fact'
    ? `the fact '${fact}'`
    : side.ref !== undefined
      ? `the fact '${side.ref}'`
      : `the value ${JSON.stringify(side.possible.map((p) => (p !== null && 'literal' in p ? p.literal : null))[0]) ?? 'given'}`;

/** Where a problem with a side is reported: the operator for the fact, the first failing literal for the value. */
function whereFails(side: Side, ok: (p: Possible) => boolean): Path {
  if (side.from === 'fact') return ['operator'];
  return literalsOf(side).find((p) => !ok(p))?.at ?? ['value'];
}

/** The sides as the base operator receives them, once the decorators have swapped and unpacked them. */
interface Analysis {
  readonly base: string;
  readonly left: Side;
  readonly right: Side;
  /** A decorator's own problem (iterating what is no list), which ends the analysis. */
  readonly problem?: OperandProblem;
}

function analyse(operator: string, fact: string, factType: string | undefined, value: ValueSide | undefined): Analysis {
  const parts = operator.split(':');
  let left: Side = { from: 'fact', possible: typed(factType) };
  let right: Side =
    value === undefined
      ? { from: 'value', possible: [null] }
      : 'literal' in value
        ? { from: 'value', possible: [{ literal: value.literal, at: ['value'] }] }
        : { from: 'value', possible: typed(value.type, value.numbers), ref: value.ref };
  const base = parts[parts.length - 1] as string;
  for (const d of parts.slice(0, -1)) {
    if (d === 'swap') [left, right] = [right, left];
    else if (d === 'someValue' || d === 'everyValue') {
      if (fails(right, isList)) {
        const message = `'${d}:' iterates over ${describe(right, fact)}, which is not a list here: json-rules-engine would throw (give an array)`;
        return { base, left, right, problem: { code: 'invalid_operand', message, at: ['operator'] } };
      }
      right = elements(right);
    } else if (d === 'someFact' || d === 'everyFact') {
      // json-rules-engine's check on this side wants an array: anything else is false, at once.
      if (fails(left, isList)) {
        const message = `'${d}:' iterates over ${describe(left, fact)}, which is not a list here: json-rules-engine checks that first, so '${d}:${base}' is false for every account`;
        return { base, left, right, problem: { code: 'invalid_operand', message, at: whereFails(left, isList) } };
      }
      left = elements(left);
    }
  }
  return { base, left, right };
}

/**
 * The problems with comparing `fact` (of catalogue type `factType`, undefined when unknown or read
 * through a `path`) to `value` (undefined when it is a `{ fact }` reference) with `operator`.
 * Only json-rules-engine's built-in operators and decorators are read; a custom one ends the
 * analysis. Besides comparisons that would throw, those false (or true) for every account:
 * - a numeric operator (`lessThan`…) whose fact side is never a number (a boolean fact), or that
 *   compares a number with a literal JavaScript cannot read as one (`"abc"`, `{}`);
 * - `contains` / `doesNotContain` (and `someFact:` / `everyFact:`) on a fact that is no list,
 *   and `contains` of a literal of a type the list never holds (`tags` contains `1`);
 * - `in` / `notIn` elements of a type the fact never has, each at its own path.
 *
 * Plain `equal` / `notEqual` are left to the caller's own type check (its messages name the fact's type).
 *
 * @example
 * const builtIn = (name: string) => createOperatorRegistry().isBuiltIn(name);
 * operandProblems('someValue:equal', 'tags', 'string[]', { literal: 'vip' }, builtIn); // [invalid_operand: 'someValue:' iterates over the value "vip"…]
 * operandProblems('not:equal', 'daysPastDue', 'number', { literal: '40' }, builtIn);   // [type_mismatch: compares number with string…]
 * operandProblems('greaterThan', 'daysPastDue', 'number', { literal: 'abc' }, builtIn); // [type_mismatch at ['value']: … is not a number…]
 * operandProblems('swap:in', 'tags', 'string[]', { literal: 'vip' }, builtIn);          // []: the list is searched
 */
export function operandProblems(operator: string, fact: string, factType: string | undefined, value: ValueSide | undefined, isBuiltIn: (name: string) => boolean): OperandProblem[] {
  if (!isBuiltIn(operator)) return [];
  const { base, left, right, problem } = analyse(operator, fact, factType, value);
  if (problem !== undefined) return [problem];
  if (base === 'in' || base === 'notIn') {
    const searchable = (p: Possible) => isList(p) || typeOf(p) === 'string';
    if (fails(right, searchable)) {
      return [
        {
          code: 'invalid_operand',
          at: ['operator'],
          message: `'${operator}' searches ${describe(right, fact)}, which is not a list here: give an array (or a { "fact": ... } reference); a string would be searched for substrings, other values make json-rules-engine throw`,
        },
      ];
    }
    const whole = compoundNeverFound(left, right, base, operator, fact);
    if (whole !== null) return [whole];
    // The left side is searched for, with ===, in the right one.
    return neverFound(left, elements(right), operator, fact);
  }
  if (base === 'contains' || base === 'doesNotContain') return containsProblems(left, right, base, operator, fact);
  if (NUMERIC.includes(base)) return numericProblems(left, right, base, operator, fact);
  // Plain equal against a literal is the caller's (its messages name the fact's type); against a fact, it is here.
  if ((base === 'equal' || base === 'notEqual') && (operator !== base || (value !== undefined && 'ref' in value))) {
    const mismatch = neverEqual(left, right, operator, fact);
    return mismatch === null ? [] : [mismatch];
  }
  return [];
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
  return { code: 'type_mismatch', at: ['value'], message: `'${operator}' compares ${[...a].join(' | ')} with ${[...b].join(' | ')} using ===: it is never equal (fact '${fact}')` };
}

/**
 * `in` / `notIn` look for the fact's value itself in a list, with ===. A list or an object fact
 * (`tags`, `attributes`) is a new value on every account, never one of the policy's literals:
 * `tags in ['vip', 'gold']`, read by people as "has one of these tags", is false whatever the
 * tags are (and `notIn` true), so a block written so never holds. Its elements are what a
 * decorator compares. A string to search is left alone: `indexOf` turns a list into text.
 */
function compoundNeverFound(needle: Side, haystack: Side, base: string, operator: string, fact: string): OperandProblem | null {
  const compound = (p: Possible) => typeOf(p) === 'list' || typeOf(p) === 'object';
  if (needle.from !== 'fact' || needle.possible.length === 0 || !needle.possible.every(compound)) return null;
  if (haystack.ref !== undefined || literalsOf(haystack).length === 0 || !haystack.possible.every(isList)) return null;
  const list = needle.possible.every((p) => typeOf(p) === 'list');
  const what = list ? 'a list' : 'an object';
  const answer = base === 'in' ? 'false' : 'true';
  const instead = !list
    ? `to compare one of its keys, read it as '${fact}.<key>' or with a \`path\``
    : base === 'in'
      ? "to test whether one of its elements is in the list, use 'someFact:in'"
      : "to test that none of its elements is in the list, use 'everyFact:notIn'";
  return {
    code: 'invalid_operand',
    at: ['operator'],
    message: `'${operator}' looks for the fact '${fact}' itself (${what}) in the list with ===: ${what} is never one of its values, so '${base}' is ${answer} for every account; ${instead}`,
  };
}

/**
 * `in` and `contains` search a list with `indexOf`, that is with ===: a literal of a type the
 * other side never has is never found. Each such literal is reported, element by element, when
 * the other side is the fact and its types are known and primitive.
 */
function neverFound(needle: Side, haystack: Side, operator: string, fact: string): OperandProblem[] {
  const [factSide, valueSide] = needle.from === 'fact' ? [needle, haystack] : [haystack, needle];
  if (factSide.from !== 'fact' || valueSide.from !== 'value') return [];
  const types = factSide.possible.map(typeOf);
  if (types.length === 0 || types.some((t) => t === null || !PRIMITIVES.includes(t))) return [];
  const kinds = [...new Set(types)].join(' | ');
  if (valueSide.ref !== undefined) {
    // A fact on the value side: never found when none of the types it may have is one the other side has.
    const theirs = valueSide.possible.map(typeOf);
    if (theirs.length === 0 || theirs.some((t) => t === null) || theirs.some((t) => types.includes(t as string))) return [];
    return [{ code: 'type_mismatch', at: ['value'], message: `'${operator}' compares the fact '${fact}' (${kinds}) with the fact '${valueSide.ref}' (${[...new Set(theirs)].join(' | ')}) using ===: it never matches` }];
  }
  // The haystack is always a list's elements: the fact's, when it is the side searched.
  const named = factSide === haystack ? `the elements of the fact '${fact}' (${kinds})` : `the fact '${fact}' (${kinds})`;
  return literalsOf(valueSide).flatMap((p) => {
    const t = typeOf(p) as string;
    if (types.includes(t)) return [];
    const what = t === 'list' ? 'a list' : t === 'null' ? 'null' : `a ${t}`;
    return [{ code: 'type_mismatch', at: p.at, message: `'${operator}' compares ${named} with ${shown(p.literal)} (${what}) using ===: it never matches` } as const];
  });
}

/**
 * `contains` / `doesNotContain` first check that the searched side is an array (json-rules-engine
 * answers false otherwise, for both), then search it with ===.
 */
function containsProblems(left: Side, right: Side, base: string, operator: string, fact: string): OperandProblem[] {
  if (fails(left, isList)) {
    const instead = base === 'contains' ? "to compare with one value use 'equal', with several 'in'" : "to exclude one value use 'notEqual', several 'notIn'";
    const message =
      left.from === 'fact'
        ? `'${operator}' searches a list, and the fact '${fact}' is ${[...new Set(left.possible.map(typeOf))].join(' | ')}: json-rules-engine checks that first, so '${base}' is false for every account; ${instead}`
        : `'${operator}' searches ${describe(left, fact)}, which is not a list: json-rules-engine checks that first, so '${base}' is false for every account; give an array`;
    return [{ code: 'invalid_operand', at: whereFails(left, isList), message }];
  }
  return neverFound(right, elements(left), operator, fact);
}

/** json-rules-engine's number check on the fact side of a numeric operator: `parseFloat(x)` is a number. Unknown types may pass. */
function mayReadAsNumber(p: Possible): boolean {
  if (p === null) return true;
  if ('literal' in p) return !Number.isNaN(Number.parseFloat(String(p.literal)));
  return p.type === 'number' || (p.type === 'string' && p.numbers !== 'never') || p.type === 'list';
}

/** Whether a side is a number fact: every type it may have is number, or null (which fails the check or reads as 0). */
const numberFact = (side: Side) =>
  side.from === 'fact' && side.possible.some((p) => typeOf(p) === 'number') && side.possible.every((p) => typeOf(p) === 'number' || typeOf(p) === 'null');

/**
 * json-rules-engine's numeric operators first check the fact side with `parseFloat` (false for a
 * boolean or null, at once), then compare with JavaScript's `<`, which turns the other side into a
 * number: a literal it reads as NaN (`"abc"`, `{}`, `[1, 2]`) is false against every number.
 */
function numericProblems(left: Side, right: Side, base: string, operator: string, fact: string): OperandProblem[] {
  if (fails(left, mayReadAsNumber)) {
    const message =
      left.from === 'fact'
        ? `'${operator}' compares numbers, and the fact '${fact}' is ${[...new Set(left.possible.map(typeOf))].join(' | ')}, never a number: json-rules-engine checks that first, so '${base}' is false for every account`
        : `'${operator}' compares numbers, and ${describe(left, fact)} is not one: json-rules-engine checks that first, so '${base}' is false for every account`;
    return [{ code: left.from === 'fact' ? 'invalid_operand' : 'type_mismatch', at: whereFails(left, mayReadAsNumber), message }];
  }
  const [factSide, valueSide] = left.from === 'fact' ? [left, right] : [right, left];
  if (!numberFact(factSide)) return [];
  // A fact on the value side is left alone (JavaScript reads an empty list as 0, a bucket named
  // '90' as 90) unless its every value is a string JavaScript reads as NaN ('mon', '2026-11-23').
  if (valueSide.ref !== undefined) {
    const nan = (p: Possible) => p !== null && !('literal' in p) && p.type === 'string' && (p.numbers === 'never' || p.numbers === 'prefix');
    if (valueSide.possible.length === 0 || !valueSide.possible.every(nan)) return [];
    return [{ code: 'type_mismatch', at: ['value'], message: `'${operator}' compares the number fact '${fact}' with the fact '${valueSide.ref}', whose values are never numbers: '${base}' against it is false for every account` }];
  }
  return literalsOf(valueSide).flatMap((p) =>
    Number.isNaN(Number(p.literal))
      ? [{ code: 'type_mismatch', at: p.at, message: `'${operator}' compares the number fact '${fact}' with ${shown(p.literal)}, which is not a number: '${base}' against it is false for every account` } as const]
      : [],
  );
}

/**
 * The literals a numeric operator compares with a number fact only by JavaScript's coercion: a
 * string (`"30"` is 30), a boolean (`true` is 1), null (0), a list (`[]` is 0). The comparison
 * works, but what it means is rarely what was written: worth a warning, not a refusal. Same
 * analysis as {@link operandProblems}; custom operators and facts not typed number are left alone.
 *
 * @example
 * const builtIn = (name: string) => createOperatorRegistry().isBuiltIn(name);
 * operandCoercions('greaterThan', 'daysPastDue', 'number', { literal: '30' }, builtIn);
 * // [{ at: ['value'], message: "'greaterThan' compares the number fact 'daysPastDue' with \"30\" (a string), which JavaScript reads as 30: write 30" }]
 * operandCoercions('greaterThan', 'daysPastDue', 'number', { literal: 30 }, builtIn); // []
 */
export function operandCoercions(
  operator: string,
  fact: string,
  factType: string | undefined,
  value: { readonly literal: unknown } | undefined,
  isBuiltIn: (name: string) => boolean,
): OperandCoercion[] {
  if (!isBuiltIn(operator)) return [];
  const { base, left, right, problem } = analyse(operator, fact, factType, value);
  if (problem !== undefined || !NUMERIC.includes(base)) return [];
  const [factSide, valueSide] = left.from === 'fact' ? [left, right] : [right, left];
  if (!numberFact(factSide) || (left.from === 'value' && fails(left, mayReadAsNumber))) return [];
  return literalsOf(valueSide).flatMap((p) => {
    const n = Number(p.literal);
    if (typeof p.literal === 'number' || Number.isNaN(n)) return [];
    const t = typeOf(p);
    const what = t === 'list' ? 'a list' : t === 'null' ? 'null' : `a ${t ?? 'value'}`;
    // Beyond the numbers JSON can write ("1e400"): no number to suggest instead.
    const instead = Number.isFinite(n) ? `write ${n}` : `compare with a number the fact can be`;
    return [{ at: p.at, message: `'${operator}' compares the number fact '${fact}' with ${shown(p.literal)} (${what}), which JavaScript reads as ${n}: ${instead}` }];
  });
}
