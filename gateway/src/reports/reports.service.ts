import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { badInput, requireRole, type Identity, type Logger } from '@communes/kit';
import { HUB_SCOPE } from '../registry/registry.service';
import type { ReportDefinition } from './definition';
import type { ReportJobs } from './jobs';
import { checkRead } from './read-input';
import { readReport } from './read';
import { ReportRun, type ReportTrigger } from './report-run.entity';
import { RunInterrupted, type ReportRunner } from './runner';
import { applyRetention, snapshotFigures } from './snapshots';
import { trendPoints, type TrendPoint } from './trend';

export type { TrendPoint };
import type { ReportReadInput, ReportTable } from './table';

/** One point of a trend: the measure summed over the communes read, as of a run's end. */
export interface ReportsServiceOptions {
  db: DataSource;
  definitions: readonly ReportDefinition[];
  runner: ReportRunner;
  /** Snapshots older than this many days are forgotten (the latest good one per commune stays). */
  retentionDays: number;
  /** The cron expression runs are scheduled by (shown on every definition). */
  schedule: string;
  /** What runs date themselves and reads take as now. */
  clock: () => Date;
  /** How often `runNow` looks at its run's state (default 250 ms). */
  waitPollMs?: number;
  logger: Logger;
}

/** Reads for everyone; runs queued by hub administrators and analysts. */
export class ReportsService {
  private jobs: ReportJobs | null = null;

  constructor(private readonly options: ReportsServiceOptions) {}

  /** The queue runs go through, once started (the hub starts it after its GraphQL API). */
  attach(jobs: ReportJobs): void {
    this.jobs = jobs;
  }

  get schedule(): string {
    return this.options.schedule;
  }

  get definitions(): readonly ReportDefinition[] {
    return this.options.definitions;
  }

  /** The report named `id`, or BAD_USER_INPUT naming `field`. */
  definition(id: string, field = 'id'): ReportDefinition {
    const report = this.options.definitions.find((d) => d.id === id);
    if (!report)
      throw badInput(
        field,
        `no report ${JSON.stringify(id)}; known: ${this.options.definitions.map((d) => d.id).join(', ')}`,
      );
    return report;
  }

  /** The report as of `input.asOf` (now by default), shaped as asked. */
  async read(id: string, input?: ReportReadInput | null): Promise<ReportTable> {
    const report = this.definition(id);
    return readReport(
      this.options.db,
      report,
      checkRead(report, input, 'read', this.options.clock()),
    );
  }

  /** The measure summed over the rows read, as of the end of each finished run, oldest first. */
  async trend(id: string, measure: string, input?: ReportReadInput | null): Promise<TrendPoint[]> {
    const report = this.definition(id);
    const column = report.measures.find((m) => m.name === measure);
    if (!column)
      throw badInput(
        'measure',
        `${JSON.stringify(measure)} is not a measure of ${id}: ${report.measures.map((m) => m.name).join(', ')}`,
      );
    if (column.aggregate === 'NONE')
      throw badInput('measure', `${measure} cannot be added up across communes (a median or rate)`);
    const read = checkRead(report, input, 'read', this.options.clock());
    const runs = await this.options.db
      .getRepository(ReportRun)
      .createQueryBuilder('r')
      .where('r.reportId = :id AND r.state = :done AND r.finishedAt <= :asOf', {
        id,
        done: 'DONE',
        asOf: read.asOf,
      })
      .orderBy('r.finishedAt', 'ASC')
      .getMany();
    const figures = await snapshotFigures(this.options.db, id, read.asOf, read.communes, {
      measure,
      aggregate: column.aggregate,
      period: report.periodDimension
        ? { dimension: report.periodDimension, from: read.from, to: read.to }
        : null,
      where: read.where.map((w) => ({ dimension: w.dimension, values: [...w.values] })),
    });
    const points = trendPoints(
      runs.map((run) => ({ asOf: run.finishedAt!, runStartedAt: run.startedAt })),
      figures,
      read.communes,
      column.aggregate,
    );
    return points;
  }

  async runs(reportId: string | null | undefined, first: number | null | undefined) {
    if (reportId != null) this.definition(reportId, 'reportId');
    const size = first ?? 20;
    if (!Number.isInteger(size) || size < 0 || size > 100)
      throw badInput('first', 'must be a whole number from 0 to 100');
    return this.options.db.getRepository(ReportRun).find({
      where: reportId != null ? { reportId } : {},
      order: { startedAt: 'DESC' },
      take: size,
    });
  }

  /** `runReport`: a hub admin or analyst queues a run; anyone else is refused. */
  async requestRun(identity: Identity, id: string): Promise<ReportRun> {
    requireRole(identity, HUB_SCOPE, ['admin', 'analyst']);
    return this.queue(this.definition(id), 'ADMIN');
  }

  /**
   * Queues a run of the report; when one is already waiting, that one is returned instead, so
   * that asking twice (or from two hub replicas) runs the report once.
   */
  async queue(report: ReportDefinition, trigger: ReportTrigger): Promise<ReportRun> {
    if (!this.jobs) throw new Error('Report jobs are not started');
    const runs = this.options.db.getRepository(ReportRun);
    const run = runs.create({
      id: randomUUID(),
      reportId: report.id,
      trigger,
      state: 'QUEUED',
      startedAt: this.options.clock(),
      finishedAt: null,
      answered: 0,
      failed: 0,
    });
    await runs.insert(run);
    const queued = await this.jobs.queue({ runId: run.id, reportId: report.id });
    if (queued) return run;
    await runs.delete({ id: run.id });
    // The waiting run, or the run it just became if a hub took it meanwhile: the latest one.
    const waiting = await runs.findOne({
      where: [
        { reportId: report.id, state: 'QUEUED' },
        { reportId: report.id, state: 'RUNNING' },
      ],
      order: { startedAt: 'DESC' },
    });
    if (!waiting) throw new Error(`A run of ${report.id} is waiting in the queue but not stored`);
    return waiting;
  }

  /** Queues a run and waits until it is done (by this hub or another): the demo and tests. */
  async runNow(id: string, trigger: ReportTrigger = 'ADMIN'): Promise<ReportRun> {
    const queued = await this.queue(this.definition(id), trigger);
    const runs = this.options.db.getRepository(ReportRun);
    for (;;) {
      const run = await runs.findOneBy({ id: queued.id });
      if (!run) throw new Error(`Run ${queued.id} of ${id} was removed`);
      if (run.state === 'DONE' || run.state === 'FAILED') return run;
      await new Promise((resolve) => setTimeout(resolve, this.options.waitPollMs ?? 250));
    }
  }

  /** What a run's job does; a failure on its last attempt marks the run FAILED. */
  async perform(
    job: { runId: string; reportId: string },
    signal: AbortSignal,
    lastAttempt: boolean,
  ): Promise<void> {
    const runs = this.options.db.getRepository(ReportRun);
    const run = await runs.findOneBy({ id: job.runId });
    if (!run || run.state === 'DONE' || run.state === 'FAILED') return;
    const report = this.options.definitions.find((d) => d.id === job.reportId);
    if (!report) {
      await runs.update({ id: run.id }, { state: 'FAILED', finishedAt: this.options.clock() });
      return;
    }
    try {
      await this.options.runner.run(report, run.id, signal);
    } catch (error: unknown) {
      if (lastAttempt && !(error instanceof RunInterrupted))
        await runs.update({ id: run.id }, { state: 'FAILED', finishedAt: this.options.clock() });
      throw error;
    }
  }

  /** The maintenance step of the schedule: forgets what is older than the retention. */
  async applyRetention(now: Date = this.options.clock()): Promise<void> {
    const cutoff = new Date(now.getTime() - this.options.retentionDays * 86_400_000);
    await applyRetention(this.options.db, cutoff);
  }

  /** What the cron does: queue every report, then forget old snapshots. */
  async scheduled(): Promise<void> {
    for (const report of this.options.definitions) await this.queue(report, 'SCHEDULE');
    await this.applyRetention();
  }
}
