/**
 * The floor row of `npm run bench`: a decision's objects rebuilt by a function written for their
 * shape, with no logic — every object and list made again, the strings and the facts' values
 * shared (the engine, too, hands out strings it already holds). What building the output of a
 * full decision costs at the least, whatever computes it.
 */
import type { Decision, Proposal, Reason, RuleTrace } from '../src/index';

/** Reasons come in the engine's two key orders (see `toReason` in src/engine/decide.ts): kept. */
function reason(r: Reason): Reason {
  if (Object.keys(r)[0] === 'code') {
    return r.citation === undefined
      ? { code: r.code, constraint: r.constraint, layer: r.layer, message: r.message, until: r.until }
      : { code: r.code, constraint: r.constraint, layer: r.layer, message: r.message, citation: r.citation, until: r.until };
  }
  return r.citation === undefined
    ? { constraint: r.constraint, layer: r.layer, code: r.code, message: r.message, until: r.until }
    : { constraint: r.constraint, layer: r.layer, code: r.code, message: r.message, citation: r.citation, until: r.until };
}

const proposal = (p: Proposal): Proposal => ({
  action: p.action,
  label: p.label,
  kind: p.kind,
  rule: p.rule,
  priority: p.priority,
  channel: p.channel,
  contactId: p.contactId,
  relationship: p.relationship,
  address: p.address,
  status: p.status,
  allowedFrom: p.allowedFrom,
  allowedUntil: p.allowedUntil,
  zones: p.zones.slice(),
  reasons: p.reasons.map(reason),
});

const rule = (r: RuleTrace): RuleTrace => ({ id: r.id, priority: r.priority, fired: r.fired, actions: r.actions.slice() });

/**
 * A copy of `d` made of new objects and lists, `next` being one of its own proposals as in the
 * engine's output. `JSON.stringify` of the copy equals that of `d` (the bench checks it).
 *
 * @example
 * const copy = copyDecision(engine.decide(account, { now })); // same JSON, new objects
 */
export function copyDecision(d: Decision): Decision {
  const proposals = d.proposals.map(proposal);
  const next = d.next === null ? null : (proposals[d.proposals.indexOf(d.next)] ?? proposal(d.next));
  return {
    ok: d.ok,
    now: d.now,
    accountId: d.accountId,
    timeZone: d.timeZone,
    policy: { id: d.policy.id, version: d.policy.version, hash: d.policy.hash },
    next,
    proposals,
    facts: { ...d.facts },
    trace: { rules: d.trace.rules.map(rule) },
  };
}
