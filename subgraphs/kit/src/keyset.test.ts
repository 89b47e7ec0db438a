import { randomUUID } from 'node:crypto';
import { decodeNodeCursor, encodeNodeCursor, type SortDirection } from '@communes/schema';
import { testDatabaseKinds } from '../../../test/support/databases';
import { BadUserInput } from './errors';
import { keysetPage, readPage, type PageRequest, type SortKey } from './keyset';
import { foldText } from './text';
import { CounterEntity, insertCounters, useCounterDatabase, type Counter } from './test-table';

type Order = 'NAME' | 'AT';

const KEYS: Record<Order, SortKey> = {
  NAME: { column: 'c.name', idColumn: 'c.id', timestamp: false },
  AT: { column: 'c.at', idColumn: 'c.id', timestamp: true },
};
const sortKeyOf: Record<Order, (row: Counter) => string> = {
  NAME: (row) => row.name,
  AT: (row) => row.at.toISOString(),
};

/** Names as a subgraph stores their sort keys: folded, with ties and letters around digits. */
const NAMES = [
  'Boulangerie Dupont',
  'boulangerie dupont',
  'Élise & Fils',
  'Zèbre',
  'Æther',
  'Œuf 2',
  'Œuf 10',
  'zz',
  'a',
  'A',
  'Brasserie',
  'Brasserie',
];

describe('readPage', () => {
  const defaults = { field: 'AT' as Order, direction: 'DESC' as SortDirection };

  it("takes the list's default order and 20 rows unless asked", () => {
    expect(readPage<Order>({}, defaults)).toEqual({
      first: 20,
      field: 'AT',
      direction: 'DESC',
      after: null,
    });
    expect(readPage<Order>({ first: 5, orderBy: { field: 'NAME' } }, defaults)).toEqual({
      first: 5,
      field: 'NAME',
      direction: 'DESC',
      after: null,
    });
  });

  it('reads a cursor of the order asked for, and refuses one of another order', () => {
    const cursor = { order: 'NAME', direction: 'ASC' as const, key: ['a'], id: randomUUID() };
    const args = { after: encodeNodeCursor(cursor) };
    const orderBy = { field: 'NAME' as const, direction: 'ASC' as const };
    expect(readPage<Order>({ ...args, orderBy }, defaults).after).toEqual(cursor);
    expect(() => readPage<Order>(args, defaults)).toThrow(BadUserInput);
    expect(() => readPage<Order>({ first: 101 }, defaults)).toThrow(/first: must be at most 100/);
  });
});

describe.each(testDatabaseKinds())('keysetPage on %s', (kind) => {
  const handle = useCounterDatabase(kind);
  let rows: Counter[];
  beforeEach(async () => {
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    rows = await insertCounters(
      handle.db,
      // Three rows share each instant: ties fall back to the id.
      NAMES.map((name, i) => ({
        name: foldText(name),
        at: new Date(start + Math.floor(i / 3) * 1001),
        value: i % 4,
      })),
    );
  });

  const filtered = (minValue: number) => () =>
    handle.db
      .getRepository(CounterEntity)
      .createQueryBuilder('c')
      .where('c.value >= :minValue', { minValue });

  /** Every row, page after page of `first`, following each page's end cursor. */
  async function walk(field: Order, direction: SortDirection, first: number, minValue = 0) {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const page: PageRequest<Order> = readPage<Order>(
        { first, after, orderBy: { field, direction } },
        { field: 'NAME', direction: 'ASC' },
      );
      const connection = await keysetPage(filtered(minValue), page, KEYS[field], sortKeyOf[field]);
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...connection.edges.map((e) => e.node.id));
      if (!connection.pageInfo.hasNextPage) return seen;
      after = connection.pageInfo.endCursor;
    }
    throw new Error('the pages never ended');
  }

  /** The rows in an order as JavaScript sorts them: key, then id, by code unit. */
  function sorted(field: Order, direction: SortDirection, minValue = 0): string[] {
    const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const ascending = rows
      .filter((row) => row.value >= minValue)
      .sort((a, b) => compare(sortKeyOf[field](a), sortKeyOf[field](b)) || compare(a.id, b.id))
      .map((row) => row.id);
    return direction === 'ASC' ? ascending : ascending.reverse();
  }

  it.each([
    ['NAME', 'ASC'],
    ['NAME', 'DESC'],
    ['AT', 'ASC'],
    ['AT', 'DESC'],
  ] as [Order, SortDirection][])(
    'pages through every row once, ordered by %s %s as JavaScript sorts the keys',
    async (field, direction) => {
      const expected = sorted(field, direction);
      expect(await walk(field, direction, 5)).toEqual(expected);
      expect(await walk(field, direction, 1)).toEqual(expected);
      expect(await walk(field, direction, 100)).toEqual(expected);
    },
  );

  it('pages through the filtered rows only, and counts them when asked', async () => {
    expect(await walk('NAME', 'ASC', 2, 2)).toEqual(sorted('NAME', 'ASC', 2));
    const page = readPage<Order>({ first: 2 }, { field: 'NAME', direction: 'ASC' });
    const connection = await keysetPage(filtered(2), page, KEYS.NAME, sortKeyOf.NAME);
    expect(connection.edges).toHaveLength(2);
    expect(await (connection.totalCount as () => Promise<number>)()).toBe(
      rows.filter((row) => row.value >= 2).length,
    );
  });

  it('puts the sort key and the id of each edge in its cursor', async () => {
    const page = readPage<Order>({ first: 3 }, { field: 'AT', direction: 'DESC' });
    const connection = await keysetPage(filtered(0), page, KEYS.AT, sortKeyOf.AT);
    for (const edge of connection.edges) {
      expect(decodeNodeCursor(edge.cursor)).toEqual({
        order: 'AT',
        direction: 'DESC',
        key: [edge.node.at.toISOString()],
        id: edge.node.id,
      });
    }
  });

  it.each([
    ['an id that is not a UUID', 'NAME', ['a'], 'x'],
    ['a key of two values', 'NAME', ['a', 'b'], randomUUID()],
    ['a number for a text key', 'NAME', [7], randomUUID()],
    ['a timestamp key that is no date', 'AT', ['yesterday'], randomUUID()],
  ] as [string, Order, (string | number)[], string][])(
    'refuses a cursor with %s',
    async (_why, field, key, id) => {
      const after = encodeNodeCursor({ order: field, direction: 'ASC', key, id });
      const page = readPage<Order>(
        { after, orderBy: { field, direction: 'ASC' } },
        { field: 'NAME', direction: 'ASC' },
      );
      const refused = keysetPage(filtered(0), page, KEYS[field], sortKeyOf[field]);
      await expect(refused).rejects.toThrow(BadUserInput);
      await expect(refused).rejects.toMatchObject({
        problems: [{ field: 'after', reason: 'is not a cursor returned by this list' }],
      });
    },
  );
});
