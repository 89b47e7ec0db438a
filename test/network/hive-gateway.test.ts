import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph, REGISTRY } from '@communes/hub';
import {
  NetworkBusinessesDocument,
  CommunesWithBusinessesDocument,
} from '@communes/schema/src/generated/operations';
import { testDatabaseKinds } from '../support/databases';
import { dataOf, postGraphQL } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { startTestNode, type TestNode } from '../support/test-node';
import { LIEGE, LILLE, NAMUR } from '../fixtures/communes';
import { belgianNumber, namurBusiness, siren } from '../fixtures/businesses';

const HIVE_BIN = join(__dirname, '..', '..', 'node_modules', '.bin', 'hive-gateway');

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls a URL until it answers 200, for at most `ms` (no fixed sleep). */
async function waitFor(url: string, ms: number, child: ChildProcess): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`hive-gateway exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not become ready in ${ms} ms`);
}

describe('a stock gateway federates the network through the executor HTTP face', () => {
  const database = testDatabaseKinds()[0]!;
  let hub: TestHub;
  const nodes: TestNode[] = [];
  let hive: ChildProcess;
  let hiveUrl: string;
  let dir: string;

  beforeAll(async () => {
    hub = await startTestHub(database);
    for (const [i, commune] of [NAMUR, LIEGE, LILLE].entries()) {
      const node = await startTestNode({
        ...commune,
        database,
        hubPublicKey: hub.identityPublicKey,
      });
      nodes.push(node);
      await hub.register(commune.code, commune.name, node.url);
      const headers = await hub.nodeHeadersFor({ [commune.code]: ['editor'] });
      for (const name of ['Boulangerie Dupont', 'Café du Théâtre', `Maison ${commune.name}`].slice(
        0,
        i + 1,
      )) {
        const french = commune.code.startsWith('FR');
        const input = namurBusiness({
          name,
          enterpriseNumber: french
            ? siren(`7${name.length}${i}00001`.slice(0, 8))
            : belgianNumber(`0${i}${name.length}00001`.slice(0, 8)),
          address: french
            ? { street: 'Rue de Béthune', postalCode: '59000', locality: 'Lille' }
            : { street: 'Rue Haute', postalCode: i === 0 ? '5000' : '4000', locality: 'Centre' },
          contacts: null,
        });
        const created = await node.query(
          `mutation($c: ID!, $i: CreateBusinessInput!) { createBusiness(commune: $c, input: $i) { id } }`,
          { c: commune.code, i: input },
          headers,
        );
        dataOf(created);
      }
    }
    dir = mkdtempSync(join(tmpdir(), 'hive-'));
    const { supergraphSdl } = composeSupergraph((name) =>
      name === REGISTRY ? `${hub.url}/${REGISTRY}/graphql` : `${hub.url}/network/${name}/graphql`,
    );
    writeFileSync(join(dir, 'supergraph.graphql'), supergraphSdl);
    const port = await freePort();
    hiveUrl = `http://127.0.0.1:${port}`;
    hive = spawn(
      HIVE_BIN,
      [
        'supergraph',
        join(dir, 'supergraph.graphql'),
        '--port',
        String(port),
        '--host',
        '127.0.0.1',
      ],
      {
        stdio: 'ignore',
        env: { ...process.env, NODE_OPTIONS: '' },
      },
    );
    await waitFor(`${hiveUrl}/readiness`, 30_000, hive);
  }, 90_000);

  afterAll(async () => {
    hive?.kill();
    await hub?.close();
    for (const node of nodes) await node.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers a cross-commune query with the same result as the hub', async () => {
    const variables = { first: 4, orderBy: { field: 'NAME', direction: 'ASC' } } as const;
    const viaHub = dataOf(
      await postGraphQL(`${hub.url}/graphql`, NetworkBusinessesDocument, variables),
    );
    const viaHive = dataOf(
      await postGraphQL(`${hiveUrl}/graphql`, NetworkBusinessesDocument, variables),
    );
    expect(viaHub.businesses.totalCount).toBe(6);
    expect(viaHive).toEqual(viaHub);
    const next = { ...variables, after: viaHub.businesses.pageInfo.endCursor };
    expect(
      dataOf(await postGraphQL(`${hiveUrl}/graphql`, NetworkBusinessesDocument, next)),
    ).toEqual(dataOf(await postGraphQL(`${hub.url}/graphql`, NetworkBusinessesDocument, next)));
  });

  it('follows an entity hop from the registry to every commune the same way', async () => {
    const viaHub = dataOf(
      await postGraphQL(`${hub.url}/graphql`, CommunesWithBusinessesDocument, { first: 5 }),
    );
    const viaHive = dataOf(
      await postGraphQL(`${hiveUrl}/graphql`, CommunesWithBusinessesDocument, { first: 5 }),
    );
    expect(viaHub.communes.map((c) => c.businesses?.totalCount)).toEqual([2, 1, 3]);
    expect(viaHive).toEqual(viaHub);
  });
});
