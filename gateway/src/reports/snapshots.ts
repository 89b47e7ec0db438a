import type { DataSource } from 'typeorm';
import type { ReportRowValues } from './definition';
import type { SnapshotOutcome } from './report-snapshot.entity';

/** A stored read of one commune, as the as-of queries return it. */
export interface StoredSnapshot {
  communeCode: string;
  runId: string;
  readAt: Date;
  outcome: SnapshotOutcome;
  error: string | null;
  rows: ReportRowValues[];
}

const COLUMNS = `run_id AS "runId", commune_code AS "communeCode", read_at AS "readAt", outcome, error, rows`;

/**
 * Stores what a run read from one commune and counts it on the run, in one statement. A commune
 * the run already stored (a resumed run, or a job run twice) is left as it was: false.
 */
export async function storeSnapshot(
  db: DataSource,
  reportId: string,
  snapshot: Omit<StoredSnapshot, 'readAt'> & { readAt: Date },
): Promise<boolean> {
  const result: { stored: string | number }[] = await db.query(
    `WITH stored AS (
       INSERT INTO report_snapshot (run_id, commune_code, report_id, read_at, outcome, error, rows)
       VALUES ($1, $2, $3, $4, $5, $6, CAST($7 AS jsonb))
       ON CONFLICT (run_id, commune_code) DO NOTHING
       RETURNING outcome
     ), counted AS (
       UPDATE report_run SET
         answered = answered + (SELECT count(*) FROM stored WHERE outcome = 'ok'),
         failed = failed + (SELECT count(*) FROM stored WHERE outcome = 'failed')
       WHERE id = $1
     )
     SELECT count(*) AS stored FROM stored`,
    [
      snapshot.runId,
      snapshot.communeCode,
      reportId,
      snapshot.readAt,
      snapshot.outcome,
      snapshot.error,
      JSON.stringify(snapshot.rows),
    ],
  );
  return Number(result[0]?.stored ?? 0) > 0;
}

/** Communes a run has already stored, so that a resumed run skips them. */
export async function storedCommunes(db: DataSource, runId: string): Promise<Set<string>> {
  const rows: { code: string }[] = await db.query(
    `SELECT commune_code AS code FROM report_snapshot WHERE run_id = $1`,
    [runId],
  );
  return new Set(rows.map((r) => r.code));
}

/** Per commune, its latest snapshot at or before `asOf` (of the communes named, or of all). */
export async function latestSnapshots(
  db: DataSource,
  reportId: string,
  asOf: Date,
  communes: readonly string[] | null,
  onlyOk = false,
): Promise<StoredSnapshot[]> {
  const rows: StoredSnapshot[] = await db.query(
    `SELECT DISTINCT ON (commune_code) ${COLUMNS}
       FROM report_snapshot
      WHERE report_id = $1 AND read_at <= $2
        ${communes ? 'AND commune_code = ANY($3)' : ''}
        ${onlyOk ? `AND outcome = 'ok'` : ''}
      ORDER BY commune_code, read_at DESC`,
    communes ? [reportId, asOf, communes] : [reportId, asOf],
  );
  return rows.map((r) => ({ ...r, readAt: new Date(r.readAt) }));
}

/**
 * Forgets snapshots and runs older than `cutoff`, but keeps, per report and commune, the latest
 * read that succeeded: a commune failing for long stays STALE with its last rows, not MISSING.
 */
export async function applyRetention(db: DataSource, cutoff: Date): Promise<void> {
  await db.query(
    `DELETE FROM report_snapshot s
      WHERE s.read_at < $1
        AND (s.outcome = 'failed' OR EXISTS (
          SELECT 1 FROM report_snapshot n
           WHERE n.report_id = s.report_id AND n.commune_code = s.commune_code
             AND n.outcome = 'ok' AND n.read_at > s.read_at))`,
    [cutoff],
  );
  await db.query(
    `DELETE FROM report_run r
      WHERE r.finished_at < $1
        AND NOT EXISTS (SELECT 1 FROM report_snapshot s WHERE s.run_id = r.id)`,
    [cutoff],
  );
}

/** One snapshot's measure added up over its rows (kept by the read's filters), rows not loaded. */
export interface SnapshotFigure {
  communeCode: string;
  readAt: Date;
  outcome: SnapshotOutcome;
  /** Null when no kept row holds a value of the measure. */
  value: number | null;
}

export interface FigureFilter {
  /** The measure's name, and how it adds up over rows. */
  measure: string;
  aggregate: 'SUM' | 'MAX' | 'MIN';
  /** The month dimension with the inclusive bounds on it, if any. */
  period: { dimension: string; from: string | null; to: string | null } | null;
  where: { dimension: string; values: string[] }[];
}

const SQL_AGGREGATE = { SUM: 'sum', MAX: 'max', MIN: 'min' } as const;

/**
 * Every snapshot of a report at or before `asOf`, in commune then time order, each with its
 * measure added up in SQL over the rows the filters keep: what a trend needs, without moving the
 * rows out of the database (a trend over 24 runs of 300 communes would otherwise parse each
 * snapshot once per point).
 */
export async function snapshotFigures(
  db: DataSource,
  reportId: string,
  asOf: Date,
  communes: readonly string[] | null,
  filter: FigureFilter,
): Promise<SnapshotFigure[]> {
  const parameters: unknown[] = [reportId, asOf, filter.measure];
  const param = (value: unknown) => `$${parameters.push(value)}`;
  const kept: string[] = [];
  if (filter.period && (filter.period.from || filter.period.to)) {
    const dimension = param(filter.period.dimension);
    if (filter.period.from) kept.push(`r ->> ${dimension} >= ${param(filter.period.from)}`);
    if (filter.period.to) kept.push(`r ->> ${dimension} <= ${param(filter.period.to)}`);
  }
  for (const w of filter.where)
    kept.push(`r ->> ${param(w.dimension)} = ANY(CAST(${param(w.values)} AS text[]))`);
  const rows: {
    communeCode: string;
    readAt: Date;
    outcome: SnapshotOutcome;
    value: number | null;
  }[] = await db.query(
    `SELECT s.commune_code AS "communeCode", s.read_at AS "readAt", s.outcome,
              (SELECT ${SQL_AGGREGATE[filter.aggregate]}(CAST(r ->> $3 AS double precision))
                 FROM jsonb_array_elements(s.rows) AS r
                ${kept.length > 0 ? `WHERE ${kept.join(' AND ')}` : ''}) AS value
         FROM report_snapshot s
        WHERE s.report_id = $1 AND s.read_at <= $2
          ${communes ? `AND s.commune_code = ANY(CAST(${param(communes)} AS text[]))` : ''}
        ORDER BY s.commune_code, s.read_at`,
    parameters,
  );
  return rows.map((r) => ({
    ...r,
    readAt: new Date(r.readAt),
    value: r.value === null ? null : Number(r.value),
  }));
}
