import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deliberations' tables; the SQL is the same on PostgreSQL 15+ and PGlite. Sort keys are
 * ASCII text with `COLLATE "C"` and timestamps keep milliseconds, so that the keys in cursors
 * compare the same in JavaScript (the hub's merge) and in SQL.
 */
export class CreateDeliberations1733000000000 implements MigrationInterface {
  name = 'CreateDeliberations1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('COUNCIL', 'COLLEGE', 'COMMITTEE')),
        created_at timestamptz(3) NOT NULL
      )`);
    await q.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        given_name text,
        family_name text,
        created_at timestamptz(3) NOT NULL
      )`);
    await q.query(`
      CREATE TABLE membership (
        id uuid PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        role text NOT NULL,
        voting_right boolean NOT NULL,
        start_date date NOT NULL,
        end_date date,
        CONSTRAINT membership_period CHECK (end_date IS NULL OR end_date >= start_date)
      )`);
    await q.query(`CREATE INDEX membership_organization ON membership (organization_id)`);
    await q.query(`CREATE INDEX membership_person ON membership (person_id)`);
    await q.query(`
      CREATE TABLE category (
        code text COLLATE "C" PRIMARY KEY,
        name text NOT NULL,
        topic_code text COLLATE "C" NOT NULL CHECK (topic_code ~ '^[0-9]\\.[0-9]{1,2}$'),
        updated_at timestamptz(3) NOT NULL
      )`);
    await q.query(`
      CREATE TABLE meeting (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organization (id),
        title text NOT NULL,
        starts_at timestamptz(3) NOT NULL,
        ends_at timestamptz(3),
        location text,
        state text NOT NULL
          CHECK (state IN ('CREATED', 'FROZEN', 'PUBLISHED', 'DECIDED', 'CLOSED')),
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        CONSTRAINT meeting_period CHECK (ends_at IS NULL OR ends_at >= starts_at)
      )`);
    await q.query(`CREATE INDEX meeting_starts_order ON meeting (starts_at, id)`);
    await q.query(`CREATE INDEX meeting_organization ON meeting (organization_id)`);
    await q.query(`
      CREATE TABLE item (
        id uuid PRIMARY KEY,
        meeting_id uuid REFERENCES meeting (id),
        number integer CHECK (number > 0),
        title text NOT NULL,
        title_sort text COLLATE "C" NOT NULL,
        description text,
        motivation text,
        decision text,
        category_code text COLLATE "C" NOT NULL REFERENCES category (code),
        topic_code text COLLATE "C" NOT NULL,
        proposing_group text,
        state text NOT NULL CHECK (state IN ('CREATED', 'PROPOSED', 'VALIDATED', 'PRESENTED',
          'FROZEN', 'ACCEPTED', 'ACCEPTED_BUT_MODIFIED', 'REFUSED', 'DELAYED', 'REMOVED')),
        public boolean NOT NULL,
        decided_at timestamptz(3),
        search_text text NOT NULL,
        search_vector tsvector GENERATED ALWAYS AS (to_tsvector('french', search_text)) STORED,
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        CONSTRAINT item_number_unique UNIQUE (meeting_id, number),
        CONSTRAINT item_decided CHECK ((decided_at IS NOT NULL) =
          (state IN ('ACCEPTED', 'ACCEPTED_BUT_MODIFIED', 'REFUSED', 'DELAYED', 'REMOVED')))
      )`);
    await q.query(`CREATE INDEX item_created_order ON item (created_at, id)`);
    await q.query(`CREATE INDEX item_title_order ON item (title_sort, id)`);
    // DECIDED_AT lists decided items only: the index holds exactly those.
    await q.query(
      `CREATE INDEX item_decided_order ON item (decided_at, id) WHERE decided_at IS NOT NULL`,
    );
    await q.query(`CREATE INDEX item_topic ON item (topic_code)`);
    await q.query(`CREATE INDEX item_category ON item (category_code)`);
    await q.query(`CREATE INDEX item_search ON item USING gin (search_vector)`);
    await q.query(`
      CREATE TABLE item_transition (
        item_id uuid NOT NULL REFERENCES item (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        from_state text,
        to_state text NOT NULL,
        by_subject text NOT NULL,
        at timestamptz(3) NOT NULL,
        comment text,
        PRIMARY KEY (item_id, seq)
      )`);
    await q.query(`
      CREATE TABLE vote (
        item_id uuid PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,
        poll_type text NOT NULL CHECK (poll_type IN ('PUBLIC', 'SECRET', 'NONE')),
        present_count integer NOT NULL CHECK (present_count >= 0),
        yes_count integer NOT NULL CHECK (yes_count >= 0),
        no_count integer NOT NULL CHECK (no_count >= 0),
        abstain_count integer NOT NULL CHECK (abstain_count >= 0),
        CONSTRAINT vote_counts CHECK (yes_count + no_count + abstain_count <= present_count)
      )`);
    await q.query(`
      CREATE TABLE voter (
        item_id uuid NOT NULL REFERENCES vote (item_id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id),
        vote text NOT NULL CHECK (vote IN ('YES', 'NO', 'ABSTAIN')),
        PRIMARY KEY (item_id, person_id)
      )`);
    await q.query(`
      CREATE TABLE attachment (
        id uuid PRIMARY KEY,
        item_id uuid NOT NULL REFERENCES item (id) ON DELETE CASCADE,
        position integer NOT NULL,
        name text NOT NULL,
        mime_type text NOT NULL,
        url text NOT NULL,
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size integer NOT NULL CHECK (size >= 0),
        created_at timestamptz(3) NOT NULL,
        CONSTRAINT attachment_position_unique UNIQUE (item_id, position)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'attachment',
      'voter',
      'vote',
      'item_transition',
      'item',
      'meeting',
      'category',
      'membership',
      'person',
      'organization',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
