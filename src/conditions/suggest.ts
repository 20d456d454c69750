/**
 * "Did you mean" for names a user typed: facts, operators, condition names, action ids.
 */

/**
 * Edit distance between two strings: insertions, deletions, substitutions, and two neighbouring
 * letters swapped, each one edit (optimal string alignment). A swap is the commonest typo
 * (`valeu`, `fcat`), and plain Levenshtein counts it as two, too far for a short key to be found.
 *
 * @example
 * editDistance('lessThen', 'lessThan'); // 1
 * editDistance('valeu', 'value'); // 1
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  // Three rows are enough: row i reads rows i - 1 and, for a swap, i - 2.
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let curr = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (curr[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] ?? 0) + 1);
      curr[j] = d;
    }
    [before, prev, curr] = [prev, curr, before];
  }
  return prev[b.length] ?? 0;
}

/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo: at most one edit
 * for short words, a third of the word's length for longer ones. Case differences are free
 * (`greaterthan` finds `greaterThan`). Ties go to the earlier candidate, so the result is stable.
 *
 * @example
 * suggest('lessThen', ['equal', 'lessThan']); // 'lessThan'
 * suggest('banana', ['equal', 'lessThan']); // undefined
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const d = editDistance(lower, candidate.toLowerCase());
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * A ready-to-append hint: `"; did you mean 'x'?"`, or `''` when nothing is close.
 *
 * @example
 * `unknown fact 'dayPastDue'${didYouMean('dayPastDue', ['daysPastDue'])}`;
 * // "unknown fact 'dayPastDue'; did you mean 'daysPastDue'?"
 */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const hit = suggest(word, candidates);
  return hit === undefined ? '' : `; did you mean '${hit}'?`;
}
