import type { Resolvers } from './generated/graphql';
import { listItems } from './item.service';
import { listMeetings } from './meeting.service';

/** The registry's `Commune`, extended with its meetings and items; other communes' are null. */
export const communeResolvers: Resolvers = {
  Commune: {
    __resolveReference: (reference, ctx) =>
      reference.code === ctx.commune.code ? { code: reference.code } : null,
    meetings: (commune, args, ctx) =>
      commune.code === ctx.commune.code ? listMeetings(ctx, { ...args, communes: null }) : null,
    items: (commune, args, ctx) =>
      commune.code === ctx.commune.code ? listItems(ctx, { ...args, communes: null }) : null,
  },
};
