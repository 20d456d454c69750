import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArrearsError, createEngine, decide, parseAccount, parsePolicy, presets, safeParseAccount, safeParsePolicy } from '../src/index';
import { ACCOUNT_CORPUS, copyTree, fuzzParams, getAt, pathsOf, POLICY_CORPUS, type Path } from './support/fuzz';

/*
 * Objects built by code can compute their values: a getter, or a Proxy's traps, may throw when
 * read. JSON never does. `safeParse*` never throws: such a value is refused as `unreadable`, at its
 * path, with what it threw; `parse*` and `decide` throw it as an ArrearsError.
 */

const ACC = () => ({
  id: 'A1',
  currency: 'USD',
  amountDue: 52000,
  dueDate: '2026-10-01',
  debtor: { timeZone: 'America/Chicago' },
  contacts: [{ id: 'sam', relationship: 'self', channels: [{ channel: 'phone' }] }],
  history: [] as unknown[],
});
const POLICY = { id: 'p', version: '1', jurisdiction: 'US', actions: { sms: { channel: 'sms' } }, rules: [] as unknown[] };
const throwing = (target: object, key: string | number, thrown: unknown = new Error('boom')): void => {
  Object.defineProperty(target, key, {
    get() {
      throw thrown;
    },
    enumerable: true,
    configurable: true,
  });
};
const MESSAGE = 'reading this value threw: boom — pass plain JSON data (values, not getters or Proxies that compute them)';

describe('a getter that throws', () => {
  it('on an account: ACCOUNT_INVALID, unreadable, at the key', () => {
    const a = ACC();
    throwing(a, 'currency');
    expect(safeParseAccount(a)).toEqual({ success: false, code: 'ACCOUNT_INVALID', issues: [{ code: 'unreadable', path: ['currency'], message: MESSAGE }] });
    expect(() => parseAccount(a)).toThrow(ArrearsError);
  });

  it('deep inside, in a list, and on keys the account counts (history, contacts): each at its path', () => {
    const a = ACC();
    throwing(a.contacts[0] as object, 'relationship');
    throwing(a, 'history');
    const channels = (a.contacts[0] as { channels: unknown[] }).channels;
    throwing(channels, 0);
    const r = safeParseAccount(a);
    expect(r.success ? [] : r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['unreadable', 'contacts.0.relationship'],
      ['unreadable', 'contacts.0.channels.0'],
      ['unreadable', 'history'],
    ]);
  });

  it('on a policy: POLICY_INVALID; createEngine and decide throw ArrearsError', () => {
    const p: Record<string, unknown> = { ...POLICY };
    throwing(p, 'rules');
    expect(safeParsePolicy(p)).toEqual({ success: false, code: 'POLICY_INVALID', issues: [{ code: 'unreadable', path: ['rules'], message: MESSAGE }] });
    expect(() => parsePolicy(p)).toThrow(ArrearsError);
    expect(() => createEngine(p)).toThrow(ArrearsError);
    expect(() => decide(p, ACC(), { now: '2026-11-23T10:00:00-06:00' })).toThrow(expect.objectContaining({ code: 'POLICY_INVALID' }));
  });

  it('decide and decideMany with such an account', () => {
    const a = ACC();
    throwing(a, 'amountDue');
    const engine = createEngine(presets.usRegulationF);
    const now = '2026-11-23T10:00:00-06:00';
    expect(() => engine.decide(a, { now })).toThrow(expect.objectContaining({ code: 'ACCOUNT_INVALID', issues: [expect.objectContaining({ code: 'unreadable', path: ['amountDue'] })] }));
    const results = [...engine.decideMany([a, ACC()], { now })];
    expect(results.map((r) => r.ok)).toEqual([false, true]);
  });

  it('whatever it throws, even a value that cannot be shown', () => {
    for (const thrown of ['a string', 42, null, Object.create(null) as object, Symbol('s')]) {
      const a = ACC();
      throwing(a, 'id', thrown);
      const r = safeParseAccount(a);
      expect(r).toMatchObject({ success: false, code: 'ACCOUNT_INVALID', issues: [{ code: 'unreadable', path: ['id'] }] });
    }
  });

  it('a getter that does not throw is read like a value (objects built by code are accepted)', () => {
    const a = ACC();
    Object.defineProperty(a, 'currency', { get: () => 'USD', enumerable: true });
    expect(parseAccount(a).currency).toBe('USD');
  });
});

describe('a Proxy whose traps throw', () => {
  it('ownKeys: refused at the object', () => {
    const p = new Proxy(ACC(), {
      ownKeys() {
        throw new Error('keys');
      },
    });
    expect(safeParseAccount(p)).toMatchObject({ success: false, code: 'ACCOUNT_INVALID', issues: [{ code: 'unreadable', path: [], message: expect.stringMatching(/^listing the keys of this object threw: keys — /) }] });
  });

  it('get, on a key the object does not list: refused as a whole, never thrown', () => {
    const sneaky = new Proxy(ACC(), {
      get(target, key) {
        if (key === 'legalStage') throw new Error('late');
        return Reflect.get(target, key) as unknown;
      },
    });
    expect(safeParseAccount(sneaky)).toMatchObject({ success: false, code: 'ACCOUNT_INVALID', issues: [{ code: 'unreadable', path: [], message: expect.stringContaining('late') }] });
    const policy = new Proxy({ ...POLICY }, {
      get(target, key) {
        if (key === '$schema') throw new Error('late');
        return Reflect.get(target, key) as unknown;
      },
    });
    expect(safeParsePolicy(policy)).toMatchObject({ success: false, code: 'POLICY_INVALID', issues: [{ code: 'unreadable' }] });
    expect(() => parsePolicy(policy)).toThrow(ArrearsError);
  });

  it('a revoked Proxy deep inside', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(safeParseAccount({ ...ACC(), attributes: { x: [proxy] } })).toMatchObject({ success: false, issues: [{ code: 'unreadable', path: ['attributes', 'x', 0] }] });
  });
});

describe('property: a value that throws anywhere never escapes safeParse*', () => {
  /** A copy of `value` where the property at `path` throws when read. */
  const withThrowingAt = (value: unknown, path: Path): unknown => {
    const copy = copyTree(value);
    const parent = getAt(copy, path.slice(0, -1));
    if (parent !== null && typeof parent === 'object') throwing(parent, path[path.length - 1] as string | number);
    return copy;
  };
  const case_ = (corpus: readonly { value: unknown }[]) =>
    fc.constantFrom(...corpus).chain(({ value }) => fc.constantFrom(...pathsOf(value).filter((p) => p.length > 0)).map((path) => ({ value, path })));

  it('accounts', () => {
    fc.assert(
      fc.property(case_(ACCOUNT_CORPUS), ({ value, path }) => {
        const r = safeParseAccount(withThrowingAt(value, path));
        expect(r).toMatchObject({ success: false, issues: [{ code: 'unreadable', path }] });
      }),
      fuzzParams(5),
    );
  });

  it('policies', () => {
    fc.assert(
      fc.property(case_(POLICY_CORPUS), ({ value, path }) => {
        const r = safeParsePolicy(withThrowingAt(value, path));
        expect(r.success).toBe(false);
        if (!r.success) expect(r.issues).toContainEqual({ code: 'unreadable', path, message: MESSAGE });
      }),
      fuzzParams(5),
    );
  });
});
