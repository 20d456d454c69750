import { describe, expect, it } from 'vitest';
import { createEngine, decide, safeParseAccount } from '../src/index';
import { fixedOffsetProblem, isValidTimeZone } from '../src/time';

/*
 * A person's zone must be a place, so that offsets follow that place's DST rules. The test is
 * general — what Intl resolves the name to must be a tzdb Area/Location (or UTC) — not a list of
 * bad names: `SystemV/EST5` is as fixed as `EST`, and a New York debtor entered as either would be
 * called at 21:30 EDT all summer.
 */

const account = (timeZone: unknown, contactZone?: string) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 100,
  dueDate: '2026-05-01',
  debtor: { timeZone },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone', ...(contactZone ? { timeZone: contactZone } : {}) }] }],
});
const issues = (input: unknown) => {
  const r = safeParseAccount(input);
  return r.success ? [] : r.issues.map((i) => ({ code: i.code, path: i.path.join('.'), message: i.message }));
};

describe('System V zones are refused for a person, with the place to write instead', () => {
  it.each([
    ['SystemV/EST5', 'America/New_York', 'America/Panama', 'UTC−05:00'],
    ['SystemV/MST7', 'America/Denver', 'America/Phoenix', 'UTC−07:00'],
    ['SystemV/CST6', 'America/Chicago', 'America/Regina', 'UTC−06:00'],
    ['SystemV/PST8', 'America/Los_Angeles', 'Pacific/Pitcairn', 'UTC−08:00'],
    ['SystemV/AST4', 'America/Halifax', 'America/Puerto_Rico', 'UTC−04:00'],
    ['SystemV/YST9', 'America/Anchorage', 'Pacific/Gambier', 'UTC−09:00'],
  ])('%s (a fixed offset)', (zone, usual, allYear, offset) => {
    expect(issues(account(zone))).toEqual([
      {
        code: 'invalid_time_zone',
        path: 'debtor.timeZone',
        message: `'${zone}' is a fixed UTC offset with no daylight-saving rules, not a location: use the IANA name of where the person is, e.g. '${usual}' (or '${allYear}' for ${offset} all year)`,
      },
    ]);
  });

  it('SystemV/HST10 names Honolulu, which keeps its offset all year anyway', () => {
    expect(issues(account('SystemV/HST10'))[0]?.message).toBe(
      "'SystemV/HST10' is a fixed UTC offset with no daylight-saving rules, not a location: use the IANA name of where the person is, 'Pacific/Honolulu'",
    );
  });

  it('the System V names with DST rules are no place either', () => {
    expect(issues(account('SystemV/EST5EDT'))).toEqual([
      { code: 'invalid_time_zone', path: 'debtor.timeZone', message: expect.stringMatching(/^'SystemV\/EST5EDT' is an obsolete System V name, not a location: .*'America\/New_York'/) },
    ]);
  });

  it('in any case, in a list of zones, and on a contact or one of its methods', () => {
    expect(issues(account('systemv/est5')).map((i) => i.code)).toEqual(['invalid_time_zone']);
    expect(issues(account(['America/New_York', 'SystemV/PST8'])).map((i) => i.path)).toEqual(['debtor.timeZone.1']);
    expect(issues(account('America/New_York', 'SystemV/CST6')).map((i) => i.path)).toEqual(['contacts.0.channels.0.timeZone']);
  });

  it('decide refuses the account instead of calling a New York debtor at 21:30 EDT', () => {
    const policy = {
      id: 'p',
      version: '1',
      jurisdiction: 'US',
      actions: { call: { channel: 'phone' } },
      rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call'] }],
      compliance: [{ id: 'l', constraints: [{ kind: 'window', id: 'w', from: '08:00', to: '21:00' }] }],
    };
    const now = '2026-07-15T21:30:00-04:00';
    expect(decide(policy, account('America/New_York'), { now }).next?.status).toBe('deferred');
    expect(() => decide(policy, account('SystemV/EST5'), { now })).toThrow(expect.objectContaining({ code: 'ACCOUNT_INVALID' }));
    const [failed] = [...createEngine(policy).decideMany([account('SystemV/EST5')], { now })];
    expect(failed).toMatchObject({ ok: false, error: { code: 'ACCOUNT_INVALID', issues: [{ code: 'invalid_time_zone', path: ['debtor', 'timeZone'] }] } });
  });
});

describe('places stay accepted, with or without DST', () => {
  it.each([
    'Asia/Shanghai', 'Asia/Kolkata', 'Asia/Calcutta', 'America/Phoenix', 'Pacific/Honolulu', 'Asia/Kathmandu',
    'America/Argentina/Buenos_Aires', 'Antarctica/Troll', 'US/Eastern', 'US/Arizona', 'Canada/Saskatchewan', 'PRC', 'Japan', 'GB', 'NZ', 'Singapore',
    'EST5EDT', 'PST8PDT', 'CET', 'UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Etc/GMT+0', 'Zulu', 'UCT',
  ])('%s', (zone) => {
    expect(issues(account(zone))).toEqual([]);
  });
});

describe('the rule is general: a name is refused exactly when Intl resolves it to no place', () => {
  const PLACE = /^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)\//;
  const resolved = (zone: string) => new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  // Names that resolve to a place but are refused by their spelling: a fixed offset typed for a
  // place that has DST (this ICU makes 'EST' a link to America/Panama).
  const FIXED_BY_NAME = new Set(['EST', 'MST', 'HST']);
  const CANDIDATES = [
    ...Intl.supportedValuesOf('timeZone'),
    ...['US/Eastern', 'US/Samoa', 'Canada/Yukon', 'Mexico/BajaSur', 'Brazil/Acre', 'Chile/EasterIsland'],
    ...['Cuba', 'Egypt', 'Eire', 'GB-Eire', 'Hongkong', 'Iceland', 'Iran', 'Israel', 'Jamaica', 'Kwajalein', 'Libya', 'Navajo', 'NZ-CHAT', 'Poland', 'Portugal', 'ROC', 'ROK', 'Turkey', 'W-SU'],
    ...['UTC', 'Universal', 'Greenwich', 'GMT0', 'GMT-0', 'Etc/GMT0', 'Etc/Zulu', 'EST5EDT', 'CST6CDT', 'MST7MDT', 'PST8PDT', 'CET', 'EET', 'MET', 'WET'],
    ...['EST', 'MST', 'HST', 'Etc/GMT+5', 'Etc/GMT-14', 'Etc/GMT+12'],
    ...['AST4', 'AST4ADT', 'EST5', 'EST5EDT', 'CST6', 'CST6CDT', 'MST7', 'MST7MDT', 'PST8', 'PST8PDT', 'YST9', 'YST9YDT', 'HST10'].map((n) => `SystemV/${n}`),
  ].filter((zone) => isValidTimeZone(zone));

  it(`agrees with Intl on ${CANDIDATES.length} names (the spelling shortcuts never decide otherwise)`, () => {
    const disagreements = CANDIDATES.filter((zone) => {
      const target = resolved(zone);
      // ICU still keeps some old rule zones ('EST5EDT' before tzdb 2024b) as zones of their own.
      const place = PLACE.test(target) || target === 'UTC' || /^(EST5EDT|CST6CDT|MST7MDT|PST8PDT|CET|EET|MET|WET)$/.test(target);
      return (fixedOffsetProblem(zone) === null) !== (place && !FIXED_BY_NAME.has(zone));
    });
    expect(disagreements).toEqual([]);
  });
});
