import { randomUUID } from 'node:crypto';
import { decodeNodeCursor, encodeNodeCursor } from '@communes/schema';
import { BadUserInput } from './errors';
import {
  MAX_PAGE_SIZE,
  emptyConnection,
  namesCommune,
  pageSize,
  parseAfter,
  toConnection,
} from './pagination';

/** The problems a call refused with; fails when it did not refuse. */
function problemsOf(call: () => unknown) {
  try {
    call();
  } catch (error: unknown) {
    if (error instanceof BadUserInput) return error.problems;
    throw error;
  }
  throw new Error('the call was not refused');
}

describe('pageSize', () => {
  it('is 20 unless asked, and any whole number up to the maximum', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null)).toBe(20);
    expect(pageSize(0)).toBe(0);
    expect(pageSize(MAX_PAGE_SIZE)).toBe(MAX_PAGE_SIZE);
  });

  it('refuses negative, fractional and too large sizes on the field named', () => {
    expect(problemsOf(() => pageSize(-1))).toEqual([
      { field: 'first', reason: 'must be a whole number, 0 or more' },
    ]);
    expect(problemsOf(() => pageSize(2.5, 'adoptionsFirst'))[0]?.field).toBe('adoptionsFirst');
    expect(problemsOf(() => pageSize(MAX_PAGE_SIZE + 1))).toEqual([
      { field: 'first', reason: `must be at most ${MAX_PAGE_SIZE}` },
    ]);
  });
});

describe('parseAfter', () => {
  const cursor = { order: 'NAME', direction: 'ASC' as const, key: ['bakery'], id: randomUUID() };

  it('reads nothing when there is no cursor', () => {
    expect(parseAfter(undefined, 'NAME', 'ASC')).toBeNull();
    expect(parseAfter(null, 'NAME', 'ASC')).toBeNull();
  });

  it('reads a cursor of the same order and direction', () => {
    expect(parseAfter(encodeNodeCursor(cursor), 'NAME', 'ASC')).toEqual(cursor);
  });

  it('refuses text that is not a node cursor', () => {
    expect(problemsOf(() => parseAfter('not a cursor', 'NAME', 'ASC'))).toEqual([
      { field: 'after', reason: 'is not a cursor returned by this list' },
    ]);
    expect(problemsOf(() => parseAfter('', 'NAME', 'ASC', 'itemsAfter'))[0]?.field).toBe(
      'itemsAfter',
    );
  });

  it('refuses a cursor returned for another order or direction', () => {
    const text = encodeNodeCursor(cursor);
    expect(problemsOf(() => parseAfter(text, 'CREATED_AT', 'ASC'))).toEqual([
      { field: 'after', reason: 'was returned for order NAME ASC, not CREATED_AT ASC' },
    ]);
    expect(problemsOf(() => parseAfter(text, 'NAME', 'DESC'))[0]?.reason).toBe(
      'was returned for order NAME ASC, not NAME DESC',
    );
  });
});

describe('namesCommune', () => {
  it('includes every commune when the argument is absent', () => {
    expect(namesCommune(undefined, 'BE-92094')).toBe(true);
    expect(namesCommune(null, 'BE-92094')).toBe(true);
  });

  it('includes only the communes listed', () => {
    expect(namesCommune(['BE-92094', 'FR-59350'], 'BE-92094')).toBe(true);
    expect(namesCommune(['FR-59350'], 'BE-92094')).toBe(false);
    expect(namesCommune([], 'BE-92094')).toBe(false);
  });
});

describe('emptyConnection', () => {
  it('has no edges, no pages and a count of 0', () => {
    expect(emptyConnection()).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      totalCount: 0,
    });
  });
});

describe('toConnection', () => {
  const rows = ['a', 'b', 'c'].map((name) => ({ id: randomUUID(), name }));
  const position = (row: { id: string; name: string }) => ({ key: [row.name], id: row.id });
  const count = async () => 42;

  it('keeps `first` rows; the extra one only says that a next page exists', () => {
    const page = toConnection(rows, 2, false, position, 'NAME', 'ASC', count);
    expect(page.edges.map((e) => e.node.name)).toEqual(['a', 'b']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.pageInfo.hasPreviousPage).toBe(false);
  });

  it('gives each edge a cursor at its position, in the order and direction of the list', () => {
    const page = toConnection(rows, 3, true, position, 'NAME', 'DESC', count);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.pageInfo.hasPreviousPage).toBe(true);
    expect(page.edges.map((e) => decodeNodeCursor(e.cursor))).toEqual(
      rows.map((row) => ({ order: 'NAME', direction: 'DESC', key: [row.name], id: row.id })),
    );
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor);
    expect(page.pageInfo.endCursor).toBe(page.edges[2]?.cursor);
  });

  it('counts only when asked, with the function given', async () => {
    const page = toConnection(rows, 1, false, position, 'NAME', 'ASC', count);
    expect(typeof page.totalCount).toBe('function');
    expect(await (page.totalCount as () => Promise<number>)()).toBe(42);
  });

  it('has no cursors when there are no rows', () => {
    const page = toConnection([], 5, true, position, 'NAME', 'ASC', count);
    expect(page.edges).toEqual([]);
    expect(page.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });
});
