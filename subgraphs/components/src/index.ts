import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { contractTypeDefs } from '@communes/schema';
import type { RequestContext, SubgraphModule } from '@communes/kit';
import { Adoption } from './adoption.entity';
import { Component } from './component.entity';
import { ComponentRelease } from './component-release.entity';
import { CreateComponents1734000000000 } from './migrations/1734000000000-CreateComponents';
import { resolvers } from './resolvers';

/** The components subgraph: software the commune publishes (publiccode.yml) and adopts. */
export const components: SubgraphModule = {
  name: 'components',
  typeDefs: contractTypeDefs('components'),
  resolvers: resolvers as GraphQLResolverMap<RequestContext>,
  database: {
    entities: [Component, ComponentRelease, Adoption],
    migrations: [CreateComponents1734000000000],
  },
};

export { Adoption, Component, ComponentRelease };
export type { AdoptionStatus } from './adoption.entity';
export { publishComponent } from './component.service';
export { adoptComponent, retireAdoption, updateAdoption } from './adoption.service';
export * from './publiccode';
export { seedComponents, seedPubliccodeFiles, SEED_ADOPTIONS, PUBLICCODE_DIR } from './seed';
