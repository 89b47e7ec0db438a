import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';
import type { NodeCursor, SortDirection } from '@communes/schema';
import { isUuid } from './ids';

/** How a list sorts: the SQL expression of its key and whether the key is a timestamp. */
export interface SortKey {
  column: string;
  idColumn: string;
  timestamp: boolean;
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
    const valid =
      typeof value === 'string' &&
      after.key.length === 1 &&
      isUuid(after.id) &&
      (!key.timestamp || !Number.isNaN(Date.parse(value)));
    if (!valid) throw badInput('after', 'is not a cursor returned by this list');
    const keyParam = key.timestamp ? 'CAST(:afterKey AS timestamptz)' : ':afterKey';
    const comparison = direction === 'ASC' ? '>' : '<';
    qb.andWhere(
      `(${key.column}, ${key.idColumn}) ${comparison} (${keyParam}, CAST(:afterId AS uuid))`,
      { afterKey: value, afterId: after.id },
    );
  }
  return qb.orderBy(key.column, direction).addOrderBy(key.idColumn, direction);
}
