import type { ChartKind, ReportColumn, ReportRow } from './api';
import { chartGroupBy, chartOption, countMarks } from './chart';

const dimension = (name: string, type: ReportColumn['type'] = 'STRING'): ReportColumn => ({
  name,
  label: name,
  role: 'DIMENSION',
  type,
  aggregate: null,
});
const measure = (name: string): ReportColumn => ({
  name,
  label: name,
  role: 'MEASURE',
  type: 'INT',
  aggregate: 'SUM',
});
const row = (dimensions: string[], value: number | null): ReportRow => ({
  dimensions,
  measures: [value, 1],
  stale: false,
});

const label = (_c: ReportColumn, v: string | null) => v ?? '—';

describe('a chart draws one mark per table row', () => {
  const twoDimensions = [
    dimension('commune', 'COMMUNE'),
    dimension('x'),
    measure('n'),
    measure('m'),
  ];
  // Not every commune has every second value: gaps must not become marks.
  const rows = [
    row(['BE-1', 'a'], 3),
    row(['BE-1', 'b'], 0),
    row(['BE-2', 'b'], 5),
    row(['FR-3', 'c'], 7),
    row(['FR-3', 'a'], 2),
  ];

  it.each<ChartKind>(['STACKED_BARS', 'LINE', 'HEATMAP'])('%s over two dimensions', (kind) => {
    const option = chartOption({
      kind,
      table: { columns: twoDimensions, rows },
      measure: 'n',
      label,
    });
    expect(countMarks(option.series)).toBe(rows.length);
  });

  it('BARS over communes', () => {
    const columns = [dimension('commune', 'COMMUNE'), measure('n'), measure('m')];
    const bars = [row(['BE-1'], 1), row(['BE-2'], 0), row(['FR-3'], 9)];
    const option = chartOption({
      kind: 'BARS',
      table: { columns, rows: bars },
      measure: 'm',
      label,
    });
    expect(countMarks(option.series)).toBe(bars.length);
  });

  it('a row with no value draws nothing', () => {
    const option = chartOption({
      kind: 'HEATMAP',
      table: { columns: twoDimensions, rows: [...rows, row(['BE-2', 'a'], null)] },
      measure: 'n',
      label,
    });
    expect(countMarks(option.series)).toBe(rows.length);
  });
});

describe('the dimensions a chart reads the report grouped by', () => {
  const columns = [
    dimension('commune', 'COMMUNE'),
    dimension('topic'),
    dimension('month', 'MONTH'),
    measure('n'),
  ];
  it.each<[ChartKind, string | null, string[]]>([
    ['BARS', null, ['commune']],
    ['STACKED_BARS', 'month', ['commune', 'topic']],
    ['HEATMAP', null, ['commune', 'topic']],
    ['LINE', 'month', ['commune', 'month']],
    ['LINE', null, ['commune']],
  ])('%s (period %s): %j', (chart, periodDimension, expected) => {
    expect(chartGroupBy({ chart, columns, periodDimension })).toEqual(expected);
  });
});
