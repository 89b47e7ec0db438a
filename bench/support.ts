/** What the benches share: a throwaway database, and the SQL a request runs. */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
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

// ---------------------------------------------------------------------------------------------
// Lists over HTTP, timed

/** What the benches read of a connection. */
export interface ListPage {
  totalCount?: number;
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  edges: unknown[];
}

/** Posts a query and returns the connection at `data[list]`; any error fails the bench. */
export async function postList(
  endpoint: string,
  list: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<ListPage> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as {
    data?: Record<string, ListPage | undefined>;
    errors?: { message: string }[];
  };
  const page = answer.data?.[list];
  if (!response.ok || answer.errors?.length || !page) {
    throw new Error(
      `GraphQL request failed (${response.status}): ${JSON.stringify(answer.errors ?? answer)}`,
    );
  }
  return page;
}

/**
 * Pages through a list `pageSize` rows at a time until about `target` rows are behind, or
 * `seconds` have passed: the cursor there starts a deep page.
 */
export async function walkToCursor(
  endpoint: string,
  list: string,
  query: string,
  options: {
    target: number;
    pageSize: number;
    variables?: Record<string, unknown>;
    seconds?: number;
  },
): Promise<{ cursor: string; at: number }> {
  const pages = Math.max(1, Math.floor(options.target / options.pageSize));
  const deadline = performance.now() + (options.seconds ?? Infinity) * 1000;
  let after: string | null = null;
  let at = 0;
  for (let i = 0; i < pages && performance.now() < deadline; i++) {
    const page: ListPage = await postList(endpoint, list, query, {
      first: options.pageSize,
      after,
      ...options.variables,
    });
    if (page.edges.length === 0 || !page.pageInfo?.endCursor) break;
    after = page.pageInfo.endCursor;
    at += page.edges.length;
    if (!page.pageInfo.hasNextPage) break;
  }
  if (after === null) throw new Error('the list is empty: no cursor to start a deep page from');
  return { cursor: after, at };
}

export interface BenchCase {
  key: string;
  title: string;
  query: string;
  variables: Record<string, unknown>;
}

/** Warms a query up, then times it `iterations` times (fewer past `maxCaseSeconds`). */
export async function measureCase(
  endpoint: string,
  list: string,
  benchCase: BenchCase,
  options: { iterations: number; maxCaseSeconds: number; warmUp: number; targetP50Ms: number },
): Promise<CaseResult> {
  const deadline = performance.now() + options.maxCaseSeconds * 1000;
  const ask = () => postList(endpoint, list, benchCase.query, benchCase.variables);
  let last: ListPage | null = null;
  for (let i = 0; i < options.warmUp && (i < 2 || performance.now() < deadline); i++)
    last = await ask();
  const samples: number[] = [];
  for (let i = 0; i < options.iterations; i++) {
    if (i >= MIN_SAMPLES && performance.now() > deadline) break;
    const started = performance.now();
    last = await ask();
    samples.push(performance.now() - started);
  }
  const latencyMs = figuresOf(samples);
  return {
    key: benchCase.key,
    title: benchCase.title,
    variables: benchCase.variables,
    totalCount: last?.totalCount ?? null,
    rows: last?.edges.length ?? 0,
    latencyMs,
    meetsTarget: latencyMs.p50 < options.targetP50Ms,
  };
}
