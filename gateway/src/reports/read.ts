import type { DataSource } from 'typeorm';
import type { ReportDefinition, ReportRowValues } from './definition';
import { byCode, type CheckedRead } from './read-input';
import { latestSnapshots, type StoredSnapshot } from './snapshots';
import type { Provenance, ReportTable, TableColumn, TableRow } from './table';

/** One commune's rows as of the read, and whether they come from an earlier run. */
interface CommuneRows {
  rows: ReportRowValues[];
  stale: boolean;
}

/**
 * Reads a report as of an instant: per commune, its latest snapshot at or before it; a commune
 * whose latest read failed shows its last good rows, STALE; one never read well is MISSING.
 */
export async function readReport(
  db: DataSource,
  report: ReportDefinition,
  read: CheckedRead,
): Promise<ReportTable> {
  const { provenance, rows } = await communesAsOf(db, report.id, read);
  const columns = tableColumns(report, read.groupBy);
  return {
    report,
    asOf: read.asOf.toISOString(),
    columns,
    rows: shapeRows(report, read, rows),
    communes: provenance,
  };
}

export async function communesAsOf(
  db: DataSource,
  reportId: string,
  read: Pick<CheckedRead, 'asOf' | 'communes'>,
): Promise<{ provenance: Provenance[]; rows: CommuneRows[] }> {
  const latest = await latestSnapshots(db, reportId, read.asOf, read.communes);
  const failed = latest.filter((s) => s.outcome === 'failed').map((s) => s.communeCode);
  const lastGood = new Map<string, StoredSnapshot>(
    failed.length > 0
      ? (await latestSnapshots(db, reportId, read.asOf, failed, true)).map((s) => [
          s.communeCode,
          s,
        ])
      : [],
  );
  // A commune the latest finished run did not read (suspended, left) is stale too, not OK.
  const latestRunStart = await latestRunStartedAt(db, reportId, read.asOf);
  const byCommune = new Map(latest.map((s) => [s.communeCode, s]));
  const codes = read.communes ?? latest.map((s) => s.communeCode);
  const provenance: Provenance[] = [];
  const rows: CommuneRows[] = [];
  const ageOf = (at: Date) => Math.max(0, Math.floor((read.asOf.getTime() - at.getTime()) / 1000));
  for (const code of [...codes].sort(byCode)) {
    const snapshot = byCommune.get(code);
    const used = snapshot?.outcome === 'ok' ? snapshot : lastGood.get(code);
    const error = snapshot?.outcome === 'failed' ? snapshot.error : null;
    if (!used) {
      provenance.push({
        communeCode: code,
        readAt: null,
        state: 'MISSING',
        ageSeconds: null,
        error,
      });
      continue;
    }
    const unread = latestRunStart !== null && snapshot!.readAt < latestRunStart;
    const stale = used !== snapshot || unread;
    provenance.push({
      communeCode: code,
      readAt: used.readAt.toISOString(),
      state: stale ? 'STALE' : 'OK',
      ageSeconds: ageOf(used.readAt),
      error: error ?? (unread ? NOT_READ : null),
    });
    rows.push({ rows: used.rows, stale });
  }
  return { provenance, rows };
}

/** Why a commune's rows are stale when the latest run did not read it at all. */
export const NOT_READ = 'not read by the latest run: not an active member serving the report then';

/** When the latest run finished at or before `asOf` started; null before any. */
async function latestRunStartedAt(
  db: DataSource,
  reportId: string,
  asOf: Date,
): Promise<Date | null> {
  const rows: { startedAt: Date }[] = await db.query(
    `SELECT started_at AS "startedAt" FROM report_run
      WHERE report_id = $1 AND state = 'DONE' AND finished_at <= $2
      ORDER BY finished_at DESC LIMIT 1`,
    [reportId, asOf],
  );
  return rows[0] ? new Date(rows[0].startedAt) : null;
}

export function tableColumns(report: ReportDefinition, groupBy: string[] | null): TableColumn[] {
  return [
    ...report.dimensions
      .filter((d) => !groupBy || groupBy.includes(d.name))
      .map((d) => ({ ...d, role: 'DIMENSION' as const, aggregate: null })),
    ...report.measures.map((m) => ({ ...m, role: 'MEASURE' as const })),
  ];
}

/** Rows kept by `where`, `from` and `to`, as (row, stale) pairs. */
export function filteredRows(
  report: ReportDefinition,
  read: Pick<CheckedRead, 'from' | 'to' | 'where'>,
  communes: CommuneRows[],
): { row: ReportRowValues; stale: boolean }[] {
  const period = report.periodDimension;
  const kept: { row: ReportRowValues; stale: boolean }[] = [];
  for (const { rows, stale } of communes) {
    for (const row of rows) {
      if (period) {
        const month = row[period] == null ? null : String(row[period]);
        if (read.from && (month === null || month < read.from)) continue;
        if (read.to && (month === null || month > read.to)) continue;
      }
      if (
        read.where.some((w) => row[w.dimension] == null || !w.values.has(String(row[w.dimension])))
      )
        continue;
      kept.push({ row, stale });
    }
  }
  return kept;
}

/**
 * Groups by the kept dimensions and adds measures up by their aggregate; a NONE measure (a
 * median) survives only where no dimension is grouped away and the group holds one row.
 */
export function shapeRows(
  report: ReportDefinition,
  read: Pick<CheckedRead, 'from' | 'to' | 'where' | 'groupBy'>,
  communes: CommuneRows[],
): TableRow[] {
  const dimensions = report.dimensions
    .map((d) => d.name)
    .filter((name) => !read.groupBy || read.groupBy.includes(name));
  const groupedAway = dimensions.length < report.dimensions.length;
  const groups = new Map<
    string,
    { dims: (string | null)[]; rows: ReportRowValues[]; stale: boolean }
  >();
  for (const { row, stale } of filteredRows(report, read, communes)) {
    const dims = dimensions.map((name) => (row[name] == null ? null : String(row[name])));
    const key = JSON.stringify(dims);
    const group = groups.get(key);
    if (group) {
      group.rows.push(row);
      group.stale ||= stale;
    } else groups.set(key, { dims, rows: [row], stale });
  }
  const rows: TableRow[] = [...groups.values()].map((group) => ({
    dimensions: group.dims,
    measures: report.measures.map((m) => {
      const values = group.rows
        .map((r) => r[m.name])
        .filter((v): v is number => typeof v === 'number');
      if (m.aggregate === 'NONE')
        return !groupedAway && group.rows.length === 1 ? (values[0] ?? null) : null;
      if (values.length === 0) return null;
      if (m.aggregate === 'MAX') return Math.max(...values);
      if (m.aggregate === 'MIN') return Math.min(...values);
      return values.reduce((a, b) => a + b, 0);
    }),
    stale: group.stale,
  }));
  return rows.sort((a, b) => compareDimensions(a.dimensions, b.dimensions));
}

/** Dimension by dimension, byte order (commune codes first), a missing value last. */
function compareDimensions(a: (string | null)[], b: (string | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return byCode(x, y);
  }
  return 0;
}
