import { ArrearsError } from '../errors';
import { formatLocal } from '../time/format';
import type { Decision, Proposal, Reason } from './types';

// The decision's own ISO instants: `allowedFrom` may lie past the last instant accepted as input
// (a deferral from 2200-12-31 into 2201), which `parseInstant` would refuse.
const ms = (iso: string) => Date.parse(iso);

function local(iso: string, zones: readonly string[]): string {
  return zones.map((zone) => formatLocal(ms(iso), zone)).join(' / ');
}

function who(p: Proposal): string {
  if (p.channel === null) return 'internal';
  const to = p.contactId === null ? 'nobody' : `${p.relationship} '${p.contactId}'`;
  return `${p.channel}${p.address === null ? '' : ` (${p.address})`} to ${to}`;
}

function status(p: Proposal, decision: Decision): string {
  const zones = p.zones.length > 0 ? p.zones : [decision.timeZone];
  switch (p.status) {
    case 'allowed':
      return p.allowedUntil === null ? 'allowed now' : `allowed now, until ${local(p.allowedUntil, zones)}`;
    case 'deferred':
      return `deferred until ${local(p.allowedFrom ?? decision.now, zones)}`;
    case 'needs_approval':
      return p.allowedFrom === null ? 'needs approval' : `needs approval (otherwise allowed from ${local(p.allowedFrom, zones)})`;
    case 'blocked':
      return 'blocked';
  }
}

function reasonLine(r: Reason, zones: readonly string[]): string {
  const source = [r.constraint, r.citation].filter((x) => x !== null && x !== undefined).join(', ');
  const until = r.until === null ? '' : ` (until ${local(r.until, zones)})`;
  return `      - ${r.code}${source ? ` [${source}]` : ''}: ${r.message}${until}`;
}

function block(p: Proposal, i: number, decision: Decision): string[] {
  const name = p.label === null ? p.action : `${p.action} (${p.label})`;
  const head = `  ${i + 1}. ${name} — ${who(p)} — ${status(p, decision)}   [rule ${p.rule}, priority ${p.priority}]`;
  return [head, ...p.reasons.map((r) => reasonLine(r, p.zones.length > 0 ? p.zones : [decision.timeZone]))];
}

/**
 * Explains a decision in plain text a collections supervisor can read: what to do next and when,
 * then every other candidate and why not, in the debtor's local time with its zone.
 *
 * @example
 * console.log(explain(engine.decide(account, { now: '2026-11-23T21:05:00+08:00' })));
 */
export function explain(decision: Decision): string {
  if (decision === null || typeof decision !== 'object' || !Array.isArray((decision as Partial<Decision>).proposals)) {
    throw new ArrearsError('OPTIONS_INVALID', [{ code: 'invalid_type', path: [], message: 'explain takes a Decision returned by decide (or a successful decideMany result)' }]);
  }
  const lines = [
    `Account ${decision.accountId} at ${local(decision.now, [decision.timeZone])} — policy ${decision.policy.id} v${decision.policy.version}`,
  ];
  const next = decision.next;
  const awaiting = decision.proposals.filter((p) => p.status === 'needs_approval');
  if (next === null) {
    if (decision.proposals.length === 0) lines.push('Next: nothing — no rule proposes an action.');
    else if (awaiting.length > 0) lines.push(`Next: nothing until approved — ${awaiting.map((p) => p.action).join(', ')} ${awaiting.length === 1 ? 'awaits' : 'await'} approval.`);
    // Blocked for good (opted out, a block that holds now) is not the horizon's doing.
    else if (decision.proposals.every((p) => p.status === 'blocked' && !p.reasons.some((r) => r.code === 'BEYOND_HORIZON'))) lines.push('Next: nothing — every candidate is blocked.');
    else lines.push('Next: nothing is allowed within the horizon.');
  } else {
    lines.push(`Next: ${next.action}${next.label ? ` (${next.label})` : ''} — ${who(next)} — ${status(next, decision)}`);
    for (const r of next.reasons) lines.push(reasonLine(r, next.zones).replace(/^ {6}/, '    '));
  }
  if (decision.proposals.length > 0) {
    lines.push('Candidates, in order of preference:');
    decision.proposals.forEach((p, i) => lines.push(...block(p, i, decision)));
  }
  const fired = decision.trace.rules.filter((r) => r.fired).map((r) => r.id);
  lines.push(`Rules fired: ${fired.length > 0 ? fired.join(', ') : 'none'} (of ${decision.trace.rules.length}).`);
  return lines.join('\n');
}
