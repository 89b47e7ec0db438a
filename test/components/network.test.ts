import { components, seedComponents, seedPubliccodeFiles } from '@communes/components';
import { directory } from '@communes/directory';
import { decodeNodeCursor } from '@communes/schema';
import { testDatabaseKinds } from '../support/databases';
import { dataOf, postGraphQL } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { startTestNode, type TestNode } from '../support/test-node';
import { LIEGE, LILLE, NAMUR } from '../fixtures/communes';
import { validPubliccode, yamlOf } from './support';

type Row = Record<string, any>;

const DELIBE = 'https://gitlab.com/ville-de-namur/delibe.git';

const WHO_USES = `query($url: String!) {
  adoptions(filter: { componentUrl: $url }, orderBy: { field: SINCE, direction: ASC }, first: 50) {
    totalCount edges { node { communeCode commune { name } componentName version status since referent { name email } } } } }`;

const COUNTS = `query($communes: [ID!], $filter: AdoptionFilter) {
  adoptionCountsByComponent(communes: $communes, filter: $filter) { key name count } }`;

const COMPONENTS = `query($communes: [ID!], $filter: ComponentFilter, $first: Int, $after: String) {
  components(communes: $communes, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { communeCode id name commune { name } } } } }`;

/** The same list asked of a node directly: the registry's fields are the hub's. */
const NODE_COMPONENTS = COMPONENTS.replace(' commune { name }', '');

describe.each(testDatabaseKinds())('components through the hub on %s', (database) => {
  let hub: TestHub;
  const nodes: TestNode[] = [];

  beforeAll(async () => {
    hub = await startTestHub(database);
    for (const commune of [NAMUR, LIEGE, LILLE]) {
      const node = await startTestNode({
        ...commune,
        database,
        hubPublicKey: hub.identityPublicKey,
        subgraphs: [directory, components],
      });
      nodes.push(node);
      await seedComponents(node.db, node.commune);
      await hub.register(commune.code, commune.name, node.url, ['directory', 'components']);
    }
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    for (const node of nodes) await node.close();
  });

  const direct = (node: TestNode, query: string, variables: Row = {}) =>
    postGraphQL<any>(node.endpoint('components'), query, variables);

  it('answers "which communes use Délibé, at which version, who to call" in one query', async () => {
    const token = await hub.tokenFor({ 'BE-52011': ['editor'] }, 'it@charleroi.example');
    const { adoptions } = dataOf(await hub.query(WHO_USES, { url: DELIBE }, token));
    expect(adoptions.totalCount).toBe(3);
    expect(adoptions.edges.map((e: Row) => e.node)).toEqual([
      {
        communeCode: NAMUR.code,
        commune: { name: 'Namur' },
        componentName: 'Délibé',
        version: '2.3.0',
        status: 'IN_PRODUCTION',
        since: '2019-09-02',
        referent: { name: 'Claire Dubois', email: 'claire.dubois@namur.be' },
      },
      expect.objectContaining({
        communeCode: LIEGE.code,
        since: '2024-05-13',
        status: 'IN_PRODUCTION',
      }),
      expect.objectContaining({
        communeCode: LILLE.code,
        since: '2026-10-01',
        status: 'EVALUATING',
      }),
    ]);
    // Anonymous callers see who uses it, not whom to call.
    const anonymous = dataOf(await hub.query(WHO_USES, { url: DELIBE })).adoptions;
    expect(anonymous.edges.map((e: Row) => e.node.referent)).toEqual([null, null, null]);
  });

  it('merges adoption counts into the most adopted software of the network', async () => {
    const merged = dataOf(await hub.query(COUNTS, {})).adoptionCountsByComponent as Row[];
    const expected = new Map<string, number>();
    for (const node of nodes) {
      for (const bucket of dataOf(await direct(node, COUNTS)).adoptionCountsByComponent) {
        expected.set(bucket.key, (expected.get(bucket.key) ?? 0) + bucket.count);
      }
    }
    expect(merged.length).toBe(expected.size);
    for (const bucket of merged) expect(bucket.count).toBe(expected.get(bucket.key));
    expect(merged[0]).toEqual({ key: DELIBE, name: 'Délibé', count: 3 });
    const counts = merged.map((b) => b.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const two = dataOf(await hub.query(COUNTS, { communes: [LIEGE.code, LILLE.code] }))
      .adoptionCountsByComponent as Row[];
    expect(two.find((b) => b.key === DELIBE)?.count).toBe(2);
    // Retired adoptions count only when asked for.
    const past = dataOf(
      await hub.query(COUNTS, { filter: { status: ['RETIRED'] } }),
    ).adoptionCountsByComponent;
    expect(past).toEqual([]);
  });

  it('pages the catalogues of three communes as one list, each component once', async () => {
    const expected: { key: string; commune: string; id: string }[] = [];
    for (const node of nodes) {
      const page = dataOf(await direct(node, NODE_COMPONENTS, { first: 100 })).components;
      for (const edge of page.edges) {
        expected.push({
          key: String(decodeNodeCursor(edge.cursor)!.key[0]),
          commune: node.commune.code,
          id: edge.node.id,
        });
      }
    }
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    expected.sort((a, b) => cmp(a.key, b.key) || cmp(a.commune, b.commune) || cmp(a.id, b.id));
    const published =
      seedPubliccodeFiles(NAMUR.code).length + seedPubliccodeFiles(LIEGE.code).length;
    expect(expected.length).toBe(published - 1 + seedPubliccodeFiles(LILLE.code).length);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Row = dataOf(await hub.query(COMPONENTS, { first: 3, after })).components;
      expect(page.totalCount).toBe(expected.length);
      seen.push(...page.edges.map((e: Row) => `${e.node.communeCode}/${e.node.id}`));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected.map((r) => `${r.commune}/${r.id}`));
  });

  it('searches across the communes named, and hops to the publishing commune', async () => {
    const found = dataOf(
      await hub.query(COMPONENTS, {
        communes: [NAMUR.code, LILLE.code],
        filter: { search: 'délibérations' },
      }),
    ).components;
    expect(found.edges.map((e: Row) => [e.node.name, e.node.commune.name])).toEqual([
      ['Délibé', 'Namur'],
      ['Registre des délibérations', 'Lille'],
    ]);
    const viaRegistry = dataOf(
      await hub.query(`{ commune(code: "BE-62063") { name components { totalCount edges { node { name } } }
        adoptions(first: 10) { totalCount } } }`),
    ).commune;
    expect(viaRegistry).toMatchObject({
      name: 'Liège',
      components: { totalCount: 2 },
      adoptions: { totalCount: 4 },
    });
  });

  it('routes a publication to the commune named, for its editors only', async () => {
    const doc = validPubliccode();
    doc.url = 'https://github.com/ville-de-lille/registre-arretes';
    const publish = `mutation($commune: ID!, $yml: String!) {
      publishComponent(commune: $commune, publiccodeYml: $yml) { communeCode id url } }`;
    const refused = await hub.query(
      publish,
      { commune: LILLE.code, yml: yamlOf(doc) },
      await hub.tokenFor({ [LIEGE.code]: ['editor'] }),
    );
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const lille = await hub.tokenFor({ [LILLE.code]: ['editor'] });
    const published = dataOf(
      await hub.query(publish, { commune: LILLE.code, yml: yamlOf(doc) }, lille),
    ).publishComponent;
    expect(published.communeCode).toBe(LILLE.code);
    const where = await Promise.all(
      nodes.map(
        async (node) =>
          dataOf(await direct(node, NODE_COMPONENTS, { filter: { url: doc.url } })).components
            .totalCount,
      ),
    );
    expect(where).toEqual([0, 0, 1]);
    const invalid = await hub.query(
      publish,
      { commune: LILLE.code, yml: yamlOf({ ...doc, developmentStatus: 'done' }) },
      lille,
    );
    expect(invalid.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'developmentStatus',
    });
  });
});
