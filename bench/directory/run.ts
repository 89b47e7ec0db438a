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
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { seedDirectory } from '@communes/directory';
import * as nodeBench from '../node-bench';
import { walkToCursor, type BenchCase } from '../support';

const { COMMUNE, PAGE, SEED, WALK_PAGE } = nodeBench;
/** Namur's centre, as the demo places put it. */
const CENTRE = { lat: 50.4669, lon: 4.8675 };

interface Options extends nodeBench.NodeBenchOptions {
  /** VACUUM ANALYZE after seeding instead of ANALYZE: the state autovacuum reaches in time. */
  vacuum: boolean;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      ...nodeBench.ARGS,
      count: { type: 'string', default: '100000' },
      vacuum: { type: 'boolean', default: false },
    },
  });
  return { ...nodeBench.checkOptions(values, 1_000_000), vacuum: values.vacuum };
}

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

// ---------------------------------------------------------------------------------------------
// Query plans

/** What a statement is, for the report: the page's SELECT, the activities, the COUNT, or other. */
function statementKind(sql: string): string {
  if (/^SELECT COUNT\(/i.test(sql)) return 'totalCount';
  if (/FROM "business_activity"/i.test(sql)) return 'activities';
  if (/AS "b_id"/.test(sql)) return 'page';
  return 'other';
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = readOptions();
  await nodeBench.withNode(options.databaseUrl, async (node) => {
    const db = node.db;
    const endpoint = `${node.url}/directory/graphql`;

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
    const loadBefore = nodeBench.loadAverage();
    const cases = benchCases(deep.cursor);
    const { results, plans } = await nodeBench.measureAndExplain(
      db,
      endpoint,
      'businesses',
      cases,
      options,
      statementKind,
    );

    const report = {
      bench: 'directory',
      date: new Date().toISOString(),
      commune: COMMUNE,
      count: options.count,
      seed: SEED,
      ...nodeBench.timing(options),
      deepCursorAfterItem: deep.at,
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      maintenance,
      machine: await nodeBench.machineOf(db, loadBefore),
      results: nodeBench.resultsWithPlans(results, plans),
    };
    const heading = [
      `Directory bench query plans: ${options.count} businesses in ${COMMUNE.code} (${COMMUNE.name}),`,
      `after ${maintenance}; captured from the node's TypeORM statements and run with EXPLAIN (ANALYZE, BUFFERS).`,
    ];
    const name = options.vacuum ? 'directory-vacuum' : 'directory';
    await nodeBench.writeResults([
      [`${name}.json`, `${JSON.stringify(report, null, 2)}\n`],
      [`${name}-plans.txt`, nodeBench.plansText(heading, [...plans.values()], results)],
    ]);
  });
}

nodeBench.run(main);
