import type { z } from 'zod';
import type { Issue } from './errors';

/**
 * Turns zod's issues into ours: one `{ code, path, message }` per problem, with our own codes for
 * the refinements that set `params.code`, and union failures unfolded to their most useful branch.
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly (string | number)[] = []): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Report the branch that got furthest: the one whose first issue has the longest path.
      const branches = issue.errors.filter((b) => b.length > 0);
      const best = branches.reduce<readonly z.core.$ZodIssue[] | undefined>(
        (acc, b) => (acc === undefined || depth(b) > depth(acc) ? b : acc),
        undefined,
      );
      if (best !== undefined && depth(best) > 0) {
        out.push(...fromZodIssues(best, path));
        continue;
      }
      // Every branch failed at the value itself: keep a union's own message, else say what any
      // branch would have accepted.
      if (issue.message !== 'Invalid input') {
        out.push({ code: issue.code, path, message: issue.message });
        continue;
      }
      const firsts = branches.map((b) => b[0]).filter((i): i is z.core.$ZodIssue => i !== undefined);
      const messages = [...new Set(firsts.map(messageOf))];
      out.push({ code: 'invalid_union', path, message: firsts.every(isMissing) ? 'is required' : messages.join('; or ') });
      continue;
    }
    const custom = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
    out.push({ code: typeof custom === 'string' ? custom : issue.code, path, message: messageOf(issue) });
  }
  return out;
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(...issues.map((i) => i.path.length));
}

function isMissing(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (isMissing(issue)) return `is required (${issue.code === 'invalid_type' ? `a ${issue.expected}` : 'a value'})`;
  if (issue.code === 'unrecognized_keys') {
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}; remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling`;
  }
  return issue.message;
}
