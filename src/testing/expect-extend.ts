/**
 * The decision matchers as plain `expect.extend` matchers, free of any test runner: what
 * `arrears/testing/vitest` registers with vitest, and what a jest (or other jest-compatible)
 * setup file gives its own `expect.extend`.
 */
import { explain } from '../engine/explain';
import type { ReasonCode } from '../vocabulary';
import {
  type BlockOptions,
  type DeferOptions,
  type ProposalFilter,
  type Verdict,
  expectAllowed,
  expectBlocked,
  expectDeferred,
  expectNeedsApproval,
  expectNext,
  verdictMessage,
} from './matchers';

/** What a jest-compatible runner passes a matcher as `this` (all a matcher here reads). */
export interface MatcherContext {
  readonly isNot: boolean;
}

/**
 * The matcher's answer to vitest. An expectation that cannot be checked throws its `ArrearsError`
 * instead of failing, since `.not` would flip a failure into a pass: a wrong argument (a reason code
 * or channel that does not exist, an `until` that is not an instant) always, and a value that is not
 * a Decision under `.not` (the positive form fails, saying what the value is).
 */
function result(this: MatcherContext, verdict: Verdict): { pass: boolean; message: () => string } {
  if (verdict.error !== undefined && (this.isNot || verdict.decision !== null)) throw verdict.error;
  return {
    pass: verdict.pass,
    message: () => {
      // verdictMessage refuses a negation that is not a boolean; a runner may leave isNot unset.
      const line = verdictMessage(verdict, this.isNot === true);
      return verdict.decision === null ? line : `${line}\n\n${explain(verdict.decision)}`;
    },
  };
}

/**
 * The matchers as an object, for a jest-compatible `expect.extend` (importing
 * `arrears/testing/vitest` already gives them to vitest's). Free of any runner: importable from
 * `arrears/testing` with no vitest installed.
 *
 * @example
 * // a jest setup file (setupFilesAfterEnv)
 * import { arrearsMatchers } from 'arrears/testing';
 * expect.extend(arrearsMatchers);
 */
export const arrearsMatchers = {
  toAllow(this: MatcherContext, received: unknown, action: string, filter?: ProposalFilter) {
    return result.call(this, expectAllowed(received, action, filter));
  },
  toDefer(this: MatcherContext, received: unknown, action: string, options?: DeferOptions) {
    return result.call(this, expectDeferred(received, action, options));
  },
  toBlock(this: MatcherContext, received: unknown, action: string, codeOrOptions?: ReasonCode | BlockOptions) {
    return result.call(this, expectBlocked(received, action, codeOrOptions));
  },
  toNeedApproval(this: MatcherContext, received: unknown, action: string, filter?: ProposalFilter) {
    return result.call(this, expectNeedsApproval(received, action, filter));
  },
  toChooseNext(this: MatcherContext, received: unknown, action: string | null, filter?: ProposalFilter) {
    return result.call(this, expectNext(received, action, filter));
  },
};

