import { mergeResolvers } from '@communes/kit';
import type { Resolvers } from './generated/graphql';
import { adoptionResolvers } from './adoption.resolvers';
import { communeResolvers } from './commune.resolvers';
import { componentResolvers } from './component.resolvers';

/** Every resolver of the subgraph, merged type by type from the feature files. */
export const resolvers: Resolvers = mergeResolvers<Resolvers>([
  componentResolvers,
  adoptionResolvers,
  communeResolvers,
]);
