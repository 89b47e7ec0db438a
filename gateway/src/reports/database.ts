import type { DatabasePart } from '@communes/kit';
import { ReportRun } from './report-run.entity';
import { ReportSnapshot } from './report-snapshot.entity';
import { CreateReports1764370000000 } from './migrations/1764370000000-CreateReports';

/** What reports bring to the hub's database (pg-boss keeps its own schema, `pgboss`). */
export const reportsDatabasePart: DatabasePart = {
  entities: [ReportRun, ReportSnapshot],
  migrations: [CreateReports1764370000000],
};
