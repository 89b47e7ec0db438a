/**
 * The frame of a bench on one commune node (directory, deliberations): its common options, the
 * node on a throwaway PostgreSQL database, timing and explaining each case, the table it prints
 * and the machine and plans it reports. Each bench brings its seeding and its cases.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { countryOf, createLogger, type NodeCommune } from '@communes/kit';
import { NODE_SUBGRAPHS, startNode, type RunningNode } from '@communes/node';
import {
  QueryCapture,
  createDatabase,
  explain,
  measureCase,
  pad,
  planNote,
  postList,
  type BenchCase,
  type CaseResult,
  type ExplainedStatement,
} from './support';

export const COMMUNE: NodeCommune = {
  code: 'BE-92094',
  name: 'Namur',
  country: countryOf('BE-92094'),
};
export const SEED = 42;
const WARM_UP = 20;
const TARGET_P50_MS = 20;
export const PAGE = 20;
/** Page size of the walk to the deep cursor: the largest page a node serves. */
export const WALK_PAGE = 100;
const RESULTS_DIR = resolve(__dirname, 'results');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

// ---------------------------------------------------------------------------------------------
// Options

/** The `parseArgs` options every node bench takes besides `--count` and its own. */
export const ARGS = {
  iterations: { type: 'string', default: '200' },
  'max-case-seconds': { type: 'string', default: '60' },
  'database-url': {
    type: 'string',
    default: process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  },
} as const;

export interface NodeBenchOptions {
  count: number;
  iterations: number;
  databaseUrl: string;
  /** Time budget of one query's warm-up and samples: a slow query ends with fewer samples. */
  maxCaseSeconds: number;
}

/** Checks the common options as parsed, with `--count` from 1 to `maxCount`. */
export function checkOptions(
  values: { count: string; iterations: string; 'max-case-seconds': string; 'database-url': string },
  maxCount: number,
): NodeBenchOptions {
  const count = Number(values.count);
  const iterations = Number(values.iterations);
  if (!Number.isInteger(count) || count < 1 || count > maxCount)
    throw new Error(`--count must be a whole number from 1 to ${maxCount.toLocaleString('en-US')}`);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 100_000)
    throw new Error('--iterations must be a whole number from 1 to 100,000');
  const maxCaseSeconds = Number(values['max-case-seconds']);
  if (!(maxCaseSeconds > 0 && maxCaseSeconds <= 3600))
    throw new Error('--max-case-seconds must be more than 0 and at most 3600');
  const databaseUrl = values['database-url'];
  const url = new URL(databaseUrl);
  if (!/^postgres(ql)?:$/.test(url.protocol))
    throw new Error('--database-url must be a postgres:// URL');
  if (!LOOPBACK.has(url.hostname))
    throw new Error(`--database-url must point at 127.0.0.1, not ${url.hostname}`);
  return { count, iterations, databaseUrl, maxCaseSeconds };
}

// ---------------------------------------------------------------------------------------------
// The node

/**
 * Runs `work` on a commune node serving every subgraph, on a new database of the server at
 * `databaseUrl`; the database is dropped at the end, also on failure or interruption.
 */
export async function withNode(
  databaseUrl: string,
  work: (node: RunningNode) => Promise<void>,
): Promise<void> {
  const database = await createDatabase(databaseUrl);
  let node: RunningNode | null = null;
  const cleanUp = async () => {
    try {
      if (node) await node.close();
    } finally {
      node = null;
      await database.drop();
    }
  };
  const onSignal = () => {
    console.error('\ninterrupted: dropping the bench database');
    cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    console.log(`database ${database.name}`);
    const running = await startNode({
      commune: COMMUNE,
      database: { kind: 'postgres', url: database.url },
      subgraphs: NODE_SUBGRAPHS,
      host: '127.0.0.1',
      port: 0,
      // Failures to stderr, so that they do not mix with the figures on stdout.
      logger: createLogger({ level: 'error', destination: process.stderr }),
    });
    node = running;
    await work(running);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanUp();
  }
}

/** Runs a bench's main, printing its failure and exiting with 1. */
export function run(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}

// ---------------------------------------------------------------------------------------------
// Measuring and explaining

/** Times every case in turn, printing a line for each. */
async function measureCases(
  endpoint: string,
  list: string,
  cases: BenchCase[],
  options: NodeBenchOptions,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const benchCase of cases) {
    const result = await measureCase(endpoint, list, benchCase, {
      ...options,
      warmUp: WARM_UP,
      targetP50Ms: TARGET_P50_MS,
    });
    results.push(result);
    console.log(
      `${pad(result.title, 44)} p50 ${result.latencyMs.p50.toFixed(2)} ms  p95 ${result.latencyMs.p95.toFixed(2)} ms  n ${result.latencyMs.n}  (${result.rows} rows${result.totalCount === null ? '' : ` of ${result.totalCount}`})`,
    );
  }
  return results;
}

/** Measures every case, then explains the statements each runs, and prints the table. */
export async function measureAndExplain(
  db: DataSource,
  endpoint: string,
  list: string,
  cases: BenchCase[],
  options: NodeBenchOptions,
  statementKind: (sql: string) => string,
): Promise<{ results: CaseResult[]; plans: Map<string, CasePlans> }> {
  const results = await measureCases(endpoint, list, cases, options);
  const plans = await explainCases(db, captureOf(db), endpoint, list, cases, statementKind);
  console.log('');
  printTable(results, plans);
  return { results, plans };
}

const captures = new WeakMap<DataSource, QueryCapture>();

/** One capture per database: each wraps the logger once, however often the cases are explained. */
function captureOf(db: DataSource): QueryCapture {
  let capture = captures.get(db);
  if (!capture) {
    capture = new QueryCapture(db);
    captures.set(db, capture);
  }
  return capture;
}

export interface CasePlans {
  key: string;
  statements: ExplainedStatement[];
}

/** Runs each case once more, capturing its SQL, and explains every statement it ran. */
async function explainCases(
  db: DataSource,
  capture: QueryCapture,
  endpoint: string,
  list: string,
  cases: BenchCase[],
  statementKind: (sql: string) => string,
): Promise<Map<string, CasePlans>> {
  const plans = new Map<string, CasePlans>();
  for (const benchCase of cases) {
    const captured = await capture.during(() =>
      postList(endpoint, list, benchCase.query, benchCase.variables),
    );
    const statements = [];
    for (const query of captured) statements.push(await explain(db, query, statementKind));
    plans.set(benchCase.key, { key: benchCase.key, statements });
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------
// Report

/** The figures of each case and the plans of its page (`page` or `other`) and count statements. */
function printTable(results: CaseResult[], plans: Map<string, CasePlans>): void {
  const header = ['query', 'p50 ms', 'p95 ms', 'mean ms', 'n', 'p50<20', 'page plan', 'count plan'];
  const lines = results.map((r) => {
    const statements = plans.get(r.key)?.statements ?? [];
    return [
      r.title,
      r.latencyMs.p50.toFixed(2),
      r.latencyMs.p95.toFixed(2),
      r.latencyMs.mean.toFixed(2),
      String(r.latencyMs.n),
      r.meetsTarget ? 'ok' : 'MISS',
      statements
        .filter((s) => s.statement === 'page' || s.statement === 'other')
        .map(planNote)
        .join(' then '),
      r.key.endsWith('+count')
        ? planNote(statements.find((s) => s.statement === 'totalCount'))
        : '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) =>
    cells.map((c, i) => pad(c, widths[i]!, i >= 1 && i <= 4)).join(' | ');
  console.log(row(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const line of lines) console.log(row(line));
}

/** The plans file: `heading`, the date, then each case with its statements and their plans. */
export function plansText(heading: string[], plans: CasePlans[], results: CaseResult[]): string {
  const out: string[] = [...heading, `${new Date().toISOString()}`, ''];
  for (const casePlans of plans) {
    const result = results.find((r) => r.key === casePlans.key);
    out.push('='.repeat(100));
    out.push(`${result?.title ?? casePlans.key}  [${casePlans.key}]`);
    out.push(`variables: ${JSON.stringify(result?.variables ?? {})}`);
    if (result)
      out.push(
        `HTTP latency: p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, mean ${result.latencyMs.mean} ms`,
      );
    for (const s of casePlans.statements) {
      out.push('-'.repeat(100));
      out.push(`statement: ${s.statement}`);
      out.push(s.sql.replace(/\s+/g, ' ').trim());
      out.push(`parameters: ${JSON.stringify(s.parameters)}`);
      out.push('');
      out.push(s.plan);
    }
    out.push('');
  }
  return out.join('\n');
}

/** The results as the JSON report holds them: figures, and each statement's plan in brief. */
export function resultsWithPlans(results: CaseResult[], plans: Map<string, CasePlans>) {
  return results.map((r) => ({
    ...r,
    plans: (plans.get(r.key)?.statements ?? []).map((s) => ({
      statement: s.statement,
      executionMs: s.executionMs,
      planningMs: s.planningMs,
      indexes: s.indexes,
      seqScans: s.seqScans,
      jit: s.jit,
    })),
  }));
}

/** How the cases were timed, as the JSON report holds it. */
export function timing(options: NodeBenchOptions) {
  return {
    iterations: options.iterations,
    maxCaseSeconds: options.maxCaseSeconds,
    warmUp: WARM_UP,
    targetP50Ms: TARGET_P50_MS,
  };
}

/** Load averages to two decimals: other work on the machine skews the figures. */
export function loadAverage(): number[] {
  return loadavg().map((x) => Math.round(x * 100) / 100);
}

/** The machine and the PostgreSQL server the figures were taken on. */
export async function machineOf(db: DataSource, loadAverageBefore: number[]) {
  const [{ version, server_version: serverVersion }] = (await db.query(
    `SELECT version() AS version, current_setting('server_version') AS server_version`,
  )) as { version: string; server_version: string }[];
  const settings = (await db.query(
    `SELECT name, current_setting(name) AS setting FROM pg_settings
     WHERE name IN ('autovacuum', 'shared_buffers', 'work_mem', 'effective_cache_size',
                    'random_page_cost', 'jit', 'max_parallel_workers_per_gather')
     ORDER BY name`,
  )) as { name: string; setting: string }[];
  const cpuList = cpus();
  return {
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model ?? null,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    platform: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    loadAverageBefore,
    loadAverageAfter: loadAverage(),
    postgres: serverVersion,
    postgresVersion: version,
    postgresSettings: Object.fromEntries(settings.map((s) => [s.name, s.setting])),
  };
}

/** Writes each file (name and text) to bench/results and says so. */
export async function writeResults(files: [name: string, text: string][]): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of files) {
    const path = resolve(RESULTS_DIR, name);
    await writeFile(path, text);
    written.push(path);
  }
  console.log(`\n${written.map((p) => `wrote ${p}`).join('\n')}`);
}
