import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, lintPolicy, presets } from '../src/index';
import { regulations, strategies } from '../src/presets';
import { policyWith, warningsOf as warningsOfCode } from './support/lint-warnings';

/*
 * An action with no channel and no `kind` is 'internal'. A credit report or a lawsuit written
 * without `kind` therefore escapes every constraint for the kinds 'credit_report' and 'legal'
 * (Reg F's dispute and no-report-before-contact blocks among them): the policy is legal, so it
 * parses, with an `implicit_internal_kind` warning when the id or label reads like one of those.
 */

const warningsOf = (input: unknown) => warningsOfCode(input, 'implicit_internal_kind');

describe('implicit_internal_kind', () => {
  it('a label that reads like a credit report: the warning names the kind to set', () => {
    expect(warningsOf(policyWith({ report_mislabelled: { label: 'Report to credit bureau' } }))).toEqual([
      {
        code: 'implicit_internal_kind',
        path: ['actions', 'report_mislabelled', 'kind'],
        message:
          "action 'report_mislabelled' has no channel and no `kind`, so it is treated as 'internal' and blocks and caps for the kind 'credit_report' (e.g. Regulation F's dispute and no-report-before-contact blocks) never apply to it, yet its label 'Report to credit bureau' reads like a credit report: set `kind: 'credit_report'` (or `kind: 'internal'` if it is one)",
      },
    ]);
  });

  it('an id that reads like a lawsuit', () => {
    expect(warningsOf(policyWith({ sue: { label: 'file suit' }, fileLawsuit: {} }))).toEqual([
      {
        code: 'implicit_internal_kind',
        path: ['actions', 'sue', 'kind'],
        message:
          "action 'sue' has no channel and no `kind`, so it is treated as 'internal' and blocks and caps for the kind 'legal' (e.g. Regulation F's dispute block) never apply to it, yet its id reads like a legal step: set `kind: 'legal'` (or `kind: 'internal'` if it is one)",
      },
      expect.objectContaining({ path: ['actions', 'fileLawsuit', 'kind'], message: expect.stringContaining("set `kind: 'legal'`") }),
    ]);
  });

  it.each([
    ['furnish_to_bureaus', {}, 'credit_report'],
    ['cr', { label: 'Credit reporting (Metro 2)' }, 'credit_report'],
    ['zx', { label: '上报征信' }, 'credit_report'],
    ['refer_to_legal', {}, 'legal'],
    ['court_filing', {}, 'legal'],
    ['enforce', { label: 'Enforce the judgment' }, 'legal'],
    ['wage_garnishment', {}, 'legal'],
    ['start_litigation', {}, 'legal'],
    ['qs', { label: '提起诉讼' }, 'legal'],
  ])('%s %j: set kind %s', (id, action, kind) => {
    expect(warningsOf(policyWith({ [id]: action })).map((w) => [w.path, w.message.includes(`set \`kind: '${kind}'\``)])).toEqual([[['actions', id, 'kind'], true]]);
  });

  it.each([
    ['an explicit kind', { sue: { kind: 'legal' }, report: { kind: 'credit_report', label: 'Report to the credit bureau' } }],
    ["an explicit kind 'internal' (the author's word)", { legal_review: { kind: 'internal', label: 'Legal reviews the file' } }],
    ['actions with a channel (communications)', { lawyer_letter: { channel: 'letter', label: "Lawyer's letter before suit" } }],
    ['internal steps that only contain such letters, or report to someone else', { pursue: {}, issue_refund: {}, written_report: { label: 'Written report: over 3 months in arrears' }, credit_note: { label: 'Issue a credit note' }, escalate_supervisor: {} }],
  ])('no warning for %s', (_, actions) => {
    expect(warningsOf(policyWith(actions))).toEqual([]);
  });

  it('the warning points at what the engine then does: the Reg F dispute block lets the unlabelled lawsuit through', () => {
    const decide = (actions: Record<string, unknown>) =>
      createEngine(composePolicies(presets.usRegulationF, policyWith(actions)))
        .decide(
          {
            id: 'A',
            currency: 'USD',
            amountDue: 10_000,
            dueDate: '2025-10-01',
            debtor: { timeZone: 'America/New_York', flags: { disputed: { since: '2026-11-10', until: '2026-12-01' } } },
            contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }],
          },
          { now: '2026-11-20T10:00:00-05:00' },
        )
        .proposals.find((p) => p.action === 'sue')?.status;
    expect(decide({ sue: {} })).toBe('allowed');
    expect(decide({ sue: { kind: 'legal' } })).toBe('deferred');
  });
});

describe('no implicit_internal_kind warning (and no warning at all) on what ships', () => {
  it.each(Object.entries({ ...regulations, ...strategies }))('preset %s', (_, preset) => {
    expect(lintPolicy(preset)).toEqual([]);
  });

  it.each(Object.keys(strategies))('regulation presets composed with the seed strategy %s', (name) => {
    const seed = strategies[name as keyof typeof strategies];
    for (const regulation of Object.values(regulations)) {
      const jurisdiction = regulation.jurisdiction;
      const composed = composePolicies(regulation, { ...structuredClone(seed), jurisdiction } as unknown as typeof seed);
      expect(lintPolicy(composed).filter((w) => w.code === 'implicit_internal_kind')).toEqual([]);
    }
  });

  const examples = new URL('../examples/policies/', import.meta.url);
  it.each([
    ...readdirSync(examples)
      .filter((f) => f.endsWith('.json'))
      .map((f) => `examples/policies/${f}`),
    'examples/testing/acme-strategy.json',
    'test/fixtures/cli/policy.json',
  ])('%s', (file) => {
    const json = JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')) as unknown;
    expect(lintPolicy(json)).toEqual([]);
  });
});
