import { describe, expect, it } from 'vitest';
import { policyHash } from '../src/index';
import { arrearsErrorOf } from './support/errors';

describe('policyHash of input it cannot read', () => {
  it('a getter that throws is POLICY_INVALID (unreadable) at its path, not the raw error', () => {
    const policy: Record<string, unknown> = { id: 'p', version: '1', jurisdiction: 'US' };
    Object.defineProperty(policy, 'rules', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(arrearsErrorOf(() => policyHash(policy))).toMatchObject({ code: 'POLICY_INVALID', issues: [{ code: 'unreadable', path: ['rules'] }] });
  });
});
