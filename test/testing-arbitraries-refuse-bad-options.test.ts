import { describe, expect, it } from 'vitest';
import { ArrearsError } from '../src/index';
import { arbitraries } from '../src/testing/arbitraries';

/* docs/errors.md: every function that takes input checks it — the testing kit included — and
   throws ArrearsError (OPTIONS_INVALID) at the path of what is wrong. The arbitraries read their
   options unchecked: a misspelt bound (`{ from, to }`) was ignored and instants were drawn from
   the whole of 2026, a channel that does not exist was drawn into attempts no account accepts,
   and an empty list, a reversed range or a zone that does not exist threw fast-check's or Intl's
   own errors from inside. */

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (error instanceof ArrearsError) return { code: error.code, issues: error.issues.map((i) => `${i.code} ${i.path.join('.')}`) };
    return { thrown: (error as Error).constructor.name };
  }
  return null;
};

describe('arbitraries refuse options they cannot honour', () => {
  it.each([
    ['instant', () => arbitraries.instant({ from: '2026-11-01T00:00:00Z' } as never), 'unrecognized_keys '],
    ['instant', () => arbitraries.instant({ min: '2026-12-01T00:00:00Z', max: '2026-11-01T00:00:00Z' }), 'ends_before_start max'],
    ['instant', () => arbitraries.instant({ min: '2026-11-01T00:00:00' }), 'invalid_option min'],
    ['history', () => arbitraries.history({ channels: [] }), 'too_small channels'],
    ['history', () => arbitraries.history({ channels: ['fax' as never] }), 'invalid_value channels.0'],
    ['history', () => arbitraries.history({ outcomes: ['answered' as never] }), 'invalid_value outcomes.0'],
    ['history', () => arbitraries.history({ contacts: [] }), 'too_small contacts'],
    ['history', () => arbitraries.history({ maxLength: -1 }), 'too_small maxLength'],
    ['account', () => arbitraries.account({ zones: [] }), 'too_small zones'],
    ['account', () => arbitraries.account({ zones: ['Mars/Base'] }), 'invalid_time_zone zones.0'],
    ['account', () => arbitraries.account({ daysPastDue: { min: 10, max: 1 } }), 'ends_before_start daysPastDue.max'],
    ['account', () => arbitraries.account({ maxContacts: 1.5 }), 'invalid_type maxContacts'],
    ['account', () => arbitraries.account({ zone: 'UTC' } as never), 'unrecognized_keys '],
  ])('%s: %s', (_name, f, issue) => {
    expect(refusal(f)).toEqual({ code: 'OPTIONS_INVALID', issues: [issue] });
  });

  it('valid options are taken as before', () => {
    expect(refusal(() => arbitraries.instant({ min: '2026-11-01T00:00:00Z', max: '2026-11-30T00:00:00Z' }))).toBeNull();
    expect(refusal(() => arbitraries.history({ contacts: ['a'], channels: ['sms'], outcomes: ['delivered'], actions: ['remind'], maxLength: 0 }))).toBeNull();
    expect(refusal(() => arbitraries.account({ zones: ['america/chicago'], relationships: [], maxContacts: 0, maxHistory: 5, daysPastDue: { min: 1, max: 1 }, flags: true }))).toBeNull();
  });
});
