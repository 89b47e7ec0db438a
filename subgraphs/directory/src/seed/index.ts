export { generateBusinesses, slugOf } from './generate-businesses';
export { DEMO_PLACES, demoPlace, distanceKm } from './places';
export type { DemoCountry, DemoLocality, DemoPlace, LatLon } from './places';
export { ACTIVITY_PROFILES } from './activities';
export type { ActivityProfile, BusinessKind } from './activities';
export { DemoIdentifiers, MAX_BUSINESSES_PER_COMMUNE } from './demo-identifiers';
