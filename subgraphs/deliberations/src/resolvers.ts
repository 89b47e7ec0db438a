import { mergeResolvers } from '@communes/kit';
import type { Resolvers } from './generated/graphql';
import { communeResolvers } from './commune.resolvers';
import { itemResolvers } from './item.resolvers';
import { meetingResolvers } from './meeting.resolvers';
import { organizationResolvers } from './organization.resolvers';

/** Every resolver of the subgraph, merged type by type from the feature files. */
export const resolvers: Resolvers = mergeResolvers<Resolvers>([
  meetingResolvers,
  itemResolvers,
  organizationResolvers,
  communeResolvers,
]);
