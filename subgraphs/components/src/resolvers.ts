import type { Resolvers } from './generated/graphql';
import { adoptionResolvers } from './adoption.resolvers';
import { communeResolvers } from './commune.resolvers';
import { componentResolvers } from './component.resolvers';

/** Every resolver of the subgraph, merged type by type from the feature files. */
export const resolvers: Resolvers = [
  componentResolvers,
  adoptionResolvers,
  communeResolvers,
].reduce<Resolvers>((merged, part) => {
  for (const [type, fields] of Object.entries(part)) {
    merged[type] = { ...(merged[type] as object | undefined), ...(fields as object) };
  }
  return merged;
}, {});
