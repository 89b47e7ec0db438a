import { decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose';
import { components } from '@communes/components';
import { directory } from '@communes/directory';
import { IDENTITY_HEADER, type Role } from '@communes/kit';
import { testDatabaseKinds } from '../support/databases';
import { dataOf, postGraphQL } from '../support/graphql-client';
import { startProxy, type Proxy } from '../support/proxy';
import { snapshot } from '../support/snapshot';
import { startTestHub, type TestHub } from '../support/test-hub';
import { startTestNode, type TestNode } from '../support/test-node';
import { LIEGE, LILLE, NAMUR } from '../fixtures/communes';
import { namurBusiness } from '../fixtures/businesses';

const READ = `{ businesses(first: 5) { totalCount } }`;
const ADOPTIONS = `{ adoptions(first: 5) { totalCount } }`;
const CREATE = `mutation($commune: ID!, $input: CreateBusinessInput!) {
  createBusiness(commune: $commune, input: $input) { id } }`;
const COMMUNES = [NAMUR, LIEGE, LILLE];
const TABLES = ['business', 'business_activity'];
/** A hub and nodes each start an embedded database: slow on a loaded machine. */
const STARTUP_MS = 240_000;

/** One identity token as a node received it. */
interface Sent {
  to: string;
  token: string;
  claims: JWTPayload & { roles?: Record<string, Role[]>; network_staff?: boolean };
}

describe.each(testDatabaseKinds())('identity the hub forwards, on %s', (database) => {
  let hub: TestHub;
  const nodes: Record<string, TestNode> = {};
  const proxies: Record<string, Proxy> = {};

  beforeAll(async () => {
    hub = await startTestHub(database);
    for (const commune of COMMUNES) {
      nodes[commune.code] = await startTestNode({
        ...commune,
        database,
        hubPublicKey: hub.identityPublicKey,
        subgraphs: [directory, components],
      });
      // Each node behind a proxy that records what the hub sends it, as a rogue member would.
      proxies[commune.code] = await startProxy(nodes[commune.code]!.url);
      await hub.register(commune.code, commune.name, proxies[commune.code]!.url, [
        'directory',
        'components',
      ]);
    }
  }, STARTUP_MS);
  afterAll(async () => {
    await hub?.close();
    for (const proxy of Object.values(proxies)) await proxy.close();
    for (const node of Object.values(nodes)) await node.close();
  });
  beforeEach(() => {
    for (const proxy of Object.values(proxies)) proxy.received.length = 0;
  });

  /** The GraphQL calls each commune received since the test began. */
  const callsTo = (code: string) =>
    proxies[code]!.received.filter(
      (r) => r.url.endsWith('/graphql') && !r.body.includes('_service'),
    );

  /** Every identity token the nodes received since the test began. */
  function sent(): Sent[] {
    return COMMUNES.flatMap(({ code }) =>
      callsTo(code).flatMap((call) => {
        const token = call.headers[IDENTITY_HEADER];
        return typeof token === 'string' ? [{ to: code, token, claims: decodeJwt(token) }] : [];
      }),
    );
  }

  /** A write sent straight to Namur's node with a captured identity; it must change nothing. */
  async function writeAtNamurWith(token: string, name: string) {
    const namur = nodes[NAMUR.code]!;
    const before = await snapshot(namur.db, TABLES);
    const response = await postGraphQL(
      namur.endpoint(),
      CREATE,
      { commune: NAMUR.code, input: namurBusiness({ name }) },
      { [IDENTITY_HEADER]: token },
    );
    expect(await snapshot(namur.db, TABLES)).toBe(before);
    return response;
  }

  const readAs = async (roles: Record<string, Role[]> | null, query = READ) =>
    dataOf(await hub.query(query, {}, roles ? await hub.tokenFor(roles) : undefined));

  it('sends no identity to any node for an anonymous network read', async () => {
    await readAs(null);
    for (const { code } of COMMUNES) expect(callsTo(code).length).toBeGreaterThan(0);
    expect(sent()).toEqual([]);
  });

  it("sends a single-commune editor's network read one token, to that commune, with its roles only", async () => {
    await readAs({ [NAMUR.code]: ['editor'] });
    for (const { code } of COMMUNES) expect(callsTo(code).length).toBeGreaterThan(0);
    expect(sent().map(({ to, claims }) => ({ to, aud: claims.aud, roles: claims.roles }))).toEqual([
      { to: NAMUR.code, aud: NAMUR.code, roles: { [NAMUR.code]: ['editor'] } },
    ]);
  });

  it('never forwards hub roles to a node', async () => {
    await readAs({ hub: ['admin'] });
    expect(sent()).toEqual([]);
    await readAs({ hub: ['admin'], [LIEGE.code]: ['admin'] });
    expect(sent().map(({ to, claims }) => [to, claims.roles])).toEqual([
      [LIEGE.code, { [LIEGE.code]: ['admin'] }],
    ]);
  });

  it('signs tokens living at most a minute, each with its own id, for the node it reaches', async () => {
    const roles: Record<string, Role[]> = { [NAMUR.code]: ['editor'], [LIEGE.code]: ['editor'] };
    await readAs(roles);
    await readAs(roles);
    const tokens = sent();
    expect(tokens.length).toBe(4);
    for (const { to, token, claims } of tokens) {
      expect(claims.aud).toBe(to);
      expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(60);
      expect(claims.exp! * 1000).toBeLessThanOrEqual(Date.now() + 60_000);
      expect(decodeProtectedHeader(token).kid).toEqual(expect.any(String));
    }
    expect(new Set(tokens.map((t) => t.claims.jti)).size).toBe(4);
  });

  it("refuses, at another commune's node, an identity a member captured", async () => {
    await readAs({ [NAMUR.code]: ['editor'], [LIEGE.code]: ['editor'] });
    const captured = sent().find((t) => t.to === LIEGE.code)!;
    const replayed = await writeAtNamurWith(captured.token, 'Rejouée à Namur');
    expect(replayed.status).toBe(401);
    expect(replayed.errors?.[0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringMatching(/"aud"/),
    });
  });

  it('refuses an identity used a second time, at the node it was meant for', async () => {
    const token = await hub.tokenFor({ [NAMUR.code]: ['editor'] });
    const input = namurBusiness({ name: 'Créée par le hub' });
    dataOf(await hub.query(CREATE, { commune: NAMUR.code, input }, token));
    const [captured] = sent();
    expect(captured!.to).toBe(NAMUR.code);
    const replayed = await writeAtNamurWith(captured!.token, 'Rejouée');
    expect(replayed.status).toBe(401);
    expect(replayed.errors?.[0]?.message).toMatch(/already used/);
  });

  it('tells communes where the caller holds no role only that they are staff, for components', async () => {
    await readAs({ [NAMUR.code]: ['editor'] }, ADOPTIONS);
    const byCommune = Object.fromEntries(sent().map(({ to, claims }) => [to, claims]));
    expect(Object.keys(byCommune).sort()).toEqual(COMMUNES.map((c) => c.code).sort());
    expect(byCommune[NAMUR.code]).toMatchObject({ roles: { [NAMUR.code]: ['editor'] } });
    for (const other of [LIEGE.code, LILLE.code]) {
      expect(byCommune[other]).toMatchObject({ aud: other, roles: {}, network_staff: true });
    }
  });
});

describe.each(testDatabaseKinds())('how a node knows the hub key, on %s', (database) => {
  const write = (hub: TestHub, name: string) =>
    hub
      .tokenFor({ [NAMUR.code]: ['editor'] })
      .then((token) =>
        hub.query(CREATE, { commune: NAMUR.code, input: namurBusiness({ name }) }, token),
      );

  it(
    "accepts identities after the hub changes its key, read from the hub's JWKS without restart",
    async () => {
      const first = await startTestHub(database);
      const { port } = new URL(first.url);
      const node = await startTestNode({
        ...NAMUR,
        database,
        hubJwksUrl: `${first.url}/.well-known/jwks.json`,
        // Refetch at once on an unknown key id: the test does not wait out the default cooldown.
        hubJwksCooldownMs: 0,
      });
      let second: TestHub | undefined;
      try {
        await first.register(NAMUR.code, NAMUR.name, node.url);
        dataOf(await write(first, 'Avant la rotation'));
        const firstKid = (await jwksAt(first.url))[0]!.kid;
        await first.close();
        second = await startTestHub(database, { port: Number(port) });
        await second.register(NAMUR.code, NAMUR.name, node.url);
        expect((await jwksAt(second.url))[0]!.kid).not.toBe(firstKid);
        dataOf(await write(second, 'Après la rotation'));
        const names = await node.db.query(`SELECT name FROM business ORDER BY name`);
        expect(names.map((r: { name: string }) => r.name)).toEqual([
          'Après la rotation',
          'Avant la rotation',
        ]);
      } finally {
        await (second ?? first).close().catch(() => {});
        await node.close();
      }
    },
    STARTUP_MS,
  );

  it(
    'accepts identities signed with the key pinned in its configuration, and no other',
    async () => {
      const hub = await startTestHub(database);
      const other = await startTestHub(database);
      const node = await startTestNode({ ...NAMUR, database, hubPublicKey: hub.identityPublicKey });
      try {
        await hub.register(NAMUR.code, NAMUR.name, node.url);
        await other.register(NAMUR.code, NAMUR.name, node.url);
        dataOf(await write(hub, 'Signée par le hub'));
        const forged = await write(other, 'Signée par un autre');
        expect(forged.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
        expect(await node.db.query(`SELECT name FROM business`)).toEqual([
          { name: 'Signée par le hub' },
        ]);
      } finally {
        await hub.close();
        await other.close();
        await node.close();
      }
    },
    STARTUP_MS,
  );
});

async function jwksAt(hubUrl: string): Promise<{ kid: string }[]> {
  const response = await fetch(`${hubUrl}/.well-known/jwks.json`);
  expect(response.ok).toBe(true);
  return ((await response.json()) as { keys: { kid: string }[] }).keys;
}
