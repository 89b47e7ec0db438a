import { deliberations } from '@communes/deliberations';
import { directory } from '@communes/directory';
import {
  openDatabase,
  recordingLogger,
  type RequestContext,
  type ServerPlugin,
} from '@communes/kit';
import { createTestDatabase, testDatabaseKinds } from '../support/databases';
import { dataOf, postGraphQL, type GraphQLResponse } from '../support/graphql-client';
import { startProxy, type Proxy } from '../support/proxy';
import { startTestHub, type TestHub } from '../support/test-hub';
import { startTestNode, type TestNode } from '../support/test-node';
import { LIEGE, NAMUR } from '../fixtures/communes';
import { namurBusiness } from '../fixtures/businesses';
import {
  ALIAS_ATTACK,
  DEPTH_ATTACK,
  DIRECTIVE_FLOOD,
  NESTED_LISTS,
  TOKEN_FLOOD,
  aliasesOfBusinesses,
} from './attacks';

const CREATE = `mutation($commune: ID!, $input: CreateBusinessInput!) {
  createBusiness(commune: $commune, input: $input) { id } }`;
const NAMES = `{ businesses(communes: ["${NAMUR.code}"]) { edges { node { communeCode name } } } }`;
const CIRCUIT = `query($code: ID!) { commune(code: $code) { health { circuit { state consecutiveFailures } } } }`;

/** The one error of a refused request: its HTTP status and what the client reads. */
function refusal(response: GraphQLResponse<unknown>) {
  expect(response.errors).toHaveLength(1);
  const [error] = response.errors!;
  return {
    status: response.status,
    code: error!.extensions?.['code'],
    extensions: error!.extensions,
  };
}

/** Whether any GraphQL request other than registration's `_service` reached the commune. */
const calls = (proxy: Proxy) => proxy.received.filter((r) => !r.body.includes('_service')).length;

describe.each(testDatabaseKinds())('query limits on %s', (database) => {
  describe('at the default limits', () => {
    let hub: TestHub;
    let namur: TestNode;
    let liege: TestNode;
    let proxy: Proxy;

    beforeAll(async () => {
      hub = await startTestHub(database, { circuit: { failureThreshold: 2, openMs: 60_000 } });
      namur = await startTestNode({
        ...NAMUR,
        database,
        hubPublicKey: hub.identityPublicKey,
        subgraphs: [directory, deliberations],
      });
      // Liège refuses more than the hub does: its refusals reach the hub.
      liege = await startTestNode({
        ...LIEGE,
        database,
        hubPublicKey: hub.identityPublicKey,
        overrides: { limits: { maxDepth: 3 } },
      });
      proxy = await startProxy(namur.url);
      await hub.register(NAMUR.code, NAMUR.name, proxy.url, ['directory', 'deliberations']);
      await hub.register(LIEGE.code, LIEGE.name, liege.url);
      const token = await hub.tokenFor({ [NAMUR.code]: ['editor'] });
      dataOf(await hub.query(CREATE, { commune: NAMUR.code, input: namurBusiness() }, token));
    });
    afterAll(async () => {
      await hub?.close();
      await proxy?.close();
      await namur?.close();
      await liege?.close();
    });

    const atNode = (query: string) => postGraphQL(namur.endpoint('deliberations'), query);
    const atNodeDirectory = (query: string) => postGraphQL(namur.endpoint('directory'), query);

    it('refuses the depth attack at the hub before any commune is called', async () => {
      const before = calls(proxy);
      const response = await hub.query(DEPTH_ATTACK);
      expect(refusal(response)).toEqual({
        status: 400,
        code: 'QUERY_TOO_DEEP',
        extensions: { code: 'QUERY_TOO_DEEP', limit: 12 },
      });
      expect(response.errors![0]!.message).toBe('Query depth limit of 12 exceeded, found 18.');
      expect(response.extensions?.['communes']).toBeUndefined();
      expect(calls(proxy)).toBe(before);
    });

    it('refuses the depth attack sent straight to a node', async () => {
      expect(refusal(await atNode(DEPTH_ATTACK))).toMatchObject({
        status: 400,
        code: 'QUERY_TOO_DEEP',
      });
    });

    it("refuses the issue's 1,000 aliases of businesses(first: 100), at the hub and at a node, by their tokens", async () => {
      const before = calls(proxy);
      for (const response of [await hub.query(ALIAS_ATTACK), await atNodeDirectory(ALIAS_ATTACK)])
        expect(refusal(response)).toEqual({
          status: 400,
          code: 'TOO_MANY_TOKENS',
          extensions: { code: 'TOO_MANY_TOKENS', limit: 2_000 },
        });
      expect(calls(proxy)).toBe(before);
    });

    it('refuses more aliases than the limit in a document of few tokens, at the hub and at a node', async () => {
      const query = aliasesOfBusinesses(31);
      for (const response of [await hub.query(query), await atNodeDirectory(query)])
        expect(refusal(response)).toEqual({
          status: 400,
          code: 'TOO_MANY_ALIASES',
          extensions: { code: 'TOO_MANY_ALIASES', limit: 30 },
        });
      expect((await hub.query(aliasesOfBusinesses(30))).status).toBe(200);
    });

    it('refuses a document of too many tokens before parsing it, at the hub and at a node', async () => {
      for (const response of [await hub.query(TOKEN_FLOOD), await atNodeDirectory(TOKEN_FLOOD)])
        expect(refusal(response)).toMatchObject({ status: 400, code: 'TOO_MANY_TOKENS' });
    });

    it('refuses more directives than the limit, at the hub and at a node', async () => {
      for (const response of [await hub.query(DIRECTIVE_FLOOD), await atNode(DIRECTIVE_FLOOD)])
        expect(refusal(response)).toEqual({
          status: 400,
          code: 'TOO_MANY_DIRECTIVES',
          extensions: { code: 'TOO_MANY_DIRECTIVES', limit: 30 },
        });
    });

    it('refuses nested lists whose assumed sizes multiply past the cost limit, at the hub and at a node', async () => {
      const [hubAnswer, nodeAnswer] = [await hub.query(NESTED_LISTS), await atNode(NESTED_LISTS)];
      // One commune serves deliberations: the hub's estimate is the node's.
      for (const response of [hubAnswer, nodeAnswer])
        expect(refusal(response)).toEqual({
          status: 400,
          code: 'QUERY_TOO_COSTLY',
          extensions: { code: 'QUERY_TOO_COSTLY', limit: 50_000, cost: 122_211 },
        });
    });

    it("does not count refused requests against a commune's circuit", async () => {
      // Anything that reached Namur now would be garbage, a failure of Namur's.
      proxy.transform = () => 'garbage';
      const before = calls(proxy);
      try {
        for (const query of [
          DEPTH_ATTACK,
          ALIAS_ATTACK,
          TOKEN_FLOOD,
          DIRECTIVE_FLOOD,
          NESTED_LISTS,
        ])
          expect((await hub.query(query)).status).toBe(400);
        expect(calls(proxy)).toBe(before);
      } finally {
        proxy.transform = null;
      }
      const names = dataOf(await hub.query<any>(NAMES)).businesses.edges.map((e: any) => e.node);
      expect(names).toContainEqual({ communeCode: NAMUR.code, name: 'Boulangerie Dupont' });
      const health = dataOf(await hub.query<any>(CIRCUIT, { code: NAMUR.code })).commune.health;
      for (const { circuit } of health)
        expect(circuit).toEqual({ state: 'CLOSED', consecutiveFailures: 0 });
    });

    it("does not count a node's own refusal as the commune's failure", async () => {
      const deep = `{ businesses(communes: ["${LIEGE.code}"]) { edges { node { name } } } }`;
      for (let i = 0; i < 3; i++) {
        const response = await hub.query(deep);
        expect(response.errors?.[0]?.extensions).toMatchObject({
          code: 'QUERY_TOO_DEEP',
          limit: 3,
          commune: LIEGE.code,
        });
      }
      const health = dataOf(await hub.query<any>(CIRCUIT, { code: LIEGE.code })).commune.health;
      expect(health[0].circuit).toEqual({ state: 'CLOSED', consecutiveFailures: 0 });
    });

    it('serves every statement of a node under a statement timeout', async () => {
      const [{ statement_timeout }] = await namur.db.query('SHOW statement_timeout');
      expect(statement_timeout).toBe('5s');
    });
  });

  describe('the cost, by list size and by fan-out width (limit lowered to 500)', () => {
    let hub: TestHub;
    const nodes: TestNode[] = [];

    beforeAll(async () => {
      hub = await startTestHub(database, { limits: { maxCost: 500 } });
      for (const commune of [NAMUR, LIEGE]) {
        const node = await startTestNode({
          ...commune,
          database,
          hubPublicKey: hub.identityPublicKey,
        });
        nodes.push(node);
        await hub.register(commune.code, commune.name, node.url);
      }
    });
    afterAll(async () => {
      await hub?.close();
      for (const node of nodes) await node.close();
    });

    const page = `query($communes: [ID!], $first: Int) {
      businesses(communes: $communes, first: $first) { edges { node { name } } } }`;
    const withActivities = `query($first: Int) {
      businesses(communes: ["${NAMUR.code}"], first: $first) { edges { node { name activities { code } } } } }`;

    it('multiplies by `first`, and by a default size for a list without it', async () => {
      // 1 + first × (edges 1 + node 1 + name 1 + activities (1 + 10 × code 1))
      expect(dataOf(await hub.query(withActivities, { first: 20 }))).toBeTruthy();
      expect(refusal(await hub.query(withActivities, { first: 100 }))).toEqual({
        status: 400,
        code: 'QUERY_TOO_COSTLY',
        extensions: { code: 'QUERY_TOO_COSTLY', limit: 500, cost: 1_401 },
      });
    });

    it('accepts a page from one commune and refuses the same page from every commune', async () => {
      const one = await hub.query(page, { communes: [NAMUR.code], first: 100 });
      expect(one.status).toBe(200);
      expect(one.extensions?.['communes']).toEqual({ answered: [NAMUR.code], failed: [] });
      const all = await hub.query(page, { first: 100 });
      expect(refusal(all)).toEqual({
        status: 400,
        code: 'QUERY_TOO_COSTLY',
        extensions: { code: 'QUERY_TOO_COSTLY', limit: 500, cost: 602 },
      });
      expect(all.extensions?.['communes']).toBeUndefined();
    });

    it('refuses the same at the network face, /network/<subgraph>/graphql', async () => {
      const query = `{ businesses(first: 100) { edges { node { name } } } }`;
      const response = await postGraphQL(`${hub.url}/network/directory/graphql`, query);
      expect(refusal(response)).toEqual({
        status: 400,
        code: 'QUERY_TOO_COSTLY',
        extensions: { code: 'QUERY_TOO_COSTLY', limit: 500, cost: 602 },
      });
    });
  });

  describe('cancellation', () => {
    const logger = recordingLogger();
    let hub: TestHub;
    let node: TestNode;
    let arrived: (signal: AbortSignal) => void;
    const arrival = new Promise<AbortSignal>((resolve) => (arrived = resolve));
    /** Hands the test the context signal of the node's first `businesses` request. */
    const spy: ServerPlugin = {
      name: 'spy',
      apollo: {
        async requestDidStart({ request, contextValue }) {
          if (request.query?.includes('businesses'))
            arrived((contextValue as RequestContext).signal!);
        },
      },
    };

    beforeAll(async () => {
      // Nothing but the client leaving could end the call soon: the hub would wait a minute.
      hub = await startTestHub(database, { communeTimeoutMs: 60_000, requestDeadlineMs: 60_000 });
      node = await startTestNode({
        ...NAMUR,
        database,
        hubPublicKey: hub.identityPublicKey,
        overrides: { plugins: [spy], logger, statementTimeoutMs: 60_000 },
      });
      await hub.register(NAMUR.code, NAMUR.name, node.url);
    });
    afterAll(async () => {
      await hub?.close();
      await node?.close();
    });

    it("stops a node's work when the hub's client disconnects, and blames no commune", async () => {
      // Holds the table (PostgreSQL) or the one connection (PGlite): the node's read waits.
      const blocker = node.db.createQueryRunner();
      await blocker.startTransaction();
      await blocker.query('LOCK TABLE business IN ACCESS EXCLUSIVE MODE');
      try {
        const client = new AbortController();
        const answer = fetch(`${hub.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ businesses { edges { node { name } } } }' }),
          signal: client.signal,
        }).catch(() => 'abandoned');
        const signal = await arrival;
        const aborted = new Promise((resolve) => signal.addEventListener('abort', resolve));
        expect(signal.aborted).toBe(false);
        client.abort();
        expect(await answer).toBe('abandoned');
        await aborted;
        expect(signal.reason).toMatchObject({ code: 'REQUEST_CANCELLED' });
      } finally {
        await blocker.rollbackTransaction();
        await blocker.release();
      }
      // The read finishes once unblocked; the fields after it are not resolved.
      while (!logger.entries.some((e) => /cancelled: its client left/.test(e.msg ?? '')))
        await new Promise((resolve) => setImmediate(resolve));
      const health = dataOf(await hub.query<any>(CIRCUIT, { code: NAMUR.code })).commune.health;
      expect(health[0].circuit).toEqual({ state: 'CLOSED', consecutiveFailures: 0 });
    });
  });

  describe('the rate limit (3 requests a minute, the address read from X-Forwarded-For)', () => {
    const rateLimit = { points: 3, windowSeconds: 60, trustProxyHops: 1 };
    let hub: TestHub;
    beforeAll(async () => {
      hub = await startTestHub(database, { rateLimit });
    });
    afterAll(() => hub?.close());

    const ask = (target: TestHub, ip: string, token?: string) =>
      fetch(`${target.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': ip,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query: '{ __typename }' }),
      });

    async function expectLimited(response: Response) {
      expect(response.status).toBe(429);
      const retryAfter = Number(response.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const body = (await response.json()) as GraphQLResponse;
      expect(body.errors![0]!.extensions).toEqual({
        code: 'RATE_LIMITED',
        retryAfterSeconds: retryAfter,
        limit: 3,
        windowSeconds: 60,
      });
    }

    it('limits an anonymous client by its address, and each address apart', async () => {
      for (let i = 0; i < 3; i++) expect((await ask(hub, '203.0.113.1')).status).toBe(200);
      await expectLimited(await ask(hub, '203.0.113.1'));
      expect((await ask(hub, '203.0.113.2')).status).toBe(200);
    });

    it('limits a signed-in client by its token subject, wherever it calls from', async () => {
      const anne = await hub.tokenFor({}, 'anne@communes.test');
      // Anne's budget is hers, not her exhausted address's.
      for (let i = 0; i < 3; i++) expect((await ask(hub, '203.0.113.1', anne)).status).toBe(200);
      await expectLimited(await ask(hub, '203.0.113.9', anne));
      const bruno = await hub.tokenFor({}, 'bruno@communes.test');
      expect((await ask(hub, '203.0.113.1', bruno)).status).toBe(200);
    });

    (database === 'postgres' ? it : it.skip)(
      'shares the count between two hubs on the same PostgreSQL database',
      async () => {
        const shared = await createTestDatabase('postgres');
        const first = await startTestHub(database, { rateLimit, database: shared.target });
        const second = await startTestHub(database, { rateLimit, database: shared.target });
        try {
          expect((await ask(first, '198.51.100.7')).status).toBe(200);
          expect((await ask(second, '198.51.100.7')).status).toBe(200);
          expect((await ask(first, '198.51.100.7')).status).toBe(200);
          await expectLimited(await ask(second, '198.51.100.7'));
        } finally {
          await first.close();
          await second.close();
          await shared.drop();
        }
      },
    );
  });

  describe('the statement timeout of a serving database', () => {
    it(
      database === 'postgres'
        ? 'cancels a statement that runs longer'
        : 'is set, though PGlite cannot interrupt a statement',
      async () => {
        const testDb = await createTestDatabase(database);
        const db = await openDatabase({
          target: testDb.target,
          parts: [],
          statementTimeoutMs: 200,
        });
        try {
          const [{ statement_timeout }] = await db.query('SHOW statement_timeout');
          expect(statement_timeout).toBe('200ms');
          if (database === 'postgres') {
            const started = Date.now();
            await expect(db.query('SELECT pg_sleep(5)')).rejects.toMatchObject({ code: '57014' });
            expect(Date.now() - started).toBeLessThan(4_000);
          }
        } finally {
          await db.destroy();
          await testDb.drop();
        }
      },
    );
  });
});
