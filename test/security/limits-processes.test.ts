import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postGraphQL } from '../support/graphql-client';
import { startServerProcess, type ServerProcess } from '../support/processes';
import { NAMUR } from '../fixtures/communes';
import { ALIAS_ATTACK, DEPTH_ATTACK } from './attacks';

/**
 * The attacks on a hub and a commune node started as a deployment starts them, each its
 * own process configured by its environment. Before the limits, the depth attack grew the node
 * to 4.4 GB and the aliases froze it for a minute; now each is refused before any work.
 */
describe('the attacks of issue 10 on a hub and a node as separate processes', () => {
  let dir: string;
  let hub: ServerProcess;
  let node: ServerProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'limits-processes-'));
    const hubKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    [hub, node] = await Promise.all([
      startServerProcess('gateway/bin/hub.ts', {
        DATA_DIR: dir,
        HUB_IDENTITY_KEY: hubKey.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      }),
      startServerProcess('subgraphs/node/src/main.ts', {
        COMMUNE_CODE: NAMUR.code,
        COMMUNE_NAME: NAMUR.name,
        DATA_DIR: dir,
        HUB_PUBLIC_KEY: hubKey.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      }),
    ]);
  }, 180_000);
  afterAll(async () => {
    await hub?.stop();
    await node?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const attacks = [
    ['depth', DEPTH_ATTACK, 'QUERY_TOO_DEEP', 'deliberations'],
    ['1,000 aliases', ALIAS_ATTACK, 'TOO_MANY_TOKENS', 'directory'],
  ] as const;

  it.each(attacks)(
    'refuses the %s attack at the hub and at the node',
    async (name, query, code, subgraph) => {
      for (const [where, url] of [
        ['hub', `${hub.url}/graphql`],
        ['node', `${node.url}/${subgraph}/graphql`],
      ]) {
        const started = performance.now();
        const response = await postGraphQL(url!, query);
        const ms = (performance.now() - started).toFixed(1);
        console.log(`${name} attack refused by the ${where} in ${ms} ms (${code})`);
        expect(response.status).toBe(400);
        expect(response.errors?.map((e) => e.extensions?.['code'])).toEqual([code]);
      }
    },
  );

  it('leaves the node healthy and answering', async () => {
    expect((await fetch(`${node.url}/health`)).status).toBe(200);
    const answer = await postGraphQL(
      `${node.url}/directory/graphql`,
      '{ businesses { totalCount } }',
    );
    expect(answer).toMatchObject({ status: 200, data: { businesses: { totalCount: 0 } } });
    expect((await fetch(`${hub.url}/health`)).status).toBe(200);
  });
});
