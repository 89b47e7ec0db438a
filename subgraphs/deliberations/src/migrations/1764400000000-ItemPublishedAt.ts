import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each decision was made public: set for a meeting's public decided items when the
 * meeting is CLOSED. Items decided before this column existed stay unpublished (null): their
 * publication date was never recorded, and guessing one would bend the publication delays.
 */
export class ItemPublishedAt1764400000000 implements MigrationInterface {
  name = 'ItemPublishedAt1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE item ADD COLUMN published_at timestamptz(3)`);
    await q.query(
      `ALTER TABLE item ADD CONSTRAINT item_published CHECK (published_at IS NULL OR decided_at IS NOT NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE item DROP CONSTRAINT item_published`);
    await q.query(`ALTER TABLE item DROP COLUMN published_at`);
  }
}
