import { buildSubgraphSchema } from '@apollo/subgraph';
import { contractSdl } from '@communes/schema';
import { parse } from 'graphql';
import { networkSubgraphNames } from '../compose';
import { contractProblems, routingOf, shapeOf } from './shapes';

/** A small subgraph contract: an entity keyed by commune, its connection and buckets, and `extra`. */
function contract(extra: string): string {
  return `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

    type Shop @key(fields: "communeCode id") {
      communeCode: ID!
      id: ID!
      name: String!
    }
    type ShopEdge { cursor: String! node: Shop! }
    type PageInfo { hasNextPage: Boolean! endCursor: String }
    type ShopConnection { edges: [ShopEdge!]! pageInfo: PageInfo! totalCount: Int! }
    type ShopCount { key: String! count: Int! }
    type ShopMonthCount { key: String! count: Int! }
    input ShopInput { communeCode: ID! name: String! }

    ${extra}
  `;
}

const schemaOf = (sdl: string) => buildSubgraphSchema([{ typeDefs: parse(sdl) }]);
const problemsOf = (extra: string) => contractProblems('shops', schemaOf(contract(extra)));

const GOOD = `
  type Query {
    shops(communes: [ID!], first: Int, after: String): ShopConnection!
    shopCounts(communes: [ID!]): [ShopCount!]!
    shopsByMonth(communes: [ID!]): [ShopMonthCount!]!
    shopNames(communes: [ID!]): [String!]!
    everyShop: [Shop!]!
    shop(communeCode: ID!, id: ID!): Shop
  }
  type Mutation {
    renameShop(commune: ID!, id: ID!, name: String!): Shop!
    closeShop(communeCode: ID!, id: ID!): Boolean!
    openShop(input: ShopInput!): Shop!
  }`;

describe('contractProblems', () => {
  it('passes a contract whose every field the hub can route and merge', () => {
    expect(problemsOf(GOOD)).toEqual([]);
  });

  it('passes every subgraph of the contract the communes serve', () => {
    for (const name of networkSubgraphNames()) {
      expect(contractProblems(name, schemaOf(contractSdl(name)))).toEqual([]);
    }
  });

  it.each([
    ['an object', 'bestShop(communes: [ID!]): Shop', 'Shop'],
    ['a number', 'shopTotal(communes: [ID!]): Int!', 'Int!'],
    ['buckets without a list', 'shopCount(communes: [ID!]): ShopCount', 'ShopCount'],
    ['a connection without totalCount', 'shopSlice(communes: [ID!]): ShopSlice!', 'ShopSlice!'],
  ])('names a query over many communes that returns %s', (_what, field, type) => {
    const name = field.slice(0, field.indexOf('('));
    const slice = 'type ShopSlice { edges: [ShopEdge!]! pageInfo: PageInfo! }';
    expect(problemsOf(`${slice} type Query { ${field} }`)).toEqual([
      `shops: Query.${name} spans communes but returns ${type}, which the hub cannot merge (use a connection, a list or buckets with key and count)`,
    ]);
  });

  it('counts a query without `communes` nor `communeCode` as spanning every commune', () => {
    expect(problemsOf('type Query { version: String! shopList: [Shop!]! }')).toEqual([
      'shops: Query.version spans communes but returns String!, which the hub cannot merge (use a connection, a list or buckets with key and count)',
    ]);
  });

  it('lets a query naming one commune return anything', () => {
    expect(problemsOf('type Query { shopTotal(communeCode: ID!): Int! }')).toEqual([]);
  });

  it.each([
    ['no argument at all', 'reindexShops: Boolean!'],
    ['a list of communes only', 'reindexShops(communes: [ID!]): Boolean!'],
    ['its input is not called `input`', 'reindexShops(data: ShopInput!): Boolean!'],
  ])('names a mutation that names no commune: %s', (_what, field) => {
    expect(problemsOf(`type Query { ok: [Int!]! } type Mutation { ${field} }`)).toEqual([
      'shops: Mutation.reindexShops names no commune (commune: ID!, communeCode, or input.communeCode)',
    ]);
  });

  it('lists every problem of a contract at once', () => {
    const problems = problemsOf(
      'type Query { a: Int b(communes: [ID!]): Shop } type Mutation { c: Int d: Int }',
    );
    expect(problems.map((p) => p.split(' ')[1])).toEqual([
      'Query.a',
      'Query.b',
      'Mutation.c',
      'Mutation.d',
    ]);
  });

  it('ignores the federation fields of the subgraph', () => {
    const schema = schemaOf(contract(GOOD));
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(
      expect.arrayContaining(['_service', '_entities']),
    );
    expect(contractProblems('shops', schema)).toEqual([]);
  });
});

describe('shapeOf and routingOf', () => {
  const schema = schemaOf(contract(GOOD));
  const query = schema.getQueryType()!.getFields();
  const mutation = schema.getMutationType()!.getFields();

  it('read how answers merge from the return type', () => {
    expect(shapeOf(query['shops']!.type)).toBe('connection');
    expect(shapeOf(query['shopCounts']!.type)).toBe('buckets');
    expect(shapeOf(query['shopsByMonth']!.type)).toBe('monthBuckets');
    expect(shapeOf(query['shopNames']!.type)).toBe('list');
    expect(shapeOf(query['everyShop']!.type)).toBe('list');
    expect(shapeOf(query['shop']!.type)).toBe('single');
  });

  it('read how a field chooses its communes from its arguments', () => {
    expect(routingOf(query['shops']!, 'query')).toEqual({ kind: 'communes', argument: 'communes' });
    expect(routingOf(query['everyShop']!, 'query')).toEqual({ kind: 'all' });
    expect(routingOf(query['shop']!, 'query')).toEqual({
      kind: 'one',
      argument: 'communeCode',
      path: [],
    });
    expect(routingOf(mutation['renameShop']!, 'mutation')).toEqual({
      kind: 'one',
      argument: 'commune',
      path: [],
    });
    expect(routingOf(mutation['openShop']!, 'mutation')).toEqual({
      kind: 'one',
      argument: 'input',
      path: ['communeCode'],
    });
  });
});
