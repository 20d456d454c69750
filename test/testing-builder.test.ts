import { describe, expect, expectTypeOf, it } from 'vitest';
import { ArrearsError, createEngine, parseAccount, type Account, type AccountInput } from '../src/index';
import { anAccount, type AccountBuilder } from '../src/testing/index';
import { callPolicy } from './support/policies';

const asOf = '2026-11-23';

describe('anAccount()', () => {
  it('builds the documented defaults: A-1, 1,000.00 CNY, Asia/Shanghai, a self contact with phone and SMS', () => {
    expect(anAccount().overdueDays(10, { asOf }).build()).toEqual({
      id: 'A-1',
      currency: 'CNY',
      amountDue: 100_000,
      dueDate: '2026-11-13',
      debtor: { timeZone: 'Asia/Shanghai' },
      contacts: [{ id: 'self', relationship: 'self', channels: [{ channel: 'phone' }, { channel: 'sms' }] }],
      history: [],
    });
  });

  it('makes the account exactly n days past due on asOf (the engine agrees)', () => {
    const engine = createEngine({ ...callPolicy(), rules: [{ id: 'dpd', when: { all: [{ fact: 'daysPastDue', operator: 'equal', value: 10 }] }, then: ['call'] }] });
    expect(engine.decide(anAccount().overdueDays(10, { asOf }).build(), { now: '2026-11-23T10:00:00+08:00' }).next?.action).toBe('call');
    expect(engine.decide(anAccount().overdueDays(10, { asOf }).build(), { now: '2026-11-24T10:00:00+08:00' }).next).toBeNull();
  });

  it('reads an instant asOf as its date in the debtor zone, whenever inZone is called', () => {
    // 2026-11-23T02:00Z is still the 22nd in New York.
    const late = anAccount().overdueDays(1, { asOf: '2026-11-23T02:00:00Z' });
    expect(late.inZone('America/New_York').build().dueDate).toBe('2026-11-21');
    expect(late.build().dueDate).toBe('2026-11-22');
  });

  it('is immutable: every call returns a new builder and leaves the original unchanged', () => {
    const base = anAccount().overdueDays(3, { asOf });
    const tagged = base.tag('vip').withContact('employer', { phone: true });
    expect(tagged).not.toBe(base);
    expect(base.build().tags).toBeUndefined();
    expect(base.build().contacts).toHaveLength(1);
    expect(tagged.build().contacts).toHaveLength(2);
    const built = base.build();
    (built.contacts as unknown[]).push('junk');
    expect(base.build().contacts).toHaveLength(1);
  });

  it('adds contacts with channels in the order written, unique ids and method fields', () => {
    const account = anAccount()
      .overdueDays(3, { asOf })
      .withContact('employer', { sms: true, phone: { address: '+1 212 555 0100', optedOut: true }, workplace: true })
      .withContact('employer', { email: [{ address: 'a@x.example' }, { address: 'b@x.example', verified: true }] })
      .withContact('guarantor', { id: 'g-1', timeZone: 'Europe/London', letter: true })
      .build();
    expect(account.contacts?.map((c) => c.id)).toEqual(['self', 'employer', 'employer-2', 'g-1']);
    expect(account.contacts?.[1]).toEqual({
      id: 'employer',
      relationship: 'employer',
      channels: [
        { channel: 'sms', workplace: true },
        { channel: 'phone', address: '+1 212 555 0100', optedOut: true, workplace: true },
      ],
    });
    expect(account.contacts?.[2]?.channels).toEqual([{ channel: 'email', address: 'a@x.example' }, { channel: 'email', address: 'b@x.example', verified: true }]);
    expect(account.contacts?.[3]).toMatchObject({ timeZone: 'Europe/London', channels: [{ channel: 'letter' }] });
  });

  it('replaces the default self contact by yours, or drops it', () => {
    expect(anAccount().overdueDays(1, { asOf }).withContact('self', { id: 'li-wei', app: true }).build().contacts).toEqual([{ id: 'li-wei', relationship: 'self', channels: [{ channel: 'app' }] }]);
    expect(anAccount().overdueDays(1, { asOf }).withoutDefaultContact().build().contacts).toEqual([]);
  });

  it('spreads called(n) strictly inside the last `within`, trimmed to whole local days', () => {
    const history = anAccount()
      .inZone('America/New_York')
      .overdueDays(12, { asOf })
      .called(7, { within: 'P7D', before: '2026-11-23T02:00:00-05:00' })
      .build().history;
    expect(history?.map((a) => a.at)).toMatchInlineSnapshot(`
      [
        "2026-11-17T23:15:00Z",
        "2026-11-18T17:30:00Z",
        "2026-11-19T11:45:00Z",
        "2026-11-20T06:00:00Z",
        "2026-11-21T00:15:00Z",
        "2026-11-21T18:30:00Z",
        "2026-11-22T12:45:00Z",
      ]
    `);
    // Every call falls on the 7 local days ending on the 23rd (the 17th starts at 05:00Z) — a Reg F cap counts them all.
    expect(history?.every((a) => a.at > '2026-11-17T05:00:00Z' && a.at < '2026-11-23T07:00:00Z')).toBe(true);
    expect(history?.[0]).toEqual({ at: '2026-11-17T23:15:00Z', channel: 'phone', contactId: 'self', outcome: 'no_answer' });
  });

  it('records called(n) at given instants, to a contact by id or relationship, with the given fields', () => {
    const account = anAccount()
      .overdueDays(5, { asOf })
      .withContact('employer', { id: 'acme', phone: true })
      .called(2, { at: ['2026-11-20T10:00:00+08:00', new Date('2026-11-21T02:00:00Z')], contact: 'employer', outcome: 'third_party_contact', action: 'call' })
      .called(1, { at: '2026-11-22T10:00:00+08:00', contact: 'acme', channel: 'sms', outcome: 'delivered', consented: true })
      .build();
    expect(account.history).toEqual([
      { at: '2026-11-20T10:00:00+08:00', action: 'call', channel: 'phone', contactId: 'acme', outcome: 'third_party_contact' },
      { at: '2026-11-21T02:00:00Z', action: 'call', channel: 'phone', contactId: 'acme', outcome: 'third_party_contact' },
      { at: '2026-11-22T10:00:00+08:00', channel: 'sms', contactId: 'acme', outcome: 'delivered', consented: true },
    ]);
  });

  it('sets promises, payments, flags, approvals, preferences, tags, attributes, legal stage and instalments', () => {
    const account = anAccount()
      .id('CARD-1')
      .amount(250_00, 'USD')
      .jurisdiction('US-MA')
      .inZone(['America/New_York', 'America/Los_Angeles'])
      .instalment({ dueDate: '2026-10-01', amount: 125_00 })
      .promised({ on: '2026-12-01', madeAt: '2026-11-20T15:00:00Z' })
      .paid({ at: new Date('2026-11-21T15:00:00Z'), amount: 50_00 })
      .flag('disputed', { since: '2026-11-20', note: 'letter received' })
      .approved('litigation', { at: '2026-11-22T00:00:00Z', by: 'owner' })
      .prefers({ from: '18:00', to: '20:00', days: ['sat'] })
      .tag('vip', 'restructured')
      .attribute('segment', 'prime')
      .legalStage('pre_legal')
      .build();
    expect(account).toMatchObject({
      id: 'CARD-1',
      currency: 'USD',
      amountDue: 250_00,
      instalments: [{ dueDate: '2026-10-01', amount: 125_00 }],
      debtor: {
        timeZone: ['America/New_York', 'America/Los_Angeles'],
        jurisdiction: 'US-MA',
        flags: { disputed: { since: '2026-11-20', note: 'letter received' } },
        contactPreferences: { windows: [{ from: '18:00', to: '20:00', days: ['sat'] }] },
      },
      promises: [{ madeAt: '2026-11-20T15:00:00Z', dueDate: '2026-12-01', amount: 250_00 }],
      payments: [{ at: '2026-11-21T15:00:00Z', amount: 50_00 }],
      approvals: [{ action: 'litigation', at: '2026-11-22T00:00:00Z', by: 'owner' }],
      tags: ['vip', 'restructured'],
      attributes: { segment: 'prime' },
      legalStage: 'pre_legal',
    });
    expect(account.dueDate).toBeUndefined();
    expect(() => parseAccount(account)).not.toThrow();
  });

  it('parse() returns the parsed account with defaults filled in', () => {
    const account = anAccount().overdueDays(1, { asOf }).parse();
    expect(account.contacts[0]?.channels[0]).toEqual({ channel: 'phone', verified: false, optedOut: false, invalid: false, workplace: false });
    expect(account.legalStage).toBe('none');
  });

  it('refuses to build without a due date, saying how to give one', () => {
    expect(() => anAccount().build()).toThrow(ArrearsError);
    expect(() => anAccount().build()).toThrowErrorMatchingInlineSnapshot(`
      [ArrearsError: Invalid account (1 issue):
        - dueDate: the account has no due date: call .overdueDays(n, { asOf }), .dueOn(date) or .instalment({ dueDate, amount })]
    `);
  });

  it('reports every problem of what it was told, with its path', () => {
    const bad = anAccount().dueOn('2026-02-30').inZone('Mars/Base').called(1, { at: '2026-11-20T10:00:00Z', contact: 'nobody' });
    try {
      bad.build();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ArrearsError);
      expect((e as ArrearsError).issues.map((i) => i.path.join('.'))).toEqual(['dueDate', 'debtor.timeZone', 'history.0.contactId']);
    }
    expect(() => anAccount().dueOn('2026-11-01').called(1, { before: '2026-11-20T10:00:00' })).not.toThrow();
    expect(() => anAccount().dueOn('2026-11-01').called(1, { before: '2026-11-20T10:00:00' }).build()).toThrow(/no UTC offset/);
  });

  it('is typed: closed vocabularies are checked at compile time', () => {
    expectTypeOf(anAccount()).toEqualTypeOf<AccountBuilder>();
    expectTypeOf<AccountBuilder['build']>().returns.toEqualTypeOf<AccountInput>();
    expectTypeOf<AccountBuilder['parse']>().returns.toEqualTypeOf<Account>();
    const typeOnly = () => {
      // @ts-expect-error: 'boss' is not a relationship
      anAccount().withContact('boss', { phone: true });
      // @ts-expect-error: 'fax' is not a channel
      anAccount().withContact('employer', { fax: true });
      // @ts-expect-error: 'picked_up' is not an outcome
      anAccount().called(1, { at: '2026-11-20T10:00:00Z', outcome: 'picked_up' });
      // @ts-expect-error: called() needs an anchor: `at` or `before` (nothing reads the clock)
      anAccount().called(3, { within: 'P7D' });
      // @ts-expect-error: overdueDays() needs asOf
      anAccount().overdueDays(10);
      // @ts-expect-error: 'broke' is not a flag
      anAccount().flag('broke', { since: '2026-11-01' });
    };
    expect(typeOnly).toBeTypeOf('function');
  });

  it('says what is missing when JavaScript callers leave out an anchor', () => {
    // @ts-expect-error: asOf is required (checked at run time too)
    expect(() => anAccount().overdueDays(10)).toThrow(/needs the date it is n days overdue on/);
    // @ts-expect-error: an anchor is required (checked at build time too)
    expect(() => anAccount().dueOn('2026-11-01').called(2, {}).build()).toThrow(/called\(2\) needs `at` or `before`/);
  });
});

describe('AccountBuilder#toJSON', () => {
  it('writes the built account, so builders can sit in JSON fixtures', () => {
    const builder = anAccount().overdueDays(2, { asOf: '2026-11-23' }).tag('x');
    expect(JSON.parse(JSON.stringify({ account: builder }))).toEqual({ account: builder.build() });
  });
});
