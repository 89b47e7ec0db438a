/**
 * A report read back from its snapshots: what the GraphQL API, the exports and the web page all
 * show, so that they cannot disagree.
 */
import type { Aggregate, ColumnType, ReportDefinition, Translated } from './definition';

/** How a read chooses its snapshots and shapes its rows (`report(id, read: ReportRead)`). */
export interface ReportReadInput {
  /** Null: every commune with a snapshot. */
  communes?: readonly string[] | null;
  /** First month included (`2025-01`), on the report's period dimension. */
  from?: string | null;
  /** Last month included. */
  to?: string | null;
  /** ISO 8601 instant; null: now. */
  asOf?: string | null;
  /** Dimensions kept; null: all. */
  groupBy?: readonly string[] | null;
  where?: readonly { dimension: string; values: readonly string[] }[] | null;
}

export interface TableColumn {
  name: string;
  label: Translated;
  role: 'DIMENSION' | 'MEASURE';
  type: ColumnType;
  /** Null for a dimension. */
  aggregate: Aggregate | null;
}

export interface TableRow {
  /** In the order of the table's dimension columns. */
  dimensions: (string | null)[];
  /** In the order of the table's measure columns. */
  measures: (number | null)[];
  /** At least one commune behind the row is stale. */
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
  report: ReportDefinition;
  asOf: string;
  /** Grouped dimensions, then every measure. */
  columns: TableColumn[];
  rows: TableRow[];
  /** Commune-code order. */
  communes: Provenance[];
}
