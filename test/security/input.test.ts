import { directory } from '@communes/directory';
import { deliberations, ensureOrganizations } from '@communes/deliberations';
import { components } from '@communes/components';
import { encodeNetworkCursor, encodeNodeCursor } from '@communes/schema';
import { testDatabaseKinds } from '../support/databases';
import { dataOf, postGraphQL, type GraphQLResponse } from '../support/graphql-client';
import { snapshot } from '../support/snapshot';
import { startTestHub, type TestHub } from '../support/test-hub';
import { startTestNode, type TestNode } from '../support/test-node';
import { LIEGE, NAMUR } from '../fixtures/communes';
import { namurBusiness } from '../fixtures/businesses';
import { TABLES as COMPONENT_TABLES, validPubliccode, yamlOf } from '../components/support';
import { TABLES as DELIBERATION_TABLES } from '../deliberations/suite';

type Row = Record<string, any>;

const NUL = '\u0000';
const NUL_REASON = 'must not contain the NUL character (U+0000)';
const CONTROL = 'must not contain control characters';
const NAMUR_TABLES = ['business', 'business_activity', ...DELIBERATION_TABLES, ...COMPONENT_TABLES];

const CREATE_BUSINESS = `mutation($commune: ID!, $input: CreateBusinessInput!) {
  createBusiness(commune: $commune, input: $input) { id } }`;
const ADD_ATTACHMENT = `mutation($commune: ID!, $item: ID!, $input: AttachmentInput!) {
  addAttachment(commune: $commune, item: $item, input: $input) { id } }`;
const PUBLISH = `mutation($commune: ID!, $yml: String!) {
  publishComponent(commune: $commune, publiccodeYml: $yml) { id } }`;
const SET_CATEGORY = `mutation($commune: ID!, $input: CategoryInput!) {
  setCategory(commune: $commune, input: $input) { code } }`;
const REGISTER = `mutation($input: RegisterCommuneInput!) { registerCommune(input: $input) { code } }`;

/** The one error of a refused request: BAD_USER_INPUT naming each field and why. */
function refusal(response: GraphQLResponse<unknown>): { field: string; reason: string }[] {
  expect(response.errors).toHaveLength(1);
  const extensions = response.errors![0]!.extensions!;
  expect(extensions['code']).toBe('BAD_USER_INPUT');
  return extensions['problems'] as { field: string; reason: string }[];
}

/**
 * Bad input gets a clear error and changes nothing: a NUL character anywhere in a request,
 * a cursor naming no row, text with control characters, a registry refusal through the hub.
 */
describe.each(testDatabaseKinds())('input refused at the boundary, on %s', (database) => {
  let hub: TestHub;
  let namur: TestNode;
  let liege: TestNode;
  let staff: string;
  let admin: string;
  let itemId: string;

  beforeAll(async () => {
    hub = await startTestHub(database);
    namur = await startTestNode({
      ...NAMUR,
      database,
      hubPublicKey: hub.identityPublicKey,
      subgraphs: [directory, deliberations, components],
    });
    liege = await startTestNode({ ...LIEGE, database, hubPublicKey: hub.identityPublicKey });
    await hub.register(NAMUR.code, NAMUR.name, namur.url, [
      'directory',
      'deliberations',
      'components',
    ]);
    await hub.register(LIEGE.code, LIEGE.name, liege.url);
    staff = await hub.tokenFor({ [NAMUR.code]: ['editor', 'secretary', 'admin'] });
    admin = await hub.tokenFor({ hub: ['admin'] }, 'admin@hub.test');
    await ensureOrganizations(namur.db, [
      { name: 'Conseil communal', kind: 'COUNCIL', members: [] },
    ]);
    const send = (query: string, variables: Row) =>
      hub.query(query, { commune: NAMUR.code, ...variables }, staff);
    dataOf(await send(SET_CATEGORY, { input: { code: 'FIN', name: 'Finances', topic: '7.1' } }));
    const item = dataOf(
      await send(
        `mutation($commune: ID!, $input: CreateItemInput!) { createItem(commune: $commune, input: $input) { id } }`,
        { input: { title: 'Budget 2026', category: 'FIN' } },
      ),
    ) as Row;
    itemId = item['createItem']['id'];
  }, 180_000);
  afterAll(async () => {
    await hub?.close();
    await namur?.close();
    await liege?.close();
  });

  /** Runs a request that must be refused, and checks that no table of Namur or the hub changed. */
  async function unchanged(request: () => Promise<GraphQLResponse<unknown>>) {
    const before = await snapshot(namur.db, NAMUR_TABLES);
    const communes = dataOf(await hub.query('{ communes { code name status } }'));
    const response = await request();
    expect(await snapshot(namur.db, NAMUR_TABLES)).toBe(before);
    expect(dataOf(await hub.query('{ communes { code name status } }'))).toEqual(communes);
    return response;
  }

  describe('a NUL character', () => {
    it('in a variable: refused before anything runs, naming the field', async () => {
      const response = await unchanged(() =>
        hub.query(
          CREATE_BUSINESS,
          { commune: NAMUR.code, input: namurBusiness({ name: `Boulangerie${NUL}` }) },
          staff,
        ),
      );
      expect(response.status).toBe(400);
      expect(refusal(response)).toEqual([{ field: 'input.name', reason: NUL_REASON }]);
    });

    it('in the document itself', async () => {
      const response = await unchanged(() =>
        hub.query(
          `mutation { proposeItem(commune: "${NAMUR.code}", id: "${itemId}", comment: "a\\u0000b") { id } }`,
          {},
          staff,
        ),
      );
      expect(refusal(response)).toEqual([{ field: 'comment', reason: NUL_REASON }]);
    });

    it('in a URL of an attachment', async () => {
      const input = {
        name: 'Délibération',
        mimeType: 'application/pdf',
        url: `https://www.namur.be/a${NUL}.pdf`,
        sha256: 'a'.repeat(64),
        size: 1_000,
      };
      const response = await unchanged(() =>
        hub.query(ADD_ATTACHMENT, { commune: NAMUR.code, item: itemId, input }, staff),
      );
      expect(refusal(response)).toEqual([{ field: 'input.url', reason: NUL_REASON }]);
    });

    it('anywhere in a publiccode.yml', async () => {
      const yml = `${yamlOf(validPubliccode())}# ${NUL}\n`;
      const response = await unchanged(() =>
        hub.query(PUBLISH, { commune: NAMUR.code, yml }, staff),
      );
      expect(refusal(response)).toEqual([{ field: 'publiccodeYml', reason: NUL_REASON }]);
    });

    it('in a filter, and in every field it is in', async () => {
      const response = await hub.query(
        `query($url: String, $number: String!) {
          adoptions(filter: { componentUrl: $url }) { totalCount }
          establishmentsOf(enterpriseNumber: $number) { id } }`,
        { url: `https://github.com/x${NUL}`, number: `0${NUL}` },
      );
      expect(refusal(response)).toEqual([
        { field: 'filter.componentUrl', reason: NUL_REASON },
        { field: 'enterpriseNumber', reason: NUL_REASON },
      ]);
    });

    it('sent to a node directly', async () => {
      const response = await postGraphQL(
        namur.endpoint('directory'),
        `query($number: String!) { establishmentsOf(enterpriseNumber: $number) { id } }`,
        { number: `0${NUL}` },
      );
      expect(refusal(response)).toEqual([{ field: 'enterpriseNumber', reason: NUL_REASON }]);
    });

    it('in a registration', async () => {
      const response = await unchanged(() =>
        hub.query(
          REGISTER,
          {
            input: {
              code: 'BE-25014',
              name: `Braine${NUL}`,
              subgraphs: [{ name: 'directory', url: liege.endpoint() }],
            },
          },
          admin,
        ),
      );
      expect(refusal(response)).toEqual([{ field: 'input.name', reason: NUL_REASON }]);
    });
  });

  describe('other control characters', () => {
    it('in a text a subgraph stores', async () => {
      const response = await unchanged(() =>
        hub.query(
          SET_CATEGORY,
          { commune: NAMUR.code, input: { code: 'TRAV', name: 'Travaux\u0007', topic: '1.1' } },
          staff,
        ),
      );
      expect(refusal(response)).toEqual([{ field: 'input.name', reason: CONTROL }]);
    });

    it('in a text the registry stores', async () => {
      const response = await unchanged(() =>
        hub.query(
          `mutation($reason: String!) { suspendCommune(code: "${LIEGE.code}", reason: $reason) { code } }`,
          { reason: 'Maintenance\u001b[31m' },
          admin,
        ),
      );
      expect(refusal(response)).toEqual([{ field: 'reason', reason: CONTROL }]);
    });
  });

  describe('a cursor naming no row', () => {
    const list = `query($after: String) { businesses(first: 2, after: $after) { totalCount } }`;

    it('at the hub: one error, before any commune is asked', async () => {
      const after = encodeNetworkCursor({
        order: 'NAME',
        direction: 'ASC',
        key: ['boulangerie'],
        communeCode: NAMUR.code,
        id: "x' OR '1'='1",
      });
      const response = await hub.query(list, { after });
      expect(response.errors).toEqual([
        expect.objectContaining({
          path: ['businesses'],
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
        }),
      ]);
      expect(response.errors![0]!.extensions!['commune']).toBeUndefined();
    });

    it('at a node', async () => {
      const after = encodeNodeCursor({
        order: 'NAME',
        direction: 'ASC',
        key: ['boulangerie'],
        id: 'not-a-uuid',
      });
      const response = await namur.query(list, { after });
      expect(refusal(response)).toEqual([
        { field: 'after', reason: 'is not a cursor returned by this list' },
      ]);
    });
  });

  describe('registry errors through /graphql', () => {
    it('keep their code and field', async () => {
      const response = await unchanged(() =>
        hub.query(
          `mutation { suspendCommune(code: "Liège", reason: "travaux") { code } }`,
          {},
          admin,
        ),
      );
      expect(refusal(response)).toEqual([
        { field: 'code', reason: expect.stringMatching(/^must be BE- followed by/) },
      ]);
    });

    it('keep FORBIDDEN for a caller who is no hub administrator', async () => {
      const response = await unchanged(() =>
        hub.query(
          `mutation { suspendCommune(code: "${LIEGE.code}", reason: "travaux") { code } }`,
          {},
          staff,
        ),
      );
      expect(response.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });
  });
});
