import { describe, expect, it } from 'vitest';
import { createEngine, presets } from '../src/index';
import { arrearsErrorOf } from './support/errors';

// Options are told what is wrong in the same words as policies and accounts, not zod's defaults.
describe('option messages', () => {
  it('a bound missed says the bound and what was given', () => {
    expect(arrearsErrorOf(() => createEngine(presets.usRegulationF, { horizonDays: 3661 })).issues).toEqual([
      { code: 'too_big', path: ['horizonDays'], message: 'must be at most 3660, not 3661' },
    ]);
  });

  it('a wrong type says what was given', () => {
    expect(arrearsErrorOf(() => createEngine(presets.usRegulationF, { horizonDays: '30' as never })).issues).toEqual([
      { code: 'invalid_type', path: ['horizonDays'], message: "must be a number, not '30'" },
    ]);
  });
});
