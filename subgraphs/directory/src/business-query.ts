import type { SelectQueryBuilder } from 'typeorm';
import { badInput, foldText, type Country } from '@communes/kit';
import type { NodeCursor, SortDirection } from '@communes/schema';
import type { BusinessFilter, BusinessOrder } from './generated/graphql';
import { Business } from './business.entity';
import { nacePrefixOf } from './nace';
import { validatePostalCode } from './validation';

const MAX_NEAR_KM = 100;

const NEAR_POINT = 'll_to_earth(:nearLat, :nearLon)';

/**
 * Distance from the `near` point in metres, as the straight line through the earth between
 * the stored points (cube's `<->`, which the GiST index orders by); up to 100 km it differs
 * from the distance along the surface by less than a metre.
 */
export const DISTANCE_M = `(b.geo <-> ${NEAR_POINT})`;

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
    // The box lets the (lat, lon) index narrow the rows; the stored point gives the exact distance.
    const dLat = km / 111.2;
    const dLon = km / (111.2 * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
    qb.andWhere(
      `b.lat BETWEEN :minLat AND :maxLat AND b.lon BETWEEN :minLon AND :maxLon AND ${DISTANCE_M} <= :nearMetres`,
      {
        minLat: lat - dLat,
        maxLat: lat + dLat,
        minLon: lon - dLon,
        maxLon: lon + dLon,
        nearLat: lat,
        nearLon: lon,
        nearMetres: km * 1000,
      },
    );
  }
  if (filter.status != null) qb.andWhere('b.status = :status', { status: filter.status });
  return qb;
}

/** Keeps the rows strictly after `after` in the order (keyset pagination). */
export function applyKeyset(
  qb: SelectQueryBuilder<Business>,
  order: ListOrder,
  after: NodeCursor | null,
): SelectQueryBuilder<Business> {
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
  return qb;
}

/** Orders by the key then id, and reads the distance when the list is filtered by it. */
export function applyOrder(qb: SelectQueryBuilder<Business>, order: ListOrder, near: boolean) {
  if (near) qb.addSelect(DISTANCE_M, 'distance_m');
  return qb
    .orderBy(ORDER_COLUMNS[order.field], order.direction)
    .addOrderBy('b.id', order.direction);
}

/**
 * Nearest first through the GiST index. The index orders by distance alone, and ties need
 * the id, so: read how far the next `first + 1` businesses reach (a nearest-neighbour scan),
 * then keep only the ball of that radius, which the page query sorts by distance and id.
 */
export async function limitToNearest(
  page: SelectQueryBuilder<Business>,
  nearest: SelectQueryBuilder<Business>,
  first: number,
): Promise<boolean> {
  const reached = await nearest
    .select(DISTANCE_M, 'd')
    .orderBy(DISTANCE_M, 'ASC')
    .limit(first + 1)
    .getRawMany<{ d: number }>();
  const reach = reached.at(-1)?.d;
  if (reach === undefined) return false;
  page.andWhere(`b.geo <@ cube_enlarge(${NEAR_POINT}, :reach, 3) AND ${DISTANCE_M} <= :reach`, {
    reach,
  });
  return true;
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
