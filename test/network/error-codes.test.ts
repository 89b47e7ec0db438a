import { ErrorCodes, isErrorCode, type ErrorCode, type ErrorCodeDefinition } from '@communes/kit';
import { testDatabaseKinds } from '../support/databases';
import { dataOf, type GraphQLResponse } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { startTestNode, type TestNode } from '../support/test-node';
import { LIEGE, NAMUR } from '../fixtures/communes';
import { namurBusiness } from '../fixtures/businesses';

const CREATE = `mutation($commune: ID!, $input: CreateBusinessInput!) {
  createBusiness(commune: $commune, input: $input) { id } }`;
const SUSPEND = `mutation($code: ID!) { suspendCommune(code: $code, reason: "test") { status } }`;

/** Posts a raw body, as a client that gets things wrong would. */
async function post(url: string, body: unknown): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/** The one error of an answer, whose code must be registered. */
function onlyError(response: GraphQLResponse, code: ErrorCode) {
  expect(response.errors?.map((e) => e.extensions?.['code'])).toEqual([code]);
  expect(isErrorCode(code)).toBe(true);
  return response.errors![0]!;
}

describe.each(testDatabaseKinds())('error codes over HTTP on %s', (database) => {
  let hub: TestHub;
  let namur: TestNode;

  beforeAll(async () => {
    hub = await startTestHub(database);
    namur = await startTestNode({ ...NAMUR, database, hubPublicKey: hub.identityPublicKey });
    await hub.register(NAMUR.code, NAMUR.name, namur.url);
    // An operator's mistake: Liège's code registered with Namur's node.
    await hub.register(LIEGE.code, LIEGE.name, namur.url);
  });
  afterAll(async () => {
    await hub?.close();
    await namur?.close();
  });

  describe('WRONG_COMMUNE', () => {
    const input = namurBusiness({ name: 'Boulangerie du Pont' });

    // Anonymous callers: the commune is checked before any role, and a signed identity names
    // the commune it is for, which a node serving another refuses first (UNAUTHENTICATED).
    it('is what a node answers to a write for a commune it does not serve', async () => {
      const response = await namur.query(CREATE, { commune: LIEGE.code, input });
      expect(response.status).toBe(200);
      expect(onlyError(response, 'WRONG_COMMUNE')).toMatchObject({
        message: `commune: this node serves ${NAMUR.code}, not ${LIEGE.code}`,
        path: ['createBusiness'],
        extensions: { field: 'commune' },
      });
    });

    it('reaches the client through the hub, naming the commune and subgraph', async () => {
      const response = await hub.query(CREATE, { commune: LIEGE.code, input });
      expect(onlyError(response, 'WRONG_COMMUNE').extensions).toMatchObject({
        field: 'commune',
        commune: LIEGE.code,
        serviceName: 'directory',
      });
      expect(response.data ?? null).toBeNull();
    });
  });

  describe("the hub's registry, through the hub's GraphQL endpoint", () => {
    it("keeps a refused change's code and details (the gateway no longer hides them)", async () => {
      const editor = await hub.tokenFor({ [NAMUR.code]: ['editor'] });
      const refused = await hub.query(SUSPEND, { code: NAMUR.code }, editor);
      expect(onlyError(refused, 'FORBIDDEN').extensions).toMatchObject({
        serviceName: 'registry',
      });
      const admin = await hub.tokenFor({ hub: ['admin'] });
      const invalid = await hub.query(SUSPEND, { code: 'XX-1' }, admin);
      expect(onlyError(invalid, 'BAD_USER_INPUT').extensions).toMatchObject({
        field: expect.any(String),
        problems: [expect.objectContaining({ reason: expect.any(String) })],
      });
      expect(dataOf(await hub.query(`{ communes { code status } }`)).communes).toContainEqual({
        code: NAMUR.code,
        status: 'ACTIVE',
      });
    });
  });

  describe("Apollo's own codes, passed on with the status the registry gives", () => {
    const cases: [string, unknown, ErrorCode, number][] = [
      ['a query that does not parse', { query: '{ businesses(' }, 'GRAPHQL_PARSE_FAILED', 400],
      ['a field the schema lacks', { query: '{ nope }' }, 'GRAPHQL_VALIDATION_FAILED', 400],
      ['a body with no query', {}, 'BAD_REQUEST', 400],
      [
        'a variable of the wrong type',
        {
          query: 'query($c: ID!) { businesses(communes: [$c]) { totalCount } }',
          variables: { c: {} },
        },
        'BAD_USER_INPUT',
        400,
      ],
      [
        'an unknown persisted query',
        { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } },
        'PERSISTED_QUERY_NOT_FOUND',
        200,
      ],
    ];

    it.each(cases)('%s', async (_what, body, code, status) => {
      const registered: number | undefined = (ErrorCodes[code] as ErrorCodeDefinition).httpStatus;
      if (registered !== undefined) expect(status).toBe(registered);
      for (const url of [`${hub.url}/graphql`, namur.endpoint()]) {
        const response = await post(url, body);
        onlyError(response, code);
        expect(response.status).toBe(status);
      }
    });

    it('names an operation the document lacks: the node and the hub say it differently', async () => {
      const body = { query: 'query A { __typename }', operationName: 'B' };
      const node = await post(namur.endpoint(), body);
      onlyError(node, 'OPERATION_RESOLUTION_FAILURE');
      expect(node.status).toBe(ErrorCodes.OPERATION_RESOLUTION_FAILURE.httpStatus);
      const atHub = await post(`${hub.url}/graphql`, body);
      onlyError(atHub, 'INVALID_GRAPHQL');
      expect(atHub.status).toBe(ErrorCodes.INVALID_GRAPHQL.httpStatus);
    });
  });

  describe("the hub's network face", () => {
    it('answers NOT_FOUND for a subgraph it does not serve, BAD_REQUEST for a body with no query', async () => {
      const missing = await post(`${hub.url}/network/nope/graphql`, { query: '{ __typename }' });
      expect(missing.status).toBe(404);
      onlyError(missing, 'NOT_FOUND');
      const empty = await post(`${hub.url}/network/directory/graphql`, {});
      expect(empty.status).toBe(ErrorCodes.BAD_REQUEST.httpStatus);
      onlyError(empty, 'BAD_REQUEST');
    });

    it('answers BAD_USER_INPUT for a representation that names no commune', async () => {
      const response = await post(`${hub.url}/network/directory/graphql`, {
        query:
          'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Business { name } } }',
        variables: {
          representations: [{ __typename: 'Business', id: '00000000-0000-4000-8000-000000000000' }],
        },
      });
      expect(onlyError(response, 'BAD_USER_INPUT')).toMatchObject({
        path: ['_entities', 0],
        extensions: { field: 'representations.0', serviceName: 'directory' },
      });
      expect(response.data).toEqual({ _entities: [null] });
    });
  });
});
