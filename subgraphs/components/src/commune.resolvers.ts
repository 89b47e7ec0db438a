import type { Resolvers } from './generated/graphql';
import { listAdoptions } from './adoption.service';
import { listComponents } from './component.service';

/** The registry's `Commune`, extended with its components and adoptions; other communes' are null. */
export const communeResolvers: Resolvers = {
  Commune: {
    __resolveReference: (reference, ctx) =>
      reference.code === ctx.commune.code ? { code: reference.code } : null,
    components: (commune, args, ctx) =>
      commune.code === ctx.commune.code ? listComponents(ctx, { ...args, communes: null }) : null,
    adoptions: (commune, args, ctx) =>
      commune.code === ctx.commune.code ? listAdoptions(ctx, { ...args, communes: null }) : null,
  },
};
