import type { DataSource } from 'typeorm';
import type { Logger } from '@communes/kit';
import type { NetworkAnswer, NetworkQuery, ReportDefinition, ReportRowValues } from './definition';
import { ReportRun } from './report-run.entity';
import { storeSnapshot, storedCommunes } from './snapshots';

/** What reading one commune through the hub's own API gave. */
export interface CommuneAnswer {
  data: Record<string, unknown> | null;
  errors: readonly { message: string; extensions?: Record<string, unknown> }[];
  /** Communes the executor could not read for this operation. */
  failed: readonly string[];
}

/**
 * Executes a report's query on the hub's `/graphql` in process, anonymously: reports consolidate
 * public data only. Aborting `signal` cancels the calls to communes.
 */
export type ReadThroughHub = (
  query: string,
  variables: Record<string, unknown>,
  signal: AbortSignal,
) => Promise<CommuneAnswer>;

export interface RunnerOptions {
  db: DataSource;
  read: ReadThroughHub;
  /** Active members a run reads: those serving the report's subgraph (all for `registry`). */
  membersOf: (subgraph: string) => Promise<string[]>;
  /** Communes read at once (default 8). */
  concurrency?: number;
  /** When reads happen, as stored (the real time unless a demo moves it). */
  clock?: () => Date;
  logger: Logger;
}

/** Raised when the run stopped because the hub is closing: the job is retried elsewhere. */
export class RunInterrupted extends Error {
  constructor() {
    super('The hub stopped during the run');
    this.name = 'RunInterrupted';
  }
}

/**
 * Reads a report from every member, one commune per call, and stores what each gave. Resumable:
 * the communes the run already stored are skipped, so a run retried after a hub restart goes on
 * where it stopped.
 */
export class ReportRunner {
  constructor(private readonly options: RunnerOptions) {}

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }

  async run(report: ReportDefinition, runId: string, signal: AbortSignal): Promise<ReportRun> {
    const { db } = this.options;
    const runs = db.getRepository(ReportRun);
    await runs.update({ id: runId }, { state: 'RUNNING' });
    const done = await storedCommunes(db, runId);
    const pending = (await this.options.membersOf(report.subgraph)).filter((c) => !done.has(c));
    const log = this.options.logger.child({ report: report.id, run: runId });
    log.info({ communes: pending.length, resumed: done.size }, 'report run started');
    const networkQuery = report.source.networkQuery;
    const network =
      networkQuery && pending.length > 0
        ? await this.readNetwork(networkQuery, signal).catch((error: unknown) => {
            log.warn({ err: error }, 'network part of the report could not be read');
            return null;
          })
        : null;
    let next = 0;
    const worker = async () => {
      while (next < pending.length) {
        if (signal.aborted) return;
        const code = pending[next++]!;
        const readAt = this.now();
        const outcome = await this.readOne(report, code, network, signal);
        // A read cut short by the hub closing says nothing about the commune: not stored.
        if (signal.aborted) return;
        await storeSnapshot(db, report.id, { runId, communeCode: code, readAt, ...outcome });
      }
    };
    const width = Math.max(1, Math.min(this.options.concurrency ?? 8, pending.length));
    await Promise.all(Array.from({ length: width }, worker));
    if (signal.aborted) throw new RunInterrupted();
    await runs.update({ id: runId }, { state: 'DONE', finishedAt: this.now() });
    const run = await runs.findOneByOrFail({ id: runId });
    log.info({ answered: run.answered, failed: run.failed }, 'report run done');
    return run;
  }

  /** Every page of the report's network query; an error anywhere fails the whole part. */
  private async readNetwork(query: NetworkQuery, signal: AbortSignal): Promise<NetworkAnswer> {
    const edges: NetworkAnswer['edges'] = [];
    let after: string | null = null;
    for (;;) {
      const answer = await this.options.read(query.query, { after }, signal);
      const page = answer.data?.[query.connection] as
        | {
            edges: NetworkAnswer['edges'];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          }
        | undefined;
      if (!page || answer.errors.length > 0)
        throw new Error(answer.errors[0]?.message ?? `no ${query.connection} in the answer`);
      edges.push(...page.edges);
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return { edges };
      after = page.pageInfo.endCursor;
    }
  }

  private async readOne(
    report: ReportDefinition,
    code: string,
    network: NetworkAnswer | null,
    signal: AbortSignal,
  ): Promise<
    | { outcome: 'ok'; error: null; rows: ReportRowValues[] }
    | { outcome: 'failed'; error: string; rows: [] }
  > {
    const failed = (error: string) => ({ outcome: 'failed' as const, error, rows: [] as [] });
    try {
      const answer = await this.options.read(
        report.source.query,
        { communes: [code], commune: code },
        signal,
      );
      // An error naming another commune (a network-wide part of the query) is not this one's.
      const own = answer.errors.filter((e) => (e.extensions?.['commune'] ?? code) === code);
      if (answer.failed.includes(code) || own.length > 0 || !answer.data)
        return failed(own[0]?.message ?? answer.errors[0]?.message ?? `${code} did not answer`);
      const rows = report.source
        .rows(answer.data, code, network)
        .filter((row) => row['commune'] === code);
      return { outcome: 'ok', error: null, rows };
    } catch (error: unknown) {
      return failed(error instanceof Error ? error.message : String(error));
    }
  }
}
