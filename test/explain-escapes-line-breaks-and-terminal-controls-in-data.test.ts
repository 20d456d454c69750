import { describe, expect, it } from 'vitest';
import { createEngine, explain, type PolicyInput } from '../src/index';

/*
 * `explain` writes the caller's data into its text: account and contact ids, addresses, labels,
 * block messages. A line break in an id forged a line ("Next: nothing…") and an ESC reached the
 * terminal the README prints the text to. Each line is escaped as JSON writes such characters,
 * so the text has exactly the lines `explain` writes; readable text (accents, CJK) is untouched.
 */

const policy: PolicyInput = {
  id: 'p',
  version: '1',
  jurisdiction: 'CN',
  actions: { call: { channel: 'phone', label: '电话\u001b[2J' } },
  rules: [{ id: 'r', when: { all: [] }, then: ['call'] }],
  compliance: [{ id: 'l', constraints: [{ kind: 'window', id: 'w', from: '08:00', to: '22:00' }] }],
};
const account = {
  id: 'A-1\nNext: nothing — every candidate is blocked.',
  currency: 'CNY',
  amountDue: 1000,
  dueDate: '2026-11-01',
  debtor: { timeZone: 'Asia/Shanghai' },
  contacts: [{ id: 'me\r\u202eevil', relationship: 'self', channels: [{ channel: 'phone', address: '+86 138 0000 0000\u0007' }] }],
};

describe('explain', () => {
  const text = explain(createEngine(policy).decide(account, { now: '2026-11-23T10:00:00+08:00' }));

  it('writes a line break in an id as \\n, so no line is forged', () => {
    expect(text.split('\n')[0]).toBe('Account A-1\\nNext: nothing — every candidate is blocked. at 2026-11-23 10:00 (Asia/Shanghai, UTC+08:00) — policy p v1');
    expect(text.split('\n').filter((l) => l.startsWith('Next:'))).toHaveLength(1);
  });

  it('writes terminal controls and bidi overrides as escapes, and keeps readable text', () => {
    // eslint-disable-next-line no-control-regex -- the control characters are what it looks for
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(text).toContain("'me\\r\\u202eevil'");
    expect(text).toContain('(+86 138 0000 0000\\u0007)');
    expect(text).toContain('电话\\u001b[2J');
  });
});
