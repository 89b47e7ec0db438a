import fc from 'fast-check';
import {
  compareKeys,
  compareValues,
  decodeNetworkCursor,
  encodeNodeCursor,
  nodeCursorFor,
  type NetworkCursor,
  type NodeCursor,
  type SortDirection,
} from '@communes/schema';
import { mergeBuckets, mergeConnections, type CommunePart } from './merge';

interface Item {
  key: string | number;
  id: string;
}

/** A commune node's keyset pagination, as the directory implements it in SQL. */
function nodePage(
  items: Item[],
  direction: SortDirection,
  after: NodeCursor | null,
  first: number,
) {
  const sign = direction === 'ASC' ? 1 : -1;
  const compare = (a: Item, b: { key: (string | number)[]; id: string }) =>
    sign * (compareKeys([a.key], b.key) || compareValues(a.id, b.id));
  const sorted = [...items].sort((a, b) => compare(a, { key: [b.key], id: b.id }));
  const rest = after ? sorted.filter((item) => compare(item, after) > 0) : sorted;
  const page = rest.slice(0, first);
  return {
    totalCount: items.length,
    pageInfo: { hasNextPage: rest.length > first },
    edges: page.map((item) => ({
      cursor: encodeNodeCursor({ order: 'K', direction, key: [item.key], id: item.id }),
      node: { id: item.id },
    })),
  };
}

const communeCodes = ['BE-25121', 'BE-52011', 'BE-62063', 'BE-92094', 'FR-59350'];

const networkArbitrary = fc.record({
  communes: fc.dictionary(
    fc.constantFrom(...communeCodes),
    fc.array(
      fc.record({
        // Few distinct keys, so that ties across communes are common.
        key: fc.oneof(
          fc.constantFrom('a', 'b', 'ab', 'boulangerie', 'z'),
          fc.integer({ min: 0, max: 5 }),
        ),
        id: fc.uuid({ version: 4 }),
      }),
      { maxLength: 25 },
    ),
  ),
  numericKeys: fc.boolean(),
  direction: fc.constantFrom<SortDirection>('ASC', 'DESC'),
  first: fc.integer({ min: 1, max: 7 }),
});

describe('network merge', () => {
  it('pages through the sorted union of every commune, each item exactly once', () => {
    fc.assert(
      fc.property(networkArbitrary, ({ communes, numericKeys, direction, first }) => {
        // One order sorts on one kind of key.
        const data = Object.fromEntries(
          Object.entries(communes).map(([code, items]) => [
            code,
            items.map((item) => ({
              ...item,
              key: numericKeys ? Number(String(item.key).length) : String(item.key),
            })),
          ]),
        );
        const expected = Object.entries(data)
          .flatMap(([communeCode, items]) => items.map((item) => ({ communeCode, ...item })))
          .sort((a, b) => {
            const c =
              compareKeys([a.key], [b.key]) ||
              compareValues(a.communeCode, b.communeCode) ||
              compareValues(a.id, b.id);
            return direction === 'ASC' ? c : -c;
          })
          .map((item) => `${item.communeCode}/${item.id}`);
        const total = expected.length;
        const seen: string[] = [];
        let after: NetworkCursor | null = null;
        for (let round = 0; round <= total + 1; round++) {
          const parts: CommunePart[] = Object.entries(data).map(([commune, items]) => ({
            commune,
            value: nodePage(items, direction, after ? nodeCursorFor(commune, after) : null, first),
          }));
          const page = mergeConnections(parts, first, after) as any;
          expect(page.totalCount).toBe(total);
          expect(page.edges.length).toBeLessThanOrEqual(first);
          for (const edge of page.edges) {
            const position = decodeNetworkCursor(edge.cursor)!;
            seen.push(`${position.communeCode}/${edge.node.id}`);
          }
          if (!page.pageInfo.hasNextPage) break;
          expect(page.edges.length).toBe(first);
          after = decodeNetworkCursor(page.pageInfo.endCursor);
        }
        expect(seen).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('merges buckets by key, summing counts, largest first', () => {
    const merged = mergeBuckets([
      {
        commune: 'BE-92094',
        value: [
          { key: 'G', label: 'Commerce', count: 3 },
          { key: 'I', label: 'Horeca', count: 1 },
        ],
      },
      {
        commune: 'FR-59350',
        value: [
          { key: 'I', label: 'Horeca', count: 4 },
          { key: 'C', label: 'Industrie', count: 1 },
        ],
      },
    ]);
    expect(merged).toEqual([
      { key: 'I', label: 'Horeca', count: 5 },
      { key: 'G', label: 'Commerce', count: 3 },
      { key: 'C', label: 'Industrie', count: 1 },
    ]);
  });

  it('merges month buckets oldest month first, whatever their counts', () => {
    const merged = mergeBuckets(
      [
        {
          commune: 'BE-92094',
          value: [
            { key: '2025-02', count: 1 },
            { key: '2025-04', count: 3 },
          ],
        },
        {
          commune: 'FR-59350',
          value: [
            { key: '2024-12', count: 1 },
            { key: '2025-04', count: 9 },
          ],
        },
      ],
      'key',
    );
    expect(merged).toEqual([
      { key: '2024-12', count: 1 },
      { key: '2025-02', count: 1 },
      { key: '2025-04', count: 12 },
    ]);
  });
});
