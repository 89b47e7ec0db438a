import type { DataSource } from 'typeorm';
import type { ItemState } from '../item.entity';
import type { OrganizationKind } from '../organization.entity';
import type { PollType } from '../vote.entity';
import { PUBLIC_MEETING_STATES } from '../visibility';
import type { ExportPeriod } from './period';

/**
 * Decisions the export publishes. DELAYED and REMOVED items were not decided (they come back
 * on a later agenda, or never): SCDL lists acts the assembly adopted or rejected.
 */
export const EXPORTED_STATES: readonly ItemState[] = [
  'ACCEPTED',
  'ACCEPTED_BUT_MODIFIED',
  'REFUSED',
];

/** One decided item as the export reads it, personal data not yet masked. */
export interface DecidedItemRow {
  id: string;
  title: string;
  topicCode: string;
  /** Local date of the meeting that decided it (`YYYY-MM-DD`). */
  decidedOn: string;
  decidedAt: Date;
  pollType: PollType | null;
  yes: number | null;
  no: number | null;
  abstain: number | null;
  /** Members with a voting right in the organization on the day of the meeting. */
  votingMembers: number;
  /** The first PDF attached to the item: the decision's document. */
  documentUrl: string | null;
  /** `2026` or `2026/2030`, with the budget's name, for decisions with a budget impact. */
  budgetYear: string | null;
  budgetName: string | null;
}

export interface DecidedItemsQuery {
  period: ExportPeriod;
  /** The commune's time zone (see time-zone.ts): decision dates are its calendar days. */
  timeZone: string;
  organizationKinds: readonly OrganizationKind[];
  pageSize: number;
}

const STATES_SQL = EXPORTED_STATES.map((s) => `'${s}'`).join(', ');
const MEETING_STATES_SQL = PUBLIC_MEETING_STATES.map((s) => `'${s}'`).join(', ');

/**
 * Every public decision of the period, in decision order, one page at a time: keyset pages on
 * the `item_decided_order` index hold no connection between pages (PGlite has only one), and
 * memory stays at one page however long the period.
 */
export async function* decidedItems(
  db: DataSource,
  query: DecidedItemsQuery,
): AsyncGenerator<DecidedItemRow> {
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const page = await readExportPage(db, query, after);
    yield* page;
    if (page.length < query.pageSize) return;
    const last = page[page.length - 1]!;
    after = { at: last.decidedAt, id: last.id };
  }
}

interface RawRow {
  id: string;
  title: string;
  topic_code: string;
  decided_on: string;
  decided_at: Date;
  poll_type: PollType | null;
  yes_count: number | null;
  no_count: number | null;
  abstain_count: number | null;
  voting_members: number;
  document_url: string | null;
  budget_year: string | null;
  budget_name: string | null;
}

async function readExportPage(
  db: DataSource,
  query: DecidedItemsQuery,
  after: { at: Date; id: string } | null,
): Promise<DecidedItemRow[]> {
  const params: unknown[] = [
    query.timeZone,
    query.period.from,
    query.period.to,
    [...query.organizationKinds],
    query.pageSize,
  ];
  if (after) params.push(after.at.toISOString(), after.id);
  const rows = (await db.query(
    `SELECT i.id, i.title, i.topic_code, i.decided_at,
       to_char(i.decided_at AT TIME ZONE $1, 'YYYY-MM-DD') AS decided_on,
       v.poll_type, v.yes_count, v.no_count, v.abstain_count,
       (SELECT count(*)::int FROM membership ms
         WHERE ms.organization_id = m.organization_id AND ms.voting_right
           AND ms.start_date <= (m.starts_at AT TIME ZONE $1)::date
           AND (ms.end_date IS NULL OR ms.end_date >= (m.starts_at AT TIME ZONE $1)::date)
       ) AS voting_members,
       (SELECT a.url FROM attachment a
         WHERE a.item_id = i.id AND a.mime_type = 'application/pdf'
         ORDER BY a.position LIMIT 1) AS document_url,
       -- The item has no budget columns yet: BUDGET_ANNEE and BUDGET_NOM stay empty together.
       NULL::text AS budget_year, NULL::text AS budget_name
     FROM item i
     JOIN meeting m ON m.id = i.meeting_id
     JOIN organization o ON o.id = m.organization_id
     LEFT JOIN vote v ON v.item_id = i.id
     WHERE i.decided_at IS NOT NULL
       AND i.decided_at >= ($2::date::timestamp AT TIME ZONE $1)
       AND i.decided_at < (($3::date + 1)::timestamp AT TIME ZONE $1)
       AND i.state IN (${STATES_SQL})
       AND i.public
       AND m.state IN (${MEETING_STATES_SQL})
       AND o.kind = ANY($4::text[])
       ${after ? 'AND (i.decided_at, i.id) > ($6::timestamptz, $7::uuid)' : ''}
     ORDER BY i.decided_at, i.id
     LIMIT $5`,
    params,
  )) as RawRow[];
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    topicCode: r.topic_code,
    decidedOn: r.decided_on,
    decidedAt: r.decided_at,
    pollType: r.poll_type,
    yes: r.yes_count,
    no: r.no_count,
    abstain: r.abstain_count,
    votingMembers: r.voting_members,
    documentUrl: r.document_url,
    budgetYear: r.budget_year,
    budgetName: r.budget_name,
  }));
}
