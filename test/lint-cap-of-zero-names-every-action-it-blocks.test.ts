import { describe, expect, it } from 'vitest';
import { policyWith, warningsOf } from './support/lint-warnings';

/* A cap of `max: 0` blocks every proposal it holds, whichever of its fields select them: channels,
   but also the relationships reached, the workplace, or a kind of action without a channel. The
   warning names each action it blocks, on which channels, and for whom when only some of the
   contacts its `target` reaches; an action whose target the cap does not select is not named. */

const capOfZero = (appliesTo: Record<string, unknown>) => [{ id: 'L', constraints: [{ kind: 'cap', id: 'none', max: 0, period: { calendar: 'day' }, appliesTo }] }];
const messagesOf = (actions: Record<string, unknown>, appliesTo: Record<string, unknown>) =>
  warningsOf({ ...policyWith(actions), compliance: capOfZero(appliesTo) }, 'cap_blocks_channel').map((w) => [w.path, w.message]);
const at = ['compliance', 0, 'constraints', 0, 'max'];

describe('a cap of 0 names every action it blocks, and for whom', () => {
  it('selecting relationships: the actions reaching them are blocked for them', () => {
    const family = { call_family: { channel: 'phone', target: ['spouse', 'family'] } };
    expect(messagesOf(family, { relationships: ['spouse'] })).toEqual([[at, "cap 'none' allows 0 attempts: it blocks 'call_family' on phone (to spouse)"]]);
    // Every contact an action targets is held: no "to".
    expect(messagesOf({}, { relationships: ['self'] })).toEqual([[at, "cap 'none' allows 0 attempts: it blocks 'call_self' on phone"]]);
  });

  it('selecting the workplace: the actions are blocked there', () => {
    expect(messagesOf({ visit: { channel: 'visit' } }, { workplace: true, channels: ['visit'] })).toEqual([[at, "cap 'none' allows 0 attempts: it blocks 'visit' on visit (at the workplace)"]]);
  });

  it('relationships and the workplace together', () => {
    const guarantors = { call_guarantor: { channel: 'phone', target: ['guarantor', 'spouse'] } };
    expect(messagesOf(guarantors, { relationships: ['self', 'guarantor'], workplace: false })).toEqual([
      [at, "cap 'none' allows 0 attempts: it blocks 'call_self' on phone (not at the workplace); 'call_guarantor' on phone (to guarantor, not at the workplace)"],
    ]);
  });

  it('every action, its channels named once, actions apart', () => {
    const actions = { call_self: { channel: 'phone' }, remind: { channel: ['sms', 'phone'], target: ['self', 'spouse'] }, letter: { channel: 'letter', target: 'spouse' } };
    expect(messagesOf(actions, { relationships: ['spouse'], kinds: ['communication'] })).toEqual([
      [at, "cap 'none' allows 0 attempts: it blocks 'remind' on phone, sms (to spouse); 'letter' on letter"],
    ]);
  });

  it("the ranks of a contact order an action targets are whom it reaches", () => {
    const policy = {
      ...policyWith({ call_family: { channel: 'phone', target: { order: 'family-order' } } }),
      compliance: [
        { id: 'L', constraints: [{ kind: 'cap', id: 'none', max: 0, period: { calendar: 'day' }, appliesTo: { relationships: ['family'] } }, { kind: 'contactOrder', id: 'family-order', appliesTo: { actions: ['call_family'] }, ranks: [['spouse'], ['family']] }] },
      ],
    };
    expect(warningsOf(policy, 'cap_blocks_channel').map((w) => w.message)).toEqual(["cap 'none' allows 0 attempts: it blocks 'call_family' on phone (to family)"]);
  });

  it("an order whose unranked relationships come last reaches them too, as the engine does", () => {
    const policy = {
      ...policyWith({ call_family: { channel: 'phone', target: { order: 'spouse-first' } } }),
      compliance: [
        {
          id: 'L',
          constraints: [
            { kind: 'cap', id: 'none', max: 0, period: { calendar: 'day' }, appliesTo: { relationships: ['guarantor'], actions: ['call_family'] } },
            { kind: 'contactOrder', id: 'spouse-first', appliesTo: { actions: ['call_family'] }, ranks: [['spouse']], unranked: 'last' },
          ],
        },
      ],
    };
    expect(warningsOf(policy, 'cap_blocks_channel').map((w) => w.message)).toEqual(["cap 'none' allows 0 attempts: it blocks 'call_family' on phone (to guarantor)"]);
  });

  it('an action without a channel the cap names by kind: it is blocked outright', () => {
    expect(messagesOf({ file_suit: { kind: 'legal' } }, { kinds: ['legal'] })).toEqual([[at, "cap 'none' allows 0 attempts: it blocks 'file_suit'"]]);
  });

  it('a cap holding every contact on a channel names none of them', () => {
    expect(messagesOf({}, { channels: ['phone'] })).toEqual([[at, "cap 'none' allows 0 attempts: it blocks 'call_self' on phone"]]);
  });

  it('not when no action reaches whom it selects', () => {
    expect(messagesOf({}, { relationships: ['self'], channels: ['visit'] })).toEqual([]);
    // call_self reaches the debtor only: a cap on family calls blocks none of it.
    expect(messagesOf({}, { relationships: ['family'] })).toEqual([]);
    expect(messagesOf({ call_employer: { channel: 'phone', target: 'employer' } }, { relationships: ['self'], actions: ['call_employer'] })).toEqual([]);
    // An employer is only ever reached at the workplace.
    expect(messagesOf({}, { relationships: ['employer'], workplace: false })).toEqual([]);
  });
});
