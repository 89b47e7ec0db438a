import type { Connection } from '@communes/kit';
import type { Business } from './business.entity';

/** What the resolvers hand to GraphQL for the contract's connection types. */
export type BusinessConnectionModel = Connection<Business>;
export type BusinessEdgeModel = BusinessConnectionModel['edges'][number];

export interface CommuneRef {
  code: string;
}
