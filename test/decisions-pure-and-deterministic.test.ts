import { describe, expect, it } from 'vitest';
import { composePolicies, createEngine, decide, presets } from '../src/index';
import { overdue, readJson } from './support/accounts';

const policy = composePolicies(presets.chinaCba, readJson('examples/policies/bank-card.json'));
const accounts = readJson('examples/accounts/bank-card-accounts.json') as unknown[];
const now = '2026-11-23T10:30:00+08:00';

describe('decisions are pure data', () => {
  it('never mutates its inputs', () => {
    const before = JSON.stringify(accounts);
    const engine = createEngine(policy);
    for (const a of accounts) engine.decide(a, { now });
    expect([...engine.decideMany(accounts, { now })]).toHaveLength(accounts.length);
    expect(JSON.stringify(accounts)).toBe(before);
  });

  it('gives byte-identical JSON for the same input, across engines', () => {
    const a = JSON.stringify(createEngine(policy).decide(accounts[2], { now }));
    const b = JSON.stringify(createEngine(structuredClone(policy)).decide(structuredClone(accounts[2]), { now }));
    expect(b).toBe(a);
  });

  it('is plain JSON (round-trips unchanged)', () => {
    const d = createEngine(policy).decide(accounts[1], { now });
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it('decideMany gives the same answers as decide, lazily and in order', () => {
    const engine = createEngine(policy);
    const many = [...engine.decideMany(accounts, { now })];
    expect(many).toEqual(accounts.map((a) => engine.decide(a, { now })));
    let pulled = 0;
    const source = (function* () {
      for (const a of accounts) {
        pulled++;
        yield a;
      }
    })();
    const lazy = engine.decideMany(source, { now });
    lazy.next();
    expect(pulled).toBe(1);
  });

  it('decideMany returns bad accounts as failures in place and goes on', () => {
    const engine = createEngine(policy);
    const results = [...engine.decideMany([accounts[0], { id: 'BROKEN', currency: 'yen' }, 42, accounts[1]], { now })];
    expect(results.map((r) => r.ok)).toEqual([true, false, false, true]);
    expect(results[1]).toMatchObject({ ok: false, accountId: 'BROKEN', error: { code: 'ACCOUNT_INVALID' } });
    expect(results[2]).toMatchObject({ ok: false, accountId: null });
  });

  it('carries the policy id, version and a content hash', () => {
    const d = decide(policy, accounts[0], { now });
    expect(d.policy).toEqual({ id: policy.id, version: policy.version, hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(createEngine(policy).hash).toBe(d.policy.hash);
  });

  it('requires `now`', () => {
    const engine = createEngine(policy);
    // @ts-expect-error: `now` is required — the library never reads the clock
    expect(() => engine.decide(accounts[0], {})).toThrowError(
      expect.objectContaining({ code: 'OPTIONS_INVALID', issues: [expect.objectContaining({ code: 'missing_now', path: ['now'] })] }),
    );
    expect(() => engine.decide(accounts[0], { now: 'yesterday' })).toThrowError(expect.objectContaining({ code: 'OPTIONS_INVALID' }));
  });

  it('invalid accounts throw ArrearsError with paths, never a TypeError', () => {
    const engine = createEngine(policy);
    for (const junk of [null, 1, 'x', [], {}, { ...overdue(3, '2026-11-23'), contacts: 'me' }]) {
      expect(() => engine.decide(junk, { now })).toThrowError(expect.objectContaining({ name: 'ArrearsError', code: 'ACCOUNT_INVALID' }));
    }
  });

  it('explains in local time with the zone', () => {
    const text = createEngine(policy).explain(createEngine(policy).decide(accounts[1], { now }));
    expect(text).toContain('2026-11-23 10:30 (Asia/Shanghai, UTC+08:00)');
    expect(text).toMatch(/Next: sms_reminder/);
    expect(text).toMatch(/FREQUENCY_CAP \[calls-per-day\]/);
  });
});
