import { describe, expect, it } from 'vitest';
import { safeParsePolicy, type Issue } from '../src/index';

const base = { id: 'p', version: '1', jurisdiction: 'US', actions: { call_self: { channel: 'phone' }, sms: { channel: 'sms' } } };
const withConstraints = (...constraints: unknown[]): unknown => ({ ...base, compliance: [{ id: 'L', constraints }] });
const withLayers = (...layers: unknown[][]): unknown => ({ ...base, compliance: layers.map((constraints, i) => ({ id: `layer-${i}`, constraints })) });
const C = ['compliance', 0, 'constraints'];

function issuesOf(input: unknown): readonly Issue[] {
  const result = safeParsePolicy(input);
  if (result.success) throw new Error('expected the policy to be refused');
  return result.issues;
}

const ZONE_MESSAGE = "must be an IANA time zone name such as 'America/New_York' or 'Asia/Shanghai'";
const DURATION_MESSAGE = 'is not an ISO 8601 duration like "P7D", "PT30M" or "P1M2DT3H"';

describe('invalid_time_zone', () => {
  it.each(['Mars/Olympus', '+08:00', 'Europe/Atlantis'])('a fixed zone %j on a window or a cap', (zone) => {
    expect(
      issuesOf(withConstraints({ kind: 'window', id: 'w', from: '08:00', to: '21:00', zone }, { kind: 'cap', id: 'c', max: 3, period: { calendar: 'day' }, zone })),
    ).toEqual([
      { code: 'invalid_time_zone', path: [...C, 0, 'zone'], message: ZONE_MESSAGE },
      { code: 'invalid_time_zone', path: [...C, 1, 'zone'], message: ZONE_MESSAGE },
    ]);
  });

  it("accepts 'contact' and IANA zones", () => {
    expect(safeParsePolicy(withConstraints({ kind: 'window', id: 'a', from: '08:00', to: '21:00', zone: 'contact' }, { kind: 'cap', id: 'b', max: 3, period: { calendar: 'day' }, zone: 'Asia/Shanghai' })).success).toBe(true);
  });
});

describe('invalid_duration', () => {
  it.each([
    ['P1X', ''],
    ['7 days', ''],
    ['P', ''],
    ['PT1.5H', ' (fractions are not supported: write PT90M rather than PT1.5H)'],
    ['-P1D', ' (durations are unsigned: the rule says whether it is before or after)'],
    ['p7d', ' (designators are upper case)'],
  ])('%j in a cap period and a cool-down, saying why', (duration, why) => {
    const message = `${JSON.stringify(duration)} ${DURATION_MESSAGE}${why}`;
    expect(
      issuesOf(withConstraints({ kind: 'cap', id: 'c', max: 3, period: { rolling: duration } }, { kind: 'cooldown', id: 'd', wait: { duration } })),
    ).toEqual([
      { code: 'invalid_duration', path: [...C, 0, 'period', 'rolling'], message },
      { code: 'invalid_duration', path: [...C, 1, 'wait', 'duration'], message },
    ]);
  });

  it.each(['P101Y', 'P999999999D'])('%j is longer than 100 years', (duration) => {
    expect(issuesOf(withConstraints({ kind: 'cooldown', id: 'd', wait: { duration } }))).toEqual([
      { code: 'invalid_duration', path: [...C, 0, 'wait', 'duration'], message: `${JSON.stringify(duration)} is longer than 100 years` },
    ]);
  });

  it.each(['P7D', 'PT24H', 'P1M', 'P1W', 'PT30M'])('accepts %s', (duration) => {
    expect(safeParsePolicy(withConstraints({ kind: 'cap', id: 'c', max: 3, period: { rolling: duration } })).success).toBe(true);
  });
});

describe('empty_window', () => {
  it('from equal to to: never open', () => {
    expect(issuesOf(withConstraints({ kind: 'window', id: 'w', from: '08:00', to: '08:00' }))).toEqual([
      { code: 'empty_window', path: [...C, 0, 'to'], message: 'the window opens and closes at 08:00: it is never open' },
    ]);
  });

  it('no days: never open', () => {
    expect(issuesOf(withConstraints({ kind: 'window', id: 'w', from: '08:00', to: '21:00', days: [] }))).toEqual([
      { code: 'empty_window', path: [...C, 0, 'days'], message: 'the window has no days: it is never open' },
    ]);
  });

  it('accepts a window past midnight and one to 24:00', () => {
    expect(safeParsePolicy(withConstraints({ kind: 'window', id: 'a', from: '22:00', to: '02:00' }, { kind: 'window', id: 'b', from: '00:00', to: '24:00' })).success).toBe(true);
  });
});

describe('unsatisfiable_windows', () => {
  it('two layers whose phone windows never overlap (08-12 and 13-17)', () => {
    const policy = withLayers(
      [{ kind: 'window', id: 'morning', from: '08:00', to: '12:00', appliesTo: { channels: ['phone'] } }],
      [{ kind: 'window', id: 'afternoon', from: '13:00', to: '17:00', appliesTo: { channels: ['phone'] } }],
    );
    expect(issuesOf(policy)).toEqual([
      {
        code: 'unsatisfiable_windows',
        path: ['actions', 'call_self', 'channel'],
        message: "the contact windows of layers 'layer-0', 'layer-1' that apply to 'call_self' on phone (zone contact) never overlap: it could never be allowed. Widen or move the windows 'morning' (layer 'layer-0'), 'afternoon' (layer 'layer-1') until every layer shares some open minute, or take the channel off the action",
      },
    ]);
  });

  it('two layers open on different days only', () => {
    const policy = withLayers(
      [{ kind: 'window', id: 'mon', days: ['mon'], from: '08:00', to: '21:00' }],
      [{ kind: 'window', id: 'tue', days: ['tue'], from: '08:00', to: '21:00' }],
    );
    expect(issuesOf(policy).map((i) => [i.code, i.path.join('.')])).toEqual([
      ['unsatisfiable_windows', 'actions.call_self.channel'],
      ['unsatisfiable_windows', 'actions.sms.channel'],
    ]);
  });

  it('accepts layers that overlap, even only past midnight, and windows of one layer (a union)', () => {
    expect(safeParsePolicy(withLayers([{ kind: 'window', id: 'a', from: '22:00', to: '02:00' }], [{ kind: 'window', id: 'b', from: '01:00', to: '03:00' }])).success).toBe(true);
    expect(
      safeParsePolicy(withConstraints({ kind: 'window', id: 'a', from: '08:00', to: '12:00' }, { kind: 'window', id: 'b', from: '13:00', to: '17:00' })).success,
    ).toBe(true);
  });

  it('leaves windows that apply to other channels alone', () => {
    const policy = withLayers(
      [{ kind: 'window', id: 'morning', from: '08:00', to: '12:00', appliesTo: { channels: ['phone'] } }],
      [{ kind: 'window', id: 'afternoon', from: '13:00', to: '17:00', appliesTo: { channels: ['sms'] } }],
    );
    expect(safeParsePolicy(policy).success).toBe(true);
  });
});
