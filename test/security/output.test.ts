import { generateKeyPairSync } from 'node:crypto';
import { ConfigError } from '@communes/kit';
import { loadHubConfig } from '@communes/hub';
import { testDatabaseKinds } from '../support/databases';
import { dataOf, type GraphQLResponse } from '../support/graphql-client';
import { snapshot } from '../support/snapshot';
import { startTestHub, type TestHub } from '../support/test-hub';
import { startTestNode, type TestNode } from '../support/test-node';
import { CHARLEROI, LIEGE, NAMUR } from '../fixtures/communes';
import { belgianNumber, namurBusiness } from '../fixtures/businesses';
import { startRogueCommune, type RogueCommune } from './rogue-commune';

type Row = Record<string, any>;

const LIST = `query($communes: [ID!]) { businesses(communes: $communes, first: 50) {
  totalCount edges { node { communeCode name commune { code name } } } } }`;
const WITH_SECTORS = `{ businesses(first: 50) { totalCount edges { node { communeCode name } } }
  businessCountsBySector { key count } }`;
const COMMUNE = `query($code: ID!) { commune(code: $code) { code name
  businesses(first: 50) { totalCount edges { node { communeCode name } } } } }`;
const CREATE = `mutation($commune: ID!, $input: CreateBusinessInput!) {
  createBusiness(commune: $commune, input: $input) { id } }`;
const TWO_COMMUNES = `mutation($a: CreateBusinessInput!, $b: CreateBusinessInput!) {
  first: createBusiness(commune: "${NAMUR.code}", input: $a) { id }
  second: createBusiness(commune: "${LIEGE.code}", input: $b) { id } }`;

const POSTAL: Record<string, string> = {
  [NAMUR.code]: '5000',
  [LIEGE.code]: '4000',
  [CHARLEROI.code]: '6000',
};
/** Businesses per commune: the rogue's are the ones that must never reach the client. */
const SEEDED: Record<string, string[]> = {
  [NAMUR.code]: ['Boulangerie Namuroise', 'Garage du Centre'],
  [LIEGE.code]: ['Librairie Liégeoise', 'Pharmacie Cathédrale', 'Café Outremeuse'],
  [CHARLEROI.code]: ['Friterie Carolo', 'Atelier Sambre', 'Épicerie Marcinelle', 'Bar Ville-Haute'],
};
const HONEST = [...SEEDED[NAMUR.code]!, ...SEEDED[LIEGE.code]!];
const ANSWER_CAP = 512 * 1024;

function businessIn(code: string, name: string, i: number): Row {
  return {
    ...namurBusiness({ name }),
    enterpriseNumber: belgianNumber(`0${code.slice(3, 8)}${String(i).padStart(2, '0')}`),
    address: { street: 'Rue Haute', postalCode: POSTAL[code], locality: 'Centre' },
    contacts: null,
    location: null,
  };
}

const codesOf = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? []).map((e) => [e.extensions?.['code'], e.extensions?.['commune']]);
const namesOf = (page: Row) => page['edges'].map((e: Row) => e['node']['name']).sort();

/**
 * What reaches a client from a commune is checked and bounded: a commune that answers for
 * another loses its whole part of the fetch, an answer of the wrong shape or size costs only
 * that commune, and no commune can flood a client with errors.
 */
describe.each(testDatabaseKinds())('what communes answer, through the hub, on %s', (database) => {
  let hub: TestHub;
  let rogue: RogueCommune;
  const nodes: Record<string, TestNode> = {};

  beforeAll(async () => {
    hub = await startTestHub(database, {
      communeTimeoutMs: 20_000,
      requestDeadlineMs: 30_000,
      maxCommuneAnswerBytes: ANSWER_CAP,
      // Every test here makes the rogue fail: its circuit must not open in between.
      circuit: { failureThreshold: 1_000, openMs: 1 },
    });
    for (const commune of [NAMUR, LIEGE, CHARLEROI]) {
      const node = await startTestNode({
        ...commune,
        database,
        hubPublicKey: hub.identityPublicKey,
      });
      nodes[commune.code] = node;
      if (commune === CHARLEROI) rogue = await startRogueCommune(node.url);
      await hub.register(commune.code, commune.name, commune === CHARLEROI ? rogue.url : node.url);
      const token = await hub.tokenFor({ [commune.code]: ['editor'] });
      for (const [i, name] of SEEDED[commune.code]!.entries())
        dataOf(
          await hub.query(
            CREATE,
            { commune: commune.code, input: businessIn(commune.code, name, i) },
            token,
          ),
        );
    }
  }, 240_000);
  afterEach(() => {
    rogue.behaviour = { kind: 'honest' };
  });
  afterAll(async () => {
    await hub?.close();
    await rogue?.close();
    for (const node of Object.values(nodes)) await node.close();
  });

  const alter = (transform: (body: any, request: { query: string }) => any) => {
    rogue.behaviour = { kind: 'alter', transform };
  };
  const edgesOf = (body: any): any[] => body?.data?.businesses?.edges ?? [];

  it('answers honestly when every commune does', async () => {
    const page = dataOf(await hub.query(LIST, {}))['businesses'] as Row;
    expect(page['totalCount']).toBe(9);
  });

  it('refuses businesses a commune says belong to another (commune { code }), and counts none', async () => {
    alter((body) => {
      for (const edge of edgesOf(body))
        edge.node.commune = { __typename: 'Commune', code: LIEGE.code };
      return body;
    });
    const response = await hub.query(LIST, {});
    const page = response.data!['businesses'] as Row;
    expect(namesOf(page)).toEqual([...HONEST].sort());
    expect(page['totalCount']).toBe(HONEST.length);
    for (const { node } of page['edges']) expect(node.commune.code).toBe(node.communeCode);
    expect(response.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'COMMUNE_DATA_REFUSED',
          commune: CHARLEROI.code,
          serviceName: 'directory',
        }),
      }),
    ]);
    expect(response.extensions?.['communes']).toMatchObject({ failed: [CHARLEROI.code] });
  });

  it("adds none of its sector counts when it answers another commune's businesses", async () => {
    const honest = dataOf(
      await hub.query(
        `{ businessCountsBySector(communes: ["${NAMUR.code}", "${LIEGE.code}"]) { key count } }`,
      ),
    )['businessCountsBySector'];
    alter((body) => {
      for (const edge of edgesOf(body)) edge.node.communeCode = LIEGE.code;
      // Liège's figures added to its own, which no bucket can show.
      for (const bucket of body.data?.businessCountsBySector ?? []) bucket.count += 1_000;
      return body;
    });
    const response = await hub.query(WITH_SECTORS);
    expect(response.data!['businessCountsBySector']).toEqual(honest);
    expect((response.data!['businesses'] as Row)['totalCount']).toBe(HONEST.length);
    expect(codesOf(response)).toEqual([['COMMUNE_DATA_REFUSED', CHARLEROI.code]]);
  });

  it('counts in totalCount none of the edges it drops', async () => {
    alter((body) => {
      const [edge] = edgesOf(body);
      if (edge) edge.node.communeCode = NAMUR.code;
      return body;
    });
    const response = await hub.query(LIST, {});
    const page = response.data!['businesses'] as Row;
    expect(page['totalCount']).toBe(HONEST.length);
    expect(namesOf(page)).toEqual([...HONEST].sort());
    expect(codesOf(response)).toEqual([['COMMUNE_DATA_REFUSED', CHARLEROI.code]]);
  });

  it("refuses an entity answer holding another commune's businesses", async () => {
    alter((body) => {
      for (const entity of body.data?._entities ?? [])
        for (const edge of entity?.businesses?.edges ?? []) edge.node.communeCode = NAMUR.code;
      return body;
    });
    const response = await hub.query(COMMUNE, { code: CHARLEROI.code });
    expect(response.data!['commune']).toEqual({
      code: CHARLEROI.code,
      name: CHARLEROI.name,
      businesses: null,
    });
    expect(codesOf(response)).toEqual([['COMMUNE_DATA_REFUSED', CHARLEROI.code]]);
  });

  it('keeps nothing the fetch did not ask for (a name the registry owns)', async () => {
    alter((body) => {
      for (const entity of body.data?._entities ?? []) entity.name = 'Liège';
      return body;
    });
    const response = await hub.query(COMMUNE, { code: CHARLEROI.code });
    const commune = dataOf(response)['commune'] as Row;
    expect(commune['name']).toBe(CHARLEROI.name);
    expect(commune['businesses']['totalCount']).toBe(SEEDED[CHARLEROI.code]!.length);
  });

  it('costs only its own part when its answer is not shaped like the fetch', async () => {
    alter((body) => {
      if (body.data?.businesses) body.data.businesses.edges = 'garbage';
      return body;
    });
    const response = await hub.query(LIST, {});
    const page = response.data!['businesses'] as Row;
    expect(namesOf(page)).toEqual([...HONEST].sort());
    expect(page['totalCount']).toBe(HONEST.length);
    expect(codesOf(response)).toEqual([['COMMUNE_UNAVAILABLE', CHARLEROI.code]]);
    expect(response.errors![0]!.message).toMatch(/does not match the fetch: a list was expected/);
  });

  it('cuts off an answer larger than the cap while it arrives, keeping the others', async () => {
    rogue.behaviour = { kind: 'flood' };
    const started = Date.now();
    const response = await hub.query(LIST, {});
    expect(Date.now() - started).toBeLessThan(15_000);
    const page = response.data!['businesses'] as Row;
    expect(namesOf(page)).toEqual([...HONEST].sort());
    expect(codesOf(response)).toEqual([['COMMUNE_UNAVAILABLE', CHARLEROI.code]]);
    expect(response.errors![0]!.message).toMatch(`answer larger than ${ANSWER_CAP} bytes`);
    // The hub hung up soon after the cap, whatever socket buffers held: it did not read on.
    expect(await rogue.flooded).toBeLessThan(64 * 1024 * 1024);
  });

  it('passes on one error per cause, with how many times it came', async () => {
    alter((body) => ({
      ...body,
      errors: Array.from({ length: 5_000 }, () => ({
        message: 'not allowed',
        extensions: { code: 'FORBIDDEN' },
      })),
    }));
    const response = await hub.query(LIST, {});
    expect(response.errors).toEqual([
      {
        message: 'not allowed',
        extensions: expect.objectContaining({ commune: CHARLEROI.code, count: 5_000 }),
      },
    ]);
    expect((response.data!['businesses'] as Row)['totalCount']).toBe(9);
  });

  it('passes on a bounded number of causes, each of bounded size', async () => {
    alter((body) => ({
      ...body,
      errors: Array.from({ length: 2_000 }, (_, i) => ({
        message: `failure ${i} ${'x'.repeat(i === 0 ? 100_000 : 10)}`,
        extensions: { code: 'FORBIDDEN', detail: 'y'.repeat(i === 1 ? 100_000 : 1) },
      })),
    }));
    const response = await hub.query(LIST, {});
    const errors = response.errors!;
    expect(errors).toHaveLength(10);
    expect(errors.at(-1)!.extensions).toMatchObject({ omittedErrors: 1_990 });
    for (const error of errors) expect(JSON.stringify(error).length).toBeLessThan(2_000);
  });

  it('answers 10,000 unknown communes with one error naming a few', async () => {
    const unknown = Array.from({ length: 10_000 }, (_, i) => `BE-${String(10_000 + i)}`);
    const response = await hub.query(
      `query($communes: [ID!]) { businesses(communes: $communes, first: 1) { totalCount } }`,
      { communes: [NAMUR.code, ...unknown] },
    );
    expect((response.data!['businesses'] as Row)['totalCount']).toBe(SEEDED[NAMUR.code]!.length);
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions).toMatchObject({
      code: 'UNKNOWN_COMMUNE',
      unknownCount: 10_000,
      communes: unknown.slice(0, 20),
    });
    expect(JSON.stringify(response).length).toBeLessThan(4_000);
  });

  it('refuses one request writing to two communes, naming the field, and changes nothing', async () => {
    const tables = ['business', 'business_activity'];
    const before = await Promise.all(
      [NAMUR, LIEGE].map((c) => snapshot(nodes[c.code]!.db, tables)),
    );
    const token = await hub.tokenFor({ [NAMUR.code]: ['editor'], [LIEGE.code]: ['editor'] });
    const response = await hub.query(
      TWO_COMMUNES,
      {
        a: businessIn(NAMUR.code, 'Nouvelle Namur', 50),
        b: businessIn(LIEGE.code, 'Nouvelle Liège', 50),
      },
      token,
    );
    expect(response.errors).toEqual([
      expect.objectContaining({
        path: ['second'],
        extensions: expect.objectContaining({
          code: 'BAD_USER_INPUT',
          field: 'commune',
          reason: expect.stringMatching(/must name one commune/),
        }),
      }),
    ]);
    const after = await Promise.all([NAMUR, LIEGE].map((c) => snapshot(nodes[c.code]!.db, tables)));
    expect(after).toEqual(before);
  });
});

describe('COMMUNE_MAX_ANSWER_BYTES', () => {
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();

  it('caps each answer at 4 MB unless set', () => {
    expect(loadHubConfig({ HUB_IDENTITY_KEY: key }).maxCommuneAnswerBytes).toBe(4 * 1024 * 1024);
    expect(
      loadHubConfig({ HUB_IDENTITY_KEY: key, COMMUNE_MAX_ANSWER_BYTES: '65536' })
        .maxCommuneAnswerBytes,
    ).toBe(65_536);
  });

  it('refuses a size that is not a positive whole number, naming the variable', () => {
    const load = () => loadHubConfig({ HUB_IDENTITY_KEY: key, COMMUNE_MAX_ANSWER_BYTES: '-1' });
    expect(load).toThrow(ConfigError);
    expect(() => load()).toThrow(/COMMUNE_MAX_ANSWER_BYTES/);
  });
});
