import { describe, expect, it } from 'vitest';
import { createEngine, safeParsePolicy, type Issue } from '../src/index';
import { expectAllowed } from '../src/testing/index';
import { callPolicy, debtor, window } from './support/policies';

/** `unsatisfiable_windows` refuses a policy only when no account could ever be allowed. */

function issuesOf(input: unknown): readonly Issue[] {
  const result = safeParsePolicy(input);
  if (result.success) throw new Error('expected the policy to be refused');
  return result.issues;
}

function parses(input: unknown): boolean {
  const result = safeParsePolicy(input);
  if (!result.success) throw new Error(`expected the policy to parse: ${JSON.stringify(result.issues)}`);
  return true;
}

/** 21:30 in New York in winter (EST): 02:30Z, 10:30 in Shanghai. */
const NY_2130 = '2026-11-23T21:30:00-05:00';
const newYorker = debtor('America/New_York');

describe('policies the check used to refuse, though an account is allowed', () => {
  it('a layer of windows in two fixed zones, one of them meeting the other layer (Shanghai 10–11 is 21–22 New York in winter)', () => {
    const policy = callPolicy(
      [window('ny-morning', '09:00', '10:00', { zone: 'America/New_York' }), window('shanghai-morning', '10:00', '11:00', { zone: 'Asia/Shanghai' })],
      [window('ny-evening', '21:00', '22:00', { zone: 'America/New_York' })],
    );
    expect(parses(policy)).toBe(true);
    expect(expectAllowed(createEngine(policy).decide(newYorker, { now: NY_2130 }), 'call').pass).toBe(true);
  });

  it('a layer whose evening window is for the debtor alone', () => {
    const policy = callPolicy([window('day', '09:00', '10:00'), window('self-evening', '21:00', '22:00', { appliesTo: { relationships: ['self'] } })], [window('evening', '21:00', '22:00')]);
    expect(parses(policy)).toBe(true);
    expect(expectAllowed(createEngine(policy).decide(newYorker, { now: NY_2130 }), 'call').pass).toBe(true);
  });

  it('a layer whose evening window the debtor may override (without stated times, its own hours hold)', () => {
    const policy = callPolicy([window('day', '09:00', '10:00'), window('overridable', '21:00', '22:00', { debtorMayOverride: true })], [window('evening', '21:00', '22:00')]);
    expect(parses(policy)).toBe(true);
    expect(expectAllowed(createEngine(policy).decide(newYorker, { now: NY_2130 }), 'call').pass).toBe(true);
  });

  it('a layer mixing the contact zone and a fixed zone is left out (it depends on where the person is)', () => {
    // 12:30 UTC is 21:30 in Tokyo: the fixed window of the first layer meets the second.
    const policy = callPolicy([window('local-morning', '09:00', '10:00'), window('utc-noon', '12:00', '13:00', { zone: 'UTC' })], [window('local-evening', '21:00', '22:00')]);
    expect(parses(policy)).toBe(true);
    expect(expectAllowed(createEngine(policy).decide(debtor('Asia/Tokyo'), { now: '2026-11-23T12:30:00Z' }), 'call').pass).toBe(true);
  });

  it('a contact-zone layer and a fixed-zone layer are not compared (it depends on the person’s zone)', () => {
    // 21:30 UTC is 09:30 in Auckland in June (NZST, +12).
    const policy = callPolicy([window('local-morning', '09:00', '10:00')], [window('utc-evening', '21:00', '22:00', { zone: 'UTC' })]);
    expect(parses(policy)).toBe(true);
    expect(expectAllowed(createEngine(policy).decide(debtor('Pacific/Auckland'), { now: '2026-06-10T21:30:00Z' }), 'call').pass).toBe(true);
  });
});

describe('windows in fixed zones, compared as instants', () => {
  it('Shanghai 09–10 and New York 09–10 in different layers never overlap: refused, naming the layers and their zones', () => {
    const policy = callPolicy([window('shanghai-office', '09:00', '10:00', { zone: 'Asia/Shanghai' })], [window('ny-office', '09:00', '10:00', { zone: 'America/New_York' })]);
    expect(issuesOf(policy)).toEqual(
      ['call', 'text'].map((action) => ({
        code: 'unsatisfiable_windows',
        path: ['actions', action, 'channel'],
        message: `the contact windows of layers 'layer-1' (Asia/Shanghai), 'layer-2' (America/New_York) that apply to '${action}' on ${action === 'call' ? 'phone' : 'sms'} never overlap: it could never be allowed. Widen or move the windows 'shanghai-office' (layer 'layer-1'), 'ny-office' (layer 'layer-2') until every layer shares some open minute, or take the channel off the action`,
      })),
    );
  });

  it('London 08–09 and New York 04–05 meet only in the weeks their DST changes differ: accepted, and allowed then', () => {
    const policy = callPolicy([window('london', '08:00', '09:00', { zone: 'Europe/London' })], [window('new-york', '04:00', '05:00', { zone: 'America/New_York' })]);
    expect(parses(policy)).toBe(true);
    const engine = createEngine(policy);
    // 2026-03-16: New York on EDT since 03-08, London still on GMT until 03-29: both 08:00–09:00Z.
    expect(expectAllowed(engine.decide(newYorker, { now: '2026-03-16T08:30:00Z' }), 'call').pass).toBe(true);
    // In June both are on summer time: London 07–08Z, New York 08–09Z.
    expect(engine.decide(newYorker, { now: '2026-06-15T08:30:00Z' }).proposals[0]?.status).not.toBe('allowed');
  });

  it('London 08–09 and New York 03–04 meet except when their DST changes differ: accepted', () => {
    expect(parses(callPolicy([window('london', '08:00', '09:00', { zone: 'Europe/London' })], [window('new-york', '03:00', '04:00', { zone: 'America/New_York' })]))).toBe(true);
  });

  it('windows in fixed zones of one layer are a union across zones', () => {
    // Kolkata 06:30–07:30 is 01:00–02:00Z, Shanghai 09–10 is 01:00–02:00Z.
    const policy = callPolicy(
      [window('london', '12:00', '13:00', { zone: 'Europe/London' }), window('kolkata', '06:30', '07:30', { zone: 'Asia/Kolkata' })],
      [window('shanghai', '09:00', '10:00', { zone: 'Asia/Shanghai' })],
    );
    expect(parses(policy)).toBe(true);
  });
});

describe('contradictions in one zone are still refused', () => {
  it('two layers in the contact zone (08–12 and 13–17)', () => {
    expect(issuesOf(callPolicy([window('morning', '08:00', '12:00')], [window('afternoon', '13:00', '17:00')]))[0]).toEqual({
      code: 'unsatisfiable_windows',
      path: ['actions', 'call', 'channel'],
      message: "the contact windows of layers 'layer-1', 'layer-2' that apply to 'call' on phone (zone contact) never overlap: it could never be allowed. Widen or move the windows 'morning' (layer 'layer-1'), 'afternoon' (layer 'layer-2') until every layer shares some open minute, or take the channel off the action",
    });
  });

  it('two layers in one fixed zone (08–12 and 13–17 UTC)', () => {
    expect(issuesOf(callPolicy([window('morning', '08:00', '12:00', { zone: 'UTC' })], [window('afternoon', '13:00', '17:00', { zone: 'UTC' })]))[0]).toEqual({
      code: 'unsatisfiable_windows',
      path: ['actions', 'call', 'channel'],
      message: "the contact windows of layers 'layer-1' (UTC), 'layer-2' (UTC) that apply to 'call' on phone never overlap: it could never be allowed. Widen or move the windows 'morning' (layer 'layer-1'), 'afternoon' (layer 'layer-2') until every layer shares some open minute, or take the channel off the action",
    });
  });

  it('three layers that meet two by two but never all three', () => {
    const policy = callPolicy([window('a', '08:00', '12:00')], [window('b', '11:00', '15:00')], [window('c', '07:00', '09:00'), window('c2', '14:00', '16:00')]);
    expect(issuesOf(policy).map((i) => i.message)).toContain(
      "the contact windows of layers 'layer-1', 'layer-2', 'layer-3' that apply to 'call' on phone (zone contact) never overlap: it could never be allowed. Widen or move the windows 'a' (layer 'layer-1'), 'b' (layer 'layer-2'), 'c', 'c2' (layer 'layer-3') until every layer shares some open minute, or take the channel off the action",
    );
  });

  it('a layer whose only windows are for someone else does not restrict; the others still meet or not', () => {
    const policy = callPolicy([window('morning', '08:00', '12:00')], [window('guarantors', '20:00', '21:00', { appliesTo: { relationships: ['guarantor'] } })], [window('afternoon', '13:00', '17:00')]);
    expect(issuesOf(policy)[0]?.message).toBe(
      "the contact windows of layers 'layer-1', 'layer-3' that apply to 'call' on phone (zone contact) never overlap: it could never be allowed. Widen or move the windows 'morning' (layer 'layer-1'), 'afternoon' (layer 'layer-3') until every layer shares some open minute, or take the channel off the action",
    );
  });
});

describe('an action on several channels, impossible on one', () => {
  it('is refused at that channel, saying the others remain and which windows to change', () => {
    const policy = {
      ...callPolicy([window('morning', '08:00', '12:00', { appliesTo: { channels: ['phone'] } })], [window('afternoon', '13:00', '18:00', { appliesTo: { channels: ['phone'] } })]),
      actions: { call: { channel: ['sms', 'phone'], target: 'self' } },
    };
    expect(issuesOf(policy)).toEqual([
      {
        code: 'unsatisfiable_windows',
        path: ['actions', 'call', 'channel', 1],
        message:
          "the contact windows of layers 'layer-1', 'layer-2' that apply to 'call' on phone (zone contact) never overlap: it could never be allowed on phone (only on sms). Widen or move the windows 'morning' (layer 'layer-1'), 'afternoon' (layer 'layer-2') until every layer shares some open minute, or take the channel off the action",
      },
    ]);
  });
});
