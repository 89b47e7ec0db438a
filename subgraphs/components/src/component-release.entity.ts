import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DevelopmentStatusValue } from './publiccode';

/** One publication of a component's publiccode.yml; `seq` counts them from 1. */
@Entity({ name: 'component_release' })
export class ComponentRelease {
  @PrimaryColumn({ name: 'component_id', type: 'uuid' })
  componentId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ name: 'software_version', type: 'text', nullable: true })
  softwareVersion!: string | null;

  @Column({ name: 'release_date', type: 'text', nullable: true })
  releaseDate!: string | null;

  @Column({ name: 'development_status', type: 'text' })
  developmentStatus!: DevelopmentStatusValue;

  @Column({ name: 'publiccode_yml_version', type: 'text' })
  publiccodeYmlVersion!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'published_at', type: 'timestamptz', precision: 3 })
  publishedAt!: Date;

  @Column({ name: 'published_by', type: 'text' })
  publishedBy!: string;
}
