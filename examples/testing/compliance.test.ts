/**
 * A compliance test suite as a user of `arrears` writes it for their own policy: Acme Servicing's
 * strategy (acme-strategy.json) composed with Regulation F. Every piece of `arrears/testing` is
 * used once: builders, matchers, simulate, checkCompliance, fixtures and arbitraries.
 *
 * In your project the imports read:
 *   import { composePolicies, createEngine, parsePolicy, presets } from 'arrears';
 *   import { anAccount, checkCompliance, simulate, type FixtureCase } from 'arrears/testing';
 *   import { describeFixtures } from 'arrears/testing/vitest';   // also registers the matchers
 *   import { arbitraries } from 'arrears/testing/arbitraries';  // needs fast-check
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, parsePolicy, presets } from '../../src/index';
import { arbitraries } from '../../src/testing/arbitraries';
import { anAccount, checkCompliance, simulate, type FixtureCase } from '../../src/testing/index';
import { describeFixtures } from '../../src/testing/vitest';
import { formatLocal } from '../../src/time';

const json = (file: string): unknown => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));

const policy = composePolicies(presets.usRegulationF, parsePolicy(json('./acme-strategy.json')));
const engine = createEngine(policy);

// A debtor in New York, 12 days late on Monday 2026-11-23 (dates are always explicit).
const debtor = anAccount().id('ACME-1').amount(420_00, 'USD').jurisdiction('US-NY').inZone('America/New_York').overdueDays(12, { asOf: '2026-11-23' });

describe('Acme + Regulation F: what may happen when', () => {
  it('texts first and may call at 10:00 on a weekday', () => {
    const d = engine.decide(debtor.build(), { now: '2026-11-23T10:00:00-05:00' });
    expect(d).toChooseNext('text_reminder');
    expect(d).toAllow('call_debtor', { channel: 'phone', contact: 'self' });
  });

  it('at 21:05 local no call is allowed: the next is 09:00 tomorrow (Acme is stricter than the law)', () => {
    const d = engine.decide(debtor.build(), { now: '2026-11-23T21:05:00-05:00' });
    expect(d).not.toAllow('call_debtor');
    expect(d).toDefer('call_debtor', { until: '2026-11-24T09:00:00-05:00', code: 'OUTSIDE_CONTACT_WINDOW' });
  });

  it('the 8th call in 7 days waits until a day leaves the 7-day period', () => {
    const d = engine.decide(debtor.called(7, { within: 'P7D', before: '2026-11-23T10:00:00-05:00' }).build(), { now: '2026-11-23T10:00:00-05:00' });
    expect(d).toDefer('call_debtor', { code: 'FREQUENCY_CAP' });
    expect(d).toAllow('text_reminder');
  });

  it('no call for 7 days after a conversation, day of the conversation included', () => {
    const talked = debtor.called(1, { at: '2026-11-17T11:00:00-05:00', outcome: 'right_party_contact' });
    expect(engine.decide(talked.build(), { now: '2026-11-23T10:00:00-05:00' })).toDefer('call_debtor', { code: 'COOLDOWN', until: '2026-11-24T09:00:00-05:00' });
  });

  it('reads the clock of every zone the debtor may be in', () => {
    // A New York number, a Los Angeles address: 09:00 in New York is 06:00 in Los Angeles.
    const d = engine.decide(debtor.inZone(['America/New_York', 'America/Los_Angeles']).build(), { now: '2026-11-23T09:00:00-05:00' });
    expect(d).toDefer('call_debtor', { until: '2026-11-23T09:00:00-08:00' });
  });

  it('a dispute stops collection; a lawsuit waits for approval', () => {
    const late = debtor.overdueDays(120, { asOf: '2026-11-23' }).called(1, { at: '2026-10-01T12:00:00-04:00', outcome: 'right_party_contact' });
    expect(engine.decide(late.flag('disputed', { since: '2026-11-20' }).build(), { now: '2026-11-23T10:00:00-05:00' })).toBlock('call_debtor', 'DISPUTED');
    const undisputed = engine.decide(late.build(), { now: '2026-11-23T10:00:00-05:00' });
    expect(undisputed).toNeedApproval('lawsuit');
    expect(undisputed).toChooseNext('credit_report');
    expect(engine.decide(late.approved('lawsuit', { at: '2026-11-22T15:00:00Z', by: 'general counsel' }).build(), { now: '2026-11-23T10:00:00-05:00' })).toAllow('lawsuit');
  });
});

describe('Acme + Regulation F over time', () => {
  it('a month of collection never breaks the policy, and calls only in local daytime', () => {
    const timeline = simulate(policy, debtor, { from: '2026-11-23T00:00:00-05:00', to: '2026-12-23T00:00:00-05:00', respond: 'answers-on-3rd', pause: 'PT2H' });
    expect(checkCompliance(timeline, policy)).toEqual([]);
    const calls = timeline.attempts.filter((a) => a.channel === 'phone');
    expect(calls.length).toBeGreaterThan(3);
    for (const call of calls) expect(formatLocal(Date.parse(call.at), 'America/New_York').slice(11, 16) >= '09:00').toBe(true);
  });

  it('finds the violations in last week’s production call log (busy calls do not count; unlabelled calls are judged too)', () => {
    const violations = checkCompliance(json('./call-log.json') as unknown[], policy, { account: debtor });
    expect(violations.map((v) => `${v.attempt.id} ${v.local.slice(0, 16)} ${v.code} [${v.constraint}]`)).toMatchInlineSnapshot(`
      [
        "s-105 2026-11-18 16:00 FREQUENCY_CAP [acme-one-text-a-day]",
        "c-111 2026-11-21 13:30 FREQUENCY_CAP [regf-7-calls-in-7-days]",
        "c-112 2026-11-24 21:30 OUTSIDE_CONTACT_WINDOW [regf-convenient-hours]",
        "c-112 2026-11-24 21:30 OUTSIDE_CONTACT_WINDOW [acme-weekday-hours]",
        "c-114 2026-11-28 12:00 COOLDOWN [regf-7-days-after-conversation]",
      ]
    `);
  });
});

describe('Acme + Regulation F for any account', () => {
  it('never allows a call outside 08:00–21:00 where the debtor may be', () => {
    fc.assert(
      fc.property(arbitraries.account({ zones: ['America/New_York', 'America/Chicago', 'America/Los_Angeles'], maxHistory: 10 }), arbitraries.instant(), (account, now) => {
        for (const p of engine.decide(account, { now }).proposals) {
          if (p.status !== 'allowed' || p.channel !== 'phone') continue;
          for (const zone of p.zones) {
            const hhmm = formatLocal(Date.parse(now), zone).slice(11, 16);
            expect(hhmm >= '08:00' && hhmm < '21:00').toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describeFixtures(json('./cases.json') as FixtureCase[], { name: 'Acme fixtures (cases.json)', policy });
