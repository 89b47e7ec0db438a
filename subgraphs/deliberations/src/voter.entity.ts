import { Column, Entity, PrimaryColumn } from 'typeorm';

export type VoteValue = 'YES' | 'NO' | 'ABSTAIN';

/** One member's vote in a public vote. */
@Entity({ name: 'voter' })
export class Voter {
  @PrimaryColumn({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  vote!: VoteValue;
}
