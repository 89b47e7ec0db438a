import { Column, Entity, PrimaryColumn } from 'typeorm';

export type OrganizationKind = 'COUNCIL' | 'COLLEGE' | 'COMMITTEE';

/** A body of the commune that meets and decides (OParl `Organization`). */
@Entity({ name: 'organization' })
export class Organization {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: OrganizationKind;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
