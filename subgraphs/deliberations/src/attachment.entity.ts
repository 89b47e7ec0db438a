import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A file attached to an item, by reference: the node stores its address and digest. */
@Entity({ name: 'attachment' })
export class Attachment {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  /** 1, 2, 3… per item, in the order they were added. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'mime_type', type: 'text' })
  mimeType!: string;

  @Column({ type: 'text' })
  url!: string;

  /** Lower-case hex SHA-256 of the file. */
  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
