import { describe, expect, it } from 'vitest';
import { simulate, type Responder } from '../src/testing/index';
import { arrearsErrorOf } from './support/errors';
import { simulation } from './support/simulation';

/*
 * A responder is the test author's code, like a custom operator: when it throws, simulate throws
 * ArrearsError OPTIONS_INVALID at `respond` (code responder_threw) naming the attempt it was
 * answering and what it threw, with its error as `cause` — not the responder's error, raw. So is
 * a response whose getter throws when simulate reads it (unreadable, at its path under respond).
 */

const { policy, account, from, to } = simulation;
const run = (respond: unknown) => arrearsErrorOf(() => simulate(policy, account, { from, to, respond: respond as Responder }));

describe('a responder that throws', () => {
  it('OPTIONS_INVALID responder_threw at respond, naming the attempt and the message; its error as cause', () => {
    const bug = new Error('responder bug');
    const e = run(() => {
      throw bug;
    });
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([
      {
        code: 'responder_threw',
        path: ['respond'],
        message: 'the responder threw "responder bug" answering call at 2026-11-23T14:00:00Z (step 1, attempt sim-1); make it return an outcome or { outcome, promise?, payment? } for every attempt',
      },
    ]);
    expect(e.cause).toBe(bug);
  });

  it('on a later attempt: the step and attempt it failed on', () => {
    let calls = 0;
    const e = run(() => {
      if (++calls === 2) throw new TypeError('second call');
      return 'no_answer';
    });
    expect(e.issues[0]?.message).toMatch(/^the responder threw "second call" answering call at \S+ \(step \d+, attempt sim-2\)/);
  });

  it('whatever it throws, even a value that cannot be shown', () => {
    const e = run(() => {
      throw {
        toString() {
          throw new Error('no');
        },
      };
    });
    expect(e.issues[0]).toMatchObject({ code: 'responder_threw', message: expect.stringContaining('threw "a value that cannot be shown"') });
  });
});

describe('a response that throws when read', () => {
  it('unreadable at its path under respond', () => {
    const e = run(() =>
      Object.defineProperty({}, 'outcome', {
        enumerable: true,
        get() {
          throw new Error('boom');
        },
      }),
    );
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'unreadable', path: ['respond', 'outcome'], message: 'reading this value threw: boom — pass plain JSON data (values, not getters or Proxies that compute them)' }]);
  });
});
