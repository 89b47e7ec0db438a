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
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { seedDeliberations } from '@communes/deliberations';
import * as nodeBench from '../node-bench';
import { walkToCursor, type BenchCase } from '../support';

const { COMMUNE, PAGE, SEED, WALK_PAGE } = nodeBench;
const YEARS = 2;
/** The walk to the deep cursor stops after this long, wherever it is. */
const WALK_SECONDS = 180;

interface Options extends nodeBench.NodeBenchOptions {
  /** SQL to try afterwards (an index), measured again after it. */
  trySql: string | null;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      ...nodeBench.ARGS,
      count: { type: 'string', default: '200000' },
      'try-sql': { type: 'string' },
    },
  });
  return { ...nodeBench.checkOptions(values, 2_000_000), trySql: values['try-sql'] ?? null };
}

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

/** Seeds the meetings and items, copies the items up to `count`, and counts what there is. */
async function fill(db: DataSource, count: number) {
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
  const baseItems = await multiplyItems(db, count);
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
  return { seeded, baseItems, seedSeconds, multiplySeconds, stats: stats!, decided };
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

// ---------------------------------------------------------------------------------------------
// Query plans

/** What a statement is, for the report: the page's SELECT, the COUNT, or other. */
function statementKind(sql: string): string {
  if (/^SELECT COUNT\(/i.test(sql)) return 'totalCount';
  if (/FROM "item" "i"/i.test(sql)) return 'page';
  return 'other';
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = readOptions();
  await nodeBench.withNode(options.databaseUrl, async (node) => {
    const db = node.db;
    const endpoint = `${node.url}/deliberations/graphql`;
    const filled = await fill(db, options.count);
    const { stats } = filled;

    const walk = (target: number, orderBy: typeof DECIDED_DESC | null) =>
      walkToCursor(endpoint, 'items', itemsQuery({ totalCount: false, pageInfo: true }), {
        target,
        pageSize: WALK_PAGE,
        seconds: WALK_SECONDS,
        ...(orderBy ? { variables: { orderBy } } : {}),
      });
    const deepDefault = await walk(Math.floor(stats.visible / 2), null);
    const deepDecided = await walk(Math.floor(filled.decided / 2), DECIDED_DESC);
    console.log(
      `deep cursors: after item ${deepDefault.at} (default order), ${deepDecided.at} (DECIDED_AT DESC)`,
    );

    // Other work on the machine skews the figures: the load before measuring goes in the report.
    const loadBefore = nodeBench.loadAverage();
    const cases = benchCases(deepDefault.cursor, deepDecided.cursor);
    const measure = () =>
      nodeBench.measureAndExplain(db, endpoint, 'items', cases, options, statementKind);
    const { results, plans } = await measure();

    let tried: ({ sql: string } & Awaited<ReturnType<typeof measure>>) | null = null;
    if (options.trySql) {
      console.log(`\ntrying: ${options.trySql}`);
      await db.query(options.trySql);
      await db.query('VACUUM ANALYZE item');
      tried = { sql: options.trySql, ...(await measure()) };
    }

    const report = {
      bench: 'deliberations',
      date: new Date().toISOString(),
      commune: COMMUNE,
      count: options.count,
      seed: SEED,
      years: YEARS,
      seededMeetings: filled.seeded.meetings,
      seededItems: filled.baseItems,
      items: stats.items,
      publicItems: stats.visible,
      ...nodeBench.timing(options),
      deepCursorAfterItem: { default: deepDefault.at, decidedAtDesc: deepDecided.at },
      seedSeconds: Math.round(filled.seedSeconds * 10) / 10,
      multiplySeconds: Math.round(filled.multiplySeconds * 10) / 10,
      maintenance: 'VACUUM ANALYZE',
      machine: await nodeBench.machineOf(db, loadBefore),
      results: nodeBench.resultsWithPlans(results, plans),
    };
    const heading = (after: string) => [
      `Deliberations bench query plans: ${stats.items} items (${stats.visible} public) in ` +
        `${COMMUNE.code} (${COMMUNE.name}), after ${after}; captured from the node's TypeORM ` +
        `statements (anonymous caller) and run with EXPLAIN (ANALYZE, BUFFERS).`,
    ];
    const files: [string, string][] = [
      ['deliberations.json', `${JSON.stringify(report, null, 2)}\n`],
      [
        'deliberations-plans.txt',
        nodeBench.plansText(heading('VACUUM ANALYZE'), [...plans.values()], results),
      ],
    ];
    if (tried) {
      const triedReport = {
        ...report,
        tried: tried.sql,
        results: nodeBench.resultsWithPlans(tried.results, tried.plans),
      };
      files.push(
        ['deliberations-tried.json', `${JSON.stringify(triedReport, null, 2)}\n`],
        [
          'deliberations-tried-plans.txt',
          nodeBench.plansText(
            heading(`VACUUM ANALYZE and: ${tried.sql}`),
            [...tried.plans.values()],
            tried.results,
          ),
        ],
      );
    }
    await nodeBench.writeResults(files);
  });
}

nodeBench.run(main);
