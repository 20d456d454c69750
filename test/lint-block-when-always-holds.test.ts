import { describe, expect, it } from 'vitest';
import { lintPolicy, safeParsePolicy, type Issue } from '../src/index';

/**
 * `always_blocked` for a block with no `appliesTo` and no `except` whose `when` always holds:
 * json-rules-engine passes an empty `all` and an empty `any`, so `{ all: [] }` is no `when` at all.
 */
const base = { id: 'p', version: '1', jurisdiction: 'US', actions: { call_self: { channel: 'phone' }, sms: { channel: 'sms' } } };
const late = { fact: 'daysPastDue', operator: 'greaterThan', value: 30 };

function warningsOf(block: object, conditions: object = {}): readonly Issue[] {
  const result = safeParsePolicy({ ...base, conditions, compliance: [{ id: 'L', constraints: [{ kind: 'block', id: 'b', message: 'no', ...block }] }] });
  if (!result.success) throw new Error(`expected the policy to parse: ${JSON.stringify(result.issues)}`);
  expect(lintPolicy(result.policy)).toEqual(result.warnings);
  return result.warnings;
}

const holds: Issue = {
  code: 'always_blocked',
  path: ['compliance', 0, 'constraints', 0, 'when'],
  message:
    "block 'b' has a `when` that always holds (whatever the facts), no `appliesTo` and no `except`: it blocks every proposal of every account; make the `when` test what it stops (an empty `all` or `any` holds)",
};

describe('a block whose when always holds', () => {
  it('an empty all, and an empty any (json-rules-engine passes both)', () => {
    expect(warningsOf({ when: { all: [] } })).toEqual([holds]);
    expect(warningsOf({ when: { any: [] } })).toEqual([holds]);
  });

  it('all, any and not folded over constant parts', () => {
    expect(warningsOf({ when: { not: { not: { all: [] } } } })).toEqual([holds]);
    expect(warningsOf({ when: { all: [{ any: [] }, { all: [{ all: [] }] }] } })).toEqual([holds]);
    expect(warningsOf({ when: { not: { any: [{ not: { all: [] } }, { not: { any: [] } }] } } })).toEqual([holds]);
  });

  it('an any with one part that always holds holds, whatever its comparisons say', () => {
    expect(warningsOf({ when: { any: [late, { all: [] }] } })).toEqual([holds]);
  });

  it('named conditions that always hold, at the root or inside', () => {
    expect(warningsOf({ when: { condition: 'always' } }, { always: { all: [] } })).toEqual([holds]);
    expect(warningsOf({ when: { all: [{ condition: 'still' }] } }, { always: { any: [] }, still: { not: { not: { condition: 'always' } } } })).toEqual([holds]);
  });

  it('a chain of names each referring ten times to the next is read once per name', () => {
    const conditions: Record<string, object> = { c0: { all: [] } };
    for (let i = 1; i < 9; i++) conditions[`c${i}`] = { all: Array.from({ length: 10 }, () => ({ condition: `c${i - 1}` })) };
    expect(warningsOf({ when: { condition: 'c8' } }, conditions)).toEqual([holds]);
  });

  it('no when keeps its own message', () => {
    expect(warningsOf({})).toEqual([
      {
        code: 'always_blocked',
        path: ['compliance', 0, 'constraints', 0],
        message: "block 'b' has no `when`, no `appliesTo` and no `except`: it blocks every proposal of every account; add a `when` (or an `appliesTo`) saying what it stops",
      },
    ]);
  });
});

describe('not when the when can fail, or the block is narrowed', () => {
  it('a comparison decides it', () => {
    expect(warningsOf({ when: { all: [late] } })).toEqual([]);
    expect(warningsOf({ when: { all: [{ all: [] }, late] } })).toEqual([]);
    expect(warningsOf({ when: { not: { any: [late] } } })).toEqual([]);
    expect(warningsOf({ when: { condition: 'isLate' } }, { isLate: { all: [late] } })).toEqual([]);
  });

  it('a when that never holds is not always blocked (it never applies: see lint-not-over-a-condition-that-always-holds)', () => {
    expect(warningsOf({ when: { not: { all: [] } } }).map((w) => w.code)).toEqual(['constraint_never_applies']);
    expect(warningsOf({ when: { all: [late, { not: { any: [] } }] } }).map((w) => w.code)).toEqual(['constraint_never_applies']);
  });

  it('an appliesTo or an except narrows what it blocks', () => {
    expect(warningsOf({ when: { all: [] }, appliesTo: { channels: ['phone'] } })).toEqual([]);
    expect(warningsOf({ when: { any: [] }, except: { channels: ['sms'] } })).toEqual([]);
  });
});
