/**
 * Network bench: how much the hub costs, and whether its latency follows the slowest
 * commune rather than the sum. Communes answer after a fixed 20 ms (stub-communes.ts, in
 * a child process so that they do not share the hub's event loop). For N = 1, 10, 50 it
 * measures, in one run: the hub, a naive client asking each commune in turn, and (N = 1)
 * the direct call. Writes bench/results/network.json.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { KeyObject } from 'node:crypto';
import { generateKeyPair, SignJWT } from 'jose';
import { silentLogger } from '@communes/kit';
import { startHub } from '@communes/hub';
import { summarise, type Summary } from '../stats';
import { post } from '../graphql-post';

const SIZES = [1, 10, 50];
const LATENCY_MS = 20;
const ROOT = join(__dirname, '..', '..');
const QUERY = `query($communes: [ID!]) { businesses(communes: $communes, first: 20) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { communeCode id name } } } }`;
const NODE_QUERY = `{ businesses(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { communeCode id name } } } }`;

async function time(iterations: number, run: () => Promise<unknown>): Promise<Summary> {
  for (let i = 0; i < Math.min(5, iterations); i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

async function main(): Promise<void> {
  const stubs = spawn(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    [
      join(__dirname, 'stub-communes.ts'),
      '--count',
      String(Math.max(...SIZES)),
      '--latency',
      String(LATENCY_MS),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = (await once(createInterface({ input: stubs.stdout! }), 'line')) as [string];
  const communes = JSON.parse(line) as { code: string; url: string }[];

  const identity = await generateKeyPair('ES256');
  const issuer = await generateKeyPair('ES256');
  const hub = await startHub({
    database: { kind: 'pglite', dataDir: 'memory://' },
    port: 0,
    identityKey: identity.privateKey as KeyObject,
    issuers: [
      {
        issuer: 'https://bench.local',
        publicKey: issuer.publicKey,
        audience: 'bench',
        hubRoles: true,
      },
    ],
    healthIntervalMs: 3_600_000,
    logger: silentLogger,
    // The stub communes run on this machine.
    allowPrivateEndpoints: true,
    // The load generator is one client on one address: a rate limit would measure itself.
    rateLimit: { points: 0 },
  });
  const admin = await new SignJWT({ commune_roles: { hub: ['admin'] } })
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer('https://bench.local')
    .setAudience('bench')
    .setSubject('bench')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(issuer.privateKey);
  for (const commune of communes) {
    await post(
      `${hub.url}/graphql`,
      `mutation($input: RegisterCommuneInput!) { registerCommune(input: $input) { code } }`,
      {
        input: {
          code: commune.code,
          name: `Bench ${commune.code}`,
          subgraphs: [{ name: 'directory', url: `${commune.url}/graphql` }],
        },
      },
      admin,
    );
  }

  const rows: Record<string, unknown>[] = [];
  const direct = await time(200, () => post(`${communes[0]!.url}/graphql`, NODE_QUERY));
  for (const n of SIZES) {
    const chosen = communes.slice(0, n);
    const codes = chosen.map((c) => c.code);
    const viaHub = await time(200, () => post(`${hub.url}/graphql`, QUERY, { communes: codes }));
    const naive = await time(Math.max(10, Math.round(200 / n)), async () => {
      const edges: { node: { name: string } }[] = [];
      for (const commune of chosen)
        edges.push(...(await post(`${commune.url}/graphql`, NODE_QUERY)).businesses.edges);
      return edges.sort((a, b) => (a.node.name < b.node.name ? -1 : 1)).slice(0, 20);
    });
    global.gc?.();
    rows.push({
      communes: n,
      hub: viaHub,
      naiveLoop: naive,
      hubRssMb: Math.round(process.memoryUsage().rss / 1e6),
      heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1e6),
    });
  }
  const hubAt1 = (rows[0]!['hub'] as Summary).p50;
  const report = {
    bench: 'network',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
    communeLatencyMs: LATENCY_MS,
    directP50Ms: direct.p50,
    hubOverheadAt1: +(hubAt1 / direct.p50).toFixed(2),
    sizes: rows.map((row) => ({
      ...row,
      hubP50OverHubP50At1: +((row['hub'] as Summary).p50 / hubAt1).toFixed(2),
      hubP50OverNaiveP50: +(
        (row['hub'] as Summary).p50 / (row['naiveLoop'] as Summary).p50
      ).toFixed(3),
    })),
  };
  console.table(
    report.sizes.map((r: any) => ({
      communes: r.communes,
      'hub p50 ms': r.hub.p50,
      'hub p95 ms': r.hub.p95,
      'naive loop p50 ms': r.naiveLoop.p50,
      'hub / hub@1': r.hubP50OverHubP50At1,
      'hub / naive': r.hubP50OverNaiveP50,
      'rss MB': r.hubRssMb,
    })),
  );
  console.log(
    `direct call to one commune: p50 ${direct.p50} ms; hub at N=1 costs ${report.hubOverheadAt1}x the direct call`,
  );
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench', 'results', 'network.json'),
    JSON.stringify(report, null, 2) + '\n',
  );
  await hub.close();
  stubs.kill();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
