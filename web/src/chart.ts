/**
 * ECharts options for a report table, one drawn mark per table row, so the chart and the table
 * under it always show the same numbers (the page exposes the count as `data-marks`).
 */
import type { ChartKind, ReportColumn, ReportDefinition, ReportTable, TrendPoint } from './api';

/** What a chart draws from: the table's columns and rows, and how to name a value. */
export interface ChartInput {
  kind: ChartKind;
  table: Pick<ReportTable, 'columns' | 'rows'>;
  /** Name of the measure drawn. */
  measure: string;
  /** A dimension value as shown (commune codes become names). */
  label(column: ReportColumn, value: string | null): string;
}

/** A subset of ECharts' option type: what these charts set, kept loose for `setOption`. */
export interface ChartOption {
  series: { type: string; name?: string; data: unknown[]; [key: string]: unknown }[];
  [key: string]: unknown;
}

/** The dimensions a chart kind reads the report grouped by (the table shows the same). */
export function chartGroupBy(
  report: Pick<ReportDefinition, 'chart' | 'columns' | 'periodDimension'>,
): string[] {
  const dimensions = report.columns.filter((c) => c.role === 'DIMENSION').map((c) => c.name);
  const [first, second] = dimensions;
  switch (report.chart) {
    case 'BARS':
      return [first!];
    case 'STACKED_BARS':
    case 'HEATMAP':
      return second ? [first!, second] : [first!];
    case 'LINE':
      return report.periodDimension && report.periodDimension !== first
        ? [first!, report.periodDimension]
        : [first!];
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * ECharts' own aria description would be English on every page: the chart is an image labelled
 * in the page's language instead (`<report-chart>`), and the table under it reads the numbers.
 */
const BASE = {
  animation: false,
  textStyle: { fontFamily: 'system-ui, sans-serif' },
  tooltip: { trigger: 'item' },
  grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
};

export function chartOption(input: ChartInput): ChartOption {
  const { table, kind } = input;
  const dimensions = table.columns.filter((c) => c.role === 'DIMENSION');
  const measures = table.columns.filter((c) => c.role === 'MEASURE');
  const m = Math.max(
    0,
    measures.findIndex((c) => c.name === input.measure),
  );
  const measure = measures[m];
  const value = (row: (typeof table.rows)[number]): number | null => row.measures[m] ?? null;
  const shown = (d: number, row: (typeof table.rows)[number]): string =>
    input.label(dimensions[d]!, row.dimensions[d] ?? null);
  const measureName = measure?.label ?? '';

  if (kind === 'BARS' || dimensions.length < 2) {
    const categories = table.rows.map((row) => shown(0, row));
    return {
      ...BASE,
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', name: measureName },
      series: [{ type: 'bar', name: measureName, data: table.rows.map(value) }],
    };
  }

  if (kind === 'STACKED_BARS') {
    const categories = unique(table.rows.map((row) => shown(0, row)));
    const groups = unique(table.rows.map((row) => shown(1, row)));
    return {
      ...BASE,
      legend: { type: 'scroll', top: 0 },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', name: measureName },
      series: groups.map((group) => {
        const data: (number | null)[] = categories.map(() => null);
        for (const row of table.rows)
          if (shown(1, row) === group) data[categories.indexOf(shown(0, row))] = value(row);
        return { type: 'bar', stack: 'total', name: group, data };
      }),
    };
  }

  if (kind === 'LINE') {
    // Months sort as text; each commune is a line, each row a point.
    const months = unique(table.rows.map((row) => row.dimensions[1] ?? '')).sort();
    const lines = unique(table.rows.map((row) => shown(0, row)));
    return {
      ...BASE,
      legend: { type: 'scroll', top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: months, boundaryGap: false },
      yAxis: { type: 'value', name: measureName },
      series: lines.map((line) => {
        const data: (number | null)[] = months.map(() => null);
        for (const row of table.rows)
          if (shown(0, row) === line) data[months.indexOf(row.dimensions[1] ?? '')] = value(row);
        return {
          type: 'line',
          name: line,
          data,
          showSymbol: true,
          symbolSize: 6,
          // A month without a row is not drawn as if it had a value between its neighbours.
          connectNulls: false,
        };
      }),
    };
  }

  // HEATMAP: communes down, the second dimension across, the measure as colour.
  const across = unique(table.rows.map((row) => shown(1, row)));
  const down = unique(table.rows.map((row) => shown(0, row)));
  const cells = table.rows
    .map((row) => [across.indexOf(shown(1, row)), down.indexOf(shown(0, row)), value(row)])
    .filter((cell) => cell[2] !== null);
  const values = cells.map((cell) => cell[2] as number);
  return {
    ...BASE,
    grid: { ...BASE.grid, bottom: 56 },
    xAxis: { type: 'category', data: across, axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'category', data: down },
    visualMap: {
      min: values.length ? Math.min(...values) : 0,
      max: values.length ? Math.max(...values, 1) : 1,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
    },
    series: [{ type: 'heatmap', name: measureName, data: cells, label: { show: true } }],
  };
}

/** The report's measure over the runs (`reportTrend`): one point per run. */
export function trendOption(
  points: TrendPoint[],
  measureName: string,
  formatInstant: (iso: string) => string,
): ChartOption {
  return {
    ...BASE,
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: points.map((p) => formatInstant(p.asOf)) },
    yAxis: { type: 'value', name: measureName },
    series: [
      {
        type: 'line',
        name: measureName,
        data: points.map((p) => p.value),
        showSymbol: true,
        symbolSize: 6,
        connectNulls: true,
      },
    ],
  };
}

function valueOf(item: unknown): unknown {
  if (Array.isArray(item)) return item[item.length - 1];
  if (item !== null && typeof item === 'object' && 'value' in item)
    return valueOf((item as { value: unknown }).value);
  return item;
}

/**
 * The marks a chart draws: data items with a value, over every series (ECharts draws nothing
 * for a null or '-' item). Read from the chart's own option after it was set.
 */
export function countMarks(series: readonly { data?: readonly unknown[] }[] | undefined): number {
  let marks = 0;
  for (const s of series ?? [])
    for (const item of s.data ?? []) {
      const v = valueOf(item);
      if (v !== null && v !== undefined && v !== '-' && !(typeof v === 'number' && Number.isNaN(v)))
        marks++;
    }
  return marks;
}
