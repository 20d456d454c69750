/**
 * Comparisons against a value the fact never takes. Some facts take fewer values than their type
 * allows: a closed list (`legalStage`, `localWeekday`), a format (`currency` is three capital
 * letters), or a range of numbers (`localHour` is an integer 0–23). `legalStage equal 'litigaton'`
 * is then false for every account, and a block written with it silently never fires: such a value
 * is refused where it is written, with a "did you mean"; so is a numeric comparison no number of
 * the range meets (`localHour greaterThan 23`). Which facts have which values is the caller's to
 * say (see `ValueCheckContext`), so that conditions stay independent of the catalogue.
 */
import type { Issue } from '../errors';
import { conditionKind } from './schema';
import { suggest } from './suggest';

type Path = readonly (string | number)[];

/** The values a fact can take, when they are fewer than its type allows: strings or numbers. */
export type ValueDomain = StringDomain | NumberDomain;

/** The strings a string fact can be (`oneOf`, `format`). */
export interface StringDomain {
  readonly kind: 'string';
  /** What the values are, in words: `one of mon, tue, wed, thu, fri, sat, sun`. */
  readonly describe: string;
  /** Whether the fact can be this string. */
  has(value: string): boolean;
  /** The value `value` was probably meant as (`'Sun'` → `'sun'`), or undefined. */
  suggest(value: string): string | undefined;
  /**
   * How the values read as numbers, for the numeric operators (`lessThan`…): `'never'` (none
   * starts with a digit: json-rules-engine's number check refuses them all), `'prefix'` (they start
   * with digits but are no numbers, as dates: the check passes, a comparison with a number is
   * false), or `'maybe'`.
   */
  readonly numbers: 'never' | 'prefix' | 'maybe';
  /** A value of the fact, for messages. */
  readonly example: string;
  /** The fact is a list of such values (`contains` searches it), not one of them. */
  readonly list?: boolean;
}

/**
 * The numbers a number fact can be (`numberRange`): between `min` and `max` (inclusive; either
 * may be absent), whole or not, and null or not.
 */
export interface NumberDomain {
  readonly kind: 'number';
  /** What the values are, in words: `an integer 0–23`. */
  readonly describe: string;
  readonly min?: number;
  readonly max?: number;
  /** Only whole numbers: `equal 8.5` never matches. */
  readonly integer: boolean;
  /**
   * The fact can also be null (`number | null`): a numeric operator is then false when null is on
   * the fact's side (json-rules-engine's number check), and compares with 0 when it is swapped to
   * the other side (JavaScript reads null as 0).
   */
  readonly nullable: boolean;
}

/** How a string reads as a number: as json-rules-engine's number check does, then as `<` does. */
function numbersOf(values: readonly string[]): StringDomain['numbers'] {
  if (values.every((v) => Number.isNaN(Number.parseFloat(v)))) return 'never';
  return values.every((v) => Number.isNaN(Number(v))) ? 'prefix' : 'maybe';
}

/**
 * The domain of a fact whose values are a closed list. The "did you mean" is the closest value,
 * case differences being free (`'Sun'` → `'sun'`), unless `options.suggest` knows better.
 *
 * @example
 * const stages = oneOf(['none', 'litigation']);
 * stages.has('litigaton');     // false
 * stages.suggest('litigaton'); // 'litigation'
 */
export function oneOf(
  values: readonly string[],
  options: { readonly describe?: string; readonly suggest?: (value: string) => string | undefined; readonly list?: boolean } = {},
): StringDomain {
  const own = options.suggest;
  return {
    kind: 'string',
    describe: options.describe ?? `one of ${values.join(', ')}`,
    has: (value) => values.includes(value),
    suggest: (value) => own?.(value) ?? suggest(value, values),
    numbers: numbersOf(values),
    example: values[0] ?? '',
    ...(options.list === undefined ? {} : { list: options.list }),
  };
}

/**
 * The domain of a fact whose values follow a format (`currency`: `/^[A-Z]{3}$/`).
 *
 * @example
 * const currency = format({ describe: "an ISO 4217 code of three capital letters, e.g. 'USD'", has: (v) => /^[A-Z]{3}$/.test(v), numbers: 'never', example: 'USD' });
 * currency.has('usd'); // false
 */
export function format(spec: {
  readonly describe: string;
  readonly has: (value: string) => boolean;
  readonly suggest?: (value: string) => string | undefined;
  readonly numbers: StringDomain['numbers'];
  readonly example: string;
}): StringDomain {
  const own = spec.suggest;
  return {
    kind: 'string',
    describe: spec.describe,
    has: spec.has,
    suggest: (value) => {
      const hit = own?.(value);
      return hit !== undefined && hit !== value && spec.has(hit) ? hit : undefined;
    },
    numbers: spec.numbers,
    example: spec.example,
  };
}

/**
 * The domain of a number fact whose values are fewer than all numbers: bounds (inclusive), whole
 * numbers only, null too. Give only what is certain: a bound the fact can cross, however rarely,
 * would refuse a comparison that can be true.
 *
 * @example
 * const hour = numberRange({ min: 0, max: 23, integer: true });
 * hour.describe; // 'an integer 0–23'
 * numberRange({ integer: true, nullable: true }).describe; // 'an integer, or null'
 */
export function numberRange(spec: { readonly min?: number; readonly max?: number; readonly integer: boolean; readonly nullable?: boolean }): NumberDomain {
  const { min, max, integer } = spec;
  const nullable = spec.nullable === true;
  const what = integer ? 'an integer' : 'a number';
  const bounds =
    min !== undefined && max !== undefined ? ` ${min}–${max}` : min !== undefined ? `, ${min} or more` : max !== undefined ? `, ${max} or less` : '';
  return {
    kind: 'number',
    describe: `${what}${bounds}${nullable ? ', or null' : ''}`,
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
    integer,
    nullable,
  };
}

/** What `checkConditionValues` checks against. */
export interface ValueCheckContext {
  /** The values a fact can take, or undefined when any value of its type is possible. */
  values(fact: string): ValueDomain | undefined;
  /** Whether an operator is json-rules-engine's own, decorated or not (a custom one ends the analysis). */
  isBuiltIn(operator: string): boolean;
}

/**
 * Calls `visit` for each comparison of a tree (not inside the named conditions it refers to, which
 * are checked where they are defined), with its path. Recursion is safe: the input guard bounded
 * the nesting before any tree is walked.
 *
 * @example
 * forEachComparison(rule.when, ['rules', 0, 'when'], (c, at) => console.log(at.join('.'), c.fact));
 */
export function forEachComparison(root: unknown, path: Path, visit: (comparison: Readonly<Record<string, unknown>>, at: Path) => void): void {
  if (root === null || typeof root !== 'object') return;
  const node = root as Readonly<Record<string, unknown>>;
  const kind = conditionKind(node);
  if (kind === 'all' || kind === 'any') {
    const children = node[kind];
    if (Array.isArray(children)) children.forEach((child, i) => forEachComparison(child, [...path, kind, i], visit));
  } else if (kind === 'not') {
    forEachComparison(node.not, [...path, 'not'], visit);
  } else if (kind === 'fact') {
    visit(node, path);
  }
}

/**
 * The comparisons of a tree against a value its fact never takes: `equal`, `notEqual`, each
 * element of `in` / `notIn`, `contains` / `doesNotContain`, decorated or not (`not:`, `swap:`,
 * `someValue:`… move and unpack the sides as json-rules-engine does). Such a comparison is false
 * (or, for `notEqual`, true) for every account: `unknown_value`, at the value or list element,
 * with a "did you mean" for strings (a number outside a fact's range, or not whole for an integer
 * fact, has none). Numeric operators against facts that are never numbers, and dates compared
 * with numbers, are refused too (false for every account); so is a numeric operator, with only
 * `not:` / `swap:` around it, that no number of a fact's range meets (`localHour greaterThan 23`,
 * `not:lessThan 24`): `never_true`, at the value. One every number meets (`localHour lessThan
 * 24`) is harmless and left alone. Comparisons through a `path`, against a `{ fact }` reference,
 * or with a custom operator are left alone.
 *
 * @summary Finds comparisons against values a fact never takes.
 * @param root - the tree (a rule's `when`, a named condition, a block's `when`).
 * @param ctx - the facts' values, and which operators are json-rules-engine's.
 * @param path - where the tree sits in its document, e.g. `['rules', 3, 'when']`.
 * @returns the issues, empty when every value can occur.
 * @example
 * checkConditionValues(
 *   { all: [{ fact: 'legalStage', operator: 'equal', value: 'litigaton' }] },
 *   { values: (f) => (f === 'legalStage' ? oneOf(['none', 'litigation']) : undefined), isBuiltIn: () => true },
 *   ['rules', 0, 'when'],
 * );
 * // [{ code: 'unknown_value', path: ['rules', 0, 'when', 'all', 0, 'value'],
 * //    message: "the fact 'legalStage' is never \"litigaton\": it is one of none, litigation, so this comparison is never true; did you mean 'litigation'?" }]
 * checkConditionValues(
 *   { fact: 'localHour', operator: 'greaterThan', value: 23 },
 *   { values: () => numberRange({ min: 0, max: 23, integer: true }), isBuiltIn: () => true },
 * );
 * // [{ code: 'never_true', path: ['value'], message: "the fact 'localHour' is an integer 0–23, so 'greaterThan' 23 is never true" }]
 */
export function checkConditionValues(root: unknown, ctx: ValueCheckContext, path: Path = []): Issue[] {
  const issues: Issue[] = [];
  forEachComparison(root, path, (node, at) => {
    const { fact, operator, value } = node;
    if (typeof fact !== 'string' || typeof operator !== 'string' || node.path !== undefined || isFactReference(value)) return;
    const domain = ctx.values(fact);
    if (domain === undefined || !ctx.isBuiltIn(operator)) return;
    for (const problem of comparisonProblems(fact, operator, value, domain)) issues.push({ ...problem, path: [...at, ...problem.path] });
  });
  return issues;
}

/** One side of a comparison: the fact (one value, or a list of values), literals from the policy, or unknown. */
type Side =
  | { readonly kind: 'fact'; readonly list: boolean }
  | { readonly kind: 'values'; readonly items: readonly { readonly value: unknown; readonly at: Path }[] }
  | { readonly kind: 'unknown' };

/** `someValue:` and friends compare element by element: a list side becomes its elements. */
function unpack(side: Side): Side {
  if (side.kind === 'fact') return side.list ? { kind: 'fact', list: false } : { kind: 'unknown' };
  if (side.kind === 'values') {
    return { kind: 'values', items: side.items.flatMap((item) => (Array.isArray(item.value) ? item.value.map((value: unknown, i) => ({ value, at: [...item.at, i] })) : [])) };
  }
  return side;
}

const NUMERIC: readonly string[] = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
/** The operators that are true when the two sides meet; their opposites are true when they never do. */
const POSITIVE: readonly string[] = ['equal', 'in', 'contains'];

/** Why the fact never is `v` (the domain's words, then `effect`), or undefined when it can be. */
function neverMessage(fact: string, domain: ValueDomain, v: unknown, effect: string, plain: string | undefined): string | undefined {
  if (domain.kind === 'number') {
    if (typeof v !== 'number' || inRange(domain, v)) return undefined;
    return plain === undefined ? `the fact '${fact}' is ${domain.describe}, never ${v}, so ${effect}` : `the fact '${fact}' is ${domain.describe}, so ${plain}`;
  }
  if (typeof v !== 'string' || domain.has(v)) return undefined;
  const hit = domain.suggest(v);
  // The hint goes last: it ends in '?', and anything after it would read as a second sentence.
  const hint = hit === undefined ? '' : `; did you mean '${hit}'?`;
  return `the fact '${fact}' is never ${JSON.stringify(v)}: it is ${domain.describe}, so ${effect}${hint}`;
}

function inRange(domain: NumberDomain, v: number): boolean {
  return (domain.min === undefined || v >= domain.min) && (domain.max === undefined || v <= domain.max) && (!domain.integer || Number.isInteger(v));
}

function comparisonProblems(fact: string, operator: string, value: unknown, domain: ValueDomain): Issue[] {
  const parts = operator.split(':');
  const base = parts[parts.length - 1] as string;
  const decorators = parts.slice(0, -1);
  let left: Side = { kind: 'fact', list: domain.kind === 'string' && domain.list === true };
  let right: Side = { kind: 'values', items: [{ value, at: ['value'] }] };
  for (const d of decorators) {
    if (d === 'swap') [left, right] = [right, left];
    else if (d === 'someValue' || d === 'everyValue') right = unpack(right);
    else if (d === 'someFact' || d === 'everyFact') left = unpack(left);
  }
  // With only `not:` and `swap:` around it, the answer is one constant: say which.
  const plain = decorators.every((d) => d === 'not' || d === 'swap');
  const negated = decorators.filter((d) => d === 'not').length % 2 === 1;
  const constant = plain ? (POSITIVE.includes(base) !== negated ? 'never true' : 'always true') : undefined;
  const never = (items: readonly { value: unknown; at: Path }[], element: boolean): Issue[] =>
    items.flatMap(({ value: v, at }) => {
      const whole = !element && at.length === 1 && constant !== undefined;
      const effect = whole ? `this comparison is ${constant}` : 'this value never matches';
      const message = neverMessage(fact, domain, v, effect, whole ? `'${operator}' ${String(v)} is ${constant}` : undefined);
      return message === undefined ? [] : [{ code: 'unknown_value', path: at, message }];
    });
  const elementsOf = (side: Side) => (side.kind === 'values' ? unpack(side) : side);
  const scalar = (s: Side) => s.kind === 'fact' && !s.list;
  const listFact = (s: Side) => s.kind === 'fact' && s.list;
  const literals = (s: Side) => (s.kind === 'values' ? s.items : []);

  if (base === 'equal' || base === 'notEqual') {
    if (scalar(left)) return never(literals(right), false);
    if (scalar(right)) return never(literals(left), false);
  } else if (base === 'in' || base === 'notIn') {
    // The left side is searched for in the right one.
    if (scalar(left)) return never(literals(elementsOf(right)), true);
    if (listFact(right)) return never(literals(left), false);
  } else if (base === 'contains' || base === 'doesNotContain') {
    // The right side is searched for in the left one.
    if (listFact(left)) return never(literals(right), false);
    if (scalar(right)) return never(literals(elementsOf(left)), true);
  } else if (NUMERIC.includes(base)) {
    if (domain.kind === 'number') return plain ? rangeProblems(fact, base, operator, negated, left, right, domain) : [];
    return numericProblems(fact, base, operator, left, right, domain);
  }
  return [];
}

/**
 * json-rules-engine's numeric operators first check that the fact side reads as a number
 * (`parseFloat`), then compare with JavaScript's `<`: a string that is no number against a number
 * is false.
 */
function numericProblems(fact: string, base: string, operator: string, left: Side, right: Side, domain: StringDomain): Issue[] {
  if (left.kind === 'fact' && !left.list && domain.numbers === 'never') {
    return [
      {
        code: 'invalid_operand',
        path: ['operator'],
        message: `'${operator}' compares numbers, and the fact '${fact}' never is one: it is ${domain.describe}; json-rules-engine checks that first, so '${base}' is false for every account`,
      },
    ];
  }
  const factSide = left.kind === 'fact' ? left : right;
  const valueSide = left.kind === 'fact' ? right : left;
  if (factSide.kind !== 'fact' || factSide.list || valueSide.kind !== 'values' || domain.numbers === 'maybe') return [];
  return valueSide.items.flatMap(({ value, at }) =>
    typeof value === 'number' || typeof value === 'boolean' || value === null
      ? [
          {
            code: 'type_mismatch',
            path: at,
            message: `the fact '${fact}' is ${domain.describe}, never a number: '${base}' against ${JSON.stringify(value)} is false for every account (compare with a string, e.g. '${domain.example}')`,
          },
        ]
      : [],
  );
}

const SYMBOL: Readonly<Record<string, string>> = { lessThan: '<', lessThanInclusive: '<=', greaterThan: '>', greaterThanInclusive: '>=' };
/** `v OP fact` read from the fact's side: `fact FLIPPED v`. */
const FLIPPED: Readonly<Record<string, string>> = { lessThan: 'greaterThan', lessThanInclusive: 'greaterThanInclusive', greaterThan: 'lessThan', greaterThanInclusive: 'lessThanInclusive' };

function compare(a: number, base: string, b: number): boolean {
  if (base === 'lessThan') return a < b;
  if (base === 'lessThanInclusive') return a <= b;
  if (base === 'greaterThan') return a > b;
  return a >= b;
}

/**
 * A numeric operator (with only `not:` / `swap:` around it) that no value of the fact's range
 * meets: `never_true`, at the value. `fact < v` holds on a ray of numbers, so it holds for none of
 * the range when it holds at neither end, and for all of it when it holds at both (an unbounded
 * end is ±Infinity). Null, when the fact can be null, counts as json-rules-engine and JavaScript
 * read it. Other values are read as JavaScript's `<` reads them ("23" is 23, null is 0); one it
 * reads as no number is refused elsewhere.
 */
function rangeProblems(fact: string, base: string, operator: string, negated: boolean, left: Side, right: Side, domain: NumberDomain): Issue[] {
  const swapped = left.kind !== 'fact';
  const factSide = swapped ? right : left;
  const valueSide = swapped ? left : right;
  if (factSide.kind !== 'fact' || factSide.list || valueSide.kind !== 'values') return [];
  const op = swapped ? (FLIPPED[base] as string) : base;
  return valueSide.items.flatMap(({ value, at }) => {
    // As JavaScript's `<` reads it: "23" is 23, null 0, "1e400" Infinity. A value it reads as no
    // number at all (NaN) is refused as a type mismatch elsewhere.
    const v = typeof value === 'number' ? value : Number(value);
    if (Number.isNaN(v) || (typeof value === 'object' && value !== null && !Array.isArray(value))) return [];
    const written = typeof value === 'number' ? String(v) : `${JSON.stringify(value)} (read as ${v})`;
    const low = compare(domain.min ?? Number.NEGATIVE_INFINITY, op, v);
    const high = compare(domain.max ?? Number.POSITIVE_INFINITY, op, v);
    // Null on the fact's side fails the number check (false); on the other side `<` reads it as 0.
    const onNull = swapped && compare(v, base, 0);
    const sometimes = low || high || (domain.nullable && onNull);
    const always = low && high && (!domain.nullable || onNull);
    if (negated ? !always : sometimes) return [];
    const reading = swapped ? ` (${v} ${SYMBOL[base] ?? base} ${fact})` : '';
    return [{ code: 'never_true', path: at, message: `the fact '${fact}' is ${domain.describe}, so '${operator}' ${written}${reading} is never true` }];
  });
}

function isFactReference(value: unknown): boolean {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, 'fact');
}
