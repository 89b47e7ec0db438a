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
