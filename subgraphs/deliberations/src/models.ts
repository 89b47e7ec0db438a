import type { Connection } from '@communes/kit';
import type { Item } from './item.entity';
import type { Meeting } from './meeting.entity';

/** What the resolvers hand to GraphQL for the contract's connection types. */
export type MeetingConnectionModel = Connection<Meeting>;
export type MeetingEdgeModel = MeetingConnectionModel['edges'][number];
export type ItemConnectionModel = Connection<Item>;
export type ItemEdgeModel = ItemConnectionModel['edges'][number];

export interface CommuneRef {
  code: string;
}
