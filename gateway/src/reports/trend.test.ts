import type { SnapshotFigure } from './snapshots';
import { trendPoints } from './trend';

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
/** The run ending at `day`, started an hour before. */
const run = (day: number) => ({
  asOf: at(day),
  runStartedAt: new Date(at(day).getTime() - 3600_000),
});
const figure = (
  communeCode: string,
  day: number,
  value: number | null,
  outcome: 'ok' | 'failed' = 'ok',
): SnapshotFigure => ({ communeCode, readAt: at(day), outcome, value });

// Namur read on days 1, 2 (failed) and 3; Lille first read on day 2.
const FIGURES = [
  figure('BE-92094', 1, 10),
  figure('BE-92094', 2, null, 'failed'),
  figure('BE-92094', 3, 12),
  figure('FR-59350', 2, 5),
  figure('FR-59350', 3, 7),
];

describe('trend points', () => {
  it('takes per commune its latest good figure at each instant, stale when its latest failed', () => {
    expect(trendPoints([run(1), run(2), run(3)], FIGURES, null, 'SUM')).toEqual([
      { asOf: at(1).toISOString(), value: 10, communes: 1, staleCommunes: 0 },
      { asOf: at(2).toISOString(), value: 15, communes: 2, staleCommunes: 1 },
      { asOf: at(3).toISOString(), value: 19, communes: 2, staleCommunes: 0 },
    ]);
  });

  it('adds up by the measure aggregate, and leaves out named communes never read', () => {
    const points = trendPoints([run(2), run(3)], FIGURES, ['BE-92094', 'BE-62063'], 'MAX');
    expect(points.map((p) => [p.value, p.communes, p.staleCommunes])).toEqual([
      [10, 1, 1],
      [12, 1, 0],
    ]);
  });

  it('counts a commune the run did not read (suspended, left) as stale', () => {
    const points = trendPoints([run(3)], [figure('BE-92094', 1, 10)], null, 'SUM');
    expect(points[0]).toMatchObject({ value: 10, communes: 1, staleCommunes: 1 });
  });

  it('has no value where no commune has one', () => {
    expect(trendPoints([run(1)], [figure('BE-92094', 1, null)], null, 'SUM')[0]!.value).toBeNull();
  });
});
