import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Country } from '@communes/kit';

export type CommuneStatus = 'ACTIVE' | 'SUSPENDED' | 'LEFT';

export interface CommuneNames {
  fr: string | null;
  nl: string | null;
  de: string | null;
  en: string | null;
}

/** One endpoint: the commune's GraphQL URL for a subgraph of the contract. */
export interface CommuneEndpoint {
  name: string;
  url: string;
}

/** The last check of one endpoint, as the health checker stores it. */
export interface StoredHealth {
  subgraph: string;
  /** The URL checked: a result for an endpoint since replaced is ignored. */
  url: string;
  status: 'UP' | 'DOWN';
  latencyMs: number | null;
  checkedAt: string;
  lastError: string | null;
  contract: 'COMPATIBLE' | 'INCOMPATIBLE' | 'UNKNOWN';
  contractDifferences: string[];
}

/** A commune of the registry, member or former member. */
@Entity({ name: 'commune' })
export class Commune {
  /** `BE-92094`, `FR-59350`. */
  @PrimaryColumn({ type: 'text' })
  code!: string;

  /** The name in the commune's main language. */
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb' })
  names!: CommuneNames;

  @Column({ type: 'text' })
  country!: Country;

  @Column({ type: 'text', nullable: true })
  region!: string | null;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Column({ type: 'text' })
  status!: CommuneStatus;

  @Column({ name: 'suspended_reason', type: 'text', nullable: true })
  suspendedReason!: string | null;

  /** Endpoints in the order given; kept when the commune leaves, for history. */
  @Column({ type: 'jsonb' })
  subgraphs!: CommuneEndpoint[];

  @Column({ name: 'joined_at', type: 'timestamptz', precision: 3 })
  joinedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @Column({ type: 'jsonb' })
  health!: StoredHealth[];
}
