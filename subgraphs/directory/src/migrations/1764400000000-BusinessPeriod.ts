import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each business started and closed (KBO `StartDate`, the date it stopped): the dates the
 * monthly openings and closings count. A business has an end date only while it is CLOSED.
 */
export class BusinessPeriod1764400000000 implements MigrationInterface {
  name = 'BusinessPeriod1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE business ADD COLUMN start_date date, ADD COLUMN end_date date`);
    await q.query(`
      ALTER TABLE business
        ADD CONSTRAINT business_period CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
        ADD CONSTRAINT business_end_closed CHECK (end_date IS NULL OR status = 'CLOSED')`);
    await q.query(`CREATE INDEX business_start_date ON business (start_date)`);
    await q.query(
      `CREATE INDEX business_end_date ON business (end_date) WHERE end_date IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX business_end_date`);
    await q.query(`DROP INDEX business_start_date`);
    await q.query(`ALTER TABLE business DROP CONSTRAINT business_end_closed`);
    await q.query(`ALTER TABLE business DROP CONSTRAINT business_period`);
    await q.query(`ALTER TABLE business DROP COLUMN end_date, DROP COLUMN start_date`);
  }
}
