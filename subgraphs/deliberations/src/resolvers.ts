import type { Resolvers } from './generated/graphql';
import { communeResolvers } from './commune.resolvers';
import { itemResolvers } from './item.resolvers';
import { meetingResolvers } from './meeting.resolvers';
import { organizationResolvers } from './organization.resolvers';

/** Every resolver of the subgraph, merged type by type from the feature files. */
export const resolvers: Resolvers = [
  meetingResolvers,
  itemResolvers,
  organizationResolvers,
  communeResolvers,
].reduce<Resolvers>((merged, part) => {
  for (const [type, fields] of Object.entries(part)) {
    merged[type] = { ...(merged[type] as object | undefined), ...(fields as object) };
  }
  return merged;
}, {});
