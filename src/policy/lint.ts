import { canonicalJsonOf } from '../canonical-json';
import type { Issue } from '../errors';
import { WEEKDAYS } from '../vocabulary';
import { actionKind, actionChannels } from './actions';
import { matchesSelector } from './match';
import type { WindowConstraint } from './schema/constraints';
import type { Policy } from './schema/policy';

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
 * Contradictions that make an action impossible whatever the account: the windows of the layers
 * that apply to one of its channels never overlap. Only windows read in the same zone and not
 * depending on the contact's relationship are compared. These are errors, reported at the action's
 * `channel` and naming the layers whose windows take part.
 *
 * @example
 * findUnsatisfiableWindows(policy).forEach((i) => console.error(formatPath(i.path), i.message));
 */
export function findUnsatisfiableWindows(policy: Policy): Issue[] {
  const issues: Issue[] = [];
  for (const [id, action] of Object.entries(policy.actions)) {
    for (const channel of actionChannels(action)) {
      const subject = { action: id, kind: actionKind(action), channel, relationship: undefined, workplace: false };
      const byZone = new Map<string, Uint8Array>();
      // The layers that take part, by zone: the message names them, since the action is where the
      // problem shows but the layers (often from different composed policies) are what to change.
      const layersByZone = new Map<string, string[]>();
      for (const layer of policy.compliance) {
        const windows = layer.constraints.filter(
          (c): c is WindowConstraint =>
            c.kind === 'window' && !c.debtorMayOverride && c.appliesTo?.relationships === undefined && c.appliesTo?.workplace === undefined && matchesSelector(c.appliesTo, subject),
        );
        const zones = new Set(windows.map((w) => w.zone));
        for (const zone of zones) {
          const union = new Uint8Array(WEEK);
          for (const w of windows.filter((x) => x.zone === zone)) weekMinutes(w).forEach((v, i) => (union[i] = union[i] || v));
          const acc = byZone.get(zone);
          byZone.set(zone, acc ? acc.map((v, i) => v & (union[i] ?? 0)) : union);
          layersByZone.set(zone, [...(layersByZone.get(zone) ?? []), layer.id]);
        }
      }
      for (const [zone, open] of byZone) {
        if (!open.includes(1)) {
          issues.push({
            code: 'unsatisfiable_windows',
            path: ['actions', id, 'channel'],
            message: `the contact windows of layers ${(layersByZone.get(zone) ?? []).map((l) => `'${l}'`).join(', ')} that apply to '${id}' on ${channel} (zone ${zone}) never overlap: it could never be allowed`,
          });
        }
      }
    }
  }
  return issues;
}

/**
 * Warnings: legal but probably not what the author meant. Never errors.
 *
 * @example
 * lintPolicy(policy).forEach((w) => console.warn(w.message));
 */
export function lintPolicy(policy: Policy): Issue[] {
  const warnings: Issue[] = [];
  const used = Object.entries(policy.actions).flatMap(([id, a]) => actionChannels(a).map((channel) => ({ id, channel, kind: actionKind(a) })));
  policy.compliance.forEach((layer, l) => {
    layer.constraints.forEach((c, k) => {
      // Constraints that can never restrict anything: almost always a typo in a list.
      if (c.kind === 'cap' && c.outcomes !== undefined && c.excludeOutcomes !== undefined) {
        const excluded = c.excludeOutcomes;
        if (c.outcomes.every((o) => excluded.includes(o))) {
          warnings.push({
            code: 'constraint_never_applies',
            path: ['compliance', l, 'constraints', k, 'excludeOutcomes'],
            message: `cap '${c.id}' excludes every outcome it counts (${c.outcomes.join(', ')}): it counts no attempt and never restricts`,
          });
        }
      }
      if (c.kind === 'block' && c.except !== undefined && canonicalJsonOf(c.except) === canonicalJsonOf(c.appliesTo ?? {})) {
        warnings.push({
          code: 'constraint_never_applies',
          path: ['compliance', l, 'constraints', k, 'except'],
          message: `block '${c.id}' excepts exactly what it applies to: it never blocks anything`,
        });
      }
      if (c.kind === 'cap' && c.max === 0) {
        const hit = used.filter((u) => matchesSelector(c.appliesTo, { action: u.id, kind: u.kind, channel: u.channel, relationship: undefined, workplace: false }));
        if (hit.length > 0) {
          warnings.push({
            code: 'cap_blocks_channel',
            path: ['compliance', l, 'constraints', k, 'max'],
            message: `cap '${c.id}' allows 0 attempts: it blocks ${hit.map((h) => `'${h.id}' on ${h.channel}`).join(', ')}`,
          });
        }
      }
    });
    const windows = layer.constraints.map((c, k) => ({ c, k })).filter((x): x is { c: WindowConstraint; k: number } => x.c.kind === 'window');
    for (const narrow of windows) {
      for (const wide of windows) {
        if (wide.k !== narrow.k && wide.c.appliesTo === undefined && narrow.c.appliesTo !== undefined) {
          warnings.push({
            code: 'window_widened',
            path: ['compliance', l, 'constraints', narrow.k],
            message: `windows of one layer are a union: '${wide.c.id}' (all proposals) widens '${narrow.c.id}'; put '${narrow.c.id}' in a layer of its own to restrict`,
          });
        }
      }
    }
  });
  policy.rules.forEach((rule, r) => {
    const seen = new Set<string>();
    rule.then.forEach((a, i) => {
      if (seen.has(a)) warnings.push({ code: 'duplicate_action', path: ['rules', r, 'then', i], message: `'${a}' is listed twice` });
      seen.add(a);
    });
  });
  return warnings;
}
