/**
 * `npm start`: a whole demo network on this machine, with nothing else installed. The hub
 * and four communes, each on its own embedded database under ./data, seeded on first run
 * and reused after, each commune registered with the hub.
 */
import 'reflect-metadata';
import { SignJWT } from 'jose';
import { countryOf } from '@communes/kit';
import { seedDirectory } from '@communes/directory';
import { seedDeliberations } from '@communes/deliberations';
import { seedComponents } from '@communes/components';
import { NODE_SUBGRAPHS, startNode, type RunningNode } from '@communes/node';
import { startHub } from '@communes/hub';
import { DEMO_COMMUNES, type DemoCommune } from './communes';
import { staleNotice, startDemoControl } from './control';
import { DemoClock, runDemoReports } from './report-runs';
import { loadOrCreateDemoKeys } from './keys';
import { printWelcome } from './welcome';

const DEMO_ISSUER = 'https://login.demo.communes.local';
/** The client id the demo's tokens are minted for. */
const DEMO_AUDIENCE = 'communes-hub-demo';
const DATA_DIR = (process.env['DATA_DIR'] ?? './data').replace(/\/$/, '');
const HUB_PORT = Number(process.env['PORT'] ?? 4000);
/** The demo's control (stop and start a commune), on the loopback interface. */
const CONTROL_PORT = Number(process.env['DEMO_CONTROL_PORT'] ?? HUB_PORT + 99);
/** Businesses per commune on the first run; the default is each demo commune's own. */
const BUSINESSES = process.env['DEMO_BUSINESSES']
  ? Number(process.env['DEMO_BUSINESSES'])
  : undefined;
/** Months of council and college meetings (up to the end of 2025) on the first run; 0: none. */
const DELIBERATION_MONTHS = Number(process.env['DEMO_DELIBERATION_MONTHS'] ?? 24);

async function main(): Promise<void> {
  // Each embedded database listens for SIGINT/SIGTERM to close cleanly: nine of them here.
  process.setMaxListeners(30);
  const keys = await loadOrCreateDemoKeys(`${DATA_DIR}/demo-keys.json`);
  const nodes: (RunningNode | undefined)[] = [];
  const communeOf = (demo: DemoCommune) => ({
    code: demo.code,
    name: demo.name,
    country: countryOf(demo.code),
    ...demo.legal,
  });
  const startDemoNode = (demo: DemoCommune, i: number) =>
    startNode({
      commune: communeOf(demo),
      database: { kind: 'pglite', dataDir: `${DATA_DIR}/${demo.code}` },
      subgraphs: NODE_SUBGRAPHS,
      host: '127.0.0.1',
      port: HUB_PORT + 1 + i,
      hubPublicKey: keys.identity.publicKey,
    });
  await Promise.all(
    DEMO_COMMUNES.map(async (demo, i) => {
      const commune = communeOf(demo);
      const node = await startDemoNode(demo, i);
      nodes[i] = node;
      const [{ count }] = (await node.db.query('SELECT count(*)::int AS count FROM business')) as {
        count: number;
      }[];
      const wanted = BUSINESSES ?? demo.businesses;
      if (count === 0 && wanted > 0) {
        const started = Date.now();
        console.log(`Seeding ${demo.name}: ${wanted} businesses (first run only)…`);
        await seedDirectory(node.db, commune, wanted, i + 1);
        console.log(`Seeded ${demo.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      if (DELIBERATION_MONTHS > 0) {
        const started = Date.now();
        // Months up to the end of 2025, the seed's last year (two years by default).
        const from = new Date(Date.UTC(2026, -DELIBERATION_MONTHS, 1)).toISOString().slice(0, 10);
        const seeded = await seedDeliberations(node.db, commune, {
          years: Math.ceil(DELIBERATION_MONTHS / 12),
          seed: i + 1,
          only: { from, to: '2025-12-31' },
        });
        if (!seeded.skipped) {
          const took = ((Date.now() - started) / 1000).toFixed(1);
          console.log(
            `Seeded ${demo.name}: ${seeded.meetings} meetings, ${seeded.items} items in ${took} s`,
          );
        }
      }
      const software = await seedComponents(node.db, commune);
      if (!software.skipped) {
        console.log(
          `Seeded ${demo.name}: ${software.published} publiccode.yml, ${software.adoptions} adoptions`,
        );
      }
    }),
  );

  const clock = new DemoClock();
  const hub = await startHub({
    database: { kind: 'pglite', dataDir: `${DATA_DIR}/hub` },
    // Report runs read this clock: the first runs of a new demo network are dated a month back.
    reports: { clock: clock.now },
    host: '127.0.0.1',
    port: HUB_PORT,
    identityKey: keys.identity.privateKey,
    // The demo's login provider vouches for every demo commune and for the hub's administrators.
    issuers: [
      {
        issuer: DEMO_ISSUER,
        publicKey: keys.issuer.publicKey,
        audience: DEMO_AUDIENCE,
        communes: DEMO_COMMUNES.map((demo) => demo.code),
        hubRoles: true,
        maxTokenAgeSeconds: 12 * 3600,
      },
    ],
    // Every node of the demo runs on this machine.
    allowPrivateEndpoints: true,
    // A commune stopped and started again from the demo's control is called again within seconds.
    circuit: { failureThreshold: 5, openMs: 5_000 },
    notices: [staleNotice(`http://127.0.0.1:${CONTROL_PORT}`)],
  });
  const token = (roles: Record<string, string[]>, subject: string, expiry = '12h') =>
    new SignJWT({ commune_roles: roles })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(DEMO_ISSUER)
      .setAudience(DEMO_AUDIENCE)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(expiry)
      .sign(keys.issuer.privateKey);
  const admin = await token({ hub: ['admin'] }, 'admin@hub.demo', '5m');
  for (const [i, demo] of DEMO_COMMUNES.entries()) {
    const subgraphs = NODE_SUBGRAPHS.map((s) => ({
      name: s.name,
      url: `${nodes[i]!.url}/${s.name}/graphql`,
    }));
    const known = (await graphql(
      hub.url,
      `
        query ($c: ID!) {
          commune(code: $c) {
            subgraphs {
              name
            }
          }
        }
      `,
      { c: demo.code },
    )) as { commune: { subgraphs: { name: string }[] } | null };
    if (!known.commune) {
      const { businesses: _count, legal: _legal, ...registration } = demo;
      await graphql(
        hub.url,
        `
          mutation ($input: RegisterCommuneInput!) {
            registerCommune(input: $input) {
              code
            }
          }
        `,
        { input: { ...registration, subgraphs } },
        admin,
      );
    } else if (subgraphs.some((s) => !known.commune!.subgraphs.some((k) => k.name === s.name))) {
      // Data of an earlier version of the demo: the commune now serves more subgraphs.
      await graphql(
        hub.url,
        `
          mutation ($c: ID!, $subgraphs: [CommuneSubgraphInput!]!) {
            updateCommuneEndpoints(code: $c, subgraphs: $subgraphs) {
              code
            }
          }
        `,
        { c: demo.code, subgraphs },
        admin,
      );
    }
  }
  const control = await startDemoControl(
    {
      stop: async (code) => {
        const i = DEMO_COMMUNES.findIndex((demo) => demo.code === code);
        const node = nodes[i];
        if (!node) return false;
        nodes[i] = undefined;
        await node.close();
        return true;
      },
      start: async (code) => {
        const i = DEMO_COMMUNES.findIndex((demo) => demo.code === code);
        if (i < 0 || nodes[i]) return false;
        nodes[i] = await startDemoNode(DEMO_COMMUNES[i]!, i);
        // The hub stopped calling it while it was down (its circuit is open): wait until it may.
        for (;;) {
          const { commune } = (await graphql(
            hub.url,
            `
              query ($c: ID!) {
                commune(code: $c) {
                  health {
                    circuit {
                      state
                    }
                  }
                }
              }
            `,
            { c: code },
          )) as { commune: { health: { circuit: { state: string } }[] } };
          if (commune.health.every((h) => h.circuit.state !== 'OPEN')) break;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        return true;
      },
      runReports: async () => {
        await Promise.all(hub.reports.definitions.map((d) => hub.reports.runNow(d.id, 'ADMIN')));
      },
    },
    CONTROL_PORT,
  );
  printWelcome({
    hubUrl: hub.url,
    controlUrl: `http://127.0.0.1:${CONTROL_PORT}`,
    dataDir: DATA_DIR,
    nodes: DEMO_COMMUNES.map((demo, i) => ({
      code: demo.code,
      name: demo.name,
      url: nodes[i]!.url,
    })),
    editorToken: await token({ 'BE-92094': ['editor'] }, 'greffe@namur.demo'),
  });
  void runDemoReports({
    hub,
    clock,
    graphql: (query, variables, bearer) => graphql(hub.url, query, variables, bearer),
    communes: DEMO_COMMUNES,
    adminOf: (code) => token({ [code]: ['admin'] }, `admin@${code.toLowerCase()}.demo`, '1h'),
    log: (line) => console.log(line),
  }).catch((error: unknown) => console.error('Reports could not run at start:', error));
  const stop = async () => {
    // Closing the hub interrupts report runs in progress; their jobs resume at the next start.
    await new Promise((resolve) => control.close(resolve));
    await hub.close();
    for (const node of nodes) await node?.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function graphql(
  hubUrl: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
) {
  const response = await fetch(`${hubUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors?.length)
    throw new Error(`hub refused ${query.slice(0, 40)}…: ${JSON.stringify(body.errors)}`);
  return body.data ?? {};
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
