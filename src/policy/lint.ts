import { findContactOrderDeadlocks } from './contact-order-deadlocks';
import { contradictoryConditions } from './contradictions';
import { createOperatorRegistry, type OperatorRegistry } from '../conditions';
import { constantCondition } from '../conditions/constant';
import { operandCoercions } from '../conditions/operands';
import { forEachComparison } from '../conditions/values';
import { type Interval, intersect, union } from '../constraints/intervals';
import type { Issue } from '../errors';
import { FACTS } from '../facts/catalogue';
import { fixedOffsetProblem, ZoneClocks } from '../time';
import { isoDateToDayNumber, weekdayOfDayNumber } from '../time/instant';
import { type Channel, OUTCOMES, WEEKDAYS, type Weekday } from '../vocabulary';
import { quoteAll } from '../zod-issues';
import { actionKind, actionChannels, contactOrdersOf, reachedRelationships } from './actions';
import { rankOf } from './ranks';
import { conditionTrees, undefinedBuckets } from './lint-conditions';
import { blockedByZeroCap, ordersNotApplied, selectorWarnings, targetedOrders } from './lint-selectors';
import { matchesSelector, type Subject } from './match';
import { actionShapes } from './possible-proposals';
import type { ContactOrderConstraint, WindowConstraint } from './schema/constraints';
import type { Policy } from './schema/policy';
import type { Selector } from './schema/selector';

const WEEK = 7 * 1440;

/** Minutes of the week (Monday 00:00 = 0) a window is open, holidays aside. */
function weekMinutes(w: WindowConstraint): Uint8Array {
  const open = new Uint8Array(WEEK);
  const from = toMinutes(w.from);
  const to = toMinutes(w.to);
  for (const day of w.days) {
    const start = WEEKDAYS.indexOf(day) * 1440 + from;
    const length = to > from ? to - from : 1440 - from + to;
    for (let m = 0; m < length; m++) open[(start + m) % WEEK] = 1;
  }
  return open;
}

function toMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * The local days fixed-zone windows are compared over: two full years, so that every combination
 * of the zones' DST rules occurs (northern and southern changes, weeks when they differ). A
 * constant: src/ never reads the clock.
 */
const REFERENCE_FIRST_DAY = isoDateToDayNumber('2026-01-01') as number;
const REFERENCE_LAST_DAY = isoDateToDayNumber('2027-12-31') as number;

/** The instants a fixed-zone window is open over the reference days, holidays aside. */
function fixedWindowInstants(w: WindowConstraint, clocks: ZoneClocks): Interval[] {
  const clock = clocks.get(w.zone);
  const from = toMinutes(w.from);
  const to = toMinutes(w.to);
  const out: Interval[] = [];
  for (let d = REFERENCE_FIRST_DAY; d <= REFERENCE_LAST_DAY; d++) {
    if (!w.days.includes(WEEKDAYS[weekdayOfDayNumber(d) - 1] as Weekday)) continue;
    out.push(...clock.wallIntervalInstants(d, from, to <= from ? d + 1 : d, to));
  }
  return out;
}

/** The part of a selector that reads the proposal alone, not the person reached. */
function proposalPart(selector: Selector | undefined): Selector | undefined {
  if (selector === undefined) return undefined;
  const { relationships: _relationships, workplace: _workplace, ...rest } = selector;
  return rest;
}

/** A window whose hours depend on who is reached: the debtor's stated times, or the contact. */
const dependsOnPerson = (w: WindowConstraint): boolean => w.debtorMayOverride || w.appliesTo?.relationships !== undefined || w.appliesTo?.workplace !== undefined;


/**
 * Contradictions that make an action impossible whatever the account: the windows of the layers
 * that apply to one of its channels never overlap. These are errors, reported at the action's
 * `channel` and naming the layers whose windows take part (and their zones, for fixed ones).
 *
 * Sound: a policy is refused only when no account, contact and instant could ever be allowed. A
 * layer takes part only when its windows for the proposal are known without knowing the person:
 * a layer with no window for the proposal restricts nothing, and a layer with a window the debtor
 * may override (`debtorMayOverride`), one that selects by `relationships` or `workplace`, or one
 * that mixes windows in the zone `'contact'` with windows in fixed zones (its hours then depend on
 * where the person is) is left out. The others form two groups, each checked on its own:
 * - layers read in the person's zone: their minutes of the week must meet (same zone, so wall
 *   clocks compare directly);
 * - layers in fixed zones (any, within and across layers): their open instants over the local days
 *   of 2026–2027 (every DST combination of the zones' current rules) must meet.
 * Whether a layer of one group meets one of the other depends on the person's zone, so the two
 * groups together are not checked (the engine then answers `BEYOND_HORIZON`). Holidays only
 * close days and are left aside.
 *
 * @example
 * findUnsatisfiableWindows(policy).forEach((i) => console.error(formatPath(i.path), i.message));
 */
export function findUnsatisfiableWindows(policy: Policy): Issue[] {
  const issues: Issue[] = [];
  const clocks = new ZoneClocks();
  // Open instants by window, then by layer and the windows of it that apply: most actions and
  // channels see the same windows, and two years of days are worth computing once.
  const byWindow = new Map<WindowConstraint, Interval[]>();
  const byLayer = new Map<string, Interval[]>();
  for (const [id, action] of Object.entries(policy.actions)) {
    actionChannels(action).forEach((channel, c) => {
      const subject: Subject = { action: id, kind: actionKind(action), channel, relationship: undefined, workplace: false };
      // At the channel itself when the action lists several: the others may still be usable.
      const path = Array.isArray(action.channel) ? ['actions', id, 'channel', c] : ['actions', id, 'channel'];
      const others = actionChannels(action).filter((x) => x !== channel);
      const verdict = others.length === 0 ? 'it could never be allowed' : `it could never be allowed on ${channel} (only on ${others.join(', ')})`;
      const contact: { layer: string; windows: WindowConstraint[]; open: Uint8Array }[] = [];
      const fixed: { layer: string; zones: string[]; key: string; windows: WindowConstraint[] }[] = [];
      policy.compliance.forEach((layer, l) => {
        const matching = layer.constraints
          .map((c, k) => ({ c, k }))
          .filter((x): x is { c: WindowConstraint; k: number } => x.c.kind === 'window' && matchesSelector(proposalPart(x.c.appliesTo), subject));
        const windows = matching.map((x) => x.c);
        if (windows.length === 0 || windows.some(dependsOnPerson)) return;
        const zones = [...new Set(windows.map((w) => w.zone))];
        if (zones.length === 1 && zones[0] === 'contact') {
          const open = new Uint8Array(WEEK);
          for (const w of windows) weekMinutes(w).forEach((v, i) => (open[i] = open[i] || v));
          contact.push({ layer: layer.id, windows, open });
        } else if (!zones.includes('contact')) {
          fixed.push({ layer: layer.id, zones, key: `${l}|${matching.map((x) => x.k).join(',')}`, windows });
        }
      });
      // The layers that take part are named: the action is where the problem shows, but the layers
      // (often from different composed policies) are what to change.
      if (contact.length > 0) {
        const open = contact.map((x) => x.open).reduce((acc, u) => acc.map((v, i) => v & (u[i] ?? 0)));
        if (!open.includes(1)) {
          issues.push({
            code: 'unsatisfiable_windows',
            path,
            message: `the contact windows of layers ${quoteAll(contact.map((x) => x.layer))} that apply to '${id}' on ${channel} (zone contact) never overlap: ${verdict}. ${widenOne(contact)}`,
          });
        }
      }
      // One layer alone is always open somewhere (a window that is never open is refused earlier).
      if (fixed.length > 1) {
        const openOf = (x: (typeof fixed)[number]): Interval[] => {
          let open = byLayer.get(x.key);
          if (open === undefined) {
            open = union(
              x.windows.flatMap((w) => {
                let own = byWindow.get(w);
                if (own === undefined) byWindow.set(w, (own = fixedWindowInstants(w, clocks)));
                return own;
              }),
            );
            byLayer.set(x.key, open);
          }
          return open;
        };
        let open = openOf(fixed[0] as (typeof fixed)[number]);
        for (const x of fixed.slice(1)) if (open.length > 0) open = intersect(open, openOf(x));
        if (open.length === 0) {
          issues.push({
            code: 'unsatisfiable_windows',
            path,
            message: `the contact windows of layers ${fixed.map((x) => `'${x.layer}' (${x.zones.join(', ')})`).join(', ')} that apply to '${id}' on ${channel} never overlap: ${verdict}. ${widenOne(fixed)}`,
          });
        }
      }
    });
  }
  return issues;
}

/** What to change: the windows that take part, by layer (every layer must leave some minute open). */
function widenOne(layers: readonly { layer: string; windows: readonly WindowConstraint[] }[]): string {
  const named = layers.map((x) => `${quoteAll(x.windows.map((w) => w.id))} (layer '${x.layer}')`).join(', ');
  return `Widen or move the windows ${named} until every layer shares some open minute, or take the channel off the action`;
}

/** Whether a selector selects every proposal: none given, or one that names nothing. */
const selectsAll = (s: Selector | undefined): boolean => s === undefined || Object.values(s).every((v) => v === undefined);

/**
 * Whether the wide window opens a minute the narrow one does not: always when they are read in
 * different zones, or when the debtor may replace either's hours; a day the narrow one is closed
 * for a holiday the wide one is not closed for also counts.
 */
function widens(wide: WindowConstraint, narrow: WindowConstraint): boolean {
  if (wide.zone !== narrow.zone || wide.debtorMayOverride || narrow.debtorMayOverride) return true;
  if (narrow.closedOn.some((h) => !wide.closedOn.includes(h))) return true;
  const inside = weekMinutes(narrow);
  return weekMinutes(wide).some((v, i) => v === 1 && inside[i] === 0);
}

/** Whether a contact order lets a relationship be contacted at all. */
/**
 * The actions a contact order with `unranked: 'forbidden'` always blocks: every proposal of theirs
 * (each channel, each relationship they reach, at the workplace or not) is one the order applies
 * to and a relationship it ranks nowhere. An action reaching the contacts of an order (`target:
 * { order }`) reaches only relationships that order lets through.
 */
function alwaysForbidden(order: ContactOrderConstraint, policy: Policy): string[] {
  if (order.unranked !== 'forbidden') return [];
  const orders = contactOrdersOf(policy);
  return Object.entries(policy.actions).flatMap(([id, action]) => {
    const channels = actionChannels(action);
    const reached = reachedRelationships(action, orders);
    if (channels.length === 0 || reached.length === 0) return [];
    const kind = actionKind(action);
    const blocked = channels.every((channel) =>
      reached.every((relationship) => rankOf(order, relationship) === null && [false, true].every((workplace) => matchesSelector(order.appliesTo, { action: id, kind, channel, relationship, workplace }))),
    );
    return blocked ? [`'${id}' (${reached.join(', ')})`] : [];
  });
}

/**
 * Numeric comparisons (`greaterThan`…) of a number fact with a literal JavaScript coerces into a
 * number (`"30"`, `true`, `null`, `[]`): they work, but rarely as written. Every tree is read:
 * rules, named conditions, blocks.
 */
function coercedValues(policy: Policy, operators: OperatorRegistry): Issue[] {
  const warnings: Issue[] = [];
  for (const [tree, path] of conditionTrees(policy)) {
    forEachComparison(tree, path, (node, at) => {
      const { fact, operator, value } = node;
      warnings.push(...ignoredPaths(node, at));
      if (typeof fact !== 'string' || typeof operator !== 'string' || node.path !== undefined || !Object.hasOwn(FACTS, fact)) return;
      if (value !== null && typeof value === 'object' && Object.hasOwn(value, 'fact')) return;
      const type: string = FACTS[fact as keyof typeof FACTS].type;
      for (const c of operandCoercions(operator, fact, type, { literal: value }, (name) => operators.isBuiltIn(name))) {
        warnings.push({ code: 'coerced_value', path: [...at, ...c.at], message: c.message });
      }
    });
  }
  return warnings;
}

/**
 * A `path` on a fact that is never an object or a list (`daysPastDue`, `bucket`): json-rules-engine
 * reads a path only into objects, and compares the whole value otherwise — the path is silently
 * ignored. On the comparison's fact and on a `{ fact }` value.
 */
function ignoredPaths(node: Readonly<Record<string, unknown>>, at: readonly (string | number)[]): Issue[] {
  const { value } = node;
  const ref = value !== null && typeof value === 'object' && Object.hasOwn(value, 'fact') ? (value as Readonly<Record<string, unknown>>) : undefined;
  const sides: [unknown, unknown, (string | number)[]][] = [[node.fact, node.path, [...at, 'path']], ...(ref === undefined ? [] : [[ref.fact, ref.path, [...at, 'value', 'path']] as [unknown, unknown, (string | number)[]]])];
  return sides.flatMap(([fact, path, where]) => {
    if (typeof fact !== 'string' || path === undefined || !Object.hasOwn(FACTS, fact)) return [];
    const type: string = FACTS[fact as keyof typeof FACTS].type;
    if (type === 'object' || type.endsWith('[]')) return [];
    return [{ code: 'path_ignored', path: where, message: `the fact '${fact}' is ${type}, never an object or a list: json-rules-engine ignores the path and compares the whole value; remove the path` }];
  });
}

/** Words of an id or label: `fileSuit`, `file_suit` and `File suit` all give `file`, `suit`. */
const words = (text: string): string[] =>
  text
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');

/** Words that name a lawsuit or another legal step (`kind: 'legal'`). */
const LEGAL_WORD = /^(?:sue[ds]?|suing|suits?|lawsuits?|legal|courts?|litigat\w*|judge?ments?|garnish\w*)$/;
/** Chinese: credit reporting (征信); litigation, suing, court, arbitration. Matched as text, not words. */
const CREDIT_REPORT_TEXT = /征信/u;
const LEGAL_TEXT = /诉讼|起诉|法院|仲裁/u;

/**
 * The kind a text (an action's id or label) suggests when it reads like a credit report (`bureau`,
 * or `credit` with `report`/`furnish`) or a legal step (`sue`, `suit`, `lawsuit`, `legal`, `court`,
 * `litigation`, `judgment`, `garnish`…), by whole words; `undefined` otherwise.
 */
function kindSuggestedBy(text: string): 'credit_report' | 'legal' | undefined {
  const all = words(text);
  const credit = all.includes('credit') && all.some((w) => /^(?:report|furnish)/.test(w));
  if (credit || all.some((w) => /^bureaus?$/.test(w)) || CREDIT_REPORT_TEXT.test(text)) return 'credit_report';
  if (all.some((w) => LEGAL_WORD.test(w)) || LEGAL_TEXT.test(text)) return 'legal';
  return undefined;
}

/** What a constraint for the kind typically is, for the message. */
const MISSED: Record<'credit_report' | 'legal', string> = {
  credit_report: "blocks and caps for the kind 'credit_report' (e.g. Regulation F's dispute and no-report-before-contact blocks)",
  legal: "blocks and caps for the kind 'legal' (e.g. Regulation F's dispute block)",
};

/**
 * Actions without a channel and without a `kind` are `internal`: constraints that select the kinds
 * `credit_report` or `legal` (Reg F's dispute block, its no-report-before-contact block, a cap on
 * lawsuits by kind) never apply to them. Warned when the id or label reads like one of those; an
 * explicit `kind` (`'internal'` included) silences it.
 */
function implicitInternalKinds(policy: Policy): Issue[] {
  return Object.entries(policy.actions).flatMap(([id, action]): Issue[] => {
    if (action.kind !== undefined || action.channel !== undefined) return [];
    const byId = kindSuggestedBy(id);
    const byLabel = byId === undefined && action.label !== undefined ? kindSuggestedBy(action.label) : undefined;
    const kind = byId ?? byLabel;
    if (kind === undefined) return [];
    const what = kind === 'credit_report' ? 'a credit report' : 'a legal step';
    const named = byId !== undefined ? 'its id' : `its label '${action.label ?? ''}'`;
    return [
      {
        code: 'implicit_internal_kind',
        path: ['actions', id, 'kind'],
        message: `action '${id}' has no channel and no \`kind\`, so it is treated as 'internal' and ${MISSED[kind]} never apply to it, yet ${named} reads like ${what}: set \`kind: '${kind}'\` (or \`kind: 'internal'\` if it is one)`,
      },
    ];
  });
}

/**
 * Channels on which a notice is spoken or handed over in person, not written. The notices the law
 * lets through where communication must stop (Reg F § 1006.6(c)(2): efforts terminated, a remedy
 * the collector may or intends to invoke) are written: a letter, or an electronic message (Reg F
 * counts e-mails, text messages and in-app messages as electronic communications, and § 1006.42 lets
 * written disclosures be sent by them), so `letter`, `email`, `sms` and `app` are not listed. A
 * voicemail is a phone call.
 */
const CONVERSATION_CHANNELS: readonly Channel[] = ['phone', 'visit'];

/**
 * Actions of `kind: 'notice'` on a channel of {@link CONVERSATION_CHANNELS}: regulation presets let
 * notices through their cease and dispute blocks, so a call or a field visit labelled a notice
 * would pass them. Warned once per action, naming those channels.
 */
function noticesByConversation(policy: Policy): Issue[] {
  return Object.entries(policy.actions).flatMap(([id, action]): Issue[] => {
    if (action.kind !== 'notice') return [];
    const spoken = actionChannels(action).filter((c) => CONVERSATION_CHANNELS.includes(c));
    if (spoken.length === 0) return [];
    return [
      {
        code: 'notice_by_conversation',
        path: ['actions', id, 'kind'],
        message: `action '${id}' has \`kind: 'notice'\` but goes by ${spoken.join(', ')}: regulation presets let notices through their cease and dispute blocks because the notices the law allows after a cease request (Reg F § 1006.6(c)(2): efforts terminated, a remedy invoked) are written, so this one would pass them too; set \`kind: 'communication'\`, or, if it is one of those notices, send it in writing (letter, email, sms or app)`,
      },
    ];
  });
}

/**
 * Warnings: legal but probably not what the author meant. Never errors. `operators`: the registry
 * the policy was parsed with (custom operators are not read as json-rules-engine's own); default:
 * json-rules-engine's operators alone.
 *
 * @example
 * lintParsedPolicy(policy).forEach((w) => console.warn(w.message));
 */
export function lintParsedPolicy(policy: Policy, operators: OperatorRegistry = createOperatorRegistry()): Issue[] {
  const warnings: Issue[] = [...implicitInternalKinds(policy), ...noticesByConversation(policy), ...findContactOrderDeadlocks(policy), ...ordersNotApplied(policy), ...contradictoryConditions(policy, operators)];
  const targeted = targetedOrders(policy);
  const shapes = actionShapes(policy);
  policy.compliance.forEach((layer, l) => {
    layer.constraints.forEach((c, k) => {
      // Constraints that stop everything they could meet: almost always a condition left out.
      if (c.kind === 'block' && selectsAll(c.appliesTo) && c.except === undefined) {
        if (c.when === undefined) {
          warnings.push({
            code: 'always_blocked',
            path: ['compliance', l, 'constraints', k],
            message: `block '${c.id}' has no \`when\`, no \`appliesTo\` and no \`except\`: it blocks every proposal of every account; add a \`when\` (or an \`appliesTo\`) saying what it stops`,
          });
        } else if (constantCondition(c.when, policy.conditions) === true) {
          // `{ all: [] }`, an empty `any` (json-rules-engine passes both), or a tree of them: no `when` in disguise.
          warnings.push({
            code: 'always_blocked',
            path: ['compliance', l, 'constraints', k, 'when'],
            message: `block '${c.id}' has a \`when\` that always holds (whatever the facts), no \`appliesTo\` and no \`except\`: it blocks every proposal of every account; make the \`when\` test what it stops (an empty \`all\` or \`any\` holds)`,
          });
        }
      }
      if (c.kind === 'contactOrder') {
        const blocked = alwaysForbidden(c, policy);
        if (blocked.length > 0) {
          warnings.push({
            code: 'always_blocked',
            path: ['compliance', l, 'constraints', k, 'ranks'],
            message: `contact order '${c.id}' ranks none of the relationships ${blocked.join(', ')} reach${blocked.length === 1 ? 'es' : ''}, and \`unranked\` is 'forbidden': ${blocked.length === 1 ? 'it is' : 'they are'} always blocked; rank those relationships, or set \`unranked\` to 'last'`,
          });
        }
      }
      // Accounts refuse these names for a person; a policy may mean a fixed offset, or a place.
      if ((c.kind === 'window' || c.kind === 'cap' || c.kind === 'cooldown') && c.zone !== 'contact') {
        const problem = fixedOffsetProblem(c.zone);
        if (problem !== null) {
          warnings.push({
            code: 'fixed_offset_zone',
            path: ['compliance', l, 'constraints', k, 'zone'],
            message: `${problem}. A policy may mean a fixed offset (the same UTC offset all year): keep it only then, or write 'contact' for the zone of the person reached`,
          });
        }
      }
      // Constraints that can never restrict anything: almost always a typo in a list.
      if (c.kind === 'cap' && c.excludeOutcomes !== undefined) {
        const excluded = c.excludeOutcomes;
        const counted = c.outcomes ?? OUTCOMES;
        if (counted.every((o) => excluded.includes(o))) {
          warnings.push({
            code: 'constraint_never_applies',
            path: ['compliance', l, 'constraints', k, 'excludeOutcomes'],
            message:
              c.outcomes === undefined
                ? `cap '${c.id}' excludes every outcome: it counts no attempt and never restricts`
                : `cap '${c.id}' excludes every outcome it counts (${c.outcomes.join(', ')}): it counts no attempt and never restricts`,
          });
        }
      }
      warnings.push(...selectorWarnings(c, ['compliance', l, 'constraints', k], policy, shapes, targeted));
      if (c.kind === 'cap' && c.max === 0) {
        const blocked = blockedByZeroCap(c, policy, shapes);
        if (blocked.length > 0) {
          warnings.push({ code: 'cap_blocks_channel', path: ['compliance', l, 'constraints', k, 'max'], message: `cap '${c.id}' allows 0 attempts: it blocks ${blocked.join('; ')}` });
        }
      }
    });
    const windows = layer.constraints.map((c, k) => ({ c, k })).filter((x): x is { c: WindowConstraint; k: number } => x.c.kind === 'window');
    for (const narrow of windows) {
      for (const wide of windows) {
        if (wide.k !== narrow.k && selectsAll(wide.c.appliesTo) && !selectsAll(narrow.c.appliesTo) && widens(wide.c, narrow.c)) {
          warnings.push({
            code: 'window_widened',
            path: ['compliance', l, 'constraints', narrow.k],
            message: `windows of one layer are a union: '${wide.c.id}' (all proposals) widens '${narrow.c.id}'; put '${narrow.c.id}' in a layer of its own to restrict`,
          });
        }
      }
    }
  });
  for (const [id, action] of Object.entries(policy.actions)) {
    if (!Array.isArray(action.channel)) continue;
    for (const i of repeatsIn(action.channel)) {
      warnings.push({ code: 'duplicate_channel', path: ['actions', id, 'channel', i], message: `'${action.channel[i]}' is listed twice; it is tried once, where first listed` });
    }
  }
  policy.rules.forEach((rule, r) => {
    for (const i of repeatsIn(rule.then)) warnings.push({ code: 'duplicate_action', path: ['rules', r, 'then', i], message: `'${rule.then[i]}' is listed twice` });
  });
  warnings.push(...repeatedValues(policy));
  warnings.push(...coercedValues(policy, operators));
  warnings.push(...undefinedBuckets(policy));
  return warnings;
}

/** The indexes of a list's repeats: every place a value occurs after its first. */
function repeatsIn<T>(list: readonly T[]): number[] {
  return list.flatMap((value, i) => (list.indexOf(value) === i ? [] : [i]));
}

/**
 * A value listed twice in a constraint's list (a window's `days`, a selector's `channels`, a cap's
 * `outcomes`…): each list matches any of its members, so the repeat does nothing — usually a
 * slip for another value. Reported at the repeat. (An action's `channel` list and a rule's `then`
 * have their own codes; a relationship in two ranks of a contact order is an error.)
 */
function repeatedValues(policy: Policy): Issue[] {
  const warnings: Issue[] = [];
  const check = (list: readonly string[] | undefined, path: readonly (string | number)[]): void => {
    if (list === undefined) return;
    for (const i of repeatsIn(list)) {
      warnings.push({
        code: 'duplicate_value',
        path: [...path, i],
        message: `'${list[i]}' is listed twice in \`${String(path[path.length - 1])}\`; it counts once, so the repeat does nothing: remove it, or write the value you meant`,
      });
    }
  };
  const selector = (s: Selector | undefined, path: readonly (string | number)[]): void => {
    if (s === undefined) return;
    for (const key of ['actions', 'kinds', 'channels', 'relationships'] as const) check(s[key], [...path, key]);
  };
  policy.compliance.forEach((layer, l) => {
    layer.constraints.forEach((c, k) => {
      const at = ['compliance', l, 'constraints', k];
      selector(c.appliesTo, [...at, 'appliesTo']);
      switch (c.kind) {
        case 'window':
          check(c.days, [...at, 'days']);
          check(c.closedOn, [...at, 'closedOn']);
          break;
        case 'cap':
          check(c.outcomes, [...at, 'outcomes']);
          check(c.excludeOutcomes, [...at, 'excludeOutcomes']);
          break;
        case 'cooldown':
          for (const key of ['outcomes', 'actions', 'channels'] as const) check(c.after[key], [...at, 'after', key]);
          break;
        case 'contactOrder':
          check(c.exhaustedBy, [...at, 'exhaustedBy']);
          check(c.exhaustedAfter?.outcomes, [...at, 'exhaustedAfter', 'outcomes']);
          break;
        case 'block':
          selector(c.except, [...at, 'except']);
          break;
        default:
          break;
      }
    });
  });
  return warnings;
}
