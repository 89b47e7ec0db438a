import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { contractTypeDefs } from '@communes/schema';
import type { RequestContext, SubgraphModule } from '@communes/kit';
import { Business } from './business.entity';
import { BusinessActivity } from './business-activity.entity';
import { resolvers } from './business.resolvers';
import { CreateBusiness1732780000000 } from './migrations/1732780000000-CreateBusiness';
import { BusinessGeoIndex1732790000000 } from './migrations/1732790000000-BusinessGeoIndex';
import { BusinessPeriod1764400000000 } from './migrations/1764400000000-BusinessPeriod';

/** The directory subgraph: businesses on the commune's territory. */
export const directory: SubgraphModule = {
  name: 'directory',
  typeDefs: contractTypeDefs('directory'),
  resolvers: resolvers as GraphQLResolverMap<RequestContext>,
  database: {
    entities: [Business, BusinessActivity],
    migrations: [
      CreateBusiness1732780000000,
      BusinessGeoIndex1732790000000,
      BusinessPeriod1764400000000,
    ],
    extensions: ['cube', 'earthdistance'],
  },
};

export { Business, BusinessActivity };
export { importBusinesses } from './business-import';
export { seedDirectory, seededUuid } from './business-seed';
export { generateBusinesses } from './seed';
