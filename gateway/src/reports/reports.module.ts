import type { DataSource } from 'typeorm';
import type { Logger } from '@communes/kit';
import { REGISTRY } from '../compose';
import type { ReportDefinition } from './definition';
import { REPORT_DEFINITIONS } from './definitions';
import type { Resolvers } from './generated/graphql';
import { ReportJobs } from './jobs';
import type { ReportRun, ReportTrigger } from './report-run.entity';
import { reportsResolvers } from './reports.resolvers';
import { ReportsService, type TrendPoint } from './reports.service';
import { ReportRunner, type ReadThroughHub } from './runner';
import type { ReportReadInput, ReportTable } from './table';

/** Nightly at 3, in the hub's time zone. */
export const DEFAULT_REPORT_SCHEDULE = '0 3 * * *';
/** Two years of snapshots: enough for a trend over a mandate's half. */
export const DEFAULT_REPORTS_RETENTION_DAYS = 730;
/** A run left active longer than this is taken for abandoned (its hub killed) and retried. */
export const DEFAULT_REPORT_JOB_EXPIRE_SECONDS = 3_600;

export interface ReportsSettings {
  /** Cron expression of the scheduled runs (`REPORT_SCHEDULE`). */
  schedule?: string;
  /** `REPORTS_RETENTION_DAYS`. */
  retentionDays?: number;
  /** `REPORT_JOB_EXPIRE_SECONDS`: must exceed the longest run. */
  jobExpireSeconds?: number;
  /** How often each hub looks for a run to do (default 2 s). */
  jobPollSeconds?: number;
  /** Communes a run reads at once (`REPORT_CONCURRENCY`, default 8). */
  concurrency?: number;
  /** The reports served; every definition unless given (tests narrow it). */
  definitions?: readonly ReportDefinition[];
  /**
   * What runs date their reads and reads take as now (the real time unless given): a demo dates
   * its first runs in the past to show a trend.
   */
  clock?: () => Date;
}

export interface ReportsOptions extends ReportsSettings {
  db: DataSource;
  read: ReadThroughHub;
  /**
   * Active members a run reads, as the executor routes to them (the hub's membership snapshot),
   * so that a run never names a commune the executor does not know yet; the database unless given.
   */
  membersOf?: (subgraph: string) => Promise<string[]> | string[];
  logger: Logger;
}

/** What the hub exposes of its reports (`RunningHub.reports`). */
export interface HubReports {
  /** The table every face shows (GraphQL, exports, web page). */
  read(id: string, input?: ReportReadInput | null): Promise<ReportTable>;
  trend(id: string, measure: string, input?: ReportReadInput | null): Promise<TrendPoint[]>;
  /** Queues a run and waits until it is done, by this hub or another replica. */
  runNow(id: string, trigger?: ReportTrigger): Promise<ReportRun>;
  readonly definitions: readonly ReportDefinition[];
}

export interface Reports extends HubReports {
  service: ReportsService;
  resolvers: Resolvers;
  /** Starts taking jobs; after the hub's `/graphql` serves, which runs read through. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The reports part of the hub: storage, runner, jobs and the subgraph's resolvers. */
export function createReports(options: ReportsOptions): Reports {
  const { db, logger } = options;
  const definitions = options.definitions ?? REPORT_DEFINITIONS;
  const clock = options.clock ?? (() => new Date());
  const runner = new ReportRunner({
    db,
    clock,
    read: options.read,
    logger,
    membersOf: async (subgraph) =>
      options.membersOf ? options.membersOf(subgraph) : activeMembers(db, subgraph),
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
  });
  const schedule = options.schedule ?? DEFAULT_REPORT_SCHEDULE;
  const service = new ReportsService({
    db,
    clock,
    definitions,
    runner,
    schedule,
    retentionDays: options.retentionDays ?? DEFAULT_REPORTS_RETENTION_DAYS,
    logger,
  });
  const jobs = new ReportJobs({
    db,
    reportIds: definitions.map((d) => d.id),
    schedule,
    expireSeconds: options.jobExpireSeconds ?? DEFAULT_REPORT_JOB_EXPIRE_SECONDS,
    ...(options.jobPollSeconds !== undefined ? { pollSeconds: options.jobPollSeconds } : {}),
    logger,
    perform: (job, signal, lastAttempt) => service.perform(job, signal, lastAttempt),
    scheduled: () => service.scheduled(),
  });
  service.attach(jobs);
  return {
    service,
    resolvers: reportsResolvers(service),
    definitions,
    read: (id, input) => service.read(id, input),
    trend: (id, measure, input) => service.trend(id, measure, input),
    runNow: (id, trigger) => service.runNow(id, trigger),
    start: () => jobs.start(),
    stop: () => jobs.stop(),
  };
}

/** ACTIVE members serving `subgraph`, every ACTIVE member for the registry, in code order. */
async function activeMembers(db: DataSource, subgraph: string): Promise<string[]> {
  const rows: { code: string }[] =
    subgraph === REGISTRY
      ? await db.query(`SELECT code FROM commune WHERE status = 'ACTIVE' ORDER BY code`)
      : await db.query(
          `SELECT code FROM commune WHERE status = 'ACTIVE' AND subgraphs @> CAST($1 AS jsonb) ORDER BY code`,
          [JSON.stringify([{ name: subgraph }])],
        );
  return rows.map((r) => r.code);
}
