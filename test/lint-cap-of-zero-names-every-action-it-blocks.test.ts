import { describe, expect, it } from 'vitest';
import { policyWith, warningsOf } from './support/lint-warnings';

/* A cap of `max: 0` blocks every proposal it holds, whichever of its fields select them: channels,
   but also the relationships reached, the workplace, or a kind of action without a channel. The
   warning names each action it blocks, on which channels, and for whom when only some contacts. */

const capOfZero = (appliesTo: Record<string, unknown>) => [{ id: 'L', constraints: [{ kind: 'cap', id: 'none', max: 0, period: { calendar: 'day' }, appliesTo }] }];
const messagesOf = (actions: Record<string, unknown>, appliesTo: Record<string, unknown>) =>
  warningsOf({ ...policyWith(actions), compliance: capOfZero(appliesTo) }, 'cap_blocks_channel').map((w) => [w.path, w.message]);
const at = ['compliance', 0, 'constraints', 0, 'max'];

describe('a cap of 0 names every action it blocks, and for whom', () => {
  it('selecting relationships: the actions reaching them are blocked for them', () => {
    expect(messagesOf({}, { relationships: ['self'] })).toEqual([[at, "cap 'none' allows 0 attempts: it blocks 'call_self' on phone (to self)"]]);
  });

  it('selecting the workplace: the actions are blocked there', () => {
    expect(messagesOf({ visit: { channel: 'visit' } }, { workplace: true, channels: ['visit'] })).toEqual([[at, "cap 'none' allows 0 attempts: it blocks 'visit' on visit (at the workplace)"]]);
  });

  it('relationships and the workplace together', () => {
    expect(messagesOf({}, { relationships: ['self', 'guarantor'], workplace: false })).toEqual([[at, "cap 'none' allows 0 attempts: it blocks 'call_self' on phone (to self, guarantor, not at the workplace)"]]);
  });

  it('every action, its channels named once, actions apart', () => {
    expect(messagesOf({ remind: { channel: ['sms', 'phone'] }, letter: { channel: 'letter' } }, { relationships: ['spouse'], kinds: ['communication'] })).toEqual([
      [at, "cap 'none' allows 0 attempts: it blocks 'call_self' on phone (to spouse); 'remind' on phone, sms (to spouse); 'letter' on letter (to spouse)"],
    ]);
  });

  it('an action without a channel the cap names by kind: it is blocked outright', () => {
    expect(messagesOf({ file_suit: { kind: 'legal' } }, { kinds: ['legal'] })).toEqual([[at, "cap 'none' allows 0 attempts: it blocks 'file_suit'"]]);
  });

  it('a cap holding every contact on a channel names none of them', () => {
    expect(messagesOf({}, { channels: ['phone'] })).toEqual([[at, "cap 'none' allows 0 attempts: it blocks 'call_self' on phone"]]);
  });

  it('not when no action reaches whom it selects', () => {
    expect(messagesOf({}, { relationships: ['self'], channels: ['visit'] })).toEqual([]);
    // An employer is only ever reached at the workplace.
    expect(messagesOf({}, { relationships: ['employer'], workplace: false })).toEqual([]);
  });
});
