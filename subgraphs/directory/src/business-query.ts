import type { SelectQueryBuilder } from 'typeorm';
import { badInput, foldText, type Country } from '@communes/kit';
import type { NodeCursor, SortDirection } from '@communes/schema';
import type { BusinessFilter, BusinessOrder } from './generated/graphql';
import { Business } from './business.entity';
import { nacePrefixOf } from './nace';
import { validatePostalCode } from './validation';

const EARTH_RADIUS_M = 6_371_008.8;
const MAX_NEAR_KM = 100;

/** Distance from the `near` point in whole metres: the DISTANCE sort key, same on every node. */
const DISTANCE_M = `round(2 * ${EARTH_RADIUS_M} * asin(sqrt(
  power(sin(radians(b.lat - :nearLat) / 2), 2) +
  cos(radians(:nearLat)) * cos(radians(b.lat)) * power(sin(radians(b.lon - :nearLon) / 2), 2))))::integer`;

export type OrderField = 'NAME' | 'CREATED_AT' | 'DISTANCE';

export interface ListOrder {
  field: OrderField;
  direction: SortDirection;
}

/** The SQL expression each order sorts on, and how to read its key from a row. */
const ORDER_COLUMNS: Record<OrderField, string> = {
  NAME: 'b.name_sort',
  CREATED_AT: 'b.created_at',
  DISTANCE: DISTANCE_M,
};

export function readOrder(
  orderBy: BusinessOrder | null | undefined,
  filter: BusinessFilter | null | undefined,
): ListOrder {
  const order: ListOrder = {
    field: orderBy?.field ?? 'NAME',
    direction: orderBy?.direction ?? 'ASC',
  };
  if (order.field === 'DISTANCE' && !filter?.near) {
    throw badInput('orderBy.field', 'DISTANCE needs filter.near to measure from');
  }
  return order;
}

/** Adds the filter's conditions to a query over `business b`. Invalid values are refused. */
export function applyFilter(
  qb: SelectQueryBuilder<Business>,
  filter: BusinessFilter | null | undefined,
  country: Country,
): SelectQueryBuilder<Business> {
  if (!filter) return qb;
  if (filter.search != null) {
    const words = foldText(filter.search).split(' ').filter(Boolean);
    if (words.length === 0) throw badInput('filter.search', 'must contain a letter or a digit');
    if (filter.search.length > 200)
      throw badInput('filter.search', 'must be at most 200 characters');
    // Each word as a prefix, stemmed in French: "boulangeries" and "boulang" find "Boulangerie".
    qb.andWhere(`b.search_vector @@ to_tsquery('french', :tsQuery)`, {
      tsQuery: words.map((w) => `${w}:*`).join(' & '),
    });
  }
  if (filter.nace != null) {
    const prefix = nacePrefixOf(filter.nace);
    if (prefix === null)
      throw badInput('filter.nace', 'must be a NACE code or prefix such as 47, 47.2 or 10.711');
    qb.andWhere(
      `EXISTS (SELECT 1 FROM business_activity a WHERE a.business_id = b.id AND a.code_digits LIKE :nacePrefix)`,
      { nacePrefix: `${prefix}%` },
    );
  }
  if (filter.postalCode != null) {
    const reason = validatePostalCode(country, filter.postalCode);
    if (reason) throw badInput('filter.postalCode', reason);
    qb.andWhere('b.postal_code = :postalCode', { postalCode: filter.postalCode.trim() });
  }
  if (filter.near) {
    const { lat, lon, km } = filter.near;
    if (!(lat >= -90 && lat <= 90)) throw badInput('filter.near.lat', 'must be between -90 and 90');
    if (!(lon >= -180 && lon <= 180))
      throw badInput('filter.near.lon', 'must be between -180 and 180');
    if (!(km > 0 && km <= MAX_NEAR_KM))
      throw badInput('filter.near.km', `must be more than 0 and at most ${MAX_NEAR_KM}`);
    // The bounding box lets the (lat, lon) index narrow the rows before the exact distance.
    const dLat = km / 111.2;
    const dLon = km / (111.2 * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
    qb.andWhere('b.lat BETWEEN :minLat AND :maxLat AND b.lon BETWEEN :minLon AND :maxLon', {
      minLat: lat - dLat,
      maxLat: lat + dLat,
      minLon: lon - dLon,
      maxLon: lon + dLon,
    });
    qb.andWhere(`${DISTANCE_M} <= :nearMetres`, {
      nearLat: lat,
      nearLon: lon,
      nearMetres: km * 1000,
    });
  }
  if (filter.status != null) qb.andWhere('b.status = :status', { status: filter.status });
  return qb;
}

/** Orders by the key then id, continuing strictly after `after` (keyset pagination). */
export function applyOrder(
  qb: SelectQueryBuilder<Business>,
  order: ListOrder,
  after: NodeCursor | null,
) {
  const column = ORDER_COLUMNS[order.field];
  const comparison = order.direction === 'ASC' ? '>' : '<';
  if (after) {
    const key = after.key[0];
    if (key === undefined || typeof key !== (order.field === 'DISTANCE' ? 'number' : 'string')) {
      throw badInput('after', 'is not a cursor returned by this list');
    }
    const keyParam = order.field === 'CREATED_AT' ? 'CAST(:afterKey AS timestamptz)' : ':afterKey';
    qb.andWhere(`(${column}, b.id) ${comparison} (${keyParam}, CAST(:afterId AS uuid))`, {
      afterKey: key,
      afterId: after.id,
    });
  }
  if (order.field === 'DISTANCE') qb.addSelect(DISTANCE_M, 'distance_m');
  return qb.orderBy(column, order.direction).addOrderBy('b.id', order.direction);
}

/** The sort key of a row for `order`, as its cursor carries it. */
export function sortKeyOf(
  row: Business & { distanceM?: number },
  order: ListOrder,
): string | number {
  switch (order.field) {
    case 'NAME':
      return row.nameSort;
    case 'CREATED_AT':
      return row.createdAt.toISOString();
    case 'DISTANCE':
      return row.distanceM ?? 0;
  }
}
