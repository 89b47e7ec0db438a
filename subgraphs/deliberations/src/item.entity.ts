import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ItemState =
  | 'CREATED'
  | 'PROPOSED'
  | 'VALIDATED'
  | 'PRESENTED'
  | 'FROZEN'
  | 'ACCEPTED'
  | 'ACCEPTED_BUT_MODIFIED'
  | 'REFUSED'
  | 'DELAYED'
  | 'REMOVED';

/**
 * An agenda item and its decision. `titleSort`, `topicCode` and `searchText` are derived by
 * the service on every write (item-fields.ts); `decidedAt` is set once, when it is decided.
 */
@Entity({ name: 'item' })
export class Item {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid', nullable: true })
  meetingId!: string | null;

  /** Position on the meeting's agenda, from 1, given when presented. */
  @Column({ type: 'integer', nullable: true })
  number!: number | null;

  @Column({ type: 'text' })
  title!: string;

  /** Folded title (see foldText), compared with `COLLATE "C"`: the TITLE order. */
  @Column({ name: 'title_sort', type: 'text' })
  titleSort!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text', nullable: true })
  motivation!: string | null;

  /** As written, `[[personal: …]]` markers included; see personal-data.ts. */
  @Column({ type: 'text', nullable: true })
  decision!: string | null;

  @Column({ name: 'category_code', type: 'text' })
  categoryCode!: string;

  /** The ACTES topic of the category, copied on every write and when the mapping changes. */
  @Column({ name: 'topic_code', type: 'text' })
  topicCode!: string;

  @Column({ name: 'proposing_group', type: 'text', nullable: true })
  proposingGroup!: string | null;

  @Column({ type: 'text' })
  state!: ItemState;

  @Column({ type: 'boolean' })
  public!: boolean;

  /** The meeting's start, once the item is in one of the decided states. */
  @Column({ name: 'decided_at', type: 'timestamptz', precision: 3, nullable: true })
  decidedAt!: Date | null;

  /** When the decision was made public: set for public decided items as their meeting closes. */
  @Column({ name: 'published_at', type: 'timestamptz', precision: 3, nullable: true })
  publishedAt!: Date | null;

  /** Folded title, description, motivation and decision without its personal parts. */
  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
