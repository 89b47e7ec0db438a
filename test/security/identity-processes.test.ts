import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK } from 'jose';
import { IDENTITY_HEADER, type Role } from '@communes/kit';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';
import { dataOf, postGraphQL } from '../support/graphql-client';
import { startProxy, type Proxy } from '../support/proxy';
import { startServerProcess, type ServerProcess } from '../support/processes';
import { LIEGE, NAMUR } from '../fixtures/communes';
import { namurBusiness } from '../fixtures/businesses';

const AUDIENCE = 'communes-hub';
const REGISTER = `mutation($input: RegisterCommuneInput!) { registerCommune(input: $input) { status } }`;
const CREATE = `mutation($commune: ID!, $input: CreateBusinessInput!) {
  createBusiness(commune: $commune, input: $input) { id } }`;
const COUNT = `{ businesses(first: 1) { totalCount } }`;

/** A login provider serving its JWKS over HTTP, as the hub's configuration expects. */
async function startIdentityProvider() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] };
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(jwks));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    issuer,
    jwksUrl: `${issuer}/jwks.json`,
    mint: (roles: Record<string, Role[]>, subject: string) =>
      new SignJWT({ commune_roles: roles })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer(issuer)
        .setAudience(AUDIENCE)
        .setSubject(subject)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Where a process keeps its data: a fresh PostgreSQL database, or PGlite under a temp dir. */
async function storage(
  kind: 'pglite' | 'postgres',
  dir: string,
  drops: TestDatabase[],
): Promise<Record<string, string>> {
  if (kind === 'pglite') return { DATA_DIR: dir };
  const db = await createTestDatabase(kind);
  drops.push(db);
  return { DATABASE_URL: (db.target as { url: string }).url };
}

describe('a hub and two commune nodes as separate processes', () => {
  const kind = testDatabaseKinds()[0]!;
  const drops: TestDatabase[] = [];
  const processes: ServerProcess[] = [];
  const proxies: Record<string, Proxy> = {};
  let dir: string;
  let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
  let hub: ServerProcess;
  let nodes: Record<string, ServerProcess>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'identity-processes-'));
    idp = await startIdentityProvider();
    const hubKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    hub = await startServerProcess('gateway/bin/hub.ts', {
      ...(await storage(kind, dir, drops)),
      HUB_IDENTITY_KEY: hubKey.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      // The nodes listen on this machine.
      ALLOW_PRIVATE_ENDPOINTS: 'true',
      // One provider for every commune and the hub's administrators, to keep the test short.
      OIDC_ISSUERS: JSON.stringify([
        {
          issuer: idp.issuer,
          jwksUrl: idp.jwksUrl,
          audience: AUDIENCE,
          communes: ['*'],
          hubRoles: true,
        },
      ]),
    });
    processes.push(hub);
    // Namur reads the hub's keys from its JWKS; Liège has the key pinned in its configuration.
    const [namur, liege] = await Promise.all([
      startServerProcess('subgraphs/node/src/main.ts', {
        ...(await storage(kind, dir, drops)),
        COMMUNE_CODE: NAMUR.code,
        COMMUNE_NAME: NAMUR.name,
        HUB_JWKS_URL: `${hub.url}/.well-known/jwks.json`,
      }),
      startServerProcess('subgraphs/node/src/main.ts', {
        ...(await storage(kind, dir, drops)),
        COMMUNE_CODE: LIEGE.code,
        COMMUNE_NAME: LIEGE.name,
        HUB_PUBLIC_KEY: hubKey.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      }),
    ]);
    processes.push(namur!, liege!);
    nodes = { [NAMUR.code]: namur!, [LIEGE.code]: liege! };
    const admin = await idp.mint({ hub: ['admin'] }, 'admin@hub.test');
    for (const commune of [NAMUR, LIEGE]) {
      // A proxy in front of each node records what the hub sends it, as a rogue member would.
      proxies[commune.code] = await startProxy(nodes[commune.code]!.url);
      const input = {
        code: commune.code,
        name: commune.name,
        subgraphs: [{ name: 'directory', url: `${proxies[commune.code]!.url}/directory/graphql` }],
      };
      dataOf(
        await postGraphQL(
          `${hub.url}/graphql`,
          REGISTER,
          { input },
          { authorization: `Bearer ${admin}` },
        ),
      );
    }
  }, 180_000);
  afterAll(async () => {
    for (const proxy of Object.values(proxies)) await proxy.close();
    await Promise.all(processes.map((p) => p.stop()));
    await idp?.close();
    for (const db of drops) await db.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const countAt = async (code: string) =>
    dataOf(await postGraphQL<any>(`${nodes[code]!.url}/directory/graphql`, COUNT)).businesses
      .totalCount as number;

  it('lets no captured identity be replayed on another node, nor twice on its own', async () => {
    const token = await idp.mint(
      { [NAMUR.code]: ['editor'], [LIEGE.code]: ['editor'] },
      'agent@wallonie.test',
    );
    const authorization = { authorization: `Bearer ${token}` };
    dataOf(await postGraphQL(`${hub.url}/graphql`, COUNT, {}, authorization));
    const captured = Object.fromEntries(
      [NAMUR.code, LIEGE.code].map((code) => {
        const calls = proxies[code]!.received.filter((r) => r.headers[IDENTITY_HEADER]);
        expect(calls.length).toBe(1);
        return [code, calls[0]!.headers[IDENTITY_HEADER] as string];
      }),
    );
    const replay = (code: string, identity: string) =>
      postGraphQL(
        `${nodes[code]!.url}/directory/graphql`,
        CREATE,
        { commune: code, input: namurBusiness({ name: `Rejouée ${code}` }) },
        { [IDENTITY_HEADER]: identity },
      );
    const elsewhere = await replay(NAMUR.code, captured[LIEGE.code]!);
    expect([elsewhere.status, elsewhere.errors?.[0]?.message]).toEqual([
      401,
      expect.stringMatching(/"aud"/),
    ]);
    const twice = await replay(NAMUR.code, captured[NAMUR.code]!);
    expect([twice.status, twice.errors?.[0]?.message]).toEqual([
      401,
      expect.stringMatching(/already used/),
    ]);
    expect(await countAt(NAMUR.code)).toBe(0);
    // The same user, through the hub, writes: each node trusts the hub's genuine identities.
    for (const code of [NAMUR.code, LIEGE.code]) {
      const input = namurBusiness({
        name: `Par le hub ${code}`,
        ...(code === LIEGE.code
          ? { address: { street: 'Rue Haute', postalCode: '4000', locality: 'Liège' } }
          : {}),
      });
      dataOf(
        await postGraphQL(`${hub.url}/graphql`, CREATE, { commune: code, input }, authorization),
      );
      expect(await countAt(code)).toBe(1);
    }
  });
});
