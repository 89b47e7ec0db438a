import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';
import type { NodeCursor, SortDirection, SortValue } from '@communes/schema';
import { isUuid } from './ids';
import { pageSize, parseAfter, toConnection, type Connection } from './pagination';

/** How a list sorts: the SQL expression of its key and whether the key is a timestamp. */
export interface SortKey {
  column: string;
  idColumn: string;
  timestamp: boolean;
  /** The key is a number (a distance), carried as a JSON number; other keys are strings. */
  numeric?: boolean;
}

/**
 * Keeps the rows strictly after `after` in the order (keyset pagination), then orders by the
 * key and the id. Timestamp keys travel as ISO strings with milliseconds, which sort in
 * JavaScript as the `timestamptz(3)` values do in SQL.
 */
export function applyKeyset<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  key: SortKey,
  direction: SortDirection,
  after: NodeCursor | null,
): SelectQueryBuilder<T> {
  if (after) {
    const value = after.key[0];
    const keyValid = key.numeric
      ? typeof value === 'number'
      : typeof value === 'string' && (!key.timestamp || !Number.isNaN(Date.parse(value)));
    if (!keyValid || after.key.length !== 1 || !isUuid(after.id))
      throw badInput('after', 'is not a cursor returned by this list');
    const keyParam = key.timestamp ? 'CAST(:afterKey AS timestamptz)' : ':afterKey';
    const comparison = direction === 'ASC' ? '>' : '<';
    qb.andWhere(
      `(${key.column}, ${key.idColumn}) ${comparison} (${keyParam}, CAST(:afterId AS uuid))`,
      { afterKey: value, afterId: after.id },
    );
  }
  return qb.orderBy(key.column, direction).addOrderBy(key.idColumn, direction);
}

/** The page a list is asked for: its size, order and the cursor to continue after. */
export interface PageRequest<F extends string> {
  first: number;
  field: F;
  direction: SortDirection;
  after: NodeCursor | null;
}

/** Reads `first`, `orderBy` and `after` of a list, with the list's default order. */
export function readPage<F extends string>(
  args: {
    first?: number | null;
    after?: string | null;
    orderBy?: { field?: F | null; direction?: SortDirection | null } | null;
  },
  defaults: { field: F; direction: SortDirection },
): PageRequest<F> {
  const first = pageSize(args.first);
  const field = args.orderBy?.field ?? defaults.field;
  const direction = args.orderBy?.direction ?? defaults.direction;
  return { first, field, direction, after: parseAfter(args.after, field, direction) };
}

/**
 * One page of a list in keyset order: `first + 1` rows after the cursor (the extra one says
 * whether a next page exists); `totalCount` is counted only when asked for. `read` runs the
 * page's query, for lists that narrow it further or read more than the entity's columns.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }, F extends string>(
  filtered: () => SelectQueryBuilder<T>,
  page: PageRequest<F>,
  key: SortKey,
  sortKeyOf: (row: T) => SortValue,
  read: (query: SelectQueryBuilder<T>) => Promise<T[]> = (query) => query.getMany(),
): Promise<Connection<T>> {
  const rows = await read(
    applyKeyset(filtered(), key, page.direction, page.after).limit(page.first + 1),
  );
  return toConnection(
    rows,
    page.first,
    page.after !== null,
    (row) => ({ key: [sortKeyOf(row)], id: row.id }),
    page.field,
    page.direction,
    () => filtered().getCount(),
  );
}
