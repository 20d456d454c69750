/** A half-open span of instants [from, to) in epoch ms. */
export type Interval = readonly [from: number, to: number];

/**
 * Sorts and merges intervals; touching intervals become one.
 *
 * @example
 * union([[5, 9], [0, 5], [12, 20]]); // [[0, 9], [12, 20]]
 */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * Intersection of two sorted, merged interval lists.
 *
 * @example
 * intersect([[0, 10]], [[5, 15]]); // [[5, 10]]
 */
export function intersect(x: readonly Interval[], y: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const a = x[i] as Interval;
    const b = y[j] as Interval;
    const from = Math.max(a[0], b[0]);
    const to = Math.min(a[1], b[1]);
    if (to > from) out.push([from, to]);
    if (a[1] < b[1]) i++;
    else j++;
  }
  return out;
}
