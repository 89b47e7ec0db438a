import type { Connection } from '@communes/kit';
import type { Adoption } from './adoption.entity';
import type { Component } from './component.entity';

/** What the resolvers hand to GraphQL for the contract's connection types. */
export type ComponentConnectionModel = Connection<Component>;
export type ComponentEdgeModel = ComponentConnectionModel['edges'][number];
export type AdoptionConnectionModel = Connection<Adoption>;
export type AdoptionEdgeModel = AdoptionConnectionModel['edges'][number];

export interface CommuneRef {
  code: string;
}
