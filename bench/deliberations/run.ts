/**
 * Deliberations performance bench: seeds one commune node on a throwaway PostgreSQL database
 * with realistic meetings and items, multiplies the items in SQL, and measures the latency of
 * the public `items` list through real HTTP GraphQL (anonymous: the visibility rule applies).
 *
 *   npx tsx bench/deliberations/run.ts [--count 200000] [--iterations 200] [--database-url URL]
 *                                      [--max-case-seconds 60] [--try-sql "CREATE INDEX ..."]
 *
 * The database is a new `cf_bench_<random>` on the server of --database-url (default
 * BENCH_POSTGRES_URL, else postgres://postgres@127.0.0.1:5432/postgres), dropped at the end,
 * also on failure. Seeding: seedDeliberations (2 years, seed 42) through the services, then
 * copies of the `item` rows up to --count (same meeting, shifted number, created_at, updated_at
 * and decided_at moved by whole milliseconds), then VACUUM ANALYZE (autovacuum may be off).
 *
 * Writes bench/results/deliberations.json (figures) and bench/results/deliberations-plans.txt
 * (the EXPLAIN (ANALYZE, BUFFERS) of every SQL statement each query runs). With --try-sql, the
 * statement (an index, say) is run on the bench database afterwards, followed by ANALYZE, and
 * every query is measured and explained again: deliberations-tried.json and
 * deliberations-tried-plans.txt.
 */
import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { countryOf, createLogger, type NodeCommune } from '@communes/kit';
import { seedDeliberations } from '@communes/deliberations';
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
const SEED = 42;
const YEARS = 2;
const WARM_UP = 20;
const TARGET_P50_MS = 20;
const PAGE = 20;
/** Page size of the walk to the deep cursor: the largest page a node serves. */
const WALK_PAGE = 100;
/** The walk to the deep cursor stops after this long, wherever it is. */
const WALK_SECONDS = 180;
const RESULTS_DIR = resolve(__dirname, '..', 'results');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

interface Options {
  count: number;
  iterations: number;
  databaseUrl: string;
  /** Time budget of one query's warm-up and samples: a slow query ends with fewer samples. */
  maxCaseSeconds: number;
  /** SQL to try afterwards (an index), measured again after it. */
  trySql: string | null;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '200000' },
      iterations: { type: 'string', default: '200' },
      'max-case-seconds': { type: 'string', default: '60' },
      'try-sql': { type: 'string' },
      'database-url': {
        type: 'string',
        default: process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      },
    },
  });
  const count = Number(values.count);
  const iterations = Number(values.iterations);
  if (!Number.isInteger(count) || count < 1 || count > 2_000_000)
    throw new Error('--count must be a whole number from 1 to 2,000,000');
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
  return { count, iterations, databaseUrl, maxCaseSeconds, trySql: values['try-sql'] ?? null };
}

// ---------------------------------------------------------------------------------------------
// The throwaway database

// ---------------------------------------------------------------------------------------------
// Filling the commune

/**
 * Copies the seeded items until the table holds `count` rows. Each copy keeps its meeting (so
 * the public visibility rule sees it as the original), takes a number past the meeting's last
 * (UNIQUE (meeting_id, number), number > 0), a title_sort with an ASCII suffix, and timestamps
 * moved by whole milliseconds (decided_at keeps its NULL-ness, as item_decided requires);
 * search_vector is generated. Votes are not copied: no NOT NULL relation needs them.
 */
async function multiplyItems(db: DataSource, count: number): Promise<number> {
  const [{ n: base, maxNumber }] = (await db.query(
    `SELECT COUNT(*)::int AS n, COALESCE(MAX(number), 0)::int AS "maxNumber" FROM item`,
  )) as { n: number; maxNumber: number }[];
  if (base === 0) throw new Error('the seed made no items');
  const missing = count - base;
  if (missing <= 0) return base;
  const copies = Math.ceil(missing / base);
  const step = maxNumber + 1;
  await db.query(
    `INSERT INTO item (id, meeting_id, number, title, title_sort, description, motivation,
       decision, category_code, topic_code, proposing_group, state, public, decided_at,
       search_text, created_at, updated_at)
     SELECT gen_random_uuid(), i.meeting_id,
       CASE WHEN i.number IS NULL THEN NULL ELSE i.number + g * $1::int END,
       i.title, i.title_sort || ' ' || lpad(g::text, 5, '0'), i.description, i.motivation,
       i.decision, i.category_code, i.topic_code, i.proposing_group, i.state, i.public,
       i.decided_at + g * interval '1 millisecond', i.search_text,
       i.created_at + g * interval '1 millisecond', i.updated_at + g * interval '1 millisecond'
     FROM item i CROSS JOIN generate_series(1, $2::int) AS g
     ORDER BY g, i.created_at, i.id
     LIMIT $3`,
    [step, copies, missing],
  );
  return base;
}

// ---------------------------------------------------------------------------------------------
// GraphQL over HTTP

function itemsQuery(options: { totalCount: boolean; pageInfo?: boolean }): string {
  return `query Bench($filter: ItemFilter, $orderBy: ItemOrder, $first: Int, $after: String) {
  items(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    ${options.totalCount ? 'totalCount' : ''}
    ${options.pageInfo ? 'pageInfo { hasNextPage endCursor }' : ''}
    edges { node { id title decidedAt topic { code } } }
  }
}`;
}

const DECIDED_DESC = { field: 'DECIDED_AT', direction: 'DESC' };

function benchCases(deepDefault: string, deepDecided: string): BenchCase[] {
  const search = { filter: { search: 'budget', topic: '7' }, first: PAGE };
  return [
    {
      key: 'search-topic+count',
      title: 'search "budget" + topic "7" + totalCount',
      query: itemsQuery({ totalCount: true }),
      variables: search,
    },
    {
      key: 'search-topic',
      title: 'search "budget" + topic "7"',
      query: itemsQuery({ totalCount: false }),
      variables: search,
    },
    {
      key: 'deep-page',
      title: 'deep page, default order (CREATED_AT DESC)',
      query: itemsQuery({ totalCount: false }),
      variables: { first: PAGE, after: deepDefault },
    },
    {
      key: 'deep-page-decided',
      title: 'deep page, DECIDED_AT DESC',
      query: itemsQuery({ totalCount: false }),
      variables: { first: PAGE, after: deepDecided, orderBy: DECIDED_DESC },
    },
  ];
}

/** The cursor after about `target` items in an order, walking pages of `WALK_PAGE`. */
// ---------------------------------------------------------------------------------------------
// Query plans

interface CasePlans {
  key: string;
  statements: ExplainedStatement[];
}

/** What a statement is, for the report: the page's SELECT, the COUNT, or other. */
function statementKind(sql: string): string {
  if (/^SELECT COUNT\(/i.test(sql)) return 'totalCount';
  if (/FROM "item" "i"/i.test(sql)) return 'page';
  return 'other';
}

async function explainCases(
  db: DataSource,
  capture: QueryCapture,
  endpoint: string,
  cases: BenchCase[],
): Promise<Map<string, CasePlans>> {
  const plans = new Map<string, CasePlans>();
  for (const benchCase of cases) {
    const captured = await capture.during(() =>
      postList(endpoint, 'items', benchCase.query, benchCase.variables),
    );
    const statements = [];
    for (const query of captured) statements.push(await explain(db, query, statementKind));
    plans.set(benchCase.key, { key: benchCase.key, statements });
  }
  return plans;
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
        .filter((s) => s.statement !== 'totalCount')
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

function plansText(heading: string, plans: CasePlans[], results: CaseResult[]): string {
  const out: string[] = [heading, `${new Date().toISOString()}`, ''];
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

async function measureAll(
  endpoint: string,
  cases: BenchCase[],
  options: Options,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const benchCase of cases) {
    const result = await measureCase(endpoint, 'items', benchCase, {
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

function resultsWithPlans(results: CaseResult[], plans: Map<string, CasePlans>) {
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
    const endpoint = `${running.url}/deliberations/graphql`;

    const seedStarted = performance.now();
    let lastShown = 0;
    const seeded = await seedDeliberations(db, COMMUNE, {
      years: YEARS,
      seed: SEED,
      onProgress: (done, total) => {
        if (done === total || performance.now() - lastShown > 5000) {
          lastShown = performance.now();
          console.log(`seeding: ${done}/${total} meetings`);
        }
      },
    });
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const multiplyStarted = performance.now();
    const baseItems = await multiplyItems(db, options.count);
    await db.query('VACUUM ANALYZE');
    const multiplySeconds = (performance.now() - multiplyStarted) / 1000;
    const [stats] = (await db.query(
      `SELECT COUNT(*)::int AS items,
         COUNT(*) FILTER (WHERE i.public AND m.state IN ('PUBLISHED', 'DECIDED', 'CLOSED'))::int AS visible,
         (SELECT COUNT(*)::int FROM meeting) AS meetings
       FROM item i LEFT JOIN meeting m ON m.id = i.meeting_id`,
    )) as { items: number; visible: number; meetings: number }[];
    console.log(
      `seeded ${seeded.meetings} meetings, ${baseItems} items in ${seedSeconds.toFixed(1)} s; ` +
        `copied to ${stats!.items} items (${stats!.visible} public) in ${multiplySeconds.toFixed(1)} s, VACUUM ANALYZE`,
    );

    const [{ decided }] = (await db.query(
      `SELECT COUNT(*)::int AS decided FROM item i
       WHERE i.decided_at IS NOT NULL AND i.public
         AND EXISTS (SELECT 1 FROM meeting m WHERE m.id = i.meeting_id
                     AND m.state IN ('PUBLISHED', 'DECIDED', 'CLOSED'))`,
    )) as { decided: number }[];
    const walk = (target: number, orderBy: typeof DECIDED_DESC | null) =>
      walkToCursor(endpoint, 'items', itemsQuery({ totalCount: false, pageInfo: true }), {
        target,
        pageSize: WALK_PAGE,
        seconds: WALK_SECONDS,
        ...(orderBy ? { variables: { orderBy } } : {}),
      });
    const deepDefault = await walk(Math.floor(stats!.visible / 2), null);
    const deepDecided = await walk(Math.floor(decided / 2), DECIDED_DESC);
    console.log(
      `deep cursors: after item ${deepDefault.at} (default order), ${deepDecided.at} (DECIDED_AT DESC)`,
    );

    // Other work on the machine skews the figures: the load before measuring goes in the report.
    const loadBefore = loadavg().map((x) => Math.round(x * 100) / 100);
    const cases = benchCases(deepDefault.cursor, deepDecided.cursor);
    const results = await measureAll(endpoint, cases, options);
    const capture = new QueryCapture(db);
    const plans = await explainCases(db, capture, endpoint, cases);
    console.log('');
    printTable(results, plans);

    let tried: { sql: string; results: CaseResult[]; plans: Map<string, CasePlans> } | null = null;
    if (options.trySql) {
      console.log(`\ntrying: ${options.trySql}`);
      await db.query(options.trySql);
      await db.query('VACUUM ANALYZE item');
      const triedResults = await measureAll(endpoint, cases, options);
      const triedPlans = await explainCases(db, capture, endpoint, cases);
      console.log('');
      printTable(triedResults, triedPlans);
      tried = { sql: options.trySql, results: triedResults, plans: triedPlans };
    }

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
      bench: 'deliberations',
      date: new Date().toISOString(),
      commune: COMMUNE,
      count: options.count,
      seed: SEED,
      years: YEARS,
      seededMeetings: seeded.meetings,
      seededItems: baseItems,
      items: stats!.items,
      publicItems: stats!.visible,
      iterations: options.iterations,
      maxCaseSeconds: options.maxCaseSeconds,
      warmUp: WARM_UP,
      targetP50Ms: TARGET_P50_MS,
      deepCursorAfterItem: { default: deepDefault.at, decidedAtDesc: deepDecided.at },
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      multiplySeconds: Math.round(multiplySeconds * 10) / 10,
      maintenance: 'VACUUM ANALYZE',
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
      results: resultsWithPlans(results, plans),
    };
    const heading = (after: string) =>
      `Deliberations bench query plans: ${stats!.items} items (${stats!.visible} public) in ` +
      `${COMMUNE.code} (${COMMUNE.name}), after ${after}; captured from the node's TypeORM ` +
      `statements (anonymous caller) and run with EXPLAIN (ANALYZE, BUFFERS).`;
    await mkdir(RESULTS_DIR, { recursive: true });
    const written: string[] = [];
    const write = async (name: string, text: string) => {
      const path = resolve(RESULTS_DIR, name);
      await writeFile(path, text);
      written.push(path);
    };
    await write('deliberations.json', `${JSON.stringify(report, null, 2)}\n`);
    await write(
      'deliberations-plans.txt',
      plansText(heading('VACUUM ANALYZE'), [...plans.values()], results),
    );
    if (tried) {
      await write(
        'deliberations-tried.json',
        `${JSON.stringify({ ...report, tried: tried.sql, results: resultsWithPlans(tried.results, tried.plans) }, null, 2)}\n`,
      );
      await write(
        'deliberations-tried-plans.txt',
        plansText(
          heading(`VACUUM ANALYZE and: ${tried.sql}`),
          [...tried.plans.values()],
          tried.results,
        ),
      );
    }
    console.log(`\n${written.map((p) => `wrote ${p}`).join('\n')}`);
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
