import type { Identity } from '@communes/kit';

/** What the reports subgraph's resolvers receive: who is asking (runReport is not for all). */
export interface ReportsContext {
  identity: Identity;
}
