import { describe, expect, it } from 'vitest';
import { LEGAL_STAGES, parseAccount, safeParseAccount, type Issue } from '../src/index';

const base = { id: 'A-1', currency: 'USD', amountDue: 100_00, dueDate: '2026-11-01', debtor: { timeZone: 'America/New_York' } };

function issuesOf(input: unknown): readonly Issue[] {
  const result = safeParseAccount(input);
  if (result.success) throw new Error('expected the account to be refused');
  return result.issues;
}

describe('tags', () => {
  it('accepts a list of strings', () => {
    expect(parseAccount({ ...base, tags: ['vip', 'skip-trace'] }).tags).toEqual(['vip', 'skip-trace']);
  });

  it.each([
    ['a string instead of a list', 'vip', 'invalid_type', []],
    ['an empty tag', [''], 'too_small', [0]],
    ['a tag longer than 128', ['t'.repeat(129)], 'too_big', [0]],
    ['a number', [7], 'invalid_type', [0]],
    ['more than 200 tags', Array.from({ length: 201 }, (_, i) => `t${i}`), 'too_big', []],
  ])('refuses %s', (_, tags, code, path) => {
    expect(issuesOf({ ...base, tags })).toEqual([expect.objectContaining({ code, path: ['tags', ...path] })]);
  });
});

describe('legalStage', () => {
  it.each(LEGAL_STAGES)('accepts %s', (legalStage) => {
    expect(parseAccount({ ...base, legalStage }).legalStage).toBe(legalStage);
  });

  it('defaults to none and refuses an unknown stage, listing the stages', () => {
    expect(parseAccount(base).legalStage).toBe('none');
    const [issue] = issuesOf({ ...base, legalStage: 'court' });
    expect(issue).toMatchObject({ code: 'invalid_value', path: ['legalStage'] });
    for (const stage of LEGAL_STAGES) expect(issue?.message).toContain(stage);
  });
});

describe('attributes: free JSON for your own facts', () => {
  it('accepts any JSON value, nested', () => {
    const attributes = { segment: 'retail', score: 612.5, product: { code: 'CARD', limits: [1000, 2000] }, vip: false, note: null };
    expect(parseAccount({ ...base, attributes }).attributes).toEqual(attributes);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])('refuses %s, which JSON cannot hold', (_, value) => {
    expect(issuesOf({ ...base, attributes: { score: value } })).toEqual([expect.objectContaining({ path: ['attributes', 'score'] })]);
    expect(issuesOf({ ...base, attributes: { nested: { list: [1, value] } } })).toEqual([expect.objectContaining({ path: ['attributes', 'nested', 'list', 1] })]);
  });

  it.each([
    ['a Date', new Date(0)],
    ['a function', () => 1],
    ['undefined in a list', [undefined]],
    ['a Map', new Map()],
    ['a bigint', 1n],
  ])('refuses %s, which is not JSON', (_, value) => {
    expect(safeParseAccount({ ...base, attributes: { x: value } }).success).toBe(false);
  });

  it('refuses an attributes list (it is a map of names)', () => {
    expect(issuesOf({ ...base, attributes: [1, 2] })).toEqual([expect.objectContaining({ code: 'invalid_type', path: ['attributes'] })]);
  });

  it('names the value refused', () => {
    expect(issuesOf({ ...base, attributes: { score: Number.NaN } })[0]?.message).toContain('NaN');
  });

  it('says in one sentence that a number must be finite', () => {
    expect(issuesOf({ ...base, attributes: { score: Number.NaN, nested: { list: [1, Number.POSITIVE_INFINITY] } } })).toEqual([
      { code: 'invalid_union', path: ['attributes', 'score'], message: 'must be a finite number (JSON has no NaN)' },
      { code: 'invalid_union', path: ['attributes', 'nested', 'list', 1], message: 'must be a finite number (JSON has no Infinity)' },
    ]);
  });

  it('says in one sentence what a JSON value is when given something else', () => {
    expect(issuesOf({ ...base, attributes: { x: new Map() } })).toEqual([
      {
        code: 'invalid_union',
        path: ['attributes', 'x'],
        message: 'must be a JSON value (string, finite number, boolean, null, array or object); received Map',
      },
    ]);
  });
});
