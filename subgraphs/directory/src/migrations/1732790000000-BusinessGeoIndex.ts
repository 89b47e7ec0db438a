import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Distance through an index: a GiST index on each business's point on the earth
 * (earthdistance), so that `near` narrows by index and the DISTANCE order is read in order
 * (nearest-neighbour scan) instead of measuring and sorting every business.
 */
export class BusinessGeoIndex1732790000000 implements MigrationInterface {
  name = 'BusinessGeoIndex1732790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS cube`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS earthdistance`);
    await q.query(`DROP INDEX IF EXISTS business_lat_lon`);
    await q.query(
      `CREATE INDEX business_earth ON business USING gist (ll_to_earth(lat, lon)) WHERE lat IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX business_earth`);
    await q.query(`CREATE INDEX business_lat_lon ON business (lat, lon)`);
  }
}
