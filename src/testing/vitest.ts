/**
 * `arrears/testing/vitest`: registers the decision matchers with vitest's `expect` when imported,
 * types them on vitest's `Assertion`, and offers `describeFixtures`.
 *
 *   import 'arrears/testing/vitest';
 *   expect(engine.decide(account, { now })).toDefer('call_self', { code: 'OUTSIDE_CONTACT_WINDOW' });
 *
 * @module arrears/testing/vitest
 */
import { type Assertion, describe, expect, it } from 'vitest';
import type { Decision } from '../engine/types';
import type { ReasonCode } from '../vocabulary';
import { type FixtureCase, type FixtureOptions, checkCases, runFixtures } from './fixtures';
import { arrearsMatchers } from './expect-extend';
import type { BlockOptions, DeferOptions, ProposalFilter } from './matchers';
import { checkOptions, optionKeys } from './options';

const DESCRIBE_USAGE = 'describeFixtures(cases, { name?, policy?, operators?, horizonDays?, limits? })';
const describeOptions = optionKeys(['name', 'policy', 'operators', 'horizonDays', 'limits']);

/** The matchers `arrears/testing/vitest` adds to `expect(decision)`. */
export interface ArrearsMatchers<R = void> {
  /**
   * Some proposal of `action` (to that contact — id or relationship — on that channel) is allowed now.
   *
   * @example
   * expect(decision).toAllow('sms_self', { contact: 'self', channel: 'sms' });
   */
  toAllow(action: string, filter?: ProposalFilter): R;
  /**
   * No proposal of `action` is allowed now and one is deferred (until `until`, by a reason `code`, when given).
   *
   * @example
   * expect(decision).toDefer('call_self', { until: '2026-11-24T08:00:00+08:00', code: 'OUTSIDE_CONTACT_WINDOW' });
   */
  toDefer(action: string, options?: DeferOptions): R;
  /**
   * `action` is proposed and every matching proposal is blocked (by `code`, when given).
   *
   * @example
   * expect(decision).toBlock('call_employer', 'CEASE_COMMUNICATION');
   */
  toBlock(action: string, codeOrOptions?: ReasonCode | BlockOptions): R;
  /**
   * Some proposal of `action` waits for an approval recorded on the account.
   *
   * @example
   * expect(decision).toNeedApproval('field_visit');
   */
  toNeedApproval(action: string, filter?: ProposalFilter): R;
  /**
   * The decision's `next` is `action` (to that contact, on that channel), or nothing when `null`.
   *
   * @example
   * expect(decision).toChooseNext('call_self', { channel: 'phone' });
   * expect(decision).toChooseNext(null); // nothing to do now or later
   */
  toChooseNext(action: string | null, filter?: ProposalFilter): R;
}

/**
 * `expect(decision)` with the arrears matchers, for helpers that take or return an assertion.
 *
 * @example
 * const expectDecision = (d: Decision): DecisionAssertion => expect(d);
 */
// It also makes the emitted .d.ts import vitest, without which the augmentation below is lost
// whenever a user's file imports this module before vitest itself.
export type DecisionAssertion = Assertion<Decision>;

declare module 'vitest' {
  // The type parameter must repeat vitest's own declaration for the interfaces to merge.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends ArrearsMatchers {}
}

export { arrearsMatchers };

expect.extend(arrearsMatchers);
expect.extend(arrearsMatchers);

/**
 * Registers fixture cases as vitest tests: one `describe` block, one test per case, failing with
 * the unmet expectations and `explain(decision)`.
 *
 * @example
 * import cases from './bank-card.cases.json' with { type: 'json' };
 * describeFixtures(cases, { name: 'bank-card policy', policy });
 */
export function describeFixtures(cases: readonly FixtureCase[], options: FixtureOptions & { readonly name?: string } = {}): void {
  options = checkOptions(describeOptions, options, DESCRIBE_USAGE) as FixtureOptions & { readonly name?: string };
  checkCases(cases, DESCRIBE_USAGE);
  const { name = 'arrears fixtures', ...engineOptions } = options;
  describe(name, () => {
    cases.forEach((c, i) => {
      it(typeof c.description === 'string' && c.description !== '' ? c.description : `case ${i + 1}`, () => {
        const [r] = runFixtures([c], engineOptions);
        if (r !== undefined && !r.pass) throw new Error([...r.failures, ...(r.explanation === null ? [] : ['', r.explanation])].join('\n'));
      });
    });
  });
}
