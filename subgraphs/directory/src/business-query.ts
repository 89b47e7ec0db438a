import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { BadUserInput, Problems, foldText, type Country, type SortKey } from '@communes/kit';
import type {
  BusinessFilter,
  BusinessOrderField,
  BusinessStatus,
  NearInput,
} from './generated/graphql';
import type { Business } from './business.entity';
import { loadActivities } from './business-mapping';
import { nacePrefixOf } from './nace';
import { validatePostalCode } from './validation';

const MAX_NEAR_KM = 100;
const MAX_SEARCH = 200;

const NEAR_POINT = 'll_to_earth(:nearLat, :nearLon)';

/**
 * Distance from the `near` point in metres, as the straight line through the earth between
 * the stored points (cube's `<->`, which the GiST index orders by); up to 100 km it differs
 * from the distance along the surface by less than a metre.
 */
const DISTANCE_M = `(b.geo <-> ${NEAR_POINT})`;

/** Names sort on their folded form, compared with `COLLATE "C"` as JavaScript compares. */
export const BUSINESS_ORDER: Record<BusinessOrderField, SortKey> = {
  NAME: { column: 'b.name_sort', idColumn: 'b.id', timestamp: false },
  CREATED_AT: { column: 'b.created_at', idColumn: 'b.id', timestamp: true },
  DISTANCE: { column: DISTANCE_M, idColumn: 'b.id', timestamp: false, numeric: true },
};

/** The sort key of a business in an order, as its cursor carries it. */
export function businessSortKey(business: Business, field: BusinessOrderField): string | number {
  switch (field) {
    case 'NAME':
      return business.nameSort;
    case 'CREATED_AT':
      return business.createdAt.toISOString();
    case 'DISTANCE':
      return business.distanceM ?? 0;
  }
}

export interface CheckedBusinessFilter {
  words: string[];
  nacePrefix: string | null;
  postalCode: string | null;
  near: NearInput | null;
  status: BusinessStatus | null;
}

/** Checks the whole filter and reports every problem at once, as `filter.<field>`. */
export function checkBusinessFilter(
  filter: BusinessFilter | null | undefined,
  country: Country,
): CheckedBusinessFilter {
  const problems = new Problems();
  let words: string[] = [];
  if (filter?.search != null) {
    words = foldText(filter.search).split(' ').filter(Boolean);
    if (words.length === 0) problems.add('filter.search', 'must contain a letter or a digit');
    else if (filter.search.length > MAX_SEARCH) {
      problems.add('filter.search', `must be at most ${MAX_SEARCH} characters`);
    }
  }
  const nacePrefix = filter?.nace != null ? nacePrefixOf(filter.nace) : null;
  if (filter?.nace != null && nacePrefix === null) {
    problems.add('filter.nace', 'must be a NACE code or prefix such as 47, 47.2 or 10.711');
  }
  if (filter?.postalCode != null) {
    const reason = validatePostalCode(country, filter.postalCode);
    if (reason) problems.add('filter.postalCode', reason);
  }
  if (filter?.near) checkNear(filter.near, problems);
  if (!problems.empty) throw new BadUserInput(problems.list);
  return {
    words,
    nacePrefix,
    postalCode: filter?.postalCode?.trim() ?? null,
    near: filter?.near ?? null,
    status: filter?.status ?? null,
  };
}

function checkNear({ lat, lon, km }: NearInput, problems: Problems) {
  if (!(lat >= -90 && lat <= 90)) problems.add('filter.near.lat', 'must be between -90 and 90');
  if (!(lon >= -180 && lon <= 180)) {
    problems.add('filter.near.lon', 'must be between -180 and 180');
  }
  if (!(km > 0 && km <= MAX_NEAR_KM)) {
    problems.add('filter.near.km', `must be more than 0 and at most ${MAX_NEAR_KM}`);
  }
}

/** Adds the filter to a query over `business b`. */
export function applyBusinessFilter(
  qb: SelectQueryBuilder<Business>,
  filter: CheckedBusinessFilter,
): SelectQueryBuilder<Business> {
  if (filter.words.length > 0) {
    // Each word as a prefix, stemmed in French: "boulangeries" and "boulang" find "Boulangerie".
    qb.andWhere(`b.search_vector @@ to_tsquery('french', :tsQuery)`, {
      tsQuery: filter.words.map((w) => `${w}:*`).join(' & '),
    });
  }
  if (filter.nacePrefix !== null) {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM business_activity a WHERE a.business_id = b.id AND a.code_digits LIKE :nacePrefix)`,
      { nacePrefix: `${filter.nacePrefix}%` },
    );
  }
  if (filter.postalCode !== null) {
    qb.andWhere('b.postal_code = :postalCode', { postalCode: filter.postalCode });
  }
  if (filter.near) {
    const { lat, lon, km } = filter.near;
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
  if (filter.status !== null) qb.andWhere('b.status = :status', { status: filter.status });
  return qb;
}

/**
 * Nearest first through the GiST index. The index orders by distance alone, and ties need
 * the id, so: read how far the next `first + 1` businesses reach (a nearest-neighbour scan),
 * then keep only the ball of that radius, which the page query sorts by distance and id.
 * False when nothing is left to read.
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

/** Reads a page's businesses with their activities, and their distance when the list has one. */
export async function readBusinesses(
  manager: EntityManager,
  page: SelectQueryBuilder<Business>,
  near: boolean,
): Promise<Business[]> {
  if (near) page.addSelect(DISTANCE_M, 'distance_m');
  const { entities, raw } = await page.getRawAndEntities<{ distance_m?: number }>();
  for (const [i, business] of entities.entries()) business.distanceM = raw[i]?.distance_m;
  await loadActivities(manager, entities);
  return entities;
}
