import { z } from 'zod';
import { didYouMean, suggest } from './conditions/suggest';
import type { Issue } from './errors';

/** The key the input guard refuses (forbidden_key) wherever it screened the input. */
const RESERVED = '__proto__';

/**
 * Turns zod's issues into ours: one `{ code, path, message }` per problem, with our own codes for
 * the refinements that set `params.code`, map keys checked by their own schema, and union failures
 * unfolded to their most useful branch. `screened`: the input guard ran first and refused every
 * `__proto__` key (forbidden_key), so an object's unknown key `__proto__` is not told twice.
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly (string | number)[] = [], screened = false): Issue[] {
  const out: Issue[] = [];
  for (const issue of withoutTypoedKeys(tightestBounds(issues))) {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'invalid_key' || issue.code === 'invalid_element') {
      // zod wraps what the key's (or element's) own schema said in "Invalid key in record"; that
      // schema's issues (its code, its message) are the answer, at the path of the key.
      out.push(...fromZodIssues(issue.issues, path, screened));
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      out.push(...fromUnion(issue, path, screened));
      continue;
    }
    if (screened && issue.code === 'unrecognized_keys' && issue.keys.includes(RESERVED)) {
      const others = issue.keys.filter((k) => k !== RESERVED);
      if (others.length > 0) out.push({ code: issue.code, path, message: unknownKeysMessage(others) });
      continue;
    }
    const custom = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
    // A discriminator (a constraint's `kind`) is one of a fixed set, like an enum: reported as one.
    const code = typeof custom === 'string' ? custom : issue.code === 'invalid_union' && 'discriminator' in issue ? 'invalid_value' : issue.code;
    out.push({ code, path, message: messageOf(issue) });
  }
  return out;
}

/**
 * zod reports every numeric bound a value breaks — `int()`'s safe-integer bound and the schema's
 * own `max` give "at most 9007199254740991" and "at most 10000" for 1e16 — which read as two
 * answers: only the tightest bound of each kind at each path is kept (the first of equals).
 */
function tightestBounds(issues: readonly z.core.$ZodIssue[]): readonly z.core.$ZodIssue[] {
  const bound = (i: z.core.$ZodIssue): number | null =>
    i.code === 'too_big' && typeof i.maximum === 'number' ? i.maximum : i.code === 'too_small' && typeof i.minimum === 'number' ? -i.minimum : null;
  const best = new Map<string, z.core.$ZodIssue>();
  for (const issue of issues) {
    const b = bound(issue);
    if (b === null) continue;
    const key = `${issue.code} ${JSON.stringify(issue.path.map(String))}`;
    const seen = best.get(key);
    if (seen === undefined || b < (bound(seen) as number)) best.set(key, issue);
  }
  if (best.size === 0) return issues;
  const kept = new Set(best.values());
  return issues.filter((i) => bound(i) === null || kept.has(i));
}

/**
 * An unknown key that names the key it is a typo of (`operater`, in an object missing `operator`)
 * says both: the missing key is not reported as well. The schema that found the typo lists it on
 * its issue as `typos` (`{ operater: 'operator' }`), as the condition schemas do.
 */
function withoutTypoedKeys(issues: readonly z.core.$ZodIssue[]): readonly z.core.$ZodIssue[] {
  const told = new Set<string>();
  for (const issue of issues) {
    const typos = issue.code === 'unrecognized_keys' ? (issue as { typos?: unknown }).typos : undefined;
    if (typos === null || typeof typos !== 'object') continue;
    for (const key of Object.values(typos)) told.add(JSON.stringify([...issue.path, key].map(String)));
  }
  if (told.size === 0) return issues;
  // A typo is only ever suggested for a key the object lacks: an issue at its path is its absence.
  return issues.filter((i) => !told.has(JSON.stringify(i.path.map(String))));
}

/** The issues a failed union stands for: those of the branch the value was meant for, if any. */
function fromUnion(issue: z.core.$ZodIssueInvalidUnion, path: readonly (string | number)[], screened: boolean): Issue[] {
  const branches = issue.errors.filter((b) => b.length > 0);
  // A value that is not plain data (a Date, a Map) was meant for no object form, though an object
  // form may "get further" into it (a Date lacks every key): the union's own message says what is
  // accepted. zod gives the input when the parse asks for it (`reportInput`).
  if (issue.message !== 'Invalid input' && isNonPlainObject(issue.input)) return [{ code: issue.code, path, message: issue.message }];
  // Two forms that each accept the value but for the other's keys: the value mixes them.
  const mixed = branches.filter((b) => b.every((i) => i.code === 'unrecognized_keys' && i.path.length === 0));
  if (mixed.length > 1) {
    const keys = [...new Set(mixed.flatMap((b) => b.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys.map(String) : []))))];
    return [{ code: issue.code, path, message: `mixes ${mixed.length} forms (${quoteAll(keys)}): give one of them only` }];
  }
  // An object that has the key of no form (`{}`, only a stray key): each form only misses its own
  // keys. Naming the first form's key would hide the others; the union's own message lists them.
  // (A missing enum, such as `calendar`, says "is required (one of …)": missingValueError.)
  const absent = (i: z.core.$ZodIssue) => i.path.length === 1 && (isMissing(i) || (i.code === 'invalid_value' && i.message.startsWith('is required')));
  const missingOnly = (b: readonly z.core.$ZodIssue[]) => b.some(absent) && b.every((i) => absent(i) || (i.code === 'unrecognized_keys' && i.path.length === 0));
  if (issue.message !== 'Invalid input' && branches.length > 1 && branches.every(missingOnly)) return [{ code: issue.code, path, message: issue.message }];
  // Report the branch that got furthest: the one whose first issue has the longest path.
  // A form that knows every key of the object is the one meant: `{ calendar: 'fortnight' }` is a
  // calendar period with a wrong value, not a rolling one with an unknown key.
  const keyed = furthest(branches.filter((b) => !b.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0)));
  const best = keyed !== undefined && depth(keyed) > 0 ? keyed : furthest(branches);
  if (best !== undefined && depth(best) > 0) return fromZodIssues(best, path, screened);
  // Every branch failed at the value itself. A union's own message was written for this case.
  if (issue.message !== 'Invalid input') return [{ code: issue.code, path, message: issue.message }];
  const firsts = branches.map((b) => b[0]).filter((i): i is z.core.$ZodIssue => i !== undefined);
  // Only a missing value makes a branch say "received undefined", and then every branch fails.
  // Reported as any other missing value is (invalid_type): code that looks for missing fields finds it.
  if (firsts.some(isMissing)) {
    const forms = [...new Set(firsts.filter((i) => i.code === 'invalid_type').map((i) => withArticle(i.expected)))];
    return [{ code: 'invalid_type', path, message: forms.length === 0 ? 'is required' : `is required (${forms.join(' or ')})` }];
  }
  // When a single branch accepted the value's type (a list of zones, where a zone or a list is
  // allowed), the value was meant for it: "expected string" from the other branches is noise.
  const typed = branches.filter((b) => !b.every(isTypeMismatch));
  if (typed.length === 1 && typed[0] !== undefined) return fromZodIssues(typed[0], path, screened);
  const messages = [...new Set(firsts.map(messageOf))];
  return [{ code: 'invalid_union', path, message: messages.join('; or ') }];
}

/** The branch that got furthest into the value (the first on a tie). */
function furthest(branches: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] | undefined {
  return branches.reduce<readonly z.core.$ZodIssue[] | undefined>((acc, b) => (acc === undefined || depth(b) > depth(acc) ? b : acc), undefined);
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(...issues.map((i) => i.path.length));
}

function isNonPlainObject(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto !== Object.prototype && proto !== null;
}

function isMissing(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
}

function isTypeMismatch(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && issue.path.length === 0;
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (isMissing(issue)) return `is required (${issue.code === 'invalid_type' ? withArticle(issue.expected) : 'a value'})`;
  if (issue.code === 'unrecognized_keys') {
    // Schemas built with `unknownKeysError` already wrote the message, with a did-you-mean hint
    // that needs the schema's known keys (gone from the finished issue); the rest get it plain.
    return issue.message.startsWith('unknown key') ? issue.message : unknownKeysMessage(issue.keys);
  }
  return issue.message;
}

/**
 * The message for keys an object does not know: names them, and ends with the known key each one
 * is likely a typo of, if any.
 *
 * @example
 * unknownKeysMessage(['amountdue'], ['id', 'amountDue']);
 * // "unknown key 'amountdue'; remove it or check the spelling; did you mean 'amountDue'?"
 */
export function unknownKeysMessage(keys: readonly string[], known: readonly string[] = []): string {
  const names = quoteAll(keys);
  const base = keys.length === 1 ? `unknown key ${names}; remove it or check the spelling` : `unknown keys ${names}; remove them or check the spelling`;
  if (keys.length === 1 && keys[0] !== undefined) return base + didYouMean(keys[0], known);
  const hints = keys.flatMap((k) => {
    const hit = suggest(k, known);
    return hit === undefined ? [] : [`'${hit}' for '${k}'`];
  });
  return hints.length === 0 ? base : `${base}; did you mean ${hints.join(', ')}?`;
}

/**
 * A zod error map for objects and enum-keyed records: writes `unrecognized_keys` messages with a
 * did-you-mean hint drawn from the schema's own keys (only the schema knows them). Other issues
 * keep zod's messages. Pass it as `{ error: unknownKeysError }`; `strictObject` in
 * `model/primitives` does.
 */
export const unknownKeysError: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== 'unrecognized_keys') return undefined;
  // A key the input already has correctly is no suggestion for its misspelt twin.
  const present = new Set(Object.keys(issue.input ?? {}));
  return unknownKeysMessage(
    // A record with enum keys reports symbol keys too: named, not interpolated (which throws).
    issue.keys.map((k: PropertyKey) => String(k)),
    knownKeys(issue.inst).filter((k) => !present.has(k)),
  );
};

function knownKeys(inst: unknown): string[] {
  if (inst instanceof z.core.$ZodObject) return Object.keys(inst._zod.def.shape);
  if (inst instanceof z.core.$ZodRecord) {
    const values = inst._zod.def.keyType._zod.values;
    return values === undefined ? [] : [...values].filter((v): v is string => typeof v === 'string');
  }
  return [];
}

/**
 * The per-parse error map of every boundary parse, for messages zod writes for programmers: a
 * value missing where a fixed set of values is expected (an attempt's `outcome`, a constraint's
 * `kind`) says "is required" like any other missing value, rather than zod's "Invalid option" or
 * "Invalid discriminator value"; a wrong `kind` is named, with a did-you-mean; a fraction where a
 * whole number is expected says so, rather than "expected int, received number".
 *
 * @example
 * accountSchema.safeParse(input, { error: missingValueError });
 */
export const missingValueError: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_value' && issue.input === undefined) return `is required (one of ${quoted(issue.values)})`;
  if (issue.code === 'invalid_value') return valueMessage(issue.values, issue.input);
  if (issue.code === 'invalid_type' && issue.expected === 'int' && typeof issue.input === 'number') return `must be a whole number, not ${issue.input}`;
  if (issue.code === 'too_small' || issue.code === 'too_big') return sizeMessage(issue);
  if (issue.code === 'invalid_type' && issue.input !== undefined) return `must be ${withArticle(TYPE_NAMES[issue.expected] ?? issue.expected)}, not ${describeValue(issue.input)}`;
  if (issue.code === 'invalid_union' && 'discriminator' in issue && typeof issue.discriminator === 'string') {
    const options = (issue as { options?: unknown }).options;
    const values = Array.isArray(options) ? options : [];
    const input = issue.input as Record<string, unknown> | undefined;
    const given = input !== null && typeof input === 'object' ? input[issue.discriminator] : undefined;
    if (given === undefined) return `is required (one of ${quoted(values)})`;
    const names = values.filter((v): v is string => typeof v === 'string');
    return `unknown ${issue.discriminator} ${JSON.stringify(given) ?? String(given)}: one of ${quoted(values)}${typeof given === 'string' ? didYouMean(given, names) : ''}`;
  }
  return undefined;
};

const quoted = (values: readonly unknown[]): string => values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');

/** A value outside a closed list: the list, what was given, and the likely typo. */
function valueMessage(values: readonly unknown[], input: unknown): string {
  const names = values.filter((v): v is string => typeof v === 'string');
  const expected = values.length === 1 ? `must be ${quoted(values)}` : `must be one of ${quoted(values)}`;
  return `${expected}, not ${describeValue(input)}${typeof input === 'string' ? didYouMean(input, names) : ''}`;
}

/** A bound missed: how long a string or list must be, how large a number. */
interface Size {
  readonly code: 'too_small' | 'too_big';
  readonly origin: string;
  readonly input?: unknown;
  readonly inclusive?: boolean | undefined;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
}
function sizeMessage(issue: Size): string | undefined {
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  const exact = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      if (small && bound === 1) return 'must not be empty';
      return `must be ${small ? 'at least' : 'at most'} ${bound} characters long`;
    case 'array':
      if (small && bound === 1) return 'must list at least one item';
      return `must list ${small ? 'at least' : 'at most'} ${bound} items`;
    case 'number':
    case 'int': {
      const given = typeof issue.input === 'number' ? `, not ${issue.input}` : '';
      return `must be ${small ? (exact ? 'at least' : 'more than') : exact ? 'at most' : 'less than'} ${bound}${given}`;
    }
    default:
      return undefined;
  }
}

/** zod's names for the types it expects, in the words of JSON (a record is an object to its writer). */
const TYPE_NAMES: Readonly<Partial<Record<string, string>>> = { record: 'object', tuple: 'array', int: 'whole number' };

/**
 * A given value, for a message: short values as written (`'fone'`, `12`, `null`), others by type
 * (`an object`, `a Date`).
 *
 * @example
 * describeValue('fone'); // "'fone'"
 * describeValue(new Map()); // 'a Map'
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.length <= 40 ? `'${value}'` : `a string of ${value.length} characters`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value !== 'object') return withArticle(typeof value);
  // A message must not throw: a Proxy's traps run for Array.isArray (revoked) and the tag (`get`).
  try {
    if (Array.isArray(value)) return 'an array';
    const tag = Object.prototype.toString.call(value).slice(8, -1);
    return tag === 'Object' ? 'an object' : withArticle(tag);
  } catch {
    return 'an object that cannot be read';
  }
}

/**
 * Names, quoted and joined for a message: `'a', 'b'`, or `''` for none.
 *
 * @example
 * quoteAll(['sms', 'email']); // "'sms', 'email'"
 */
export function quoteAll(names: Iterable<string>): string {
  return Array.from(names, (n) => `'${n}'`).join(', ');
}

/**
 * A type's name with the article English wants: zod's names (`object`, `string`) and built-in
 * tags (`Int8Array`, `Error`) alike.
 *
 * @example
 * withArticle('object'); // 'an object'
 * withArticle('Map'); // 'a Map'
 */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
