import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ReportRunState = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

/** SCHEDULE (the cron), ADMIN (`runReport`), or STARTUP. */
export type ReportTrigger = 'SCHEDULE' | 'ADMIN' | 'STARTUP';

/** One run of a report over the network: queued, then reading commune by commune, then done. */
@Entity('report_run')
export class ReportRun {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'report_id' })
  reportId!: string;

  @Column('text')
  trigger!: ReportTrigger;

  @Column('text')
  state!: ReportRunState;

  /** When it was queued; `started_at` of the API is this instant. */
  @Column({ name: 'started_at', type: 'timestamptz', precision: 3 })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', precision: 3, nullable: true })
  finishedAt!: Date | null;

  /** Communes read successfully so far (counted as they are stored). */
  @Column('int')
  answered!: number;

  @Column('int')
  failed!: number;
}
