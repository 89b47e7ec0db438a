import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, type DatabaseTarget } from '@communes/kit';
import { loadHubConfig } from '@communes/hub';
import { createTestDatabase, testDatabaseKinds, type DatabaseKind } from '../support/databases';
import { dataOf, type GraphQLResponse } from '../support/graphql-client';
import { listenLocal } from '../support/local-server';
import { startTestHub, type TestHub } from '../support/test-hub';
import { startTestNode, type TestNode } from '../support/test-node';
import { NAMUR } from '../fixtures/communes';
import { COMMUNE, REGISTER, UPDATE_ENDPOINTS } from '../registry/operations';
import { unusedUrl } from '../registry/subgraph-servers';

const PRIVATE =
  'must not be a loopback or private address (this hub does not allow private endpoints)';
const NEVER = 'must not be a link-local, metadata or non-unicast address';
const NOT_A_SUBGRAPH = 'does not answer as a subgraph (no valid `_service { sdl }` from it)';

/** A local endpoint that answers every request its own way, and counts them. */
async function startServer(answer: RequestListener): Promise<{
  url: string;
  requests: () => number;
  close(): Promise<void>;
}> {
  let requests = 0;
  const { url, close } = await listenLocal((req, res) => {
    requests += 1;
    answer(req, res);
  });
  return { url: `${url}/directory/graphql`, requests: () => requests, close };
}

function problemsOf(response: GraphQLResponse<unknown>): { field: string; reason: string }[] {
  expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  return response.errors![0]!.extensions!['problems'] as { field: string; reason: string }[];
}

const registration = (url: string) => ({
  input: { code: NAMUR.code, name: NAMUR.name, subgraphs: [{ name: 'directory', url }] },
});

/**
 * Registration is not a way into the hub's own network: endpoints on link-local and metadata
 * addresses are never called, loopback and private ones only where the hub allows them, and
 * an endpoint that serves no subgraph gets one short reason whatever it answered.
 */
describe.each(testDatabaseKinds())('registering endpoints on %s', (database) => {
  describe('on a hub that allows no private endpoint', () => {
    let hub: TestHub;
    let admin: string;
    let listener: Awaited<ReturnType<typeof startServer>>;

    beforeAll(async () => {
      hub = await startTestHub(database, { allowPrivateEndpoints: false });
      admin = await hub.tokenFor({ hub: ['admin'] }, 'admin@hub.test');
      listener = await startServer((_req, res) => res.end('{}'));
    }, 120_000);
    afterAll(async () => {
      await hub?.close();
      await listener?.close();
    });

    const refusedBeforeAnyCall = async (url: string, reason: string) => {
      const response = await hub.query(REGISTER, registration(url), admin);
      expect(problemsOf(response)).toEqual([{ field: 'input.subgraphs[0].url', reason }]);
      expect(dataOf(await hub.query(COMMUNE, { code: NAMUR.code }))['commune']).toBeNull();
    };

    it.each([
      ['the loopback address', (port: number) => `http://127.0.0.1:${port}/directory/graphql`],
      ['the loopback address in hexadecimal', (port: number) => `http://0x7f.1:${port}/`],
      ['the loopback address as one number', (port: number) => `http://2130706433:${port}/`],
      ['an IPv4-mapped loopback address', (port: number) => `http://[::ffff:127.0.0.1]:${port}/`],
      ['a name resolving to the loopback address', (port: number) => `http://localhost:${port}/`],
    ])('refuses %s, and calls nothing', async (_what, urlFor) => {
      const port = Number(new URL(listener.url).port);
      const url = urlFor(port);
      const response = await hub.query(REGISTER, registration(url), admin);
      const [problem] = problemsOf(response);
      expect(problem!.field).toBe('input.subgraphs[0].url');
      // A name is refused for what it resolves to, and says so.
      expect(problem!.reason).toMatch(
        url.includes('localhost')
          ? /^names a host that resolves to (127\.0\.0\.1|::1), which must not be a loopback or private address/
          : new RegExp(`^${PRIVATE.replace(/[()]/g, '\\$&')}$`),
      );
      expect(listener.requests()).toBe(0);
    });

    it.each([
      ['a private address', 'http://10.0.0.1/directory/graphql', PRIVATE],
      ['a private address (172.16/12)', 'http://172.20.0.5:4001/directory/graphql', PRIVATE],
      ['a private address (192.168/16)', 'http://192.168.1.10/directory/graphql', PRIVATE],
      ['a carrier-grade NAT address', 'http://100.64.0.1/directory/graphql', PRIVATE],
      ['a unique local IPv6 address', 'http://[fd12:3456::1]/directory/graphql', PRIVATE],
      ['the IPv6 loopback', 'http://[::1]/directory/graphql', PRIVATE],
      ['an IPv4-mapped private address', 'http://[::ffff:10.1.2.3]/directory/graphql', PRIVATE],
      ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/', NEVER],
      ['a link-local address', 'http://169.254.10.20/directory/graphql', NEVER],
      ['an IPv6 link-local address', 'http://[fe80::1]/directory/graphql', NEVER],
      ["AWS's IPv6 metadata address", 'http://[fd00:ec2::254]/latest/meta-data/', NEVER],
      ["Google's metadata name", 'http://metadata.google.internal/computeMetadata/v1/', NEVER],
      ['the unspecified address', 'http://0.0.0.0:4001/directory/graphql', NEVER],
    ])('refuses %s before any call', async (_what, url, reason) => {
      await refusedBeforeAnyCall(url, reason);
    });

    it.each([
      ['ftp://10.0.0.1/directory', 'must be an http or https URL, not ftp:'],
      ['file:///etc/passwd', 'must be an http or https URL, not file:'],
    ])('refuses %s: http and https only', async (url, reason) => {
      await refusedBeforeAnyCall(url, reason);
    });
  });

  describe('on a hub that allows private endpoints', () => {
    let hub: TestHub;
    let node: TestNode;
    let admin: string;

    beforeAll(async () => {
      hub = await startTestHub(database, { allowPrivateEndpoints: true });
      node = await startTestNode({ ...NAMUR, database, hubPublicKey: hub.identityPublicKey });
      admin = await hub.tokenFor({ hub: ['admin'] }, 'admin@hub.test');
    }, 120_000);
    afterAll(async () => {
      await hub?.close();
      await node?.close();
    });

    it('still refuses link-local and metadata addresses', async () => {
      const response = await hub.query(
        REGISTER,
        registration('http://169.254.169.254/latest/meta-data/'),
        admin,
      );
      expect(problemsOf(response)).toEqual([{ field: 'input.subgraphs[0].url', reason: NEVER }]);
    });

    const sdlLeak = 'type Query { internalSecret: String } type Admin { password: String }';
    it.each<[string, RequestListener | null]>([
      ['refuses the connection', null],
      [
        'answers a web page',
        (_req, res) => {
          res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Jenkins admin</h1>');
        },
      ],
      [
        'answers GraphQL without `_service`',
        (_req, res) => {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ errors: [{ message: 'Cannot query "_service": db=prod-01' }] }));
        },
      ],
      [
        'serves an SDL that is no subgraph schema',
        (_req, res) => {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ data: { _service: { sdl: `${sdlLeak} broken {` } } }));
        },
      ],
    ])('gives the same short reason for an endpoint that %s', async (_what, answer) => {
      const server = answer ? await startServer(answer) : null;
      try {
        const url = server?.url ?? (await unusedUrl());
        const response = await hub.query(REGISTER, registration(url), admin);
        expect(problemsOf(response)).toEqual([
          { field: 'input.subgraphs[0].url', reason: NOT_A_SUBGRAPH },
        ]);
        expect(JSON.stringify(response)).not.toMatch(/Jenkins|prod-01|internalSecret|ECONNREFUSED/);
      } finally {
        await server?.close();
      }
    });

    it('refuses a new endpoint on a link-local address for a registered commune', async () => {
      await hub.register(NAMUR.code, NAMUR.name, node.url);
      const response = await hub.query(
        UPDATE_ENDPOINTS,
        { code: NAMUR.code, subgraphs: [{ name: 'directory', url: 'http://[fe80::1]:4001/' }] },
        admin,
      );
      expect(problemsOf(response)).toEqual([{ field: 'subgraphs[0].url', reason: NEVER }]);
      const commune = dataOf(await hub.query(COMMUNE, { code: NAMUR.code }))['commune'] as any;
      expect(commune.subgraphs).toEqual([{ name: 'directory', url: node.endpoint() }]);
    });
  });

  // A literal address is checked as the connection opens, a name as it resolves (DNS rebinding).
  it.each(['127.0.0.1', 'localhost'])(
    'never calls an endpoint the policy refuses, even one stored before it (%s)',
    async (host) => {
      const shared = await sharedDatabase(database);
      const node = await startTestNode({ ...NAMUR, database });
      let before: TestHub | undefined;
      let after: TestHub | undefined;
      let counter: Awaited<ReturnType<typeof startServer>> | undefined;
      try {
        // The node behind a counter, registered by a hub that allowed private endpoints.
        counter = await startServer(async (req, res) => {
          const chunks: Buffer[] = [];
          for await (const chunk of req) chunks.push(chunk as Buffer);
          const upstream = await fetch(node.endpoint(), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: Buffer.concat(chunks),
          });
          res.setHeader('content-type', 'application/json');
          res.end(await upstream.text());
        });
        before = await startTestHub(database, {
          database: shared.target,
          allowPrivateEndpoints: true,
        });
        const admin = await before.tokenFor({ hub: ['admin'] }, 'admin@hub.test');
        const url = counter.url.replace('127.0.0.1', host);
        dataOf(await before.query(REGISTER, registration(url), admin));
        await before.close();
        before = undefined;
        const asked = counter.requests();
        after = await startTestHub(database, {
          database: shared.target,
          allowPrivateEndpoints: false,
        });
        const response = await after.query('{ businesses(first: 1) { totalCount } }');
        expect(response.errors?.[0]?.extensions).toMatchObject({
          code: 'COMMUNE_UNAVAILABLE',
          commune: NAMUR.code,
        });
        expect(response.errors?.[0]?.message).toMatch(/must not be a loopback or private address/);
        expect(counter.requests()).toBe(asked);
      } finally {
        await before?.close();
        await after?.close();
        await counter?.close();
        await node.close();
        await shared.drop();
      }
    },
    180_000,
  );
});

describe('ALLOW_PRIVATE_ENDPOINTS', () => {
  it('is off unless set to true', () => {
    const key = testKey();
    expect(loadHubConfig({ HUB_IDENTITY_KEY: key }).allowPrivateEndpoints).toBe(false);
    expect(
      loadHubConfig({ HUB_IDENTITY_KEY: key, ALLOW_PRIVATE_ENDPOINTS: 'true' })
        .allowPrivateEndpoints,
    ).toBe(true);
  });

  it('refuses anything but true or false, naming the variable', () => {
    const key = testKey();
    expect(() => loadHubConfig({ HUB_IDENTITY_KEY: key, ALLOW_PRIVATE_ENDPOINTS: 'yes' })).toThrow(
      ConfigError,
    );
    try {
      loadHubConfig({ HUB_IDENTITY_KEY: key, ALLOW_PRIVATE_ENDPOINTS: 'yes' });
    } catch (error: unknown) {
      expect((error as ConfigError).variable).toBe('ALLOW_PRIVATE_ENDPOINTS');
    }
  });
});

/** A database two hubs open one after the other: a directory for PGlite, a server database else. */
async function sharedDatabase(
  kind: DatabaseKind,
): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  if (kind === 'postgres') return createTestDatabase('postgres');
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-'));
  return {
    target: { kind: 'pglite', dataDir },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

function testKey(): string {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}
