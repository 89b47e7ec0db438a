/**
 * Reports bench, two figures the association's hub lives by:
 * 1. running every report over N stub communes (default 200, answering after 20 ms, in a child
 *    process: stub-report-communes.ts), each run through the hub's own API and stored;
 * 2. reading a stored report over 300 communes × 24 monthly runs (`decisions-by-topic`, the
 *    largest: every month's topics, bodies and states per commune), as of now, as of a year ago,
 *    grouped, filtered, and as a trend of 24 points, in process and over GraphQL.
 * The hub's database is a throwaway PostgreSQL database (`--database-url`). Writes
 * bench/results/reports.json.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { KeyObject } from 'node:crypto';
import { generateKeyPair, SignJWT } from 'jose';
import { Client } from 'pg';
import { silentLogger } from '@communes/kit';
import { startHub } from '@communes/hub';
import { summarise, type Summary } from '../stats';
import { post } from '../graphql-post';
import { createDatabase } from '../support';

const { values } = parseArgs({
  options: {
    communes: { type: 'string', default: '200' },
    latency: { type: 'string', default: '20' },
    'stored-communes': { type: 'string', default: '300' },
    'stored-months': { type: 'string', default: '24' },
    iterations: { type: 'string', default: '20' },
    'database-url': {
      type: 'string',
      default: process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
  },
});
const COMMUNES = Number(values.communes);
const LATENCY_MS = Number(values.latency);
const STORED_COMMUNES = Number(values['stored-communes']);
const STORED_MONTHS = Number(values['stored-months']);
const ITERATIONS = Number(values.iterations);
const ROOT = join(__dirname, '..', '..');
const ISSUER = 'https://bench.local';

async function benchHub(databaseUrl: string) {
  const identity = await generateKeyPair('ES256');
  const issuer = await generateKeyPair('ES256');
  const hub = await startHub({
    database: { kind: 'postgres', url: databaseUrl },
    port: 0,
    identityKey: identity.privateKey as KeyObject,
    issuers: [{ issuer: ISSUER, publicKey: issuer.publicKey, audience: 'bench', hubRoles: true }],
    healthIntervalMs: 3_600_000,
    logger: silentLogger,
    allowPrivateEndpoints: true,
    rateLimit: { points: 0 },
  });
  const admin = await new SignJWT({ commune_roles: { hub: ['admin'] } })
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer(ISSUER)
    .setAudience('bench')
    .setSubject('bench')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(issuer.privateKey);
  return { hub, admin };
}

async function time(iterations: number, run: () => Promise<unknown>): Promise<Summary> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

const rssMb = () => Math.round(process.memoryUsage().rss / 1e6);

/** Part 1: every report run over N stub communes, each run waited for. */
async function runEveryReport(databaseUrl: string) {
  const stubs = spawn(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    [
      join(__dirname, 'stub-report-communes.ts'),
      '--count',
      String(COMMUNES),
      '--latency',
      String(LATENCY_MS),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const [line] = (await once(createInterface({ input: stubs.stdout! }), 'line')) as [string];
    const communes = JSON.parse(line) as { code: string; url: string }[];
    const { hub, admin } = await benchHub(databaseUrl);
    try {
      const registering = performance.now();
      for (const commune of communes) {
        await post(
          `${hub.url}/graphql`,
          `mutation($input: RegisterCommuneInput!) { registerCommune(input: $input) { code } }`,
          {
            input: {
              code: commune.code,
              name: `Bench ${commune.code}`,
              subgraphs: ['directory', 'deliberations', 'components'].map((name) => ({
                name,
                url: `${commune.url}/${name}/graphql`,
              })),
            },
          },
          admin,
        );
      }
      console.log(
        `registered ${communes.length} stub communes in ${((performance.now() - registering) / 1000).toFixed(1)} s`,
      );
      const runs: Record<string, unknown>[] = [];
      for (const definition of hub.reports.definitions) {
        const started = performance.now();
        const run = await hub.reports.runNow(definition.id, 'ADMIN');
        const seconds = +((performance.now() - started) / 1000).toFixed(2);
        const table = await hub.reports.read(definition.id);
        runs.push({
          report: definition.id,
          communes: communes.length,
          seconds,
          answered: run.answered,
          failed: run.failed,
          rows: table.rows.length,
          rssMb: rssMb(),
        });
      }
      return runs;
    } finally {
      await hub.close();
    }
  } finally {
    stubs.kill();
  }
}

/**
 * Part 2: 300 communes × 24 monthly runs of `decisions-by-topic`, written straight into the
 * hub's tables (the runner's own SQL shape), then read back.
 */
async function readStoredReport(databaseUrl: string) {
  const { hub } = await benchHub(databaseUrl);
  try {
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const filling = performance.now();
    // Run m (monthly) holds, per commune, every month up to m: 9 topics × 2 bodies per month.
    for (let m = 0; m < STORED_MONTHS; m++) {
      const at = new Date(Date.UTC(2025, m - STORED_MONTHS + 12, 28, 3));
      await db.query(
        `WITH run AS (
           INSERT INTO report_run (id, report_id, trigger, state, started_at, finished_at, answered, failed)
           VALUES (gen_random_uuid(), 'decisions-by-topic', 'SCHEDULE', 'DONE', $1, $1, $2, 0)
           RETURNING id)
         INSERT INTO report_snapshot (run_id, commune_code, report_id, read_at, outcome, error, rows)
         SELECT run.id, 'BE-' || lpad((10000 + c * 37)::text, 5, '0'), 'decisions-by-topic', $1, 'ok', NULL,
                (SELECT jsonb_agg(jsonb_build_object(
                   'commune', 'BE-' || lpad((10000 + c * 37)::text, 5, '0'),
                   'topic', t.topic, 'month', to_char(DATE '2024-01-01' + make_interval(months => mo), 'YYYY-MM'),
                   'body', b.body, 'state', 'ACCEPTED', 'count', 1 + (c + mo * 7) % 5))
                   FROM generate_series(0, $3) AS mo,
                        unnest(ARRAY['1.1','1.2','2.1','3.1','5.2','7.1','7.5','8.3','9.1']) AS t(topic),
                        unnest(ARRAY['COUNCIL','COLLEGE']) AS b(body))
           FROM run, generate_series(0, $2 - 1) AS c`,
        [at, STORED_COMMUNES, m],
      );
    }
    await db.query('ANALYZE report_snapshot');
    const {
      rows: [{ snapshots, mb }],
    } = await db.query(
      `SELECT count(*)::int AS snapshots, round(pg_total_relation_size('report_snapshot') / 1e6) AS mb FROM report_snapshot`,
    );
    await db.end();
    console.log(
      `stored ${snapshots} snapshots (${mb} MB) in ${((performance.now() - filling) / 1000).toFixed(1)} s`,
    );
    const yearAgo = new Date(Date.UTC(2025, 0, 1)).toISOString();
    const cases: [string, () => Promise<unknown>][] = [
      ['read as of now (every row)', () => hub.reports.read('decisions-by-topic')],
      ['read as of a year ago', () => hub.reports.read('decisions-by-topic', { asOf: yearAgo })],
      [
        'read grouped by commune',
        () => hub.reports.read('decisions-by-topic', { groupBy: ['commune'] }),
      ],
      [
        'read 2025, council only, by topic',
        () =>
          hub.reports.read('decisions-by-topic', {
            from: '2025-01',
            to: '2025-12',
            where: [{ dimension: 'body', values: ['COUNCIL'] }],
            groupBy: ['topic'],
          }),
      ],
      ['trend of 24 points', () => hub.reports.trend('decisions-by-topic', 'count')],
      [
        'GraphQL report grouped by commune',
        () =>
          post(
            `${hub.url}/graphql`,
            `query { report(id: "decisions-by-topic", read: { groupBy: ["commune"] }) { asOf rows { dimensions measures stale } communes { communeCode state } } }`,
            {},
          ),
      ],
    ];
    const results: Record<string, unknown>[] = [];
    for (const [name, run] of cases) {
      const summary = await time(ITERATIONS, run);
      results.push({ case: name, ...summary, rssMb: rssMb() });
    }
    return { snapshots, storedMb: Number(mb), reads: results };
  } finally {
    await hub.close();
  }
}

async function main(): Promise<void> {
  const runDb = await createDatabase(values['database-url']!);
  const readDb = await createDatabase(values['database-url']!);
  try {
    const runs = await runEveryReport(runDb.url);
    console.table(runs);
    const stored = await readStoredReport(readDb.url);
    console.table(
      stored.reads.map((r: any) => ({
        case: r.case,
        'p50 ms': r.p50,
        'p95 ms': r.p95,
        'rss MB': r.rssMb,
      })),
    );
    const report = {
      bench: 'reports',
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
      communeLatencyMs: LATENCY_MS,
      runs,
      stored: { communes: STORED_COMMUNES, months: STORED_MONTHS, ...stored },
    };
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(
      join(ROOT, 'bench', 'results', 'reports.json'),
      JSON.stringify(report, null, 2) + '\n',
    );
  } finally {
    await runDb.drop();
    await readDb.drop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
