import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ItemState } from './item.entity';

/** One state change of an item, kept for good: its history. */
@Entity({ name: 'item_transition' })
export class ItemTransition {
  @PrimaryColumn({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  /** 1, 2, 3… per item: the order of the changes, even within one millisecond. */
  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ name: 'from_state', type: 'text', nullable: true })
  fromState!: ItemState | null;

  @Column({ name: 'to_state', type: 'text' })
  toState!: ItemState;

  /** Subject of the user who made the change. */
  @Column({ name: 'by_subject', type: 'text' })
  bySubject!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  at!: Date;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;
}
