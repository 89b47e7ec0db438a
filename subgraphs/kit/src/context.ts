import type { DataSource } from 'typeorm';
import type { Country } from './commune-code';
import type { Identity } from './identity';

/** The commune a node serves, as every resolver sees it. */
export interface NodeCommune {
  code: string;
  name: string;
  country: Country;
  /** The commune as a legal entity, for open-data exports: its SIRET (France). */
  siret?: string;
  /** The commune as a legal entity: its KBO/BCE enterprise number (Belgium). */
  enterpriseNumber?: string;
}

/** What every resolver of a commune node receives. */
export interface RequestContext {
  commune: NodeCommune;
  identity: Identity;
  db: DataSource;
  /** Aborted when the caller (the hub) goes away: work still to do for it can stop. */
  signal?: AbortSignal;
}
