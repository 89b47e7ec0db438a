import type { FieldProblem } from '@communes/kit';
import type { GeoPointInput } from '../generated/graphql';

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
