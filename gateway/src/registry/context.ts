import type { DataSource } from 'typeorm';
import type { Identity } from '@communes/kit';

/** What every resolver of the hub's own subgraphs receives. */
export interface RegistryContext {
  identity: Identity;
  /** The hub's database, where the registry lives. */
  db: DataSource;
}
