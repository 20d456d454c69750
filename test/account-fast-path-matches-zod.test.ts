import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { syntheticBook } from '../bench/workload';
import { safeParseAccount } from '../src/index';
import { accountSchema, attemptSchema, contactSchema, debtorSchema } from '../src/model';
import { compileFastParse, FAIL } from '../src/model/fast-parse';
import { ACCOUNT_CORPUS, copyTree, EDGE_DATES, fingerprint, fuzzParams, GENTLE, mutantOf, type Sample, weirdValue, withCycle, withKey } from './support/fuzz';

/*
 * The fast path (src/model/fast-parse.ts) against zod itself: for every input, either zod
 * succeeds and the fast path gives FAIL or exactly zod's data (same keys in the same order, same
 * values, -0 and undefined included), or zod fails (or throws) and the fast path gives FAIL. An
 * accepted output shares no object with the input, and the input is left untouched.
 */

type Fast = (input: unknown) => unknown;

/** Every object reachable from `value` through own properties (iterative: inputs may be 20 000 deep). */
function objectsOf(value: unknown): Set<object> {
  const seen = new Set<object>();
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v)) continue;
    seen.add(v);
    for (const key of Reflect.ownKeys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, key);
      if (d !== undefined && 'value' in d) stack.push(d.value);
    }
  }
  return seen;
}

/** The first difference between two values: own keys in order, prototypes, -0, NaN, holes. */
function difference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b) ? undefined : `${path}: ${String(a)} !== ${String(b)}`;
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: prototypes differ`;
  const keys = Reflect.ownKeys(a).map(String);
  if (keys.join('\u0000') !== Reflect.ownKeys(b).map(String).join('\u0000')) return `${path}: keys [${keys.join()}] vs [${Reflect.ownKeys(b).map(String).join()}]`;
  for (const key of Reflect.ownKeys(a)) {
    const found = difference((a as Record<PropertyKey, unknown>)[key], (b as Record<PropertyKey, unknown>)[key], `${path}.${String(key)}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

const sharedWith = (input: unknown, output: unknown): object[] => {
  const inputs = objectsOf(input);
  return [...objectsOf(output)].filter((o) => inputs.has(o));
};

/**
 * Runs zod and the fast path on `input` and checks they agree; says what happened. The output
 * shares no object with the input, unless zod's own output shares it (z.looseObject passes
 * unknown values through).
 */
function agree(schema: z.ZodType, fast: Fast, input: unknown, aliasing: 'none' | 'as zod' = 'none'): 'accepted' | 'left to zod' | 'refused' {
  let zod: { readonly success: boolean; readonly data?: unknown };
  try {
    zod = schema.safeParse(input);
  } catch {
    zod = { success: false };
  }
  const before = fingerprint(input);
  const out = fast(input);
  expect(fingerprint(input) === before, 'the fast path mutated its input').toBe(true);
  if (!zod.success) {
    expect(out, 'the fast path accepted an input zod refuses').toBe(FAIL);
    return 'refused';
  }
  if (out === FAIL) return 'left to zod';
  // Stricter than toStrictEqual: key order, prototypes, -0. (toStrictEqual compares types
  // through `.constructor`, which an own `constructor` key replaces: it is skipped then.)
  expect(difference(out, zod.data)).toBeUndefined();
  if (![...objectsOf(out)].some((o) => Object.hasOwn(o, 'constructor'))) expect(out).toStrictEqual(zod.data);
  const allowed = new Set(aliasing === 'none' ? [] : sharedWith(input, zod.data));
  expect(sharedWith(input, out).filter((o) => !allowed.has(o)), 'the output shares objects with the input').toEqual([]);
  return 'accepted';
}

const fastAccount = compileFastParse(accountSchema);
const NOW = Date.parse('2026-11-23T10:30:00+08:00');
const BOOK: readonly Sample[] = [...syntheticBook(300, NOW)].map((value, i) => ({ name: `synthetic ${i}`, value }));
const account = (ACCOUNT_CORPUS[0] as Sample).value as Record<string, unknown>;

/** Sub-objects of the corpus: each schema gets its own mutants. */
const partsOf = (pick: (a: Record<string, unknown>) => unknown): Sample[] =>
  [...ACCOUNT_CORPUS, ...BOOK.slice(0, 20)].flatMap((s) => {
    const part = pick(s.value as Record<string, unknown>);
    return (Array.isArray(part) ? part : [part]).filter((p) => p !== undefined).map((value, i) => ({ name: `${s.name} part ${i}`, value }));
  });

describe('the fast path gives zod’s result or leaves the input to zod', () => {
  it('covers the whole account schema: nothing is left to zod’s own run', () => {
    const fallbacks: string[] = [];
    for (const schema of [accountSchema, attemptSchema, contactSchema, debtorSchema]) compileFastParse(schema, { onFallback: (type) => fallbacks.push(type) });
    expect(fallbacks).toEqual([]);
  });

  it.each(ACCOUNT_CORPUS.map((s) => [s.name, s.value] as const))('accepts %s, exactly as zod does', (_, input) => {
    expect(agree(accountSchema, fastAccount, input)).toBe('accepted');
  });

  it(`accepts each of ${BOOK.length} synthetic accounts (bench/workload.ts), exactly as zod does`, () => {
    for (const { value } of BOOK) expect(agree(accountSchema, fastAccount, value)).toBe('accepted');
  });

  it('safeParseAccount returns zod’s account', () => {
    for (const { value } of [...ACCOUNT_CORPUS, ...BOOK.slice(0, 50)]) {
      const result = safeParseAccount(value);
      expect(result.success && difference(result.account, accountSchema.parse(value))).toBeUndefined();
    }
  });

  it('mutated accounts: never accepts what zod refuses, and any account it accepts is zod’s', () => {
    const seen = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(mutantOf([...ACCOUNT_CORPUS, ...BOOK.slice(0, 30)]), (mutant) => {
        const outcome = agree(accountSchema, fastAccount, mutant.value);
        if (outcome !== 'left to zod') seen[outcome]++;
      }),
      fuzzParams(5),
    );
    expect(seen.refused).toBeGreaterThan(0);
  });

  it('gently mutated accounts (often still valid): the same, and none that zod accepts is left to zod', () => {
    const seen = { accepted: 0, refused: 0, 'left to zod': 0 };
    fc.assert(
      fc.property(mutantOf([...ACCOUNT_CORPUS, ...BOOK.slice(0, 30)], { kinds: GENTLE }), (mutant) => {
        seen[agree(accountSchema, fastAccount, mutant.value)]++;
      }),
      fuzzParams(5),
    );
    expect(seen.accepted).toBeGreaterThan(0);
    expect(seen['left to zod']).toBe(0);
  });

  it.each([
    ['attempts', attemptSchema, partsOf((a) => a.history)],
    ['contacts', contactSchema, partsOf((a) => a.contacts)],
    ['debtors', debtorSchema, partsOf((a) => a.debtor)],
  ] as const)('%s, one schema at a time, mutated and hostile', (_, schema, parts) => {
    const fast = compileFastParse(schema);
    for (const { value } of parts) expect(agree(schema, fast, value)).toBe('accepted');
    fc.assert(
      fc.property(fc.oneof(mutantOf(parts, { min: 0 }).map((m) => m.value), weirdValue), (input) => {
        agree(schema, fast, input);
      }),
      fuzzParams(3),
    );
  });

  it('instants and dates at the edges of what Date and ISO 8601 can hold', () => {
    for (const edge of EDGE_DATES) {
      for (const value of [edge, new Date(edge), new Date(Date.parse(edge))]) {
        agree(accountSchema, fastAccount, { ...account, history: [{ at: value, outcome: 'no_answer' }] });
        agree(accountSchema, fastAccount, { ...account, dueDate: value, debtor: { timeZone: 'UTC', flags: { deceased: { since: value } } } });
      }
    }
  });

  it('cycles and 20 000 levels of nesting: left to zod (which refuses or throws), never a throw', () => {
    fc.assert(
      fc.property(fc.nat(ACCOUNT_CORPUS.length - 1), fc.nat(), fc.nat(), (index, at, pick) => {
        expect(fastAccount(withCycle((ACCOUNT_CORPUS[index] as Sample).value, at, pick))).toBe(FAIL);
      }),
      fuzzParams(1),
    );
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = { a: deep };
    expect(fastAccount({ ...account, attributes: { deep } })).toBe(FAIL);
  });

  it('an own __proto__ key anywhere: what zod does (dropped in a record, refused elsewhere); safeParseAccount refuses it', () => {
    fc.assert(
      fc.property(fc.nat(ACCOUNT_CORPUS.length - 1), fc.nat(), weirdValue, (index, at, value) => {
        const added = withKey((ACCOUNT_CORPUS[index] as Sample).value, at, '__proto__', value);
        if (added === null) return;
        agree(accountSchema, fastAccount, added.value);
        expect(safeParseAccount(added.value).success).toBe(false);
      }),
      fuzzParams(1),
    );
  });
});

describe('the fast path on chosen cases', () => {
  const attempt = { at: '2026-11-20T10:00:00+08:00', outcome: 'no_answer' };
  const parseAttempt = compileFastParse(attemptSchema);

  it('an optional key absent stays absent; explicitly undefined, it is kept as undefined; a default fills both', () => {
    const absent = parseAttempt(attempt);
    const explicit = parseAttempt({ ...attempt, id: undefined, direction: undefined });
    expect(absent).not.toBe(FAIL);
    expect(Object.keys(absent as object)).toEqual(['at', 'direction', 'outcome', 'consented']);
    expect(Object.keys(explicit as object)).toEqual(['id', 'at', 'direction', 'outcome', 'consented']);
    expect(explicit).toMatchObject({ id: undefined, direction: 'outbound' });
    agree(attemptSchema, parseAttempt, { ...attempt, id: undefined, channel: undefined, consented: undefined });
  });

  it('a Date instant becomes the ISO string zod makes of it', () => {
    expect(parseAttempt({ ...attempt, at: new Date('2026-11-20T02:00:00+00:00') })).toMatchObject({ at: '2026-11-20T02:00:00Z' });
  });

  it('a non-enumerable or inherited key is read as zod reads it (`key in input`)', () => {
    const hidden = Object.defineProperty({ ...attempt }, 'address', { value: 5, enumerable: false });
    expect(agree(attemptSchema, parseAttempt, hidden)).toBe('refused');
    const inherited = Object.create({ outcome: 'busy' }) as Record<string, unknown>;
    inherited.at = attempt.at;
    expect(agree(attemptSchema, parseAttempt, inherited)).toBe('accepted');
    expect(agree(attemptSchema, parseAttempt, Object.assign(Object.create(null) as object, attempt))).toBe('accepted');
  });

  it.each([
    ['a Date instant, turned into an ISO string', { history: [{ ...attempt, at: new Date('2026-11-20T02:00:00Z') }] }, 'accepted'],
    ['an invalid Date', { history: [{ ...attempt, at: new Date(Number.NaN) }] }, 'refused'],
    ['-0 minor units', { amountDue: -0 }, 'accepted'],
    ['NaN', { amountDue: Number.NaN }, 'refused'],
    ['Infinity', { amountDue: Number.POSITIVE_INFINITY }, 'refused'],
    ['a number past the safe integers', { amountDue: 2 ** 53 + 2 }, 'refused'],
    ['1e308', { amountDue: 1e308 }, 'refused'],
    ['an unknown key', { amountdue: 1 }, 'refused'],
    ['a constructor key in attributes', { attributes: { constructor: 1 } }, 'refused'],
    ['a __proto__ key in attributes, which zod drops', { attributes: JSON.parse('{"__proto__":{"polluted":1},"a":1}') as unknown }, 'accepted'],
    ['an array for the debtor', { debtor: [] }, 'refused'],
    ['an array for attributes', { attributes: [] }, 'refused'],
    ['an object for the history', { history: { 0: attempt } }, 'refused'],
    // eslint-disable-next-line no-sparse-arrays -- a hole is the point: zod reads it as undefined
    ['a sparse history', { history: [, attempt] }, 'refused'],
    ['a string amount', { amountDue: '100' }, 'refused'],
  ])('%s', (_, change, expected) => {
    expect(agree(accountSchema, fastAccount, { ...account, ...change })).toBe(expected);
  });

  it('a Proxy whose `has` disagrees with the keys it lists is read as zod reads it: refused, like zod', () => {
    // A "view" without a `has` trap: for…in lists the keys, `key in proxy` denies them.
    const view = (target: Record<string, unknown>) =>
      new Proxy({}, {
        get: (_, key) => target[key as string],
        ownKeys: () => Reflect.ownKeys(target),
        getOwnPropertyDescriptor: (_, key) => (Object.hasOwn(target, key) ? { value: target[key as string], enumerable: true, configurable: true, writable: true } : undefined),
      });
    expect(agree(accountSchema, fastAccount, view({ ...account }))).toBe('refused');
    expect(agree(accountSchema, fastAccount, { ...account, debtor: view({ timeZone: 'UTC' }) })).toBe('refused');
    expect(safeParseAccount(view({ ...account })).success).toBe(false);
  });

  it('one object twice under attributes stays one object, as zod’s memoizer makes it; one channel in two contacts stays two', () => {
    const shared = { x: 1 };
    const list = [1];
    const result = safeParseAccount({ ...account, attributes: { a: shared, b: shared, c: list, d: [list, list] } });
    if (!result.success) throw new Error('refused');
    const attributes = result.account.attributes as { a: object; b: object; c: object; d: object[] };
    expect(attributes.a).toBe(attributes.b);
    expect(attributes.d[0]).toBe(attributes.c);
    expect(attributes.a).not.toBe(shared);
    const channel = { channel: 'phone' };
    const twice = { ...account, contacts: [{ id: 'self', relationship: 'self', channels: [channel] }, { id: 'g', relationship: 'guarantor', channels: [channel] }] };
    const zod = accountSchema.parse(twice);
    expect(agree(accountSchema, fastAccount, twice)).toBe('accepted');
    const ours = safeParseAccount(twice);
    if (!ours.success) throw new Error('refused');
    expect(ours.account.contacts[0]?.channels[0]).not.toBe(ours.account.contacts[1]?.channels[0]);
    expect(zod.contacts[0]?.channels[0]).not.toBe(zod.contacts[1]?.channels[0]);
  });

  it('a default array or object is fresh on every parse: changing one account does not change the next', () => {
    const input = { id: 'A', currency: 'USD', amountDue: 1, dueDate: '2026-11-01', debtor: { timeZone: 'UTC' } };
    const first = fastAccount(input);
    if (first === FAIL) throw new Error('refused');
    first.tags.push('changed');
    (first.attributes as Record<string, unknown>).changed = true;
    first.debtor.flags.deceased = { since: '2026-01-01' };
    const second = fastAccount(input);
    expect(second).toMatchObject({ tags: [], attributes: {}, debtor: { flags: {} } });
    expect(second).toStrictEqual(accountSchema.parse(input));
  });

  it('returns new objects: changing the input afterwards does not change the account', () => {
    const input = copyTree(account) as Record<string, unknown>;
    const parsed = fastAccount(input);
    const snapshot = structuredClone(parsed);
    (input.contacts as Record<string, unknown>[])[0]!.id = 'changed';
    input.attributes = { changed: true };
    expect(parsed).toStrictEqual(snapshot);
  });
});

/** Values shaped like the zoo's objects: a few known keys, each with an odd or plausible value. */
const zooValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('a', 'b', 'x', ' AbC ', 'a@b.co', '', '12', 'no', undefined, null, true, 0, -0, 1, 2.5, -7, Number.NaN, 2 ** 53, new Date(0), new Date(Number.NaN)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'kind', 'list', 'obj', 'x', 'y', '1', '-2', '__proto__', 'constructor'), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Definitions beyond the account's, each with a twist of zod's own semantics. */
const ZOO: Record<string, z.ZodType> = {
  stripObject: z.object({ a: z.string(), b: z.number().optional() }),
  looseObject: z.looseObject({ a: z.string() }),
  defaultThenOptional: z.strictObject({ a: z.string().default('d').optional(), b: z.number().optional().default(3) }),
  bareTransformKey: z.strictObject({ a: z.transform((v: unknown) => (v === undefined ? 'none' : String(v))) }),
  optionalInNotOut: z.strictObject({ a: z.string().optional().transform((v) => v) }),
  nullable: z.strictObject({ a: z.string().nullable(), b: z.number().nullish() }),
  literals: z.union([z.literal(['a', 1, true]), z.null()]),
  formatsAndOverwrites: z.strictObject({ a: z.email().optional(), b: z.int().min(-5), c: z.string().trim().toLowerCase().max(3) }),
  catchAndPrefault: z.strictObject({ a: z.number().catch(0), b: z.string().prefault('x') }),
  discriminated: z.discriminatedUnion('kind', [z.object({ kind: z.literal('a'), a: z.string() }), z.object({ kind: z.literal('b') })]),
  exactOptional: z.strictObject({ a: z.string().exactOptional() }),
  exhaustiveRecord: z.record(z.enum(['x', 'y']), z.number()),
  numericKeys: z.record(z.number(), z.string()),
  json: z.json(),
  refineOnOptional: z.strictObject({ a: z.string().optional().refine((v) => v !== 'no') }),
  readonly: z.object({ list: z.array(z.string()) }).readonly(),
  firstOptionWins: z.union([z.string().transform((s) => s.length), z.string()]),
  freshDefaults: z.strictObject({ list: z.array(z.number()).default(() => [1]), obj: z.object({ a: z.number().default(1) }).default({ a: 2 }) }),
  superRefine: z.strictObject({ a: z.number(), b: z.number() }).superRefine((v, ctx) => {
    if (v.a > v.b) ctx.addIssue({ code: 'custom', message: 'a > b' });
  }),
  sizedArray: z.array(z.string()).min(1).max(3),
  asyncRefine: z.string().refine(async () => true),
  tupleAndDate: z.tuple([z.string(), z.date()]),
  defaultOfUndefinedOutput: z.string().transform((s) => (s === 'a' ? undefined : s)).default('d'),
  checkSkippedByWhen: z.strictObject({ a: z.string(), b: z.string() }).refine((v) => v.a === v.b, { when: () => false }),
};

describe('the fast path is generic: zod’s other definitions', () => {
  it.each(Object.entries(ZOO))('%s', (_, schema) => {
    const fast = compileFastParse(schema);
    fc.assert(
      fc.property(zooValue, (input) => {
        agree(schema, fast, input, 'as zod');
      }),
      fuzzParams(5),
    );
  });

  it.each([
    ['stripObject', { a: 'x', b: 1, extra: 1 }],
    ['defaultThenOptional', {}],
    ['bareTransformKey', {}],
    ['optionalInNotOut', {}],
    ['nullable', { a: null }],
    ['literals', 1],
    ['formatsAndOverwrites', { b: 3, c: ' AbC ' }],
    ['numericKeys', { 1: 'a', '-2': 'b' }],
    ['json', { a: [1, { b: null }], c: 'x' }],
    ['refineOnOptional', {}],
    ['firstOptionWins', 'abc'],
    ['freshDefaults', {}],
    ['superRefine', { a: 1, b: 2 }],
    ['sizedArray', ['a']],
    ['defaultOfUndefinedOutput', 'a'],
    ['checkSkippedByWhen', { a: 'x', b: 'y' }],
  ] as const)('%s: takes %j itself', (name, input) => {
    const schema = ZOO[name] as z.ZodType;
    expect(agree(schema, compileFastParse(schema), input, 'as zod')).toBe('accepted');
  });

  it('reports what it leaves to zod’s own run', () => {
    const fallbacks: string[] = [];
    for (const schema of Object.values(ZOO)) compileFastParse(schema, { onFallback: (type) => fallbacks.push(type) });
    expect(fallbacks.sort()).toEqual(['catch', 'object', 'optional', 'prefault', 'readonly', 'record', 'tuple', 'union']);
  });
});
