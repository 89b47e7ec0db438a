import type { ReportDefinition } from '../definition';
import type { ReportTable } from '../table';

/**
 * A report and a read of it for the exports' tests: text a spreadsheet would run as a formula,
 * commas, quotes, line breaks and accents in cells, a decimal measure, nulls, a stale commune and
 * a missing one.
 */
export const SAMPLE_REPORT: ReportDefinition = {
  id: 'sample-decisions',
  title: { fr: 'Décisions', nl: 'Beslissingen', en: 'Decisions' },
  description: {
    fr: 'Décisions par thème',
    nl: 'Beslissingen per thema',
    en: 'Decisions by topic',
  },
  dimensions: [
    { name: 'commune', label: { fr: 'Commune', nl: 'Gemeente', en: 'Commune' }, type: 'COMMUNE' },
    { name: 'topic', label: { fr: 'Thème', nl: 'Thema', en: 'Topic' }, type: 'STRING' },
    { name: 'month', label: { fr: 'Mois', nl: 'Maand', en: 'Month' }, type: 'MONTH' },
    { name: 'body', label: { fr: 'Organe', nl: 'Orgaan', en: 'Body' }, type: 'STRING' },
  ],
  measures: [
    {
      name: 'count',
      label: { fr: 'Nombre', nl: 'Aantal', en: 'Count' },
      type: 'INT',
      aggregate: 'SUM',
    },
    {
      name: 'medianDays',
      label: { fr: 'Délai médian (jours)', nl: 'Mediaan (dagen)', en: 'Median (days)' },
      type: 'FLOAT',
      aggregate: 'NONE',
    },
  ],
  periodDimension: 'month',
  sources: ['deliberations.decisionCounts'],
  chart: 'STACKED_BARS',
  subgraph: 'deliberations',
  source: { query: '{ __typename }', rows: () => [] },
};

export const SAMPLE_TABLE: ReportTable = {
  report: SAMPLE_REPORT,
  asOf: '2026-03-01T12:00:00.000Z',
  columns: [
    ...SAMPLE_REPORT.dimensions.map((d) => ({
      ...d,
      role: 'DIMENSION' as const,
      aggregate: null,
    })),
    ...SAMPLE_REPORT.measures.map((m) => ({ ...m, role: 'MEASURE' as const })),
  ],
  rows: [
    {
      dimensions: ['BE-92094', 'Finances, budget "2026"', '2026-01', 'COUNCIL'],
      measures: [12, 2.5],
      stale: false,
    },
    {
      dimensions: ['BE-92094', '=HYPERLINK("http://evil.test","clic")', '2026-02', 'COUNCIL'],
      measures: [3, null],
      stale: false,
    },
    {
      dimensions: ['FR-59350', '+33 urbanisme', '2026-01', null],
      measures: [-4, -1.25],
      stale: true,
    },
    { dimensions: ['FR-59350', '-1+2', '2026-02', 'COLLEGE'], measures: [0, 0.1], stale: true },
    {
      dimensions: ['FR-59350', '@SUM(A1)\nligne 2', '2026-03', 'Conseil élu'],
      measures: [7, 3],
      stale: true,
    },
  ],
  communes: [
    {
      communeCode: 'BE-92094',
      readAt: '2026-03-01T03:00:00.000Z',
      state: 'OK',
      ageSeconds: 32400,
      error: null,
    },
    {
      communeCode: 'FR-59350',
      readAt: '2026-02-28T03:00:00.000Z',
      state: 'STALE',
      ageSeconds: 118800,
      error: 'COMMUNE_UNAVAILABLE: timeout',
    },
    {
      communeCode: 'FR-62041',
      readAt: null,
      state: 'MISSING',
      ageSeconds: null,
      error: '=cmd|calc',
    },
  ],
};

/** A cell as the table holds it, in the text form a CSV holds it (before neutralisation). */
export function cellText(value: string | number | null): string {
  return value === null ? '' : String(value);
}
