/** Nearest-name suggestions by edit distance. */

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

/** The candidate `name` closest to `text` (ties: the smaller code-point order), or null without candidates. `key` is what is compared. */
export function nearestName(
  text: string,
  candidates: readonly { key: string; name: string }[],
): string | null {
  let best: { d: number; name: string } | null = null;
  // Long inputs (a pasted paragraph) would make the O(n·m) distance slow and the suggestion meaningless.
  const probe = Array.from(text).slice(0, 64).join('');
  for (const c of candidates) {
    const d = editDistance(probe, c.key);
    if (!best || d < best.d || (d === best.d && c.name < best.name)) best = { d, name: c.name };
  }
  return best?.name ?? null;
}
