import { describe, expect, it } from 'vitest';
import { parsePolicy, safeParsePolicy, type Issue } from '../src/index';

const base = { id: 'p', version: '1', jurisdiction: 'CN' };

function issuesOf(input: unknown): readonly Issue[] {
  const result = safeParsePolicy(input);
  if (result.success) throw new Error('expected the policy to be refused');
  return result.issues;
}

describe('buckets', () => {
  it('accepts ascending edges with an open last bucket', () => {
    const buckets = [{ id: 'current', upTo: 0 }, { id: 'early', upTo: 30 }, { id: 'middle', upTo: 90 }, { id: 'late' }];
    expect(parsePolicy({ ...base, buckets }).buckets).toEqual(buckets);
  });

  it('accepts one bucket for everything, and negative edges (before the due date)', () => {
    expect(safeParsePolicy({ ...base, buckets: [{ id: 'all' }] }).success).toBe(true);
    expect(safeParsePolicy({ ...base, buckets: [{ id: 'pre', upTo: -1 }, { id: 'post' }] }).success).toBe(true);
  });

  it('invalid_buckets: the last bucket has an upper edge', () => {
    expect(issuesOf({ ...base, buckets: [{ id: 'a', upTo: 30 }, { id: 'b', upTo: 60 }] })).toEqual([
      { code: 'invalid_buckets', path: ['buckets', 1, 'upTo'], message: 'the last bucket must have no `upTo` so that every day past due falls in a bucket' },
    ]);
  });

  it('invalid_buckets: a bucket before the last has none', () => {
    expect(issuesOf({ ...base, buckets: [{ id: 'a' }, { id: 'b' }] })).toEqual([
      { code: 'invalid_buckets', path: ['buckets', 0], message: 'every bucket but the last needs `upTo`' },
    ]);
  });

  it('invalid_buckets: edges that do not ascend', () => {
    expect(issuesOf({ ...base, buckets: [{ id: 'a', upTo: 30 }, { id: 'b', upTo: 30 }, { id: 'c' }] })).toEqual([
      { code: 'invalid_buckets', path: ['buckets', 1, 'upTo'], message: 'buckets must ascend: 30 is not above 30' },
    ]);
  });
});
