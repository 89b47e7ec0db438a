import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReportRowValues } from './definition';

export type SnapshotOutcome = 'ok' | 'failed';

/**
 * What one run read from one commune: its rows, or why it could not. Reads as of an instant
 * pick, per commune, the latest snapshot at or before it.
 */
@Entity('report_snapshot')
export class ReportSnapshot {
  @PrimaryColumn('uuid', { name: 'run_id' })
  runId!: string;

  @PrimaryColumn('text', { name: 'commune_code' })
  communeCode!: string;

  @Column('text', { name: 'report_id' })
  reportId!: string;

  @Column({ name: 'read_at', type: 'timestamptz', precision: 3 })
  readAt!: Date;

  @Column('text')
  outcome!: SnapshotOutcome;

  @Column('text', { nullable: true })
  error!: string | null;

  /** Empty for a failed read. */
  @Column('jsonb')
  rows!: ReportRowValues[];
}
