/** Ranks of the townships per total and per rate: 1 = highest, ties share a rank (1, 2, 2, 4). Pure. */

/** Ranks of `values` (null = not ranked) in competition order. */
export function rankValues(values: readonly (number | null)[]): (number | null)[] {
  const order = values
    .map((v, i) => ({ v, i }))
    .filter((x): x is { v: number; i: number } => x.v !== null)
    .sort((a, b) => b.v - a.v);
  const ranks: (number | null)[] = values.map(() => null);
  order.forEach((x, k) => {
    const prev = order[k - 1];
    ranks[x.i] = prev !== undefined && prev.v === x.v ? (ranks[prev.i] ?? null) : k + 1;
  });
  return ranks;
}

/** Per township, its rank for every total and every rate (rates that are null get no rank). */
export function rankTownships(
  townships: readonly { totals: Record<string, number>; rates: Record<string, number | null> }[],
  totalIds: readonly string[],
  rateIds: readonly string[],
): Record<string, number>[] {
  const out: Record<string, number>[] = townships.map(() => ({}));
  const assign = (id: string, values: (number | null)[]): void =>
    rankValues(values).forEach((r, i) => {
      const ranks = out[i];
      if (r !== null && ranks !== undefined) ranks[id] = r;
    });
  for (const id of totalIds)
    assign(
      id,
      townships.map((t) => t.totals[id] ?? null),
    );
  for (const id of rateIds)
    assign(
      id,
      townships.map((t) => t.rates[id] ?? null),
    );
  return out;
}
