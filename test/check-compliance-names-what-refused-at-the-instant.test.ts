import { describe, expect, it } from 'vitest';
import { checkCompliance } from '../src/testing/index';
import { callPolicy, debtor } from './support/policies';

// A call at 20:30 on the evening before a holiday broke the hours, not the holiday: the window's
// decision at that instant waits first for 09:00 (OUTSIDE_CONTACT_WINDOW), then for the holiday to
// end (HOLIDAY); only the first is what the call violated.
const policy = {
  ...callPolicy([{ kind: 'window', id: 'office', from: '09:00', to: '20:00', closedOn: ['cn'] }]),
  holidays: { cn: ['2026-10-01/2026-10-07'] },
};

describe('checkCompliance names what refused the attempt at its instant', () => {
  it('the evening before a holiday: outside the window, not the holiday', () => {
    const call = { at: '2026-09-30T20:30:00+08:00', action: 'call', channel: 'phone', contactId: 'me', outcome: 'no_answer' };
    const violations = checkCompliance([call], policy, { account: debtor('Asia/Shanghai') });
    expect(violations.map((v) => v.code)).toEqual(['OUTSIDE_CONTACT_WINDOW']);
  });

  it('on the holiday, in office hours: the holiday', () => {
    const call = { at: '2026-10-02T10:00:00+08:00', action: 'call', channel: 'phone', contactId: 'me', outcome: 'no_answer' };
    const violations = checkCompliance([call], policy, { account: debtor('Asia/Shanghai') });
    expect(violations.map((v) => v.code)).toEqual(['HOLIDAY']);
  });
});
