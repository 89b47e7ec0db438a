import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Report runs and what each read per commune; the SQL is the same on PostgreSQL 15+ and PGlite. */
export class CreateReports1764370000000 implements MigrationInterface {
  name = 'CreateReports1764370000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_run (
        id uuid PRIMARY KEY,
        report_id text NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('SCHEDULE', 'ADMIN', 'STARTUP')),
        state text NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        started_at timestamptz(3) NOT NULL,
        finished_at timestamptz(3),
        answered int NOT NULL DEFAULT 0,
        failed int NOT NULL DEFAULT 0
      )`);
    // Latest runs of a report first (reportRuns), and finished runs in order (trends).
    await q.query(`CREATE INDEX report_run_report ON report_run (report_id, started_at DESC)`);
    await q.query(
      `CREATE INDEX report_run_finished ON report_run (report_id, finished_at) WHERE state = 'DONE'`,
    );
    // One snapshot per commune and run: a resumed run skips the communes it already stored.
    await q.query(`
      CREATE TABLE report_snapshot (
        run_id uuid NOT NULL,
        commune_code text COLLATE "C" NOT NULL,
        report_id text NOT NULL,
        read_at timestamptz(3) NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('ok', 'failed')),
        error text,
        rows jsonb NOT NULL DEFAULT '[]',
        PRIMARY KEY (run_id, commune_code),
        CONSTRAINT report_snapshot_error CHECK ((outcome = 'failed') = (error IS NOT NULL))
      )`);
    // As-of reads: per commune, the latest snapshot at or before an instant (DISTINCT ON).
    await q.query(
      `CREATE INDEX report_snapshot_as_of ON report_snapshot (report_id, commune_code, read_at DESC)`,
    );
    // The latest read that succeeded, for a commune whose latest read failed (STALE).
    await q.query(
      `CREATE INDEX report_snapshot_ok ON report_snapshot (report_id, commune_code, read_at DESC) WHERE outcome = 'ok'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_snapshot`);
    await q.query(`DROP TABLE report_run`);
  }
}
