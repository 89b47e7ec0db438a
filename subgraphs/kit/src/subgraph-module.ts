import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode } from 'graphql';
import type { Router } from 'express';
import type { DataSource } from 'typeorm';
import type { RequestContext, NodeCommune } from './context';
import type { DatabasePart } from './database';
import type { Logger } from './server/logger';

/** What a subgraph brings to a commune node. */
export interface SubgraphModule {
  /** Its name in the contract and in the URL: `/<name>/graphql`. */
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<RequestContext>;
  database: DatabasePart;
  /** Extra HTTP routes under `/<name>/` (exports, feeds). */
  routes?: (deps: { db: DataSource; commune: NodeCommune; logger: Logger }) => Router;
}
