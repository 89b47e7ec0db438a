/** The hub's GraphQL fields the pages read (schema/reports.graphql, schema/registry.graphql). */
import { graphql } from './graphql';
import type { Language } from './i18n';

export type ChartKind = 'BARS' | 'STACKED_BARS' | 'LINE' | 'HEATMAP';

export interface ReportColumn {
  name: string;
  label: string;
  role: 'DIMENSION' | 'MEASURE';
  type: 'STRING' | 'COMMUNE' | 'MONTH' | 'INT' | 'FLOAT';
  aggregate: 'SUM' | 'MAX' | 'MIN' | 'NONE' | null;
}

export interface ReportDefinition {
  id: string;
  title: string;
  description: string;
  columns: ReportColumn[];
  periodDimension: string | null;
  sources: string[];
  chart: ChartKind;
  schedule: string;
}

export interface ReportRow {
  dimensions: (string | null)[];
  measures: (number | null)[];
  stale: boolean;
}

export type ProvenanceState = 'OK' | 'STALE' | 'MISSING';

export interface Provenance {
  communeCode: string;
  readAt: string | null;
  state: ProvenanceState;
  ageSeconds: number | null;
  error: string | null;
}

export interface ReportTable {
  asOf: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  communes: Provenance[];
}

export interface TrendPoint {
  asOf: string;
  value: number | null;
  communes: number;
  staleCommunes: number;
}

/** `ReportRead` of the API. */
export interface ReportRead {
  communes?: string[] | null;
  from?: string | null;
  to?: string | null;
  asOf?: string | null;
  groupBy?: string[] | null;
  where?: { dimension: string; values: string[] }[] | null;
}

export interface CommuneSummary {
  code: string;
  name: string;
  status: 'ACTIVE' | 'SUSPENDED' | 'LEFT';
}

export interface CommuneHealth extends CommuneSummary {
  health: {
    subgraph: string;
    status: 'UP' | 'DOWN' | 'UNKNOWN';
    latencyMs: number | null;
    checkedAt: string | null;
    circuit: { state: 'CLOSED' | 'OPEN' | 'HALF_OPEN' };
  }[];
}

const COLUMN = 'name label(language: $language) role type aggregate';

export async function loadReports(
  language: Language,
): Promise<{ reports: ReportDefinition[]; communes: CommuneSummary[] }> {
  return graphql(
    `query Reports($language: ReportLanguage) {
      reports {
        id title(language: $language) description(language: $language)
        columns { ${COLUMN} } periodDimension sources chart schedule
      }
      communes { code name status }
    }`,
    { language },
  );
}

export async function loadReportTable(
  id: string,
  read: ReportRead,
  language: Language,
  signal?: AbortSignal,
): Promise<ReportTable> {
  const data = await graphql<{ report: ReportTable }>(
    `query Report($id: ID!, $read: ReportRead, $language: ReportLanguage) {
      report(id: $id, read: $read) {
        asOf columns { ${COLUMN} }
        rows { dimensions measures stale }
        communes { communeCode readAt state ageSeconds error }
      }
    }`,
    { id, read, language },
    signal,
  );
  return data.report;
}

/**
 * The values each of `dimensions` takes under `read` (one aliased read grouped by that
 * dimension alone), for the filter selects.
 */
export async function loadDimensionValues(
  id: string,
  dimensions: string[],
  read: ReportRead,
  signal?: AbortSignal,
): Promise<Record<string, string[]>> {
  if (dimensions.length === 0) return {};
  const fields = dimensions
    .map((_, i) => `d${i}: report(id: $id, read: $read${i}) { rows { dimensions } }`)
    .join('\n');
  const variables: Record<string, unknown> = { id };
  dimensions.forEach((dimension, i) => {
    variables[`read${i}`] = {
      ...read,
      groupBy: [dimension],
      // A dimension's own filter would hide the values one can switch to.
      where: (read.where ?? []).filter((w) => w.dimension !== dimension),
    };
  });
  const declarations = dimensions.map((_, i) => `$read${i}: ReportRead`).join(', ');
  const data = await graphql<Record<string, { rows: { dimensions: (string | null)[] }[] }>>(
    `query DimensionValues($id: ID!, ${declarations}) { ${fields} }`,
    variables,
    signal,
  );
  return Object.fromEntries(
    dimensions.map((dimension, i) => [
      dimension,
      [
        ...new Set(
          data[`d${i}`]!.rows.map((r) => r.dimensions[0]).filter((v): v is string => v != null),
        ),
      ],
    ]),
  );
}

export async function loadTrend(
  id: string,
  measure: string,
  read: ReportRead,
  signal?: AbortSignal,
): Promise<TrendPoint[]> {
  const data = await graphql<{ reportTrend: TrendPoint[] }>(
    `
      query Trend($id: ID!, $measure: String!, $read: ReportRead) {
        reportTrend(id: $id, measure: $measure, read: $read) {
          asOf
          value
          communes
          staleCommunes
        }
      }
    `,
    { id, measure, read },
    signal,
  );
  return data.reportTrend;
}

export async function loadNetwork(language: Language): Promise<{
  communes: CommuneHealth[];
  reports: Pick<ReportDefinition, 'id' | 'title' | 'description'>[];
}> {
  return graphql(
    `
      query Network($language: ReportLanguage) {
        communes {
          code
          name
          status
          health {
            subgraph
            status
            latencyMs
            checkedAt
            circuit {
              state
            }
          }
        }
        reports {
          id
          title(language: $language)
          description(language: $language)
        }
      }
    `,
    { language },
  );
}

/** A line the hub's operator shows on the network page. */
export type Notice = Record<Language, string>;

/** The operator's notices (none when the hub has none, or an older hub has no such route). */
export async function loadNotices(): Promise<Notice[]> {
  const response = await fetch('/notices.json');
  if (!response.ok) return [];
  return ((await response.json()) as { notices: Notice[] }).notices;
}
