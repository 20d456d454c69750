import fc from 'fast-check';
import { Almanac, Engine, Operator } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import {
  compilePath,
  compileCondition,
  createOperatorRegistry,
  topLevelConditionSchema,
  type Condition,
  type FactSource,
  type OperatorLike,
  type TopLevelCondition,
} from '../src/conditions';

/*
 * Differential test: json-rules-engine's own Engine and our compiled predicate must agree on
 * random condition trees and random facts: both fire, both do not, or both throw.
 */

const NUM_RUNS = 10_000;

// Custom operators, registered on both sides. `divisibleBy` returns 'yes' / 0 and `itself` returns
// the fact value: json-rules-engine passes such raw results through in places and compares them
// `=== true` in others. `hasLength` throws on some inputs.
const CUSTOM: readonly OperatorLike[] = [
  new Operator('divisibleBy', (a: number, b: number) => (a % b === 0 ? 'yes' : 0) as unknown as boolean, (a: unknown) => typeof a === 'number'),
  { name: 'itself', cb: (a: unknown) => a },
  {
    name: 'hasLength',
    cb: (a: unknown, b: unknown) => {
      if (typeof a !== 'string' && !Array.isArray(a)) throw new TypeError('no length');
      return a.length === b;
    },
  },
];

const BASE_OPERATORS = [
  'equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain',
  'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'divisibleBy', 'hasLength', 'itself', 'itself',
] as const;
const DECORATORS = ['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not'] as const;
const FACTS = ['a', 'b', 'c', 'd'] as const;
const NAMES = ['n0', 'n1', 'n2'] as const;

const scalar = fc.constantFrom<unknown>(0, -0, 1, -1, 2, 3, 1.5, '1', '2', '1.5', '-0', ' ', '', 'a', 'abc', '0x10', '1e1', true, false, null);
const factScalar = fc.oneof(scalar, fc.constantFrom<unknown>(NaN, Infinity, -Infinity));

/** Fact values: anything JSON-like, plus NaN/Infinity; nested arrays and objects with tricky keys. */
const factValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    factScalar,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('x', 'y', '0', '1', 'length', 'a b', 'fact'), tie('v'), { maxKeys: 3, noNullPrototype: true }),
  ),
})).v;

/** Some facts missing; `d` is often an object or array so paths find something. */
const facts = fc.record(
  { a: factValue, b: factValue, c: factValue, d: fc.oneof(factValue, fc.array(scalar, { maxLength: 3 })) },
  { requiredKeys: [] },
);

const path = fc
  .array(fc.constantFrom('.x', '.y', '.length', '.fact', '[0]', '[1]', "['a b']", '["x"]', "['0']"), { maxLength: 3 })
  .map((steps) => `$${steps.join('')}`);
const params = fc.constant({ p: 1 });

const operator = fc.oneof(
  { arbitrary: fc.tuple(fc.array(fc.constantFrom(...DECORATORS), { maxLength: 2 }), fc.constantFrom(...BASE_OPERATORS)).map(([d, b]) => [...d, b].join(':')), weight: 30 },
  { arbitrary: fc.constantFrom('nope', 'bogus:equal', 'not:nope', ':equal'), weight: 1 },
);

const factRef = fc.record({ fact: fc.constantFrom(...FACTS, 'ghost'), path, params }, { requiredKeys: ['fact'] });
const constantValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: scalar, weight: 6 },
  { arbitrary: fc.array(scalar, { maxLength: 4 }), weight: 4 },
  { arbitrary: fc.array(fc.array(scalar, { maxLength: 3 }), { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.dictionary(fc.constantFrom('x', 'y'), scalar, { maxKeys: 2, noNullPrototype: true }), weight: 1 },
);
const value = fc.oneof({ arbitrary: constantValue, weight: 4 }, { arbitrary: factRef, weight: 1 });
const priority = fc.integer({ min: 1, max: 3 });

const comparison = fc.record(
  { fact: fc.constantFrom(...FACTS, 'ghost'), operator, value, path, params, priority, name: fc.constant('label') },
  { requiredKeys: ['fact', 'operator', 'value'] },
);

/** Condition trees that may reference the given named conditions (never an unknown one: see below). */
function trees(refs: readonly string[]) {
  const reference = refs.length > 0 ? [fc.record({ condition: fc.constantFrom(...refs), priority }, { requiredKeys: ['condition'] })] : [];
  return fc.letrec<{ node: Condition; all: Condition; any: Condition; not: Condition; top: TopLevelCondition }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', maxDepth: 4 }, comparison, tie('all'), tie('any'), tie('not'), ...reference) as fc.Arbitrary<Condition>,
    all: fc.record({ all: fc.array(tie('node'), { maxLength: 4 }), priority }, { requiredKeys: ['all'] }),
    any: fc.record({ any: fc.array(tie('node'), { maxLength: 4 }), priority }, { requiredKeys: ['any'] }),
    not: fc.record({ not: tie('node'), priority }, { requiredKeys: ['not'] }),
    top: fc.oneof(tie('all'), tie('any'), tie('not'), ...reference) as fc.Arbitrary<TopLevelCondition>,
  })).top;
}

// Named conditions form a DAG (n0 may use n1, n2; n1 may use n2): a cycle makes
// json-rules-engine recurse forever (covered by example tests). Unknown references are left out
// too: json-rules-engine throws those synchronously, orphaning sibling promises that then reject
// unhandled, which the test runner reports as failures of its own (also covered by examples).
const named = fc.record({ n0: trees(['n1', 'n2']), n1: trees(['n2']), n2: trees([]) });
const scenario = fc.record({ named, root: trees(NAMES), factSets: fc.array(facts, { minLength: 1, maxLength: 3 }) });

type Outcome = boolean | 'throws';

async function jreOutcome(engine: Engine, factSet: Record<string, unknown>): Promise<Outcome> {
  try {
    const { events } = await engine.run(factSet);
    return events.length > 0;
  } catch {
    return 'throws';
  }
}

function compiledOutcome(run: (f: FactSource) => boolean, factSet: Record<string, unknown>): Outcome {
  const source: FactSource = { get: (fact) => (Object.hasOwn(factSet, fact) ? factSet[fact] : undefined) };
  try {
    return run(source);
  } catch {
    return 'throws';
  }
}

function jreEngine(root: TopLevelCondition, conditions: Record<string, TopLevelCondition>): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of CUSTOM) engine.addOperator(op instanceof Operator ? op : new Operator(op.name, op.cb as never, op.validator as never));
  type JreCondition = Parameters<Engine['setCondition']>[1];
  // json-rules-engine mutates what it is given (Condition's constructor, Rule#realize): clone.
  for (const [name, c] of Object.entries(conditions)) engine.setCondition(name, structuredClone(c) as JreCondition);
  engine.addRule({ conditions: structuredClone(root) as JreCondition, event: { type: 'fired' } });
  return engine;
}

describe('compiled conditions agree with json-rules-engine', () => {
  it(`on ${NUM_RUNS} random trees, each against 1-3 random fact sets`, async () => {
    const operators = createOperatorRegistry(CUSTOM);
    const tally = { comparisons: 0, fired: 0, notFired: 0, threw: 0 };
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(scenario, async ({ named: conditions, root, factSets }) => {
        // The generator must only produce what our schema accepts.
        topLevelConditionSchema.parse(root);
        const compiled = compileCondition(root, { operators, conditions });
        const engine = jreEngine(root, conditions);
        for (const factSet of factSets) {
          const expected = await jreOutcome(engine, factSet);
          const actual = compiledOutcome(compiled, factSet);
          tally.comparisons += 1;
          if (expected === 'throws') tally.threw += 1;
          else if (expected) tally.fired += 1;
          else tally.notFired += 1;
          if (actual !== expected) {
            throw new Error(`json-rules-engine: ${String(expected)}, compiled: ${String(actual)} for facts ${JSON.stringify(factSet)}`);
          }
        }
      }),
      { seed: 42, numRuns: NUM_RUNS },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(`differential: ${NUM_RUNS} trees, ${tally.comparisons} comparisons in ${seconds}s`, tally);
    // Every outcome must be well represented, or the test proves little.
    expect(tally.fired).toBeGreaterThan(tally.comparisons / 10);
    expect(tally.notFired).toBeGreaterThan(tally.comparisons / 10);
    expect(tally.threw).toBeGreaterThan(tally.comparisons / 50);
  });
});

// `path` alone, more aggressively: awkward keys (spaces, dashes, '00', digits, 'length') in every
// step form, against values full of them, read through json-rules-engine's own Almanac.
const KEYS = ['a', 'b c', '0', '1', '00', 'x-y', '_', ' ', 'length', 'A1', 'constructor'] as const;
const awkward: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.constantFrom<unknown>('', 'abc', 'x', 0, 1, -0, NaN, true, false, null),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('v'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).v;
const awkwardObject = fc.dictionary(fc.constantFrom(...KEYS), awkward, { minKeys: 5, maxKeys: 10, noNullPrototype: true });
const awkwardPath = fc
  .array(
    fc.oneof(
      fc.constantFrom(...KEYS).map((k) => `['${k}']`),
      fc.constantFrom(...KEYS).map((k) => `["${k}"]`),
      fc.constantFrom('a', '_', 'length', 'A1', 'constructor', 'toString').map((k) => `.${k}`),
      fc.nat(2).map((n) => `[${n}]`),
    ),
    { maxLength: 3 },
  )
  .map((steps) => `$${steps.join('')}`);

describe('compiled paths agree with json-rules-engine (jsonpath-plus, wrap: false)', () => {
  it('on 5000 random values and paths', async () => {
    let found = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(awkwardObject, awkward), awkwardPath, async (value, path) => {
        const almanac = new Almanac({ allowUndefinedFacts: true });
        almanac.addFact('f', value);
        const expected = await almanac.factValue('f', {}, path);
        // The very same value (a reference into `value`, or a primitive), not merely an equal one.
        const actual = compilePath(path)(value);
        if (!Object.is(actual, expected)) throw new Error(`${path}: json-rules-engine read ${String(expected)}, compiled read ${String(actual)}`);
        if (path.length > 1 && value !== null && typeof value === 'object' && expected !== undefined) found += 1;
      }),
      { seed: 42, numRuns: 5_000 },
    );
    // Paths that actually reach something inside an object, not only misses.
    expect(found).toBeGreaterThan(500);
  });
});
