import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { analyseOperation } from './operation';

const schema = buildSubgraphSchema([
  {
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type ShopCount { key: String! section: String! count: Int! }
      type Query { shopCounts(communes: [ID!]): [ShopCount!]! }
    `),
  },
]);

describe('the fetch sent to communes', () => {
  it('selects the key of buckets the client did not ask it of, since buckets merge by key', () => {
    const analysed = analyseOperation('{ shopCounts { section count } }', schema);
    const sent = parse(analysed.text);
    const field = (sent.definitions[0] as any).selectionSet.selections[0];
    expect(field.selectionSet.selections.map((s: any) => s.name.value)).toEqual([
      'section',
      'count',
      'key',
    ]);
  });

  it('leaves a bucket selection that has its key as the client wrote it', () => {
    const analysed = analyseOperation('{ shopCounts { key count } }', schema);
    expect(analysed.text).toBe(`{\n  shopCounts {\n    key\n    count\n  }\n}`);
  });
});
