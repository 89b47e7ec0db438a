/**
 * Directory performance bench: seeds one commune node on a throwaway PostgreSQL database and
 * measures the latency of the directory's list queries through real HTTP GraphQL.
 *
 *   npx tsx bench/directory/run.ts [--count 100000] [--iterations 200] [--database-url URL]
 *                                  [--vacuum] [--max-case-seconds 60]
 *
 * The database is a new `cf_bench_<random>` on the server of --database-url (default
 * BENCH_POSTGRES_URL, else postgres://postgres@127.0.0.1:5432/postgres), dropped at the end.
 * After seeding it runs ANALYZE, or VACUUM ANALYZE with --vacuum: the visibility map that
 * autovacuum would set in time, which index-only scans (the COUNTs) need.
 *
 * Writes bench/results/directory.json (figures) and bench/results/directory-plans.txt (the
 * EXPLAIN (ANALYZE, BUFFERS) of every SQL statement each query runs); with --vacuum,
 * directory-vacuum.json and directory-vacuum-plans.txt.
 */
import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { countryOf, createLogger, type NodeCommune } from '@communes/kit';
import { seedDirectory } from '@communes/directory';
import { NODE_SUBGRAPHS, startNode, type RunningNode } from '@communes/node';
import {
  QueryCapture,
  createDatabase,
  explain,
  measureCase,
  pad,
  planNote,
  postList,
  walkToCursor,
  type BenchCase,
  type CaseResult,
  type ExplainedStatement,
} from '../support';

const COMMUNE: NodeCommune = { code: 'BE-92094', name: 'Namur', country: countryOf('BE-92094') };
/** Namur's centre, as the demo places put it. */
const CENTRE = { lat: 50.4669, lon: 4.8675 };
const SEED = 42;
const WARM_UP = 20;
const TARGET_P50_MS = 20;
const PAGE = 20;
/** Page size of the walk to the deep cursor: the largest page a node serves. */
const WALK_PAGE = 100;
const RESULTS_DIR = resolve(__dirname, '..', 'results');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

interface Options {
  count: number;
  iterations: number;
  databaseUrl: string;
  /** VACUUM ANALYZE after seeding instead of ANALYZE: the state autovacuum reaches in time. */
  vacuum: boolean;
  /** Time budget of one query's warm-up and samples: a slow query ends with fewer samples. */
  maxCaseSeconds: number;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100000' },
      iterations: { type: 'string', default: '200' },
      vacuum: { type: 'boolean', default: false },
      'max-case-seconds': { type: 'string', default: '60' },
      'database-url': {
        type: 'string',
        default: process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      },
    },
  });
  const count = Number(values.count);
  const iterations = Number(values.iterations);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000)
    throw new Error('--count must be a whole number from 1 to 1,000,000');
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
  return { count, iterations, databaseUrl, vacuum: values.vacuum, maxCaseSeconds };
}

// ---------------------------------------------------------------------------------------------
// The throwaway database

// ---------------------------------------------------------------------------------------------
// GraphQL over HTTP

const NODE_FIELDS = `id name
  address { street number postalCode locality }
  activities { naceVersion code label main }`;

function businessesQuery(options: { totalCount: boolean; distance?: boolean }): string {
  return `query Bench($filter: BusinessFilter, $orderBy: BusinessOrder, $first: Int, $after: String) {
  businesses(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    ${options.totalCount ? 'totalCount' : ''}
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ${NODE_FIELDS} ${options.distance ? 'distanceKm' : ''} } }
  }
}`;
}

interface DirectoryCase extends BenchCase {
  totalCount: boolean;
}

/** Each list query, with and without totalCount (its COUNT is a statement of its own). */
function benchCases(deepCursor: string): DirectoryCase[] {
  const near = { lat: CENTRE.lat, lon: CENTRE.lon, km: 5 };
  const base: {
    key: string;
    title: string;
    variables: Record<string, unknown>;
    distance?: true;
  }[] = [
    {
      key: 'search-nace',
      title: 'search "boulangerie" + nace "10"',
      variables: { filter: { search: 'boulangerie', nace: '10' }, first: PAGE },
    },
    { key: 'first-page', title: 'first page', variables: { first: PAGE } },
    {
      key: 'deep-page',
      title: 'deep page (cursor)',
      variables: { first: PAGE, after: deepCursor },
    },
    {
      key: 'near-5km',
      title: 'near 5 km, order NAME',
      variables: { filter: { near }, first: PAGE },
      distance: true,
    },
    {
      key: 'near-5km-distance',
      title: 'near 5 km, order DISTANCE',
      variables: { filter: { near }, orderBy: { field: 'DISTANCE' }, first: PAGE },
      distance: true,
    },
  ];
  return base.flatMap((c) =>
    [true, false].map((totalCount) => ({
      key: `${c.key}${totalCount ? '+count' : ''}`,
      title: `${c.title}${totalCount ? ' + totalCount' : ''}`,
      query: businessesQuery({ totalCount, distance: c.distance ?? false }),
      variables: c.variables,
      totalCount,
    })),
  );
}

/** The cursor of the item at `target` (about the middle of the list), paging `WALK_PAGE`. */
// ---------------------------------------------------------------------------------------------
// Query plans

interface CasePlans {
  key: string;
  statements: ExplainedStatement[];
}

/** What a statement is, for the report: the page's SELECT, the activities, the COUNT, or other. */
function statementKind(sql: string): string {
  if (/^SELECT COUNT\(/i.test(sql)) return 'totalCount';
  if (/FROM "business_activity"/i.test(sql)) return 'activities';
  if (/AS "b_id"/.test(sql)) return 'page';
  return 'other';
}

// ---------------------------------------------------------------------------------------------
// Report

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

function plansText(
  options: Options,
  maintenance: string,
  plans: CasePlans[],
  results: CaseResult[],
): string {
  const out: string[] = [
    `Directory bench query plans: ${options.count} businesses in ${COMMUNE.code} (${COMMUNE.name}),`,
    `after ${maintenance}; captured from the node's TypeORM statements and run with EXPLAIN (ANALYZE, BUFFERS).`,
    `${new Date().toISOString()}`,
    '',
  ];
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

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = readOptions();
  const database = await createDatabase(options.databaseUrl);
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
    const db = running.db;
    const endpoint = `${running.url}/directory/graphql`;

    const bar = new SingleBar(
      { format: `seeding ${COMMUNE.code} [{bar}] {value}/{total} {eta}s` },
      Presets.shades_classic,
    );
    bar.start(options.count, 0);
    const seedStarted = performance.now();
    try {
      await seedDirectory(db, COMMUNE, options.count, SEED, (done) => bar.update(done));
    } finally {
      bar.stop();
    }
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const maintenance = options.vacuum ? 'VACUUM ANALYZE' : 'ANALYZE';
    await db.query(maintenance);
    console.log(
      `seeded ${options.count} businesses in ${seedSeconds.toFixed(1)} s, ${maintenance}`,
    );

    const target = Math.floor(options.count / 2);
    const deep = await walkToCursor(
      endpoint,
      'businesses',
      businessesQuery({ totalCount: false }),
      {
        target,
        pageSize: WALK_PAGE,
      },
    );
    console.log(`deep cursor: after item ${deep.at}`);

    // Other work on the machine skews the figures: the load before measuring goes in the report.
    const loadBefore = loadavg().map((x) => Math.round(x * 100) / 100);
    const cases = benchCases(deep.cursor);
    const results: CaseResult[] = [];
    for (const benchCase of cases) {
      const result = await measureCase(endpoint, 'businesses', benchCase, {
        ...options,
        warmUp: WARM_UP,
        targetP50Ms: TARGET_P50_MS,
      });
      results.push(result);
      console.log(
        `${pad(result.title, 44)} p50 ${result.latencyMs.p50.toFixed(2)} ms  p95 ${result.latencyMs.p95.toFixed(2)} ms  n ${result.latencyMs.n}  (${result.rows} rows${result.totalCount === null ? '' : ` of ${result.totalCount}`})`,
      );
    }

    const capture = new QueryCapture(db);
    const plans = new Map<string, CasePlans>();
    for (const benchCase of cases) {
      const captured = await capture.during(() =>
        postList(endpoint, 'businesses', benchCase.query, benchCase.variables),
      );
      const statements = [];
      for (const query of captured) statements.push(await explain(db, query, statementKind));
      plans.set(benchCase.key, { key: benchCase.key, statements });
    }

    console.log('');
    printTable(results, plans);

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
    const report = {
      bench: 'directory',
      date: new Date().toISOString(),
      commune: COMMUNE,
      count: options.count,
      seed: SEED,
      iterations: options.iterations,
      maxCaseSeconds: options.maxCaseSeconds,
      warmUp: WARM_UP,
      targetP50Ms: TARGET_P50_MS,
      deepCursorAfterItem: deep.at,
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      maintenance,
      machine: {
        cpus: cpuList.length,
        cpuModel: cpuList[0]?.model ?? null,
        memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
        platform: `${platform()} ${release()} ${arch()}`,
        node: process.version,
        loadAverageBefore: loadBefore,
        loadAverageAfter: loadavg().map((x) => Math.round(x * 100) / 100),
        postgres: serverVersion,
        postgresVersion: version,
        postgresSettings: Object.fromEntries(settings.map((s) => [s.name, s.setting])),
      },
      results: results.map((r) => ({
        ...r,
        plans: (plans.get(r.key)?.statements ?? []).map((s) => ({
          statement: s.statement,
          executionMs: s.executionMs,
          planningMs: s.planningMs,
          indexes: s.indexes,
          seqScans: s.seqScans,
          jit: s.jit,
        })),
      })),
    };
    await mkdir(RESULTS_DIR, { recursive: true });
    const name = options.vacuum ? 'directory-vacuum' : 'directory';
    const jsonPath = resolve(RESULTS_DIR, `${name}.json`);
    const plansPath = resolve(RESULTS_DIR, `${name}-plans.txt`);
    await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(plansPath, plansText(options, maintenance, [...plans.values()], results));
    console.log(`\nwrote ${jsonPath}\nwrote ${plansPath}`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
