import type { SnapshotFigure } from './snapshots';

/** One point of a trend: the measure over the communes as of one run. */
export interface TrendPoint {
  asOf: string;
  value: number | null;
  /** Communes whose figure counts in the point, stale ones included. */
  communes: number;
  staleCommunes: number;
}

/**
 * The trend as of each instant, with the as-of rule of every read: per commune, its latest
 * snapshot at or before the instant; a failed one falls back to the latest good one before it
 * (STALE), as is a commune the run ending at the instant did not read at all (its latest read is
 * older than the run's start); a commune never read well counts in no point. `figures` are in
 * commune, then time, order; `instants` ascending. Without named communes, a point covers every commune read by then.
 */
export function trendPoints(
  instants: readonly { asOf: Date; runStartedAt: Date }[],
  figures: readonly SnapshotFigure[],
  communes: readonly string[] | null,
  aggregate: 'SUM' | 'MAX' | 'MIN',
): TrendPoint[] {
  const byCommune = new Map<string, SnapshotFigure[]>();
  for (const figure of figures) {
    const list = byCommune.get(figure.communeCode);
    if (list) list.push(figure);
    else byCommune.set(figure.communeCode, [figure]);
  }
  const codes = communes ?? [...byCommune.keys()];
  // Per commune, how far its snapshots have been walked, and its latest good one so far.
  const walk = new Map(
    codes.map((code) => [
      code,
      {
        next: 0,
        latest: undefined as SnapshotFigure | undefined,
        good: undefined as SnapshotFigure | undefined,
      },
    ]),
  );
  const combine = (a: number, b: number) =>
    aggregate === 'SUM' ? a + b : aggregate === 'MAX' ? Math.max(a, b) : Math.min(a, b);
  return instants.map(({ asOf: at, runStartedAt }) => {
    let value: number | null = null;
    let counted = 0;
    let stale = 0;
    for (const code of codes) {
      const list = byCommune.get(code) ?? [];
      const state = walk.get(code)!;
      while (state.next < list.length && list[state.next]!.readAt.getTime() <= at.getTime()) {
        const figure = list[state.next++]!;
        state.latest = figure;
        if (figure.outcome === 'ok') state.good = figure;
      }
      if (!state.good) continue;
      counted++;
      if (state.latest !== state.good || state.latest!.readAt < runStartedAt) stale++;
      const v = state.good.value;
      if (v !== null) value = value === null ? v : combine(value, v);
    }
    return { asOf: at.toISOString(), value, communes: counted, staleCommunes: stale };
  });
}
