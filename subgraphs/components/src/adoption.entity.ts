import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AdoptionStatus = 'EVALUATING' | 'IN_PRODUCTION' | 'RETIRED';

/** The commune's use of a piece of software (SILL): one current adoption per repository. */
@Entity({ name: 'adoption' })
export class Adoption {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'component_url', type: 'text' })
  componentUrl!: string;

  @Column({ name: 'component_name', type: 'text' })
  componentName!: string;

  /** Folded name, compared with `COLLATE "C"`: the COMPONENT_NAME order. */
  @Column({ name: 'component_name_sort', type: 'text' })
  componentNameSort!: string;

  @Column({ name: 'publisher_code', type: 'text', nullable: true })
  publisherCode!: string | null;

  @Column({ type: 'text', nullable: true })
  version!: string | null;

  @Column({ type: 'text' })
  status!: AdoptionStatus;

  /** `YYYY-MM-DD`, which sorts as the dates do: the SINCE order. */
  @Column({ type: 'text' })
  since!: string;

  @Column({ name: 'retired_on', type: 'text', nullable: true })
  retiredOn!: string | null;

  @Column({ name: 'referent_name', type: 'text' })
  referentName!: string;

  @Column({ name: 'referent_email', type: 'text' })
  referentEmail!: string;

  @Column({ name: 'referent_role', type: 'text', nullable: true })
  referentRole!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
