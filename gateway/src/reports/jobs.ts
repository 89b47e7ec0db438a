import PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { Logger } from '@communes/kit';

/** Runs of one report wait in their own queue, so a busy report holds up no other. */
export const runQueueOf = (reportId: string) => `report-run-${reportId}`;
/** The cron's queue: each job queues a run of every report, then applies the retention. */
export const SCHEDULE_QUEUE = 'report-schedule';

export interface RunJob {
  runId: string;
  reportId: string;
}

export interface ReportJobsOptions {
  db: DataSource;
  reportIds: readonly string[];
  /** Cron expression (5 fields), in the hub's time zone. */
  schedule: string;
  /**
   * How long a run may stay active before it is taken for dead (its hub killed) and retried by
   * any hub; it must exceed the longest run.
   */
  expireSeconds: number;
  /** How often queues are polled for a run to do (default 2 s). */
  pollSeconds?: number;
  /** Attempts after the first, for a run whose job failed (the database gone, the hub stopped). */
  retryLimit?: number;
  logger: Logger;
  /** Does one run; throws to have it retried (unless `lastAttempt`). */
  perform(job: RunJob, signal: AbortSignal, lastAttempt: boolean): Promise<void>;
  /** What the schedule does: queue a run of every report, then the retention. */
  scheduled(): Promise<void>;
}

/**
 * Report runs as pg-boss jobs in the hub's own database (PostgreSQL or PGlite alike, through
 * its TypeORM pool), so that every hub replica shares them: each report's queue is `stately`
 * (one run active, one waiting), a failed or abandoned run is retried, and the cron fires once
 * for all replicas.
 */
export class ReportJobs {
  private readonly boss: PgBoss;
  private readonly stopping = new AbortController();
  private started = false;

  constructor(private readonly options: ReportJobsOptions) {
    const pool = (options.db.driver as PostgresDriver).master as {
      query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
    };
    const maintenance = Math.max(1, Math.min(options.expireSeconds, 120));
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => pool.query(text, values) },
      schema: 'pgboss',
      // An expired run is found by maintenance, so it runs at least as often as runs expire.
      maintenanceIntervalSeconds: maintenance,
      monitorStateIntervalSeconds: maintenance,
      clockMonitorIntervalSeconds: 60,
    });
    // pg-boss itself ignores a waiting run fetched while its report's other run is active (the
    // stately queue's unique index says not yet); what it reports here is worth a look.
    this.boss.on('error', (error: Error) => options.logger.warn({ err: error }, 'report jobs'));
  }

  async start(): Promise<void> {
    const { options, boss } = this;
    await boss.start();
    this.started = true;
    const queue = (name: string) => ({
      name,
      policy: 'stately' as const,
      retryLimit: options.retryLimit ?? 3,
      retryDelay: 1,
      expireInSeconds: options.expireSeconds,
    });
    for (const id of options.reportIds) {
      await boss.createQueue(runQueueOf(id), queue(runQueueOf(id)));
      // Settings changed since the queue was made (the expiry) apply to the next runs.
      await boss.updateQueue(runQueueOf(id), queue(runQueueOf(id)));
    }
    await boss.createQueue(SCHEDULE_QUEUE, { name: SCHEDULE_QUEUE, policy: 'stately' });
    await boss.schedule(SCHEDULE_QUEUE, options.schedule, {}, { tz: hubTimeZone() });
    const polling = { pollingIntervalSeconds: options.pollSeconds ?? 2, batchSize: 1 };
    for (const id of options.reportIds) {
      await boss.work<RunJob>(
        runQueueOf(id),
        { ...polling, includeMetadata: true },
        async ([job]) => {
          if (!job) return;
          const lastAttempt = job.retryCount >= job.retryLimit;
          await options.perform(job.data, this.stopping.signal, lastAttempt);
        },
      );
    }
    await boss.work(SCHEDULE_QUEUE, polling, () => options.scheduled());
  }

  /** Queues a run; null when one is already waiting for this report (the run stays as is). */
  async queue(job: RunJob): Promise<string | null> {
    return this.boss.send(runQueueOf(job.reportId), job as unknown as object);
  }

  /**
   * Stops taking jobs and cuts the run in progress short; its job is failed, so that another hub
   * (or this one, restarted) retries it at once and skips the communes it stored.
   */
  async stop(): Promise<void> {
    this.stopping.abort();
    if (this.started) await this.boss.stop({ graceful: true, close: false, timeout: 10_000 });
  }
}

function hubTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
