/**
 * `arrears/testing`: what users unit-test their collection policies with — account builders,
 * pure expectation checks and the matchers for a jest-compatible `expect.extend` (vitest gets them
 * by importing `arrears/testing/vitest`), `simulate`,
 * `checkCompliance` and a fixture runner. fast-check arbitraries: `arrears/testing/arbitraries`.
 *
 * @module arrears/testing
 */
export { AccountBuilder, anAccount } from './builder';
export type {
  ApprovalOptions,
  AttemptSpec,
  CalledOptions,
  ContactOptions,
  FlagOptions,
  InstalmentOptions,
  MethodFields,
  MethodSpec,
  OverdueOptions,
  PaymentOptions,
  PreferenceOptions,
  PromiseOptions,
} from './builder-types';
export {
  describeStatus,
  expectAllowed,
  expectBlocked,
  expectDeferred,
  expectNeedsApproval,
  expectNext,
  verdictMessage,
  type BlockOptions,
  type DeferOptions,
  type ProposalFilter,
  type Verdict,
} from './matchers';
export { arrearsMatchers, type MatcherContext } from './expect-extend';
export { simulate, type SimulateOptions, type SimulationStep, type StepSummary, type Timeline } from './simulate';
export { RESPONDERS, type RespondContext, type Responder, type ResponderName, type Response } from './responders';
export { checkCompliance, type CheckComplianceOptions, type Violation } from './compliance';
export { runFixtures, type Expected, type FixtureCase, type FixtureExpectation, type FixtureOptions, type FixtureResult } from './fixtures';
export type { DateLike, InstantLike } from './time';
