import type { Resolvers } from './generated/graphql';
import {
  businessChangesByMonth,
  countBySector,
  createBusiness,
  establishmentsOf,
  getBusiness,
  listBusinesses,
  setBusinessStatus,
  updateBusiness,
} from './business.service';
import { naceLabel, naceSection, naceSectionLabel } from './nace';

/** Thin: arguments in, service call, shape out. The logic lives in business.service.ts. */
export const resolvers: Resolvers = {
  Query: {
    businesses: (_root, args, ctx) => listBusinesses(ctx, args),
    business: (_root, { communeCode, id }, ctx) => getBusiness(ctx, communeCode, id),
    establishmentsOf: (_root, { communes, enterpriseNumber }, ctx) =>
      establishmentsOf(ctx, communes, enterpriseNumber),
    businessCountsBySector: async (_root, { communes, filter }, ctx) =>
      (await countBySector(ctx, communes, filter)).map((bucket) => ({
        key: `${bucket.naceVersion}/${bucket.section}`,
        naceVersion: bucket.naceVersion as 'NACE_2008' | 'NACE_2025',
        section: bucket.section,
        label: naceSectionLabel(bucket.naceVersion as 'NACE_2008' | 'NACE_2025', bucket.section),
        count: bucket.count,
      })),
    businessChangesByMonth: (_root, { communes, from, to }, ctx) =>
      businessChangesByMonth(ctx, communes, from, to),
  },
  Mutation: {
    createBusiness: (_root, { commune, input }, ctx) => createBusiness(ctx, commune, input),
    updateBusiness: (_root, { commune, id, input }, ctx) => updateBusiness(ctx, commune, id, input),
    closeBusiness: (_root, { commune, id }, ctx) => setBusinessStatus(ctx, commune, id, 'CLOSED'),
    reopenBusiness: (_root, { commune, id }, ctx) => setBusinessStatus(ctx, commune, id, 'ACTIVE'),
  },
  Business: {
    __resolveReference: (reference, ctx) => getBusiness(ctx, reference.communeCode, reference.id),
    communeCode: (_business, _args, ctx) => ctx.commune.code,
    commune: (_business, _args, ctx) => ({ code: ctx.commune.code }),
    activities: (business) =>
      [...business.activities]
        .sort((a, b) => a.position - b.position)
        .map((a) => ({
          naceVersion: a.naceVersion,
          code: a.code,
          label: naceLabel(a.naceVersion, a.code),
          section: naceSection(a.naceVersion, a.code).letter,
          main: a.main,
        })),
    address: (b) => ({
      street: b.street,
      number: b.houseNumber,
      box: b.box,
      postalCode: b.postalCode,
      locality: b.locality,
      countryCode: b.countryCode,
    }),
    location: (b) => (b.lat !== null && b.lon !== null ? { lat: b.lat, lon: b.lon } : null),
    contacts: (b) => ({ phone: b.phone, email: b.email, website: b.website }),
    createdAt: (b) => b.createdAt.toISOString(),
    updatedAt: (b) => b.updatedAt.toISOString(),
    // Null unless the list was filtered by distance.
    distanceKm: (b) => (b.distanceM == null ? null : Math.round(b.distanceM) / 1000),
  },
  Commune: {
    __resolveReference: (reference, ctx) =>
      reference.code === ctx.commune.code ? { code: reference.code } : null,
    businesses: (commune, args, ctx) =>
      commune.code === ctx.commune.code ? listBusinesses(ctx, { ...args, communes: null }) : null,
  },
};
