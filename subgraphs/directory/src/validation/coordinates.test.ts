import { checkLatitude, checkLongitude, validateGeoPoint } from './coordinates';

describe('checkLatitude and checkLongitude', () => {
  it.each([-90, 0, 50.8503, 90])('accept latitude %p', (lat) => {
    expect(checkLatitude(lat)).toBeNull();
  });

  it.each([-180, 4.3517, 180])('accept longitude %p', (lon) => {
    expect(checkLongitude(lon)).toBeNull();
  });

  it.each([
    [90.0001, 'must be between -90 and 90 (got 90.0001)'],
    [-91, 'must be between -90 and 90 (got -91)'],
    [Number.NaN, 'must be a finite number'],
    [Number.POSITIVE_INFINITY, 'must be a finite number'],
  ])('refuse latitude %p: %s', (lat, reason) => {
    expect(checkLatitude(lat)).toBe(reason);
  });

  it.each([
    [180.5, 'must be between -180 and 180 (got 180.5)'],
    [-181, 'must be between -180 and 180 (got -181)'],
    [Number.NEGATIVE_INFINITY, 'must be a finite number'],
  ])('refuse longitude %p: %s', (lon, reason) => {
    expect(checkLongitude(lon)).toBe(reason);
  });
});

describe('validateGeoPoint', () => {
  it('accepts a point in Brussels', () => {
    expect(validateGeoPoint({ lat: 50.8467, lon: 4.3525 }, 'input.location')).toEqual([]);
  });

  it('reports each coordinate under the path', () => {
    expect(validateGeoPoint({ lat: 4.3525, lon: 250.8 }, 'input.location')).toEqual([
      { field: 'input.location.lon', reason: 'must be between -180 and 180 (got 250.8)' },
    ]);
    expect(validateGeoPoint({ lat: 95, lon: Number.NaN }, 'input.location')).toEqual([
      { field: 'input.location.lat', reason: 'must be between -90 and 90 (got 95)' },
      { field: 'input.location.lon', reason: 'must be a finite number' },
    ]);
  });
});
