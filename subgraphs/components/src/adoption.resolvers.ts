import type { Resolvers } from './generated/graphql';
import { isNetworkStaff } from './access';
import {
  adoptComponent,
  countAdoptionsByComponent,
  getAdoption,
  listAdoptions,
  retireAdoption,
  updateAdoption,
} from './adoption.service';

export const adoptionResolvers: Resolvers = {
  Query: {
    adoptions: (_root, args, ctx) => listAdoptions(ctx, args),
    adoption: (_root, { communeCode, id }, ctx) => getAdoption(ctx, communeCode, id),
    adoptionCountsByComponent: (_root, { communes, filter }, ctx) =>
      countAdoptionsByComponent(ctx, communes, filter),
  },
  Mutation: {
    adoptComponent: (_root, { commune, input }, ctx) => adoptComponent(ctx, commune, input),
    updateAdoption: (_root, { commune, id, input }, ctx) => updateAdoption(ctx, commune, id, input),
    retireAdoption: (_root, { commune, id, retiredOn }, ctx) =>
      retireAdoption(ctx, commune, id, retiredOn),
  },
  Adoption: {
    __resolveReference: (reference, ctx) => getAdoption(ctx, reference.communeCode, reference.id),
    communeCode: (_adoption, _args, ctx) => ctx.commune.code,
    commune: (_adoption, _args, ctx) => ({ code: ctx.commune.code }),
    referent: (adoption, _args, ctx) =>
      isNetworkStaff(ctx)
        ? {
            name: adoption.referentName,
            email: adoption.referentEmail,
            role: adoption.referentRole,
          }
        : null,
    createdAt: (adoption) => adoption.createdAt.toISOString(),
    updatedAt: (adoption) => adoption.updatedAt.toISOString(),
  },
};
