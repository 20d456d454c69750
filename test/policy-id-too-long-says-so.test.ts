import { describe, expect, it } from 'vitest';
import { safeParsePolicy } from '../src/index';

// A policy id is up to 512 characters (composed ids join theirs with '+'): one too long is told
// its length, not that its characters are wrong.
const issuesOf = (id: string) => {
  const r = safeParsePolicy({ id, version: '1', jurisdiction: 'US' });
  return r.success ? [] : r.issues.map((i) => ({ code: i.code, path: i.path, message: i.message }));
};

describe('a policy id', () => {
  it('of 512 characters is accepted', () => {
    expect(issuesOf('a'.repeat(512))).toEqual([]);
  });
  it('of 513 characters is refused for its length alone', () => {
    expect(issuesOf('a'.repeat(513))).toEqual([{ code: 'too_big', path: ['id'], message: expect.stringContaining('512') }]);
  });
  it('with a character not allowed, or a first character not allowed, says which characters are', () => {
    for (const id of ['b c', '-x', '']) {
      expect(issuesOf(id)).toEqual([{ code: 'invalid_format', path: ['id'], message: expect.stringContaining("starting with a letter, a digit or '_'") }]);
    }
  });
});
