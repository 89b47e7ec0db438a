import {
  decodeNodeCursor,
  encodeNodeCursor,
  type NodeCursor,
  type SortDirection,
} from '@communes/schema';
import { badInput } from './errors';

/** Largest page a node serves; the hub enforces the same limit. */
export const MAX_PAGE_SIZE = 100;

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number | (() => Promise<number>);
}

export function pageSize(first: number | null | undefined, field = 'first'): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 0)
    throw badInput(field, 'must be a whole number, 0 or more');
  if (size > MAX_PAGE_SIZE) throw badInput(field, `must be at most ${MAX_PAGE_SIZE}`);
  return size;
}

/** Reads `after`, which must be a cursor of this node for the same order and direction. */
export function parseAfter(
  after: string | null | undefined,
  order: string,
  direction: SortDirection,
  field = 'after',
): NodeCursor | null {
  if (after === null || after === undefined) return null;
  const cursor = decodeNodeCursor(after);
  if (!cursor) throw badInput(field, 'is not a cursor returned by this list');
  if (cursor.order !== order || cursor.direction !== direction) {
    throw badInput(
      field,
      `was returned for order ${cursor.order} ${cursor.direction}, not ${order} ${direction}`,
    );
  }
  return cursor;
}

/** Does a `communes` argument include this node's commune? Null means every commune. */
export function namesCommune(
  communes: readonly string[] | null | undefined,
  communeCode: string,
): boolean {
  return communes === null || communes === undefined || communes.includes(communeCode);
}

export function emptyConnection<T>(): Connection<T> {
  return {
    edges: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    totalCount: 0,
  };
}

/**
 * Builds a page from rows fetched with `LIMIT first + 1`: the extra row only says that
 * there is a next page.
 */
export function toConnection<T>(
  rows: T[],
  first: number,
  hadAfter: boolean,
  positionOf: (row: T) => Omit<NodeCursor, 'order' | 'direction'>,
  order: string,
  direction: SortDirection,
  totalCount: () => Promise<number>,
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({
    node,
    cursor: encodeNodeCursor({ order, direction, ...positionOf(node) }),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: hadAfter,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}
