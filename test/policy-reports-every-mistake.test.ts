import { describe, expect, it } from 'vitest';
import { ArrearsError, parsePolicy, safeParsePolicy } from '../src/index';
import { sound } from './support/policies';

describe('a policy with five mistakes reports all five, each at its path', () => {
  it('five cross-check mistakes', () => {
    const policy = {
      ...sound,
      rules: [
        { id: 'early', when: { all: [{ fact: 'dayPastDue', operator: 'lessThan', value: 8 }] }, then: ['sms_reminder'] },
        { id: 'm1', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThen', value: 7 }] }, then: ['cal_self'] },
        { id: 'early', when: { all: [] }, then: ['sms_reminder'] },
      ],
      compliance: [{ id: 'company', constraints: [{ kind: 'window', id: 'hours', from: '09:00', to: '09:00' }] }],
    };
    const result = safeParsePolicy(policy);
    expect(result.success).toBe(false);
    expect(result.success ? [] : result.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_fact",
          "message": "unknown fact 'dayPastDue'; did you mean 'daysPastDue'?",
          "path": [
            "rules",
            0,
            "when",
            "all",
            0,
            "fact",
          ],
        },
        {
          "code": "unknown_action",
          "message": "unknown action 'cal_self'; did you mean 'call_self'?",
          "path": [
            "rules",
            1,
            "then",
            0,
          ],
        },
        {
          "code": "unknown_operator",
          "message": "unknown operator 'greaterThen'; did you mean 'greaterThan'?",
          "path": [
            "rules",
            1,
            "when",
            "all",
            0,
            "operator",
          ],
        },
        {
          "code": "duplicate_id",
          "message": "rule id 'early' is already used by rules[0]",
          "path": [
            "rules",
            2,
            "id",
          ],
        },
        {
          "code": "empty_window",
          "message": "the window opens and closes at 09:00: it is never open",
          "path": [
            "compliance",
            0,
            "constraints",
            0,
            "to",
          ],
        },
      ]
    `);
  });

  it('five shape mistakes', () => {
    const policy = {
      ...sound,
      version: '',
      actions: { call_self: { channel: 'phone', kind: 'spam' }, sms_reminder: { channel: 'sms' } },
      rules: [{ ...sound.rules[0], priority: 0 }, { ...sound.rules[1], then: [] }],
      compliance: [{ id: 'company', constraints: [{ kind: 'window', id: 'hours', from: '9:00', to: '20:00' }] }],
    };
    const result = safeParsePolicy(policy);
    expect(result.success).toBe(false);
    expect(result.success ? [] : result.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "too_small",
          "message": "must not be empty",
          "path": [
            "version",
          ],
        },
        {
          "code": "invalid_value",
          "message": "must be one of 'communication', 'notice', 'credit_report', 'legal', 'internal', not 'spam'",
          "path": [
            "actions",
            "call_self",
            "kind",
          ],
        },
        {
          "code": "too_small",
          "message": "must be at least 1, not 0",
          "path": [
            "rules",
            0,
            "priority",
          ],
        },
        {
          "code": "too_small",
          "message": "must list at least one item",
          "path": [
            "rules",
            1,
            "then",
          ],
        },
        {
          "code": "invalid_format",
          "message": "must be a local time 'HH:mm' between 00:00 and 23:59",
          "path": [
            "compliance",
            0,
            "constraints",
            0,
            "from",
          ],
        },
      ]
    `);
  });

  it('the thrown error lists them one per line, in the same order', () => {
    const policy = { ...sound, rules: [{ ...sound.rules[0], then: ['sms_remider'] }, { ...sound.rules[1], then: ['cal_self'] }] };
    try {
      parsePolicy(policy);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ArrearsError);
      expect((error as ArrearsError).message).toMatchInlineSnapshot(`
        "Invalid policy (2 issues):
          - rules[0].then[0]: unknown action 'sms_remider'; did you mean 'sms_reminder'?
          - rules[1].then[0]: unknown action 'cal_self'; did you mean 'call_self'?"
      `);
    }
  });

  it('shape and cross-check mistakes together', () => {
    const policy = {
      ...sound,
      version: '',
      rules: [{ ...sound.rules[0], then: ['sms_remider'] }, sound.rules[1]],
    };
    const result = safeParsePolicy(policy);
    expect(result.success ? [] : result.issues.map((i) => i.code)).toEqual(['too_small', 'unknown_action']);
  });
});
