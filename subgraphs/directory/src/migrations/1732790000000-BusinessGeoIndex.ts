import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each business's point on the earth (earthdistance), stored so that distances cost one
 * cube operation per row, and indexed (GiST) so that the DISTANCE order reads the nearest
 * businesses first instead of measuring and sorting all of them.
 */
export class BusinessGeoIndex1732790000000 implements MigrationInterface {
  name = 'BusinessGeoIndex1732790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS cube`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS earthdistance`);
    await q.query(
      `ALTER TABLE business ADD COLUMN geo cube GENERATED ALWAYS AS (ll_to_earth(lat, lon)) STORED`,
    );
    await q.query(`CREATE INDEX business_geo ON business USING gist (geo)`);
    // Counting the businesses near a point reads this index alone (no table rows).
    await q.query(`DROP INDEX business_lat_lon`);
    await q.query(`CREATE INDEX business_lat_lon ON business (lat, lon) INCLUDE (geo)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX business_lat_lon`);
    await q.query(`CREATE INDEX business_lat_lon ON business (lat, lon)`);
    await q.query(`DROP INDEX business_geo`);
    await q.query(`ALTER TABLE business DROP COLUMN geo`);
  }
}
