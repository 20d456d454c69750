import { Engine, Operator } from 'json-rules-engine';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  collectFactRefs,
  compileCondition,
  compilePath,
  createOperatorRegistry,
  pathSegments,
  type FactSource,
  type OperatorLike,
  type TopLevelCondition,
} from '../src/conditions';

type Outcome = boolean | 'throws';
type Named = Record<string, TopLevelCondition>;

const yes: OperatorLike = { name: 'yes', cb: () => 'yes' };

function source(facts: Record<string, unknown>): FactSource {
  return { get: (fact) => (Object.hasOwn(facts, fact) ? facts[fact] : undefined) };
}

function ours(root: TopLevelCondition, facts: Record<string, unknown>, named: Named = {}, custom: OperatorLike[] = [yes]): Outcome {
  const run = compileCondition(root, { operators: createOperatorRegistry(custom), conditions: named });
  try {
    return run(source(facts));
  } catch {
    return 'throws';
  }
}

async function jre(root: TopLevelCondition, facts: Record<string, unknown>, named: Named = {}): Promise<Outcome> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator(new Operator('yes', () => 'yes' as unknown as boolean));
  type C = Parameters<Engine['setCondition']>[1];
  for (const [name, c] of Object.entries(named)) engine.setCondition(name, structuredClone(c) as C);
  engine.addRule({ conditions: structuredClone(root) as C, event: { type: 'fired' } });
  try {
    return (await engine.run(facts)).events.length > 0;
  } catch {
    return 'throws';
  }
}

/** Asserts our answer, and that json-rules-engine gives the same one. */
async function expectBoth(root: TopLevelCondition, facts: Record<string, unknown>, expected: Outcome, named: Named = {}): Promise<void> {
  expect(ours(root, facts, named)).toBe(expected);
  expect(await jre(root, facts, named)).toBe(expected);
}

/** Freezes all the way down, so any write inside the code under test throws. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const cmp = (fact: string, operator: string, value: unknown, extra: Record<string, unknown> = {}) =>
  ({ fact, operator, value, ...extra }) as { fact: string; operator: string; value: never };

describe('compileCondition: operators and decorators', () => {
  it.each([
    ['someFact:equal', [1, 2, 3], 2, true],
    ['someFact:equal', 'abc', 'a', false], // someFact's validator wants an array
    ['everyFact:greaterThan', [3, 4], 2, true],
    ['everyFact:greaterThan', [], 2, true],
    ['someValue:equal', 2, [1, 2], true],
    ['everyValue:lessThan', 1, [2, 3], true],
    ['not:in', 'x', ['a', 'b'], true],
    ['in', 'b', 'abc', true], // a string value is searched for substrings
    ['swap:contains', 'b', ['a', 'b'], true],
    ['swap:in', ['a', 'b'], 'a', true],
    ['not:someFact:equal', [1, 2], 3, true],
    ['contains', 'abc', 'a', false], // contains only works on arrays
    ['greaterThan', '10', 9, true], // numeric strings pass the number validator
    ['greaterThan', 'abc', 9, false],
    ['lessThan', null, 1, false],
    ['equal', -0, 0, true],
    ['notEqual', NaN, NaN, true],
  ])('%s(%j, %j) is %s', async (operator, fact, value, expected) => {
    await expectBoth({ all: [cmp('x', operator, value)] }, { x: fact }, expected);
  });

  it('throws where json-rules-engine throws: `in` against a number, unknown operators', async () => {
    await expectBoth({ all: [cmp('x', 'in', 3)] }, { x: 1 }, 'throws');
    await expectBoth({ all: [cmp('x', 'someValue:equal', 3)] }, { x: 1 }, 'throws');
    await expectBoth({ all: [cmp('x', 'lessThen', 3)] }, { x: 1 }, 'throws');
    await expectBoth({ all: [cmp('x', 'nott:equal', 3)] }, { x: 1 }, 'throws');
  });

  it('passes a raw operator result through a lone child, but not through a set of several', async () => {
    await expectBoth({ all: [cmp('x', 'yes', 0)] }, {}, true);
    await expectBoth({ all: [cmp('x', 'yes', 0), cmp('x', 'yes', 0)] }, {}, false);
    await expectBoth({ all: [{ all: [cmp('x', 'yes', 0)] }] }, {}, false);
    await expectBoth({ not: cmp('x', 'yes', 0) }, {}, false);
  });
});

describe('compileCondition: all / any / not', () => {
  it('treats empty all and empty any as true', async () => {
    await expectBoth({ all: [] }, {}, true);
    await expectBoth({ any: [] }, {}, true);
    await expectBoth({ not: { any: [] } }, {}, false);
    await expectBoth({ any: [{ any: [] }, cmp('x', 'equal', 1)] }, {}, true);
  });

  it('short-circuits between priority sets, never inside one', async () => {
    const failing = cmp('x', 'equal', 2, { priority: 2 });
    const throwing = cmp('x', 'in', 5); // in against a number throws
    await expectBoth({ all: [failing, throwing] }, { x: 1 }, false);
    await expectBoth({ all: [cmp('x', 'equal', 2), throwing] }, { x: 1 }, 'throws');
    await expectBoth({ any: [cmp('x', 'equal', 1, { priority: 3 }), throwing] }, { x: 1 }, true);
    await expectBoth({ any: [cmp('x', 'equal', 1), throwing] }, { x: 1 }, 'throws');
  });

  it('reads facts lazily: a decided priority set stops later facts from being read', () => {
    const asked: string[] = [];
    const run = compileCondition(
      { all: [cmp('first', 'equal', 1, { priority: 9 }), cmp('second', 'equal', 1)] },
      { operators: createOperatorRegistry() },
    );
    expect(run({ get: (fact) => (asked.push(fact), 0) })).toBe(false);
    expect(asked).toEqual(['first']);
  });

  it('gives facts their params, and undefined when there are none', () => {
    const seen: unknown[] = [];
    const run = compileCondition(
      { all: [cmp('a', 'equal', 1, { params: { days: 30 } }), cmp('b', 'equal', 1)] },
      { operators: createOperatorRegistry() },
    );
    run({ get: (_fact, params) => (seen.push(params), 1) });
    expect(seen).toEqual([{ days: 30 }, undefined]);
  });

  it('compares against another fact with { fact, path, params }', async () => {
    const root = { all: [cmp('balance', 'greaterThan', { fact: 'limits', path: '$.max' })] };
    await expectBoth(root, { balance: 10, limits: { max: 5 } }, true);
    await expectBoth(root, { balance: 10, limits: { max: 50 } }, false);
    await expectBoth(root, { balance: 10 }, false);
  });

  it('does not mutate the condition tree or the named conditions', () => {
    const root = deepFreeze<TopLevelCondition>({ all: [{ condition: 'n', priority: 2 }, cmp('x', 'equal', { fact: 'y', path: '$.a' })] });
    const named = deepFreeze<Named>({ n: { any: [cmp('x', 'equal', 1, { params: { p: [1] } })] } });
    const before = JSON.stringify([root, named]);
    const run = compileCondition(root, { operators: createOperatorRegistry(), conditions: named });
    expect(run(source({ x: 1, y: { a: 1 } }))).toBe(true);
    expect(JSON.stringify([root, named])).toBe(before);
  });

  it('returns a synchronous boolean', () => {
    const run = compileCondition({ all: [] }, { operators: createOperatorRegistry() });
    expectTypeOf(run).returns.toEqualTypeOf<boolean>();
    expect(run(source({}))).toBe(true);
  });
});

describe('compileCondition: path', () => {
  it.each([
    ['$.length', ['a', 'b'], 2],
    ['$.name.length', { name: 'abc' }, 3],
    ['$.name[0]', { name: 'abc' }, 'a'],
    ['$.name.length', { name: '' }, undefined], // an empty string stops the walk
    ['$.n.x', { n: 0 }, undefined],
    ['$.missing', { a: 1 }, undefined],
    ['$.constructor', {}, undefined], // own properties only
    ['$', { a: 1 }, { a: 1 }],
    ["$['a b'][1]", { 'a b': [1, 2] }, 2],
    ['$["0"]', ['first'], 'first'],
    ['$[0]', { 0: 'zero' }, 'zero'],
    ['$.x', 'a string', 'a string'], // a path on a non-object returns the value itself
    ['$.x', 7, 7],
    ['$.x', null, null],
    ['$.x', undefined, undefined],
  ])('%s on %j reads %j', async (path, fact, expected) => {
    expect(compilePath(path)(fact)).toEqual(expected);
    const root = { all: [cmp('f', 'equal', expected === undefined ? null : expected, { path })] };
    // json-rules-engine agrees (equal is ===, so only primitives can be compared this way).
    if (typeof expected !== 'object' || expected === null) {
      expect(ours(root, { f: fact })).toBe(await jre(root, { f: fact }));
    }
  });

  it('refuses paths outside the safe subset, at compile time', () => {
    for (const path of ['$..x', '$.*', '$[?(@.a)]', '$[0:2]', '$.a,b', '$[01]', 'a.b', "$['a.b']", '$.$']) {
      expect(pathSegments(path), path).toBeUndefined();
      expect(() => compileCondition({ all: [cmp('f', 'equal', 1, { path })] }, { operators: createOperatorRegistry() })).toThrow(/outside/);
    }
    expect(pathSegments("$.a['b c'][2][\"d\"]")).toEqual(['a', 'b c', '2', 'd']);
  });
});

describe('compileCondition: named conditions', () => {
  const named: Named = {
    late: { all: [cmp('days', 'greaterThan', 30)] },
    veryLate: { all: [{ condition: 'late' }, cmp('days', 'greaterThan', 90)] },
    notLate: { not: { condition: 'late' } },
  };

  it('resolves references, nested and at the root', async () => {
    await expectBoth({ condition: 'veryLate' }, { days: 100 }, true, named);
    await expectBoth({ condition: 'veryLate' }, { days: 40 }, false, named);
    await expectBoth({ any: [{ condition: 'notLate' }] }, { days: 10 }, true, named);
  });

  it('throws for an unknown reference only when it is reached', async () => {
    const root = { all: [cmp('days', 'greaterThan', 30, { priority: 2 }), { condition: 'ghost' }] };
    await expectBoth(root, { days: 10 }, false);
    await expectBoth(root, { days: 40 }, 'throws');
  });

  it('throws for a reference cycle, where json-rules-engine overflows the stack', async () => {
    await expectBoth({ all: [{ condition: 'a' }] }, {}, 'throws', { a: { all: [{ condition: 'b' }] }, b: { not: { condition: 'a' } } });
  });

  it('follows a cycle only as far as the data leads (json-rules-engine would never settle)', () => {
    // `again` only recurses when x is 1; otherwise the higher-priority comparison decides first.
    const loop: Named = { again: { all: [cmp('x', 'equal', 1, { priority: 2 }), { condition: 'again' }] } };
    expect(ours({ condition: 'again' }, { x: 2 }, loop)).toBe(false);
    expect(ours({ condition: 'again' }, { x: 1 }, loop)).toBe('throws');
    // The guard resets: the same compiled function keeps answering.
    const run = compileCondition({ condition: 'again' }, { operators: createOperatorRegistry(), conditions: loop });
    expect(() => run(source({ x: 1 }))).toThrow(/refers back to itself/);
    expect(run(source({ x: 2 }))).toBe(false);
  });

  it('compiles a shared condition once, not once per path (no exponential inlining)', () => {
    const chain: Named = { c0: { all: [cmp('x', 'equal', 1)] } };
    // Both references in one priority set would ALL be evaluated (2^40 times, here and in
    // json-rules-engine); the higher-priority one fails first and stops the other.
    for (let i = 1; i <= 40; i++) chain[`c${i}`] = { all: [{ condition: `c${i - 1}`, priority: 2 }, { condition: `c${i - 1}` }] };
    let reads = 0;
    const run = compileCondition({ condition: 'c40' }, { operators: createOperatorRegistry(), conditions: chain });
    expect(run({ get: () => (reads++, 2) })).toBe(false);
    expect(reads).toBe(1);
  });
});

describe('collectFactRefs', () => {
  it('lists each fact + params once, from comparisons, values and named conditions', () => {
    const refs = collectFactRefs(
      {
        any: [
          cmp('balance', 'greaterThan', { fact: 'threshold', params: { b: 2, a: 1 } }),
          cmp('threshold', 'equal', 1, { params: { a: 1, b: 2 } }),
          cmp('balance', 'lessThan', 5, { params: {} }),
          { condition: 'late' },
          { condition: 'late' },
          { condition: 'ghost' },
        ],
      },
      { late: { all: [cmp('daysPastDue', 'greaterThan', 30), { condition: 'late' }] } },
    );
    expect(refs).toEqual([{ fact: 'balance' }, { fact: 'threshold', params: { b: 2, a: 1 } }, { fact: 'daysPastDue' }]);
  });
});

describe('createOperatorRegistry', () => {
  it('knows the default operators, the decorators and custom ones, in both forms', () => {
    const registry = createOperatorRegistry([
      new Operator('startsWith', (a: string, b: string) => a.startsWith(b), (a: unknown) => typeof a === 'string'),
      { name: 'divisibleBy', cb: (a: number, b: number) => a % b === 0, validator: (a: unknown) => typeof a === 'number' },
    ]);
    expect(registry.operatorNames).toEqual([
      'equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain',
      'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'startsWith', 'divisibleBy',
    ]);
    expect(registry.decoratorNames).toEqual(['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not']);
    expect(registry.names()).toContain('not:');
    expect(registry.has('not:startsWith')).toBe(true);
    expect(registry.has('nope:equal')).toBe(false);
    expect(registry.get('not:divisibleBy')?.evaluate(9, 2)).toBe(true);
    expect(registry.get('divisibleBy')?.evaluate('9', 3)).toBe(false); // validator first
    expect(registry.get('startsWith')?.evaluate('abc', 'a')).toBe(true);
    expect(registry.get('lessThen')).toBeUndefined();
    // names() is a snapshot: decorated forms built by get() do not leak into it.
    expect(registry.names()).not.toContain('not:divisibleBy');
  });

  it('keeps registries apart', () => {
    expect(createOperatorRegistry([yes]).has('yes')).toBe(true);
    expect(createOperatorRegistry().has('yes')).toBe(false);
  });
});
