/**
 * The typed shape of a report: what it reads from the network, the rows it stores per commune,
 * and how those rows are read back (grouped, filtered, drawn). One file per report under
 * `definitions/`, listed in `definitions/index.ts`.
 */

export type ReportLanguage = 'fr' | 'nl' | 'en';

/** Text the page and the API show, in each language the hub offers (French first). */
export type Translated = Record<ReportLanguage, string>;

export type ColumnType = 'STRING' | 'COMMUNE' | 'MONTH' | 'INT' | 'FLOAT';

/** How a measure adds up when rows are grouped; NONE cannot be combined (a median). */
export type Aggregate = 'SUM' | 'MAX' | 'MIN' | 'NONE';

export interface DimensionColumn {
  name: string;
  label: Translated;
  type: ColumnType;
}

export interface MeasureColumn {
  name: string;
  label: Translated;
  type: 'INT' | 'FLOAT';
  aggregate: Aggregate;
}

/** One stored row: a value per column name (dimensions as strings, measures as numbers). */
export type ReportRowValues = Record<string, string | number | null>;

/** What a run asks one commune, and how its answer becomes rows. */
export interface ReportSource {
  /**
   * A GraphQL document over the hub's API. Its variables: `$communes: [ID!]` (the one commune
   * read), `$commune: ID!` (the same code, for fields naming one commune).
   */
  query: string;
  /**
   * The commune's rows from the `data` of the answer. Every row holds the `commune` dimension
   * set to `commune`; a definition never invents a row for another commune. `network` is what
   * `networkQuery` gave for the whole run (null when the report has none or it failed).
   */
  rows(
    data: Record<string, unknown>,
    commune: string,
    network?: NetworkAnswer | null,
  ): ReportRowValues[];
  /**
   * What every commune's rows need from the whole network (the catalogue's latest releases),
   * read once per run rather than once per commune: reading it per commune would cost a
   * fan-out to every member for each member.
   */
  networkQuery?: NetworkQuery;
}

/**
 * A query over the whole network, paged: `$after` takes the cursor of the connection at
 * `connection` (a root field), read until its `pageInfo.hasNextPage` is false.
 */
export interface NetworkQuery {
  query: string;
  connection: string;
}

/** Every edge of the network query's connection, in network order. */
export interface NetworkAnswer {
  edges: { node: Record<string, unknown> }[];
}

export type ChartKind = 'BARS' | 'STACKED_BARS' | 'LINE' | 'HEATMAP';

export interface ReportDefinition {
  /** Stable id used in URLs and exports, kebab-case (`decisions-by-topic`). */
  id: string;
  title: Translated;
  description: Translated;
  /** Dimensions, the first being `commune` (type COMMUNE) in every report. */
  dimensions: DimensionColumn[];
  measures: MeasureColumn[];
  /** The dimension holding a month (`2026-03`) that `from`/`to` filter on, if any. */
  periodDimension?: string;
  /** Network fields the source reads, `subgraph.field` (documentation, and the page). */
  sources: string[];
  chart: ChartKind;
  /** The subgraph whose members a run reads (`deliberations`); `registry` for every member. */
  subgraph: string;
  source: ReportSource;
}
