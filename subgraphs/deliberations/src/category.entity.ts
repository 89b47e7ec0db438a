import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A category of the commune's own classification, mapped to an ACTES topic. */
@Entity({ name: 'category' })
export class Category {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Level-2 ACTES code (`7.1`). */
  @Column({ name: 'topic_code', type: 'text' })
  topicCode!: string;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
