import { decodeNodeCursor } from '@communes/schema';
import { testDatabaseKinds } from '../support/databases';
import { dataOf } from '../support/graphql-client';
import { startProxy, type Proxy } from '../support/proxy';
import { startTestHub, type TestHub } from '../support/test-hub';
import { startTestNode, type TestNode } from '../support/test-node';
import { CHARLEROI, LIEGE, LILLE, NAMUR } from '../fixtures/communes';
import { belgianNumber, namurBusiness, siren } from '../fixtures/businesses';

const LIST = `query($communes: [ID!], $first: Int, $after: String, $orderBy: BusinessOrder, $filter: BusinessFilter) {
  businesses(communes: $communes, first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { communeCode id name } } } }`;

const CREATE = `mutation($commune: ID!, $input: CreateBusinessInput!) {
  createBusiness(commune: $commune, input: $input) { communeCode id name } }`;

/** Businesses of one commune, with postal codes and identifiers valid there. */
function businessesFor(code: string, names: string[]): Record<string, unknown>[] {
  return names.map((name, i) => {
    const french = code.startsWith('FR');
    const base = namurBusiness({ name });
    return {
      ...base,
      enterpriseNumber: french
        ? siren(`7${code.slice(3, 8)}${String(i).padStart(2, '0')}`)
        : belgianNumber(`0${code.slice(3, 8)}${String(i).padStart(2, '0')}`),
      address: french
        ? { street: 'Rue Nationale', postalCode: '59000', locality: 'Lille' }
        : {
            street: 'Rue Haute',
            postalCode: code === LIEGE.code ? '4000' : code === CHARLEROI.code ? '6000' : '5000',
            locality: 'Centre',
          },
      contacts: null,
      location: null,
    };
  });
}

// Shared names across communes make ties on the sort key, which the network order breaks by commune.
const NAMES = [
  'Boulangerie Dupont',
  'Café de la Gare',
  'Garage Lambert',
  'Pharmacie Centrale',
  'Librairie Point-Virgule',
  'Épicerie Fine',
  'Ateliers Réunis',
];

describe.each(testDatabaseKinds())('hub over the network on %s', (database) => {
  let hub: TestHub;
  const nodes: Record<string, TestNode> = {};
  const communes = [NAMUR, LIEGE, LILLE];

  beforeAll(async () => {
    hub = await startTestHub(database, {
      communeTimeoutMs: 1_000,
      circuit: { failureThreshold: 3, openMs: 60_000 },
    });
    for (const commune of communes) {
      nodes[commune.code] = await startTestNode({
        ...commune,
        database,
        hubPublicKey: hub.identityPublicKey,
      });
      await hub.register(commune.code, commune.name, nodes[commune.code]!.url);
    }
    for (const [i, commune] of communes.entries()) {
      const token = await hub.tokenFor({ [commune.code]: ['editor'] });
      for (const input of businessesFor(commune.code, NAMES.slice(0, 5 + i))) {
        dataOf(await hub.query(CREATE, { commune: commune.code, input }, token));
      }
    }
  });
  afterAll(async () => {
    await hub?.close();
    for (const node of Object.values(nodes)) await node.close();
  });

  /** What the network page must hold: every commune's list asked directly, sorted as the hub must. */
  async function expectedUnion(codes: string[], orderBy = { field: 'NAME', direction: 'ASC' }) {
    const rows: { communeCode: string; id: string; key: string | number }[] = [];
    for (const code of codes) {
      const page = dataOf(await nodes[code]!.query<any>(LIST, { first: 100, orderBy })).businesses;
      for (const edge of page.edges)
        rows.push({
          communeCode: code,
          id: edge.node.id,
          key: decodeNodeCursor(edge.cursor)!.key[0]!,
        });
    }
    const sign = orderBy.direction === 'ASC' ? 1 : -1;
    const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
    rows.sort(
      (a, b) => sign * (cmp(a.key, b.key) || cmp(a.communeCode, b.communeCode) || cmp(a.id, b.id)),
    );
    return rows.map((r) => `${r.communeCode}/${r.id}`);
  }

  async function pageThrough(variables: Record<string, unknown>, first: number) {
    const seen: string[] = [];
    let after: string | null = null;
    let totalCount = -1;
    for (let i = 0; i < 100; i++) {
      const page: any = dataOf(await hub.query(LIST, { ...variables, first, after })).businesses;
      totalCount = page.totalCount;
      seen.push(...page.edges.map((e: any) => `${e.node.communeCode}/${e.node.id}`));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return { seen, totalCount };
  }

  it('answers across all communes, in network order, with totalCount summed', async () => {
    const response = await hub.query(LIST, { first: 100 });
    const page = dataOf(response).businesses as any;
    const expected = await expectedUnion(communes.map((c) => c.code));
    expect(page.totalCount).toBe(5 + 6 + 7);
    expect(page.edges.map((e: any) => `${e.node.communeCode}/${e.node.id}`)).toEqual(expected);
    expect(response.extensions?.['communes']).toEqual({
      answered: [LIEGE.code, NAMUR.code, LILLE.code].sort(),
      failed: [],
    });
  });

  it.each([
    [{ field: 'NAME', direction: 'ASC' }, 1],
    [{ field: 'NAME', direction: 'DESC' }, 4],
    [{ field: 'CREATED_AT', direction: 'ASC' }, 5],
    [{ field: 'CREATED_AT', direction: 'DESC' }, 2],
  ])(
    'pages through the network by %o, %i at a time: every item once, in order',
    async (orderBy, first) => {
      const { seen, totalCount } = await pageThrough({ orderBy }, first);
      expect(seen).toEqual(
        await expectedUnion(
          communes.map((c) => c.code),
          orderBy,
        ),
      );
      expect(totalCount).toBe(18);
    },
  );

  it('answers for one commune and for a chosen few', async () => {
    const one = await pageThrough({ communes: [LIEGE.code] }, 4);
    expect(one.seen).toEqual(await expectedUnion([LIEGE.code]));
    const two = await pageThrough({ communes: [NAMUR.code, LILLE.code] }, 3);
    expect(two.seen).toEqual(await expectedUnion([NAMUR.code, LILLE.code]));
    expect(two.totalCount).toBe(5 + 7);
  });

  it('routes a field naming one commune to that commune only', async () => {
    const some = dataOf(await nodes[LILLE.code]!.query<any>(LIST, { first: 1 })).businesses.edges[0]
      .node;
    const response = await hub.query(
      `query($c: ID!, $id: ID!) { business(communeCode: $c, id: $id) { communeCode name } }`,
      { c: LILLE.code, id: some.id },
    );
    expect(dataOf(response).business).toEqual({ communeCode: LILLE.code, name: some.name });
    expect(response.extensions?.['communes']).toEqual({ answered: [LILLE.code], failed: [] });
  });

  it('hops from the registry to commune fields and back', async () => {
    const down = dataOf(
      await hub.query(
        `{ communes { code name businesses(first: 2) { totalCount edges { node { name communeCode } } } } }`,
      ),
    ).communes as any[];
    expect(down.map((c) => [c.code, c.businesses.totalCount])).toEqual(
      [
        [LIEGE.code, 6],
        [NAMUR.code, 5],
        [LILLE.code, 7],
      ].sort(),
    );
    for (const commune of down)
      expect(commune.businesses.edges.every((e: any) => e.node.communeCode === commune.code)).toBe(
        true,
      );
    const up = dataOf(
      await hub.query(
        `{ businesses(first: 100) { edges { node { communeCode commune { code name country } } } } }`,
      ),
    ).businesses as any;
    for (const edge of up.edges) {
      expect(edge.node.commune.code).toBe(edge.node.communeCode);
      expect(edge.node.commune.name).toBe(
        communes.find((c) => c.code === edge.node.communeCode)!.name,
      );
    }
  });

  it('merges counts by sector across communes', async () => {
    const merged = dataOf(await hub.query(`{ businessCountsBySector { key count } }`))
      .businessCountsBySector as any[];
    expect(merged.reduce((s, b) => s + b.count, 0)).toBe(18);
    expect(new Set(merged.map((b) => b.key)).size).toBe(merged.length);
  });

  it('sends a mutation to the commune it names, and only there', async () => {
    const token = await hub.tokenFor({ [LIEGE.code]: ['editor'] });
    const input = {
      ...businessesFor(LIEGE.code, ['Friterie Mutation'])[0],
      enterpriseNumber: belgianNumber('06206399'),
    };
    const created = dataOf(await hub.query(CREATE, { commune: LIEGE.code, input }, token))
      .createBusiness as any;
    expect(created.communeCode).toBe(LIEGE.code);
    for (const commune of communes) {
      const found = dataOf(
        await nodes[commune.code]!.query<any>(LIST, { filter: { search: 'friterie mutation' } }),
      ).businesses.totalCount;
      expect(found).toBe(commune.code === LIEGE.code ? 1 : 0);
    }
    const refused = await hub.query(CREATE, { commune: NAMUR.code, input }, token);
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    await nodes[LIEGE.code]!.db.query(`DELETE FROM business WHERE id = $1`, [created.id]);
  });

  describe('when communes misbehave', () => {
    let proxy: Proxy;
    let charleroi: TestNode;
    beforeAll(async () => {
      charleroi = await startTestNode({
        ...CHARLEROI,
        database,
        hubPublicKey: hub.identityPublicKey,
      });
      const headers = await hub.nodeHeadersFor({ [CHARLEROI.code]: ['editor'] });
      for (const input of businessesFor(CHARLEROI.code, [
        'Brasserie du Pays Noir',
        'Quincaillerie Moderne',
      ])) {
        dataOf(await charleroi.query(CREATE, { commune: CHARLEROI.code, input }, headers));
      }
      proxy = await startProxy(charleroi.url);
    });
    afterAll(async () => {
      await proxy?.close();
      await charleroi?.close();
    });

    it('queries a commune registered at runtime, and stops when it is suspended', async () => {
      await hub.register(CHARLEROI.code, CHARLEROI.name, proxy.url);
      const joined = await hub.query(LIST, { first: 100 });
      expect(dataOf(joined).businesses.totalCount).toBe(18 + (await countOn(charleroi)));
      expect((joined.extensions?.['communes'] as any).answered).toContain(CHARLEROI.code);
      const admin = await hub.tokenFor({ hub: ['admin'] });
      dataOf(
        await hub.query(
          `mutation { suspendCommune(code: "${CHARLEROI.code}", reason: "maintenance") { status } }`,
          {},
          admin,
        ),
      );
      const suspended = await hub.query(LIST, { first: 100 });
      expect(dataOf(suspended).businesses.totalCount).toBe(18);
      expect((suspended.extensions?.['communes'] as any).answered).not.toContain(CHARLEROI.code);
      dataOf(
        await hub.query(
          `mutation { reinstateCommune(code: "${CHARLEROI.code}") { status } }`,
          {},
          admin,
        ),
      );
    });

    it('answers without a commune that is too slow, naming it', async () => {
      proxy.delayMs = 2_000;
      const started = Date.now();
      const response = await hub.query(LIST, { first: 100 });
      proxy.delayMs = 0;
      expect(Date.now() - started).toBeLessThan(1_900);
      expect(dataOf({ ...response, errors: [] }).businesses.totalCount).toBe(18);
      expect(response.errors).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({
            code: 'COMMUNE_UNAVAILABLE',
            commune: CHARLEROI.code,
            serviceName: 'directory',
          }),
        }),
      ]);
      expect(response.extensions?.['communes']).toMatchObject({ failed: [CHARLEROI.code] });
    });

    it('drops data a commune claims for another commune, and reports it', async () => {
      proxy.transform = (body) => {
        for (const edge of body?.data?.businesses?.edges ?? []) edge.node.communeCode = NAMUR.code;
        return body;
      };
      const response = await hub.query(LIST, { first: 100 });
      proxy.transform = null;
      const page = dataOf({ ...response, errors: [] }).businesses as any;
      expect(page.edges.filter((e: any) => e.node.communeCode === NAMUR.code)).toHaveLength(5);
      expect(response.errors).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({
            code: 'COMMUNE_DATA_REFUSED',
            commune: CHARLEROI.code,
          }),
        }),
      ]);
    });

    it('answers without a commune that stopped, and opens its circuit after repeated failures', async () => {
      await proxy.close();
      for (let i = 0; i < 3; i++) {
        const response = await hub.query(LIST, { first: 100 });
        expect(dataOf({ ...response, errors: [] }).businesses.totalCount).toBe(18);
        expect(response.errors?.[0]?.extensions).toMatchObject({
          code: 'COMMUNE_UNAVAILABLE',
          commune: CHARLEROI.code,
          serviceName: 'directory',
        });
      }
      const open = await hub.query(LIST, { first: 100 });
      expect(open.errors?.[0]?.message).toMatch(/circuit open/);
      const health = dataOf(
        await hub.query(
          `query($c: ID!) { commune(code: $c) { health { subgraph circuit { state consecutiveFailures } } } }`,
          { c: CHARLEROI.code },
        ),
      ).commune as any;
      expect(health.health[0].circuit).toEqual({ state: 'OPEN', consecutiveFailures: 3 });
    });
  });
});

async function countOn(node: TestNode): Promise<number> {
  return (dataOf(await node.query<any>(LIST, { first: 1 })).businesses as any).totalCount;
}
