import { z } from 'zod';
import { ArrearsError } from '../errors';
import { escapeLine } from '../escape-controls';
import { readGuarded, unreadableIssues } from '../input-guard';
import { DEFAULT_LIMITS } from '../limits';
import { timeZoneSchema } from '../model/primitives';
import { formatLocal } from '../time/format';
import { isoDateProblem, MAX_INSTANT_EXCLUSIVE, parseInstant } from '../time/instant';
import { ACTION_KINDS, CHANNELS, PROPOSAL_STATUSES, REASON_CODES, RELATIONSHIPS } from '../vocabulary';
import { describeValue, fromZodIssues, missingValueError } from '../zod-issues';
import type { Decision, DecisionFailure, Proposal, Reason } from './types';

// The decision's own ISO instants: `allowedFrom` may lie past the last instant accepted as input
// (a deferral from 2200-12-31 into 2201), which `parseInstant` would refuse.
const ms = (iso: string) => Date.parse(iso);

/*
 * A decision is plain JSON, stored as an audit record and explained later: by then it may have been
 * edited, truncated or mangled. Every field of a Decision is checked against its type — the closed
 * vocabularies (status, reason code, kind, channel, relationship) against their lists, `ok` against
 * `true` — so a corrupted record is refused rather than explained as if it were sound; each would
 * otherwise surface as a RangeError (an instant or zone the clock cannot read), a TypeError, or a
 * sentence built on a value decide never writes. Unknown keys are let through: a record that
 * carries more than a Decision (where it was stored, by whom) stays explainable.
 */

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/**
 * An instant as decide writes it: one `parseInstant` accepts, or, past its last year, one in
 * decide's own UTC form (a deferral from 2200-12-31 into 2201). Date.parse alone would read
 * '2026-02-30' as March 2nd and explain a corrupted record as if it were sound.
 */
function isDecisionInstant(s: string): boolean {
  if (parseInstant(s).ok) return true;
  return ISO_INSTANT.test(s) && isoDateProblem(s.slice(0, 10)) === null && ms(s) >= MAX_INSTANT_EXCLUSIVE;
}

const decisionInstantSchema = z.string().refine(isDecisionInstant, {
  message: 'must be an ISO 8601 instant such as "2026-11-24T13:00:00Z", as decide writes it',
  params: { code: 'invalid_instant' },
});

// Each schema `satisfies` its type: a field added to Decision, Proposal or Reason and not checked
// here fails to compile.
const reasonSchema = z.object({
  code: z.enum(REASON_CODES),
  constraint: z.string().nullable(),
  layer: z.string().nullable(),
  message: z.string(),
  // Left out when the constraint cites no clause; never null.
  citation: z.string().exactOptional(),
  until: decisionInstantSchema.nullable(),
}) satisfies z.ZodType<Reason>;

const proposalSchema = z.object({
  action: z.string(),
  label: z.string().nullable(),
  kind: z.enum(ACTION_KINDS),
  rule: z.string(),
  priority: z.number(),
  channel: z.enum(CHANNELS).nullable(),
  contactId: z.string().nullable(),
  relationship: z.enum(RELATIONSHIPS).nullable(),
  address: z.string().nullable(),
  // The status picks the sentence: one explain does not know would print "undefined".
  status: z.enum(PROPOSAL_STATUSES),
  allowedFrom: decisionInstantSchema.nullable(),
  allowedUntil: decisionInstantSchema.nullable(),
  zones: z.array(timeZoneSchema),
  reasons: z.array(reasonSchema),
}) satisfies z.ZodType<Proposal>;

const decisionSchema = z.object({
  ok: z.literal(true),
  now: decisionInstantSchema,
  accountId: z.string(),
  timeZone: timeZoneSchema,
  policy: z.object({ id: z.string(), version: z.string(), hash: z.string() }),
  next: proposalSchema.nullable(),
  proposals: z.array(proposalSchema),
  facts: z.record(z.string(), z.unknown()),
  trace: z.object({ rules: z.array(z.object({ id: z.string(), priority: z.number(), fired: z.boolean(), actions: z.array(z.string()) })) }),
}) satisfies z.ZodType<Decision>;

const CORRUPTED = 'explain takes a decision as decide returned it (a JSON round trip keeps it intact): this value was changed or lost since';
const NOT_A_DECISION = 'explain takes a Decision returned by decide (or a successful decideMany result)';

/** Whether `value` is a decideMany failure as decideMany yields it: `ok: false` with its `error`, and no decision. */
function isFailure(value: object): value is DecisionFailure {
  const record = value as Partial<Record<keyof Decision | keyof DecisionFailure, unknown>>;
  return record.ok === false && record.error !== null && typeof record.error === 'object' && !('proposals' in value);
}

/** Refuses a value that is not a decision, or one corrupted since decide made it, with every issue at its path. */
function checkDecision(decision: unknown): void {
  // A decision built in code may hold getters or Proxies: one that throws is named at its path.
  const unreadable = unreadableIssues(decision, DEFAULT_LIMITS);
  if (unreadable.length > 0) throw new ArrearsError('OPTIONS_INVALID', unreadable);
  // The walk read every value once; only a Proxy whose traps change their mind throws below.
  readGuarded('OPTIONS_INVALID', [], () => checkShape(decision), 'reading this decision');
}

function checkShape(decision: unknown): void {
  if (decision === null || typeof decision !== 'object' || Array.isArray(decision) || !Object.keys(decisionSchema.shape).some((k) => k in decision)) {
    throw new ArrearsError('OPTIONS_INVALID', [{ code: 'invalid_type', path: [], message: `${NOT_A_DECISION}, not ${describeValue(decision)}${decision !== null && typeof decision === 'object' && !Array.isArray(decision) ? ' with none of its keys' : ''}` }]);
  }
  if (isFailure(decision)) {
    // A failure has nothing to explain: no instant, no proposal; its error already says, in words, why.
    const code = typeof decision.error.code === 'string' ? ` (${decision.error.code})` : '';
    const which = typeof decision.accountId === 'string' ? `account '${decision.accountId}'` : 'an account';
    throw new ArrearsError('OPTIONS_INVALID', [
      {
        code: 'invalid_value',
        path: ['ok'],
        message: `is false: this is a decideMany failure, not a decision — ${which} could not be decided${code}, so there is nothing to explain; print its \`error.message\` (and \`error.issues\`) instead, and explain only results with \`ok: true\``,
      },
    ]);
  }
  const checked = decisionSchema.safeParse(decision, { error: missingValueError });
  if (!checked.success) {
    const issues = fromZodIssues(checked.error.issues).map((i) => ({ ...i, message: `${i.message}; ${CORRUPTED}` }));
    throw new ArrearsError('OPTIONS_INVALID', issues);
  }
}

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
 * then every other candidate and why not, in the debtor's local time with its zone. A stored
 * decision is checked first: one that is not a decision, or was corrupted since (an instant or a
 * zone that cannot be read, a field missing or of the wrong type, a status, reason code, kind,
 * channel or relationship that does not exist, `ok` not `true`), throws `ArrearsError`
 * (`OPTIONS_INVALID`) with every issue at its path, such as `proposals[0].zones[0]`. A
 * `decideMany` failure (`ok: false`) has no decision to explain: it is refused at `ok`; its
 * `error.message` says why the account could not be decided. Line breaks and terminal controls
 * in the data (an id, an address, a label, a message) are written as escapes (`\n`, `\u001b`),
 * so the text has only the lines `explain` writes and is safe to print to a terminal.
 *
 * @example
 * console.log(explain(engine.decide(account, { now: '2026-11-23T21:05:00+08:00' })));
 */
export function explain(decision: Decision): string {
  checkDecision(decision);
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
  // Ids, addresses, labels and messages are the caller's data: a line break or a terminal
  // control in one must not forge a line or act on the terminal the text is printed to.
  return lines.map(escapeLine).join('\n');
}
