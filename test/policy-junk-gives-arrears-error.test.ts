import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArrearsError, composePolicies, parsePolicy, safeParsePolicy, type ErrorCode } from '../src/index';

/** A refusal is always an ArrearsError with the given code and well-formed issues, never a TypeError. */
function expectRefusedWell(run: () => unknown, code: ErrorCode): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  if (caught === undefined) return;
  expect(caught).toBeInstanceOf(ArrearsError);
  const error = caught as ArrearsError;
  expect(error.code).toBe(code);
  expect(error.issues.length).toBeGreaterThan(0);
  for (const issue of error.issues) {
    expect(Object.keys(issue).sort()).toEqual(['code', 'message', 'path']);
    expect(typeof issue.code).toBe('string');
    expect(issue.message).not.toBe('');
    for (const part of issue.path) expect(['string', 'number']).toContain(typeof part);
  }
}

function deep(levels: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = wrap(value);
  return value;
}

const valid = { id: 'p', version: '1', jurisdiction: 'US', actions: { sms: { channel: 'sms' } }, rules: [{ id: 'r', when: { all: [] }, then: ['sms'] }] };

const JUNK: readonly (readonly [string, unknown])[] = [
  ['null', null],
  ['undefined', undefined],
  ['42', 42],
  ["'x'", 'x'],
  ['[]', []],
  ['[policy]', [valid]],
  ['true', true],
  ['a bigint', 10n],
  ['a symbol', Symbol('p')],
  ['a function', () => valid],
  ['a Map', new Map([['id', 'p']])],
  ['a Date', new Date(0)],
  ['a deep object', deep(40, {}, (inner) => ({ a: inner }))],
  ['junk in every field', { id: [], version: 1, jurisdiction: {}, actions: [], rules: {}, compliance: 'none', holidays: [], conditions: 7, buckets: {} }],
  ['junk rules', { ...valid, rules: [null, 1, 'r', [], { id: 'r', when: null, then: null }] }],
  ['junk constraints', { ...valid, compliance: [{ id: 'L', constraints: [null, 1, {}, { kind: 'cap' }, { kind: 'window', from: 8 }] }] }],
  ['junk conditions', { ...valid, rules: [{ id: 'r', when: { all: [null, 1, [], { not: null }, { any: 'x' }, { condition: 1 }, { fact: 1, operator: [], value: undefined }] }, then: ['sms'] }] }],
];

describe('parsePolicy / safeParsePolicy on junk', () => {
  it.each(JUNK)('%s → POLICY_INVALID with issues', (_, input) => {
    expectRefusedWell(() => parsePolicy(input), 'POLICY_INVALID');
    expect(() => safeParsePolicy(input)).not.toThrow();
  });

  it('any value at all (property)', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true }), (input) => {
        expectRefusedWell(() => parsePolicy(input), 'POLICY_INVALID');
      }),
      { numRuns: 300 },
    );
  });

  it('any JSON in any field of a valid policy (property)', () => {
    const keys = ['id', 'version', 'jurisdiction', 'description', 'buckets', 'holidays', 'conditions', 'actions', 'rules', 'compliance'];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
        expectRefusedWell(() => parsePolicy({ ...valid, [key]: value }), 'POLICY_INVALID');
      }),
      { numRuns: 300 },
    );
  });

  it('any JSON as a condition (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (when) => {
        expectRefusedWell(() => parsePolicy({ ...valid, rules: [{ id: 'r', when: { all: [when] }, then: ['sms'] }] }), 'POLICY_INVALID');
      }),
      { numRuns: 300 },
    );
  });

  // The input guard bounds nesting (limits.maxDepth) before zod walks it: no RangeError.
  it('a condition tree 1,000 levels deep → ArrearsError, not RangeError', () => {
    const when = deep(1_000, { fact: 'settled', operator: 'equal', value: false }, (inner) => ({ all: [inner] }));
    expect(() => parsePolicy({ ...valid, rules: [{ id: 'r', when, then: ['sms'] }] })).toThrow(ArrearsError);
  });
});

describe('parsePolicy options', () => {
  it('accepts no options and an empty operator list', () => {
    expect(parsePolicy(valid).id).toBe('p');
    expect(parsePolicy(valid, { operators: [] }).id).toBe('p');
  });

  // Checked before json-rules-engine sees them: it would throw a TypeError ("custom is not
  // iterable") or a plain Error.
  it.each([
    ['not a list', { operators: 5 }],
    ['a list of junk', { operators: [5] }],
    ['an operator without callback', { operators: [{ name: 'x' }] }],
  ])('operators %s → OPTIONS_INVALID', (_, options) => {
    expect(() => parsePolicy(valid, options as never)).toThrow(ArrearsError);
    expectRefusedWell(() => parsePolicy(valid, options as never), 'OPTIONS_INVALID');
  });
});

describe('composePolicies on junk', () => {
  it.each(JUNK)('%s → COMPOSE_INVALID with issues, paths prefixed by the input index', (_, input) => {
    expectRefusedWell(() => composePolicies(valid, input), 'COMPOSE_INVALID');
    try {
      composePolicies(valid, input);
    } catch (error) {
      for (const issue of (error as ArrearsError).issues) expect(issue.path[0]).toBe(1);
    }
  });
});
