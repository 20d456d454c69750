import { describe, expect, it } from 'vitest';
import { createEngine, type Decision, explain } from '../src/index';
import { arrearsErrorOf } from './support/errors';
import { callPolicy, debtor, window } from './support/policies';
import { MISSING, type Path, storedDecision } from './support/stored-decision';

/*
 * explain checked only the fields it reads, and only their JavaScript type: a stored decision whose
 * `ok` was flipped to false or deleted, whose reason code was 'NOPE', or whose channel was 'fax' was
 * explained as if it were sound, and `proposals: {}` was reported at the root. Every field of a
 * Decision is now checked against its type — closed vocabularies against their lists — each issue
 * at its own path.
 */

const engine = createEngine(callPolicy([window('hours', '09:00', '20:00', { citation: 'Rule 1' })]));
// 21:05 in Chicago: the call is deferred, with a reason that cites its clause.
const decision = engine.decide(debtor('America/Chicago'), { now: '2026-11-23T21:05:00-06:00' });
const { stored, corrupted } = storedDecision(decision);

// [what, path of the corrupted value, the value, the issue code expected, what the message says]
const CORRUPTIONS: readonly [string, Path, unknown, string, string][] = [
  ['ok is false', ['ok'], false, 'invalid_value', 'must be true, not false'],
  ['ok is missing', ['ok'], MISSING, 'invalid_value', 'is required'],
  ['ok is the string "true"', ['ok'], 'true', 'invalid_value', "not 'true'"],
  ['proposals is an object', ['proposals'], {}, 'invalid_type', 'must be an array'],
  ['a reason code that does not exist', ['proposals', 0, 'reasons', 0, 'code'], 'NOPE', 'invalid_value', "not 'NOPE'"],
  ["a reason's layer is missing", ['proposals', 0, 'reasons', 0, 'layer'], MISSING, 'invalid_type', 'is required'],
  ["a reason's citation is null", ['proposals', 0, 'reasons', 0, 'citation'], null, 'invalid_type', 'must be a string'],
  ["a reason's message is a number", ['proposals', 0, 'reasons', 0, 'message'], 3, 'invalid_type', 'must be a string'],
  ['a kind that does not exist', ['proposals', 0, 'kind'], 'call', 'invalid_value', "not 'call'"],
  ['a channel that does not exist', ['proposals', 0, 'channel'], 'fax', 'invalid_value', "not 'fax'"],
  ['a relationship that does not exist', ['proposals', 0, 'relationship'], 'boss', 'invalid_value', "not 'boss'"],
  ["next's status does not exist", ['next', 'status'], 'maybe', 'invalid_value', "not 'maybe'"],
  ["the policy's hash is missing", ['policy', 'hash'], MISSING, 'invalid_type', 'is required'],
  ['facts is a list', ['facts'], [], 'invalid_type', 'must be an object'],
  ["a traced rule's priority is a string", ['trace', 'rules', 0, 'priority'], 'high', 'invalid_type', 'must be a number'],
  ["a traced rule's actions are missing", ['trace', 'rules', 0, 'actions'], MISSING, 'invalid_type', 'is required'],
];

describe('explain checks every field of a stored decision', () => {
  it('explains the uncorrupted JSON round trip, citation and all', () => {
    expect(decision.proposals[0]?.reasons[0]).toMatchObject({ citation: 'Rule 1', layer: 'layer-1' });
    expect(explain(stored() as unknown as Decision)).toBe(explain(decision));
  });

  it.each(CORRUPTIONS)('%s: OPTIONS_INVALID at exactly its path', (_, path, value, code, says) => {
    const e = arrearsErrorOf(() => explain(corrupted(path, value) as Decision));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code, path, message: expect.stringContaining(says) }]);
    expect(e.issues[0]?.message).toContain('explain takes a decision as decide returned it');
  });

  it('names what was found instead of the vocabulary, listing the accepted values', () => {
    const e = arrearsErrorOf(() => explain(corrupted(['proposals', 0, 'reasons', 0, 'code'], 'NOPE') as Decision));
    expect(e.issues[0]?.message).toMatch(/must be one of .*'OUTSIDE_CONTACT_WINDOW'.*, not 'NOPE'/);
  });

  it('still refuses what is no decision at all at the root', () => {
    for (const value of [null, [], 'decision', {}]) {
      expect(arrearsErrorOf(() => explain(value as never)).issues).toMatchObject([{ code: 'invalid_type', path: [] }]);
    }
  });
});
