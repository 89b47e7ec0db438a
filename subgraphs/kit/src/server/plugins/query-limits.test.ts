import { buildSchema, getIntrospectionQuery, type GraphQLSchema } from 'graphql';
import { silentLogger } from '../logger';
import { startServer, type RunningServer } from '../shell';
import { postJson } from '../test-server';
import { useBodyLimit } from './body-limit';
import { createQueryLimiter, useQueryLimits, type QueryLimitOptions } from './query-limits';

/** Cyclic lists (the shape of the depth attack) and a Relay page. */
const schema = buildSchema(`
  type Query {
    organizations(communes: [ID!]): [Organization!]!
    businesses(first: Int = 20, after: String): BusinessConnection!
    hello: String
  }
  type Organization { name: String! members: [Member!]! }
  type Member { name: String! organization: Organization! }
  type BusinessConnection { edges: [BusinessEdge!]! totalCount: Int! }
  type BusinessEdge { cursor: String! node: Business! }
  type Business { name: String! tags: [String!]! }
`);
const organization = { name: 'Conseil', members: () => [member] };
const member = { name: 'Anne', organization: () => organization };
const root = {
  organizations: () => [organization],
  businesses: () => ({
    edges: [{ cursor: 'c', node: { name: 'Boulangerie', tags: [] } }],
    totalCount: 1,
  }),
  hello: () => 'hello',
};

function start(options: QueryLimitOptions): Promise<RunningServer> {
  return startServer(
    { logger: silentLogger, plugins: [useBodyLimit(), useQueryLimits(options)] },
    async ({ graphql }) => {
      await graphql('/graphql', { schema: withRoot(schema) }, async () => ({}));
      return {};
    },
  );
}

function withRoot(s: GraphQLSchema): GraphQLSchema {
  for (const [name, field] of Object.entries(s.getQueryType()!.getFields()))
    field.resolve = root[name as keyof typeof root];
  return s;
}

const nested = (levels: number) =>
  `{ organizations { ${'members { organization { '.repeat(levels)}name${' } }'.repeat(levels)} } }`;

describe('useQueryLimits', () => {
  let server: RunningServer;
  const fanOut = { width: 1 };
  beforeAll(async () => {
    server = await start({
      maxDepth: 5,
      maxAliases: 3,
      maxTokens: 60,
      maxDirectives: 2,
      maxCost: 500,
      fanOut: (field) => (field.root && field.fieldName === 'organizations' ? fanOut.width : 1),
    });
  });
  afterAll(() => server.close());
  const post = (query: string, variables?: Record<string, unknown>) =>
    postJson(`${server.url}/graphql`, { query, variables });

  it('answers a query within every limit', async () => {
    const { status, body } = await post(nested(1));
    expect(status).toBe(200);
    expect(body.data.organizations[0].members[0].organization.name).toBe('Conseil');
  });

  it('refuses a query nested deeper than the limit, with its code and the limit', async () => {
    const { status, body } = await post(nested(3));
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        message: 'Query depth limit of 5 exceeded, found 8.',
        extensions: { code: 'QUERY_TOO_DEEP', limit: 5 },
      },
    ]);
  });

  it('does not count fragments as a level', async () => {
    const { status } = await post(
      '{ ... on Query { organizations { ... on Organization { members { name } } } } }',
    );
    expect(status).toBe(200);
  });

  it('refuses more aliases than the limit', async () => {
    const { status, body } = await post('{ a: hello b: hello c: hello d: hello }');
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: 'TOO_MANY_ALIASES', limit: 3 });
  });

  it('refuses more directives than the limit', async () => {
    const { body } = await post(
      '{ hello @include(if: true) organizations @skip(if: false) { name @include(if: true) } }',
    );
    expect(body.errors[0].extensions).toEqual({ code: 'TOO_MANY_DIRECTIVES', limit: 2 });
  });

  it('refuses a document over the token limit before parsing it, however broken its tail', async () => {
    const { status, body } = await post(`{ ${'hello '.repeat(80)} !!! unparsable`);
    expect(body.errors).toEqual([
      {
        message: 'Token limit of 60 exceeded.',
        extensions: { code: 'TOO_MANY_TOKENS', limit: 60 },
      },
    ]);
    expect(status).toBe(400);
  });

  it('leaves a syntax error under the token limit to the parser', async () => {
    const { status, body } = await post('{ hello');
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('multiplies the cost by `first`, read from variables, not counting Relay edges twice', async () => {
    const page = 'query($n: Int) { businesses(first: $n) { edges { node { name } } } }';
    // 1 + n × (edges 1 + node 1 + name 1)
    expect((await post(page, { n: 166 })).status).toBe(200);
    const { status, body } = await post(page, { n: 167 });
    expect(status).toBe(400);
    expect(body.errors[0]).toEqual({
      message: 'Query cost limit of 500 exceeded, estimated 502.',
      extensions: { code: 'QUERY_TOO_COSTLY', limit: 500, cost: 502 },
    });
  });

  it('counts a default size for a list without `first`', async () => {
    // organizations 10 × (1 + members 10 × (1 + organization (1 + name 1))) + 1 = 211
    expect((await post('{ organizations { members { organization { name } } } }')).status).toBe(
      200,
    );
    const { body } = await post(
      '{ organizations { members { organization { members { name } } } } }',
    );
    expect(body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COSTLY', limit: 500, cost: 1211 });
  });

  it('multiplies the cost by the fan-out width the caller gives', async () => {
    fanOut.width = 3;
    try {
      const { body } = await post('{ organizations { members { organization { name } } } }');
      expect(body.errors[0].extensions).toEqual({
        code: 'QUERY_TOO_COSTLY',
        limit: 500,
        cost: 633,
      });
    } finally {
      fanOut.width = 1;
    }
  });
});

describe('the cost estimate', () => {
  it('leaves introspection free, as GraphiQL needs it whole', () => {
    const limiter = createQueryLimiter({ maxCost: 10 });
    const query = getIntrospectionQuery();
    expect(limiter.refusal(schema, { query })).toBeUndefined();
  });
});

describe('createQueryLimiter().refusal, for routes Apollo does not serve', () => {
  const limiter = createQueryLimiter({ maxDepth: 4, maxCost: 100 });

  it('refuses with the same codes and limits', () => {
    expect(limiter.refusal(schema, { query: nested(2) })).toMatchObject({
      code: 'QUERY_TOO_DEEP',
      details: { limit: 4 },
    });
    expect(
      limiter.refusal(schema, { query: '{ businesses(first: 50) { edges { node { name } } } }' }),
    ).toMatchObject({ code: 'QUERY_TOO_COSTLY', details: { limit: 100, cost: 151 } });
  });

  it('lets through what fits, and what only the executor can judge', () => {
    expect(limiter.refusal(schema, { query: '{ hello }' })).toBeUndefined();
    expect(limiter.refusal(schema, { query: '{ hello' })).toBeUndefined();
  });
});
