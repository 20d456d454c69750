import { type Engine, type EngineOptions, createEngine } from '../engine/create-engine';
import type { Proposal } from '../engine/types';
import { instantMs } from '../facts/history';
import type { Account, Attempt, Contact, ContactMethod, Instalment } from '../model';
import { sameAddress } from '../model/address';
import { actionKind, REACHING_KINDS } from '../policy/actions';
import type { Layer } from '../policy/schema/constraints';
import type { Action, Policy } from '../policy/schema/policy';
import { RELATIONSHIPS } from '../vocabulary';

/** The id of the rule every probe policy has: it always fires and proposes the probed action. */
export const PROBE_RULE = 'arrears-testing-probe';
/** The id of the action that stands for an attempt the policy has no action for. */
export const PROBE_ACTION = 'arrears-testing:attempt';

/** The constraints a probe keeps: every layer (the full judgement), or one constraint (isolation). */
export type ProbeScope = { readonly all: true } | { readonly layer: Layer; readonly constraints: Layer['constraints'] };

/** What to propose: an action of the policy as it is, or with a definition narrowed to the attempt. */
export interface ProbeAction {
  readonly id: string;
  readonly definition: Action | null;
}

/**
 * Compiles, once per action and scope, a policy whose only rule always proposes that action and
 * whose compliance is the policy's (or one constraint of it): the judgement the policy would give
 * the action at any instant, whatever the strategy thinks of it.
 *
 * @example
 * new ProbeEngines(policy, {}).get({ id: 'call', definition: null }, { all: true }).decide(account, { now });
 */
export class ProbeEngines {
  readonly #policy: Policy;
  readonly #options: EngineOptions;
  readonly #engines = new Map<string, Engine>();

  constructor(policy: Policy, options: EngineOptions) {
    this.#policy = policy;
    this.#options = options;
  }

  get(action: ProbeAction, scope: ProbeScope): Engine {
    const key = JSON.stringify([action.id, action.definition, 'all' in scope ? null : [scope.layer.id, scope.constraints.map((c) => c.id)]]);
    let engine = this.#engines.get(key);
    if (engine === undefined) {
      const p = this.#policy;
      const actions = action.definition === null ? p.actions : { ...p.actions, [action.id]: action.definition };
      const json = {
        id: p.id,
        version: p.version,
        jurisdiction: p.jurisdiction,
        buckets: p.buckets,
        holidays: p.holidays,
        conditions: p.conditions,
        actions: 'all' in scope ? actions : withoutOrders(actions, scope.constraints),
        rules: [{ id: PROBE_RULE, when: { all: [] }, then: [action.id] }],
        compliance: 'all' in scope ? p.compliance : [{ ...scope.layer, constraints: scope.constraints }],
      };
      engine = createEngine(JSON.parse(JSON.stringify(json)), this.#options);
      this.#engines.set(key, engine);
    }
    return engine;
  }
}

/**
 * A constraint judged alone keeps no contact order but the one judged: an action that targets a
 * contact order left out reaches every relationship instead, so the attempt's contact is still a
 * candidate whoever it is (the order itself is judged with the whole policy).
 */
function withoutOrders(actions: Policy['actions'], kept: Layer['constraints']): Policy['actions'] {
  const orders = new Set(kept.filter((c) => c.kind === 'contactOrder').map((c) => c.id));
  const out: Record<string, Action> = {};
  for (const [id, a] of Object.entries(actions)) {
    const t = a.target;
    out[id] = t !== undefined && typeof t === 'object' && !Array.isArray(t) && !orders.has(t.order) ? { ...a, target: [...RELATIONSHIPS] } : a;
  }
  return out;
}

/**
 * The proposal of a probe decision that carries out the attempt: same channel, same contact and
 * same address, as far as the attempt says. When several match (a contact with two numbers and an
 * attempt that does not say which), an allowed one is preferred: the attempt may have used it.
 *
 * @example
 * proposalFor(decision.proposals, { at, channel: 'phone', contactId: 'self', outcome: 'no_answer', direction: 'outbound', consented: false });
 */
export function proposalFor(proposals: readonly Proposal[], attempt: Attempt): Proposal | undefined {
  const matching = proposals.filter(
    (p) =>
      (attempt.channel === undefined || p.channel === attempt.channel) &&
      (attempt.contactId === undefined || p.contactId === attempt.contactId) &&
      (attempt.address === undefined || p.address === null || sameAddress(p.address, attempt.address)),
  );
  return matching.find((p) => p.status === 'allowed') ?? matching[0];
}

/**
 * The definition that makes a probe propose exactly the attempt: the policy's action (its kind and
 * approval kept) — or a plain communication when the attempt names none — on the attempt's channel
 * (none given: the contact's channels), to the attempt's contact's relationship.
 *
 * @example
 * narrowedAction(policy, { at, channel: 'sms', contactId: 'boss', … }, account); // { id: 'arrears-testing:attempt', definition: { kind: 'communication', channel: 'sms', target: ['employer'] } }
 */
export function narrowedAction(policy: Policy, attempt: Attempt, account: Account): ProbeAction {
  // Own keys only: an attempt whose action is 'constructor' must not find Object.prototype's.
  const known = attempt.action === undefined || !Object.hasOwn(policy.actions, attempt.action) ? undefined : policy.actions[attempt.action];
  const id = known === undefined ? PROBE_ACTION : (attempt.action as string);
  const contact = attempt.contactId === undefined ? undefined : account.contacts.find((c) => c.id === attempt.contactId);
  // An attempt naming its contact but neither a channel nor a known action reached a person by
  // some method of theirs: judged internal, no block on communication or third parties and no
  // window would see it. It is a communication on any of the contact's channels (proposalFor
  // then takes the most favourable, as for an attempt that does not say which number it used).
  const reached = known === undefined && contact !== undefined ? [...new Set(contact.channels.map((m) => m.channel))] : [];
  const channel = attempt.channel ?? known?.channel ?? (reached.length > 0 ? reached : undefined);
  // An attempt that reached someone on a channel is judged as what it was, a communication,
  // whatever the policy's action that reaches no one (a suit filed, then a letter about it) says.
  const own = known === undefined ? undefined : actionKind(known);
  const kind = channel === undefined ? (own ?? 'internal') : own !== undefined && REACHING_KINDS.includes(own) ? own : 'communication';
  const { channel: _c, target: _t, ...rest } = known ?? { requiresApproval: false };
  const definition: Action = channel === undefined ? { ...rest, kind } : { ...rest, kind, channel, target: contact ? [contact.relationship] : known?.target ?? 'self' };
  return { id, definition };
}

/**
 * The account as it stood just before an attempt: the history before it, the promises made before
 * it, the payments received before it (what was paid since is owed again: a debtor who paid in
 * full yesterday was chased lawfully last week), and the attempted contact reachable on the method
 * the attempt used (so windows and caps are judged even when the log used a number the account
 * does not list; an opted-out number stays opted out).
 *
 * @example
 * accountBefore(account, earlierAttempts, attempt, Date.parse(attempt.at));
 */
export function accountBefore(account: Account, history: readonly Attempt[], attempt: Attempt, at: number): Account {
  const promises = account.promises.filter((p) => p.madeAt === undefined || instantMs(p.madeAt) < at);
  const contacts = account.contacts.map((c) => (c.id === attempt.contactId && attempt.channel !== undefined ? withMethod(c, attempt) : c));
  const payments = account.payments.filter((p) => instantMs(p.at) < at);
  const since = account.payments.reduce((sum, p) => (instantMs(p.at) < at ? sum : sum + p.amount), 0);
  if (since === 0) return { ...account, history: [...history], promises, contacts, payments };
  return { ...account, history: [...history], promises, contacts, payments, amountDue: account.amountDue + since, instalments: unpaid(account.instalments, since) };
}

/**
 * Instalments with `amount` taken back off what was paid, from the latest-due back: payments fill
 * instalments oldest first, so the last ones filled are the first to be unpaid.
 */
function unpaid(instalments: Account['instalments'], amount: number): Account['instalments'] {
  let left = amount;
  const due = (i: number) => (instalments[i] as Instalment).dueDate;
  const order = instalments.map((_, i) => i).sort((a, b) => (due(a) === due(b) ? b - a : due(a) < due(b) ? 1 : -1));
  const out = [...instalments];
  for (const i of order) {
    const inst = out[i] as Instalment;
    if (left === 0) break;
    const back = Math.min(left, inst.paid);
    if (back > 0) out[i] = { ...inst, paid: inst.paid - back };
    left -= back;
  }
  return out;
}

function withMethod(contact: Contact, attempt: Attempt): Contact {
  const channel = attempt.channel as NonNullable<Attempt['channel']>;
  const same = contact.channels.filter((m) => m.channel === channel);
  const address = attempt.address;
  const used = address === undefined ? same : same.filter((m) => m.address === undefined || sameAddress(m.address, address));
  if (used.length === same.length && used.length > 0) return contact;
  const plain: ContactMethod = { channel, verified: false, optedOut: false, invalid: false, workplace: false, ...(attempt.address === undefined ? {} : { address: attempt.address }) };
  const kept = used.length > 0 ? used : [plain];
  // The contact's other numbers on the channel stay listed, as not usable now: attempts logged
  // against them stay theirs (a cap per number, a cap at work), not "a number not known" that
  // counts against every number, the one judged included.
  const others = same.filter((m) => !kept.includes(m)).map((m) => ({ ...m, invalid: true }));
  return { ...contact, channels: [...kept, ...others, ...contact.channels.filter((m) => m.channel !== channel)] };
}
