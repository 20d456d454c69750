import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESPONDERS, type Timeline, type Violation } from '../src/testing';
import { HELP } from '../src/cli/help';
import { FIXTURES, run } from './fixtures/cli/harness';

const FROM = '2026-11-23T09:00:00-06:00'; // Monday 09:00 in Chicago
const REG_F = ['--policy', 'preset:us-regulation-f', '--policy', 'policy.json'];

describe('arrears simulate', () => {
  it('prints a day-by-day timeline: one row per attempt, one per stretch of days without any', async () => {
    const r = await run(['simulate', ...REG_F, '--account', 'account.json', '--from', FROM, '--days', '7']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe("Account ACME-1001 under policy us-regulation-f+acme-consumer v2026.12+1.0.0, the debtor responding 'never'");
    expect(lines[1]).toBe('from 2026-11-23 09:00 to 2026-11-30 09:00 (7 days), local times in America/Chicago:');
    expect(lines[3]).toMatch(/^Date\s+Day\s+Time\s+Action\s+To\s+Outcome$/);
    // Monday: the text goes out; the call waits for Reg F's 7 days after the conversation of the 20th.
    expect(lines[4]).toMatch(/^2026-11-23\s+Mon\s+09:00\s+sms_self\s+sms → sam\s+delivered$/);
    expect(lines[5]).toMatch(/^2026-11-24 … 2026-11-26\s+—\s+nothing done: call_self deferred \(COOLDOWN/);
    expect(lines[6]).toMatch(/^2026-11-27\s+Fri\s+09:00\s+call_self\s+phone → sam\s+no_answer$/);
    expect(r.stdout).toMatch(/\n\d+ attempts: sms 1 \(1 delivered\); phone \d+ \(\d+ no_answer\)\. \d+ decisions\.\n$/);
  });

  it('--pause spaces the attempts of one day', async () => {
    const r = await run(['simulate', '--policy', 'policy.json', '--account', 'account.json', '--from', FROM, '--days', '1', '--pause', 'PT2H']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2026-11-23\s+Mon\s+09:00\s+call_self\s+phone → sam\s+no_answer\n\s+11:00\s+call_self/m);
  });

  it('days spent pausing after an attempt say so, not that no rule proposes anything', async () => {
    const r = await run(['simulate', '--policy', 'policy.json', '--account', 'account.json', '--from', FROM, '--days', '5', '--pause', 'P3D']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2026-11-24 … 2026-11-25\s+—\s+nothing done: no decision, pausing after the last attempt \(--pause\)$/m);
  });

  it('--respond changes the outcomes', async () => {
    const r = await run(['simulate', '--policy', 'policy.json', '--account', 'account.json', '--from', FROM, '--days', '3', '--respond', 'answers']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('right_party_contact');
    expect(r.stdout).not.toContain('no_answer');
  });

  it('--json prints the timeline; its attempts comply with the policy (checked by arrears check)', async () => {
    const r = await run(['simulate', ...REG_F, '--account', 'account.json', '--from', FROM, '--days', '10', '--json']);
    expect(r.code).toBe(0);
    const timeline = JSON.parse(r.stdout) as Timeline;
    expect(timeline.from).toBe('2026-11-23T15:00:00Z');
    expect(timeline.to).toBe('2026-12-03T15:00:00Z');
    expect(timeline.attempts.length).toBeGreaterThan(3);
    const check = await run(['check', ...REG_F, '--log', '-'], { stdin: r.stdout });
    expect(check.stdout).toContain(`No violations: ${timeline.attempts.length} attempts checked`);
    expect(check.code).toBe(0);
  });

  it('without --from reads the clock and says so', async () => {
    const r = await run(['simulate', '--policy', 'policy.json', '--account', 'account.json', '--days', '1']);
    expect(r.stdout.split('\n')[0]).toBe('Using the current time, 2026-11-23T15:00:00Z (pass --from <instant> to choose another).');
  });

  it('an invalid account: exit 1, located', async () => {
    const r = await run(['simulate', '--policy', 'policy.json', '--account', 'account-invalid.json', '--from', FROM]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('account-invalid.json:3:15: error: currency:');
  });

  it('an array of accounts is refused: simulate takes one', async () => {
    const r = await run(['simulate', '--policy', 'policy.json', '--account', 'accounts.json', '--from', FROM]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('accounts.json:1:1: error: simulate takes one account (an object); this file holds an array [not_one_account]');
  });

  it.each([
    [['simulate', '--account', 'account.json'], 'missing --policy <file | preset:id>'],
    [['simulate', '--policy', 'policy.json'], 'missing --account <file>'],
    [['simulate', '--policy', 'policy.json', '--account', 'account.json', '--days', '0'], "--days must be a whole number from 1 to 3660, not '0'"],
    [['simulate', '--policy', 'policy.json', '--account', 'account.json', '--days', '12.5'], "--days must be a whole number from 1 to 3660, not '12.5'"],
    [['simulate', '--policy', 'policy.json', '--account', 'account.json', '--respond', 'sometimes'], "unknown --respond 'sometimes'; use one of never, answers"],
    [['simulate', '--policy', 'policy.json', '--account', 'account.json', '--from', '2026-11-23'], '--from: "2026-11-23" is not a valid instant: a date alone is not an instant'],
    [['simulate', '--policy', 'policy.json', '--account', 'account.json', '--pause', '2h'], `--pause: "2h" is not an ISO 8601 duration`],
  ])('usage error %j → exit 2', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`arrears simulate: error: ${message}`);
  });

  it('its help lists every scripted responder', () => {
    for (const name of RESPONDERS) expect(HELP.simulate).toContain(name);
  });
});

describe('arrears check', () => {
  it('finds the 8th call in 7 days and the call after 21:00, located in the log; exit 1', async () => {
    const r = await run(['check', '--policy', 'preset:us-regulation-f', '--log', 'calls.ndjson', '--account', 'account-log.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchInlineSnapshot(`
      "✗ calls.ndjson:8  2026-11-22 21:30 (America/Chicago, UTC-06:00)  call_self phone → sam
          FREQUENCY_CAP [regf-7-calls-in-7-days, 12 CFR 1006.14(b)(2)(i)(A), (b)(3)]: 7 of at most 7 counted attempts per 7 consecutive calendar days (per contact)
          OUTSIDE_CONTACT_WINDOW [regf-convenient-hours, 12 CFR 1006.6(b)(1)(i)]: outside the contact window 'regf-convenient-hours' 08:00–21:00 (America/Chicago)
      2 violations in 1 of 8 attempts checked against policy us-regulation-f v2026.12.
      "
    `);
  });

  it('--json prints the violations as the library returns them', async () => {
    const r = await run(['check', '--policy', 'preset:us-regulation-f', '--log', 'calls.ndjson', '--account', 'account-log.json', '--json']);
    const violations = JSON.parse(r.stdout) as Violation[];
    expect(violations.map((v) => [v.index, v.code, v.constraint])).toEqual([
      [7, 'FREQUENCY_CAP', 'regf-7-calls-in-7-days'],
      [7, 'OUTSIDE_CONTACT_WINDOW', 'regf-convenient-hours'],
    ]);
  });

  it('a clean log (a JSON array): exit 0', async () => {
    const r = await run(['check', '--policy', 'preset:us-regulation-f', '--log', 'calls-clean.json', '--account', 'account-log.json']);
    expect(r).toEqual({ code: 0, stdout: '✓ No violations: 3 attempts checked against policy us-regulation-f v2026.12.\n', stderr: '' });
  });

  it('an invalid attempt is located at its line in the log: exit 1', async () => {
    const r = await run(['check', '--policy', 'policy.json', '--log', 'calls-invalid.ndjson', '--account', 'account-log.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('calls-invalid.ndjson:2:8: error: at: "2026-11-17T10:00:00" has no UTC offset');
  });

  it('a log that is not a list of attempts: exit 1', async () => {
    const r = await run(['check', '--policy', 'policy.json', '--log', 'account.json', '--account', 'account-log.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('account.json:1:1: error: expected a log of attempts');
  });

  it('bad JSON in an NDJSON log: exit 1 with line:column', async () => {
    const r = await run(['check', '--policy', 'policy.json', '--log', 'accounts.ndjson', '--account', 'account-log.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('accounts.ndjson:3:20: error: expected a property name in double quotes');
  });

  it.each([
    [['check', '--log', 'calls.ndjson', '--account', 'account-log.json'], 'missing --policy <file | preset:id>'],
    [['check', '--policy', 'policy.json', '--account', 'account-log.json'], 'missing --log <attempts.ndjson | ->'],
    [['check', '--policy', 'policy.json', '--log', 'calls.ndjson'], 'missing --account <file>'],
    [['check', '--policy', 'policy.json', '--log', '-', '--account', '-'], 'only one of --log and --account can be read from standard input'],
  ])('usage error %j → exit 2', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`arrears check: error: ${message}`);
  });

  it('a missing log: exit 2', async () => {
    const r = await run(['check', '--policy', 'policy.json', '--log', 'nope.ndjson', '--account', 'account-log.json']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "arrears: error: cannot read 'nope.ndjson': no such file\n" });
  });

  it('fixtures are what the tests say they are', () => {
    const lines = readFileSync(join(FIXTURES, 'calls.ndjson'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    expect(JSON.parse(lines[7] as string)).toMatchObject({ at: '2026-11-22T21:30:00-06:00' });
  });
});
