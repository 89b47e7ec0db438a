import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person's seat in an organization over a period (OParl `Membership`). */
@Entity({ name: 'membership' })
export class Membership {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  /** Mayor, alderman, councillor, president, secretary… */
  @Column({ type: 'text' })
  role!: string;

  @Column({ name: 'voting_right', type: 'boolean' })
  votingRight!: boolean;

  /** `YYYY-MM-DD`, as PostgreSQL's `date` reads back. */
  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;
}
