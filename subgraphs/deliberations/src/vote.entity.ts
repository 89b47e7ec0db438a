import { Column, Entity, PrimaryColumn } from 'typeorm';

export type PollType = 'PUBLIC' | 'SECRET' | 'NONE';

/** The vote on a decided item: one row per item, checked by votes.ts before it is stored. */
@Entity({ name: 'vote' })
export class Vote {
  @PrimaryColumn({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @Column({ name: 'poll_type', type: 'text' })
  pollType!: PollType;

  /** Members with a voting right present at the vote. */
  @Column({ name: 'present_count', type: 'integer' })
  present!: number;

  @Column({ name: 'yes_count', type: 'integer' })
  yes!: number;

  @Column({ name: 'no_count', type: 'integer' })
  no!: number;

  @Column({ name: 'abstain_count', type: 'integer' })
  abstain!: number;
}
