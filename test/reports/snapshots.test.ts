import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openDatabase } from '@communes/kit';
import {
  applyRetention,
  checkRead,
  readReport,
  registryDatabasePart,
  reportsDatabasePart,
} from '@communes/hub';
import { OPENINGS_REPORT } from '../support/report-network';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';

const DAY = 86_400_000;
const now = new Date('2026-11-01T00:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

describe.each(testDatabaseKinds())('report snapshots on %s', (kind) => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = await openDatabase({
      target: database.target,
      parts: [registryDatabasePart, reportsDatabasePart],
    });
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  async function run(finishedDaysAgo: number): Promise<string> {
    const id = randomUUID();
    await db.query(
      `INSERT INTO report_run (id, report_id, trigger, state, started_at, finished_at)
       VALUES ($1, 'openings', 'SCHEDULE', 'DONE', $2, $2)`,
      [id, daysAgo(finishedDaysAgo)],
    );
    return id;
  }

  async function snapshot(runId: string, commune: string, days: number, ok: boolean) {
    await db.query(
      `INSERT INTO report_snapshot (run_id, commune_code, report_id, read_at, outcome, error, rows)
       VALUES ($1, $2, 'openings', $3, $4, $5, '[]')`,
      [runId, commune, daysAgo(days), ok ? 'ok' : 'failed', ok ? null : 'down'],
    );
  }

  it('forgets what is older than the retention but keeps each commune’s latest good read', async () => {
    const old = await run(800);
    const failedOld = await run(750);
    const recent = await run(1);
    await snapshot(old, 'BE-92094', 800, true);
    await snapshot(old, 'BE-62063', 800, true);
    await snapshot(failedOld, 'BE-92094', 750, true);
    await snapshot(failedOld, 'BE-62063', 750, false);
    await snapshot(recent, 'BE-92094', 1, true);
    await snapshot(recent, 'BE-62063', 1, false);

    await applyRetention(db, daysAgo(730));

    const left: { run: string; commune: string; outcome: string }[] = await db.query(
      `SELECT run_id AS run, commune_code AS commune, outcome FROM report_snapshot
        ORDER BY read_at, commune_code`,
    );
    // Namur read well since: its old reads go. Liège has failed since 800 days ago: that read stays.
    expect(left).toEqual([
      { run: old, commune: 'BE-62063', outcome: 'ok' },
      { run: recent, commune: 'BE-62063', outcome: 'failed' },
      { run: recent, commune: 'BE-92094', outcome: 'ok' },
    ]);
    const runs: { id: string }[] = await db.query(`SELECT id FROM report_run ORDER BY started_at`);
    expect(runs.map((r) => r.id)).toEqual([old, recent]);
  });

  it('reads as of an instant over 300 communes × 24 monthly runs: each its snapshot of then', async () => {
    await db.query(`DELETE FROM report_snapshot`);
    await db.query(`DELETE FROM report_run`);
    // Run i finishes on the first of month i of 2025–2026; commune j fails it when (i + j) % 7 = 0.
    await db.query(`
      INSERT INTO report_run (id, report_id, trigger, state, started_at, finished_at, answered, failed)
      SELECT gen_random_uuid(), 'openings', 'SCHEDULE', 'DONE', t, t + interval '1 hour', 0, 0
        FROM (SELECT timestamptz '2025-01-01T00:00:00Z' + make_interval(months => i) AS t
                FROM generate_series(0, 23) AS i) AS months`);
    await db.query(`
      INSERT INTO report_snapshot (run_id, commune_code, report_id, read_at, outcome, error, rows)
      SELECT r.id, c.code, 'openings', r.started_at + make_interval(secs => c.j),
             CASE WHEN (r.i + c.j) % 7 = 0 THEN 'failed' ELSE 'ok' END,
             CASE WHEN (r.i + c.j) % 7 = 0 THEN 'down' END,
             CASE WHEN (r.i + c.j) % 7 = 0 THEN '[]'::jsonb ELSE jsonb_build_array(jsonb_build_object(
               'commune', c.code, 'month', to_char(r.started_at AT TIME ZONE 'UTC', 'YYYY-MM'),
               'opened', r.i, 'share', 1)) END
        FROM (SELECT id, started_at, (row_number() OVER (ORDER BY started_at) - 1)::int AS i
                FROM report_run) AS r
       CROSS JOIN (SELECT j, 'BE-' || (10000 + j)::text AS code FROM generate_series(0, 299) AS j) AS c`);

    const asOf = '2026-01-01T12:00:00Z'; // after run 12
    const table = await readReport(db, OPENINGS_REPORT, checkRead(OPENINGS_REPORT, { asOf }));
    expect(table.communes).toHaveLength(300);
    const stale = table.communes.filter((c) => c.state === 'STALE');
    // (12 + j) % 7 = 0 for j = 2, 9, … 296: those show run 11's rows.
    expect(stale.map((c) => c.communeCode)).toEqual(
      Array.from({ length: 43 }, (_, k) => `BE-${10002 + 7 * k}`),
    );
    expect(stale.every((c) => c.readAt!.startsWith('2025-12-01') && c.error === 'down')).toBe(true);
    const ok = table.communes.filter((c) => c.state === 'OK');
    expect(ok.every((c) => c.readAt!.startsWith('2026-01-01'))).toBe(true);
    expect(table.rows.filter((r) => r.stale).map((r) => r.dimensions[1])).toEqual(
      Array(43).fill('2025-12'),
    );
    const byMonth = await readReport(
      db,
      OPENINGS_REPORT,
      checkRead(OPENINGS_REPORT, { asOf, groupBy: [], from: '2025-06' }),
    );
    expect(byMonth.rows).toEqual([
      { dimensions: [], measures: [257 * 12 + 43 * 11, null], stale: true },
    ]);
  });
});
