import { z } from 'zod';
import { describeValue, quoteAll, unknownKeysMessage } from '../zod-issues';
import { SAFE_PATH_PATTERN } from './json-path';
import { suggest } from './suggest';

/*
 * json-rules-engine's condition language as zod schemas. A condition is one of five shapes; which
 * one is decided by its keys, in json-rules-engine's own order (Condition.booleanOperator checks
 * `any`, then `all`, then `not`; then `condition` marks a reference; anything else is a comparison).
 *
 * Each shape sits behind a guard that only lets through inputs of its kind. Without it a typo in
 * one comparison (`operater`) makes zod report five failed alternatives at the root; with it the
 * four wrong shapes fail at depth 0 and the right one reports the real problem at its real path.
 */

/** The five shapes a condition can have. */
export const CONDITION_KINDS = ['any', 'all', 'not', 'condition', 'fact'] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

/**
 * Which shape json-rules-engine would read `input` as, or `undefined` for a non-object.
 *
 * @example
 * conditionKind({ all: [] }); // 'all'
 * conditionKind({ fact: 'x', operator: 'equal', value: 1 }); // 'fact'
 */
export function conditionKind(input: unknown): ConditionKind | undefined {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
  for (const kind of CONDITION_KINDS) if (Object.hasOwn(input, kind)) return kind;
  return 'fact';
}

/** The form keys (`all`, `any`, `not`, `condition`, `fact`) an object has. */
function formsOf(input: unknown): ConditionKind[] {
  return keysOf(input).filter((key): key is ConditionKind => (CONDITION_KINDS as readonly string[]).includes(key));
}

/**
 * For an object with the keys of several forms (`{ all: [], any: [] }`): json-rules-engine would
 * read the first and silently ignore the others.
 */
function mixedFormsMessage(input: unknown, forms: string): string | undefined {
  const mixed = formsOf(input);
  if (mixed.length < 2) return undefined;
  return `mixes ${mixed.length} forms (${quoteAll(mixed)}): a condition takes exactly one of ${forms}; give one of them only (nest the others in an 'all' or 'any')`;
}

/** An object's own keys, or none for what is not a plain object. */
function keysOf(input: unknown): string[] {
  return input === null || typeof input !== 'object' || Array.isArray(input) ? [] : Object.keys(input);
}

/**
 * The known key each unknown one is likely a typo of, among the keys of `kind` that `input` lacks
 * (a key already there is no suggestion for its misspelt twin): `{ operater: 'operator' }`.
 */
function typosOf(input: unknown, kind: ConditionKind): Map<string, string> {
  const absent = absentKeys(input, kind);
  const typos = new Map<string, string>();
  for (const key of keysOf(input)) {
    const hit = shapeKeys(kind).includes(key) ? undefined : suggest(key, absent);
    if (hit !== undefined) typos.set(key, hit);
  }
  return typos;
}

/** The keys of `kind` that `input` lacks: the only suggestions for its unknown keys. */
function absentKeys(input: unknown, kind: ConditionKind): string[] {
  const keys = keysOf(input);
  return shapeKeys(kind).filter((k) => !keys.includes(k));
}

/**
 * The shape `input` was meant to have, for its messages: json-rules-engine's reading
 * (`conditionKind`), except for an object with no form key at all, which is read as the form a
 * misspelt key names (`{ al: [...] }` is an 'all' with a typo, not a comparison missing its fact,
 * operator and value): the form of the most keys, known or misspelt; a comparison on a tie. An
 * object read so has an unknown key, so it is refused whatever it is read as: only its messages
 * change. An object with no key of any form (`{}`, `{ banana: 1 }`) is none: the union says what a
 * condition is, rather than a comparison listing the three keys it misses.
 */
function meantKind(input: unknown): ConditionKind | undefined {
  const kind = conditionKind(input);
  if (kind !== 'fact' || formsOf(input).length > 0) return kind;
  const keys = keysOf(input);
  let best: ConditionKind = 'fact';
  let bestScore = 0;
  for (const candidate of ['fact', 'any', 'all', 'not', 'condition'] as const) {
    const typos = typosOf(input, candidate);
    if (candidate !== 'fact' && ![...typos.values()].includes(candidate)) continue;
    const score = keys.filter((k) => shapeKeys(candidate).includes(k) || typos.has(k)).length;
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return bestScore > 0 ? best : undefined;
}

/*
 * Typed as the object schema it wraps: TypeScript cannot infer a recursive schema through a pipe.
 * The cast stays internal: the exported schemas are typed as plain `z.ZodType<...>` below.
 *
 * The guard also tells the keys its form does not know, each with the key it is likely a typo of
 * (`operater` → `operator`), and hands the form the object without them: an unknown key does not
 * stop the pipe, and the key it stands for is not reported missing as well (`typos` on the issue,
 * read by fromZodIssues). What an unknown key holds is not checked: it is not known what it is.
 */
function only<T extends z.ZodObject>(kind: ConditionKind, schema: T): T {
  const guarded = z.preprocess((input, ctx) => {
    // A condition of two forms is none of them: the union says so (mixedFormsMessage).
    if (meantKind(input) !== kind || formsOf(input).length > 1) {
      ctx.addIssue({ code: 'custom', message: `not a '${kind}' condition`, input });
      return input;
    }
    const known = shapeKeys(kind);
    const unknown = keysOf(input).filter((k) => !known.includes(k));
    if (unknown.length === 0) return input;
    ctx.addIssue({
      code: 'unrecognized_keys',
      keys: unknown,
      input: input as Record<string, unknown>,
      message: unknownKeysMessage(unknown, absentKeys(input, kind)),
      typos: Object.fromEntries(typosOf(input, kind)),
      continue: true,
    });
    return Object.fromEntries(Object.entries(input as object).filter(([k]) => known.includes(k)));
  }, schema);
  return guarded as unknown as T;
}

/** A JSONPath restricted to plain steps: `$`, `.key`, `['key']`, `["key"]`, `[n]`. */
export const safePathSchema = z
  .string()
  .regex(SAFE_PATH_PATTERN, {
    message: "use a plain path: '$' followed by .key, ['key'] or [n] steps (no filters, wildcards, slices or '..')",
  })
  .describe("JSONPath into the fact's value, restricted to plain steps: $.key, $['key'], $[0].");

const prioritySchema = z
  .number()
  .int()
  .positive()
  .describe('Evaluation order among siblings: higher first. A decided set stops the rest (default 1).');
const nameSchema = z.string().describe('A label for the condition; not used in evaluation.');
const paramsSchema = z.record(z.string(), z.json()).describe('Parameters passed to the fact.');

const hasFactKey = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, 'fact');

/** `{ fact, path?, params? }` as a comparison value: the value of another fact. */
export const factReferenceSchema = z
  .strictObject({
    fact: z.string().min(1).describe('The fact whose value is compared against.'),
    path: safePathSchema.optional(),
    params: paramsSchema.optional(),
  })
  .describe('The value of another fact, read at comparison time.');

function valueMessage(input: unknown): string {
  if (input === undefined) return 'a comparison needs a `value` (JSON, or { "fact": ... })';
  // Built in code, a policy may hold a Date: JSON has none, and the facts compare ISO strings.
  if (input instanceof Date) return 'must be JSON, not a Date: write the date as a string, like "2026-11-23" or "2026-11-23T10:00:00Z"';
  const described = describeValue(input);
  // Only what is no JSON is named: a plain object or a list failed on what it holds, said elsewhere.
  const named = input !== null && typeof input === 'object' && described !== 'an object' && described !== 'an array';
  return `expected a JSON value, or { "fact": string, "path"?: string, "params"?: object }${named ? `, not ${described}` : ''}`;
}

const valueSchema = z
  .union([
    factReferenceSchema,
    // json-rules-engine reads ANY object with an own `fact` key as a fact reference, so a constant
    // object must not have one: it would silently become a lookup.
    z.json().refine((v) => !hasFactKey(v), {
      message: 'an object with a `fact` key is a fact reference: { "fact": string, "path"?: string, "params"?: object }',
      abort: true,
    }),
  ], { error: (issue) => valueMessage(issue.input) })
  .describe('The right-hand side: any JSON value, or { "fact": ... } for the value of another fact.');

const comparisonSchema = z
  .strictObject({
    fact: z.string().min(1).describe('The fact to read (the left-hand side).'),
    operator: z.string().min(1).describe("An operator ('equal', 'in', 'greaterThan', ...), optionally decorated ('not:in', 'someFact:equal')."),
    value: valueSchema,
    path: safePathSchema.optional(),
    params: paramsSchema.optional(),
    priority: prioritySchema.optional(),
    name: nameSchema.optional(),
  })
  .describe('A comparison: fact <operator> value.');

const allSchema = z
  .strictObject({
    get all(): z.ZodArray<z.ZodType<Condition, Condition>> {
      return z.array(conditionUnion).describe('Passes when every condition passes (an empty list passes).');
    },
    priority: prioritySchema.optional(),
    name: nameSchema.optional(),
  })
  .describe('All of the conditions.');

const anySchema = z
  .strictObject({
    get any(): z.ZodArray<z.ZodType<Condition, Condition>> {
      return z.array(conditionUnion).describe('Passes when one condition passes (an empty list passes, as in json-rules-engine).');
    },
    priority: prioritySchema.optional(),
    name: nameSchema.optional(),
  })
  .describe('Any of the conditions.');

const notSchema = z
  .strictObject({
    get not(): z.ZodType<Condition, Condition> {
      return conditionUnion;
    },
    priority: prioritySchema.optional(),
    name: nameSchema.optional(),
  })
  .describe('The negation of one condition (not a list).');

const referenceSchema = z
  .strictObject({
    condition: z.string().min(1).describe('The name of a condition defined in the policy `conditions`.'),
    priority: prioritySchema.optional(),
    name: nameSchema.optional(),
  })
  .describe('A reference to a named condition.');

/** Each form's schema, for its keys. */
const FORM_SCHEMAS = { any: anySchema, all: allSchema, not: notSchema, condition: referenceSchema, fact: comparisonSchema } as const;

/** The keys a form takes: its own, `priority` and `name` (read when parsing: the shapes are recursive). */
function shapeKeys(kind: ConditionKind): string[] {
  return Object.keys(FORM_SCHEMAS[kind].shape);
}

const SHAPES = "an object with 'all', 'any', 'not', 'condition', or 'fact' + 'operator' + 'value'";

const conditionUnion = z
  .union(
    [
      only('any', anySchema),
      only('all', allSchema),
      only('not', notSchema),
      only('condition', referenceSchema),
      only('fact', comparisonSchema),
    ],
    { error: (issue) => mixedFormsMessage(issue.input, "'all', 'any', 'not', 'condition' or 'fact' (a comparison)") ?? `expected a condition: ${SHAPES}` },
  )
  // The guards are preprocessors, which zod's input JSON Schema counts as optional: without this
  // the published schema would not require `not`'s condition (nor, below, a rule's `when`).
  // Parsing is unchanged: every branch already refuses `undefined`.
  .nonoptional()
  .describe('A json-rules-engine condition.');

/*
 * The recursive shapes are declared, not inferred: declaration files name a declared interface,
 * while an inferred recursive type is written out at every use, a few levels deep, then cut to
 * `any` — users' policies would type-check whatever their conditions held. The schemas below are
 * annotated with these types, so a shape that drifts from its schema fails to compile.
 */

/** What every condition may carry besides its form: `priority` (evaluation order) and `name` (a label). */
export type ConditionMeta = Pick<ConditionReference, 'priority' | 'name'>;
/** `{ all: [...] }`: passes when every condition passes (an empty list passes). */
export interface AllCondition extends ConditionMeta {
  all: Condition[];
}
/** `{ any: [...] }`: passes when one condition passes (an empty list passes, as in json-rules-engine). */
export interface AnyCondition extends ConditionMeta {
  any: Condition[];
}
/** `{ not: condition }`: the negation of one condition. */
export interface NotCondition extends ConditionMeta {
  not: Condition;
}
/** `{ condition: 'name' }`: a reference to a named condition of the policy. */
export type ConditionReference = z.infer<typeof referenceSchema>;

/** Any condition (nested position): all / any / not / named reference / comparison. */
export type Condition = ComparisonCondition | AllCondition | AnyCondition | NotCondition | ConditionReference;

/** Any condition, at any depth: all / any / not / named reference / comparison. */
export const conditionSchema: z.ZodType<Condition, Condition> = conditionUnion;

/**
 * The root of a condition tree. json-rules-engine (Rule#setConditions, Engine#setCondition) only
 * accepts `all`, `any`, `not` or a `condition` reference here, never a bare comparison.
 */
const topLevelUnion = z
  .union(
    [only('any', anySchema), only('all', allSchema), only('not', notSchema), only('condition', referenceSchema)],
    {
      error: (issue) =>
        mixedFormsMessage(issue.input, "'all', 'any', 'not' or 'condition' (the root of a tree)") ??
        (meantKind(issue.input) === 'fact'
          ? 'the root must be all, any, not or condition: wrap a single comparison as { "all": [ ... ] }'
          : "expected an object with 'all', 'any', 'not' or 'condition'"),
    },
  )
  .nonoptional() // see conditionUnion
  .describe('A json-rules-engine condition tree: its root is all, any, not or a condition reference.');

/** A condition tree's root: all / any / not / condition reference. */
export type TopLevelCondition = AllCondition | AnyCondition | NotCondition | ConditionReference;

/** The root of a condition tree (see above). */
export const topLevelConditionSchema: z.ZodType<TopLevelCondition, TopLevelCondition> = topLevelUnion;

/** A comparison leaf: `{ fact, operator, value, path?, params? }`. */
export type ComparisonCondition = z.infer<typeof comparisonSchema>;
/** A `{ fact, path?, params? }` comparison value. */
export type FactReference = z.infer<typeof factReferenceSchema>;
