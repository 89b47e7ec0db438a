import type { FieldProblem } from '../../../kit/src/errors';
import type { GeoPointInput, NearInput } from '../generated/graphql';

/** The widest `near` search, in kilometres: the contract's bound on a distance query. */
export const MAX_NEAR_KM = 100;

function checkBetween(value: number, min: number, max: number): string | null {
  if (!Number.isFinite(value)) return 'must be a finite number';
  return value < min || value > max ? `must be between ${min} and ${max} (got ${value})` : null;
}

export const checkLatitude = (lat: number): string | null => checkBetween(lat, -90, 90);

export const checkLongitude = (lon: number): string | null => checkBetween(lon, -180, 180);

/** Problems of a point, with fields under `path` (`input.location.lat`). */
export function validateGeoPoint(point: GeoPointInput, path: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const lat = checkLatitude(point.lat);
  const lon = checkLongitude(point.lon);
  if (lat) problems.push({ field: `${path}.lat`, reason: lat });
  if (lon) problems.push({ field: `${path}.lon`, reason: lon });
  return problems;
}

/** Problems of a distance filter, with fields under `path` (`filter.near.km`). */
export function validateNear(near: NearInput, path: string): FieldProblem[] {
  const problems = validateGeoPoint(near, path);
  const km = !Number.isFinite(near.km)
    ? 'must be a finite number'
    : near.km <= 0
      ? `must be greater than 0 (got ${near.km})`
      : near.km > MAX_NEAR_KM
        ? `must be at most ${MAX_NEAR_KM} (got ${near.km})`
        : null;
  if (km) problems.push({ field: `${path}.km`, reason: km });
  return problems;
}
