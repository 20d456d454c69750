import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine } from '../src/index';

/*
 * compliance.md (Approvals): a proposal waiting for an approval names every requirement that
 * covers it — the action's own `requiresApproval` and each layer's `approval` constraint — so the
 * decision record does not depend on which layer was composed first. One approval answers all.
 */

const strategy = (requiresApproval: boolean) => ({
  id: 's',
  version: '1',
  jurisdiction: 'US',
  actions: { letter_self: { channel: 'letter', requiresApproval } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['letter_self'] }],
});
const layer = (id: string, constraint: string) => ({ id, version: '1', jurisdiction: 'US', compliance: [{ id: `${id}-layer`, constraints: [{ kind: 'approval', id: constraint }] }] });
const regulator = layer('reg', 'reg-approval');
const company = layer('co', 'company-approval');
const account = (approvals: readonly unknown[] = []) => ({
  id: 'X',
  currency: 'USD',
  amountDue: 100,
  dueDate: '2026-09-01',
  debtor: { timeZone: 'UTC' },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'letter' }] }],
  approvals,
});
const now = '2026-11-02T12:00:00Z';

const proposalOf = (policy: unknown, approvals?: readonly unknown[]) => {
  const d = createEngine(policy).decide(account(approvals), { now });
  if (!d.ok) throw new Error('expected a decision');
  const p = d.proposals[0];
  if (p === undefined) throw new Error('expected a proposal');
  return { status: p.status, approvals: p.reasons.filter((r) => r.code === 'APPROVAL_REQUIRED').map((r) => `${r.layer}/${r.constraint}`) };
};

describe('a proposal waiting for approval names every requirement', () => {
  it('two layers each requiring approval: both named, in either order of composition', () => {
    for (const layers of [
      [regulator, company],
      [company, regulator],
    ]) {
      const p = proposalOf(composePolicies(...layers, strategy(false)));
      expect(p.status).toBe('needs_approval');
      expect([...p.approvals].sort()).toEqual(['co-layer/company-approval', 'reg-layer/reg-approval']);
    }
  });

  it("the action's own requiresApproval and a layer's approval: both named", () => {
    const p = proposalOf(composePolicies(regulator, strategy(true)));
    expect(p).toEqual({ status: 'needs_approval', approvals: ['null/null', 'reg-layer/reg-approval'] });
  });

  it('one approval on the account answers every requirement', () => {
    const p = proposalOf(composePolicies(regulator, company, strategy(true)), [{ action: 'letter_self', at: '2026-11-01T00:00:00Z' }]);
    expect(p).toEqual({ status: 'allowed', approvals: [] });
  });
});
