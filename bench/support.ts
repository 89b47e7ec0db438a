/** What the benches share: a throwaway database, and the SQL a request runs. */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource, Logger } from 'typeorm';
import { summarise, type Summary } from './stats';

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `cf_bench_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await withAdmin(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Capturing the SQL a request runs

export interface CapturedQuery {
  sql: string;
  parameters: unknown[];
}

/** Wraps the node's TypeORM logger so that the statements of chosen requests are recorded. */
export class QueryCapture {
  private recording: CapturedQuery[] | null = null;

  constructor(db: DataSource) {
    const inner: Logger = db.logger;
    const capture: Logger = {
      logQuery: (query, parameters, runner) => {
        this.recording?.push({ sql: query, parameters: toArray(parameters) });
        return inner.logQuery(query, parameters, runner);
      },
      logQueryError: (error, query, parameters, runner) =>
        inner.logQueryError(error, query, parameters, runner),
      logQuerySlow: (time, query, parameters, runner) =>
        inner.logQuerySlow(time, query, parameters, runner),
      logSchemaBuild: (message, runner) => inner.logSchemaBuild(message, runner),
      logMigration: (message, runner) => inner.logMigration(message, runner),
      log: (level, message, runner) => inner.log(level, message, runner),
    };
    db.logger = capture;
  }

  async during(work: () => Promise<unknown>): Promise<CapturedQuery[]> {
    const recorded: CapturedQuery[] = [];
    this.recording = recorded;
    try {
      await work();
    } finally {
      this.recording = null;
    }
    return recorded;
  }
}

function toArray(parameters: unknown): unknown[] {
  if (parameters === undefined || parameters === null) return [];
  return Array.isArray(parameters) ? parameters : Object.values(parameters as object);
}

/** p50, p95 and mean by nearest rank (bench/stats.ts, as the network bench), with the extremes. */
export type Figures = Summary & { min: number; max: number };

export function figuresOf(samples: number[]): Figures {
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    ...summarise(samples),
    min: round(Math.min(...samples)),
    max: round(Math.max(...samples)),
  };
}

export interface CaseResult {
  key: string;
  title: string;
  variables: Record<string, unknown>;
  totalCount: number | null;
  rows: number;
  latencyMs: Figures;
  meetsTarget: boolean;
}

/** Fewest samples a query gets even past its time budget. */
export const MIN_SAMPLES = 5;

export interface PlanSummary {
  statement: string;
  executionMs: number | null;
  planningMs: number | null;
  indexes: string[];
  seqScans: string[];
  jit: boolean;
}

export function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** One statement's plan in a few words: its scans and its execution time. */
export function planNote(statement: PlanSummary | undefined): string {
  if (!statement) return '-';
  const scans = [
    ...statement.indexes.map((i) =>
      i.replace(/^(Index Only Scan|Index Scan|Bitmap Index Scan) /, ''),
    ),
    ...statement.seqScans.map((t) => `Seq Scan ${t}`),
  ];
  return `${scans.join(' + ') || 'no scan'} ${statement.executionMs ?? '?'} ms${statement.jit ? ' JIT' : ''}`;
}

export type ExplainedStatement = PlanSummary & { sql: string; parameters: unknown[]; plan: string };

/** Runs EXPLAIN (ANALYZE, BUFFERS) on a captured statement and reads its scans and times. */
export async function explain(
  db: DataSource,
  captured: CapturedQuery,
  kindOf: (sql: string) => string,
): Promise<ExplainedStatement> {
  const rows = (await db.query(
    `EXPLAIN (ANALYZE, BUFFERS) ${captured.sql}`,
    captured.parameters,
  )) as { 'QUERY PLAN': string }[];
  const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
  const indexes = [
    ...new Set(
      [
        ...plan.matchAll(
          /(Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)/g,
        ),
      ].map((m) => `${m[1]} ${m[2]}`),
    ),
  ];
  const seqScans = [...new Set([...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!))];
  const ms = (label: string) => {
    const match = new RegExp(`${label}: ([\\d.]+) ms`).exec(plan);
    return match ? Number(match[1]) : null;
  };
  return {
    statement: kindOf(captured.sql),
    sql: captured.sql,
    parameters: captured.parameters,
    plan,
    executionMs: ms('Execution Time'),
    planningMs: ms('Planning Time'),
    indexes,
    seqScans,
    jit: /^JIT:/m.test(plan),
  };
}
