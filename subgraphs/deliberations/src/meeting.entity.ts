import { Column, Entity, PrimaryColumn } from 'typeorm';

export type MeetingState = 'CREATED' | 'FROZEN' | 'PUBLISHED' | 'DECIDED' | 'CLOSED';

/** A meeting of an organization; its state machine is in meeting-transitions.ts. */
@Entity({ name: 'meeting' })
export class Meeting {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text' })
  title!: string;

  /** Millisecond precision, so that the STARTS_AT cursor key reads back exactly. */
  @Column({ name: 'starts_at', type: 'timestamptz', precision: 3 })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz', precision: 3, nullable: true })
  endsAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  location!: string | null;

  @Column({ type: 'text' })
  state!: MeetingState;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
