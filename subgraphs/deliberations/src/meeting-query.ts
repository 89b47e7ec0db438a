import type { SelectQueryBuilder } from 'typeorm';
import { BadUserInput } from '@communes/kit';
import type { MeetingFilter } from './generated/graphql';
import type { Meeting, MeetingState } from './meeting.entity';
import { Problems, isUuid, parseDate, parseInstant } from './validation';
import type { SortKey } from '@communes/kit';

export const MEETING_ORDER: Record<'STARTS_AT', SortKey> = {
  STARTS_AT: { column: 'm.starts_at', idColumn: 'm.id', timestamp: true },
};

/** A bound of a period: a local calendar date, or an instant with its offset. */
type Bound = { date: string } | { instant: Date };

export interface CheckedMeetingFilter {
  organization: string | null;
  from: Bound | null;
  to: Bound | null;
  state: MeetingState | null;
}

/** Checks the whole filter and reports every problem at once, as `filter.<field>`. */
export function checkMeetingFilter(filter: MeetingFilter | null | undefined): CheckedMeetingFilter {
  const problems = new Problems();
  const organization = filter?.organization ?? null;
  if (organization !== null && !isUuid(organization)) {
    problems.add('filter.organization', 'must be an organization id');
  }
  const from = readBound(filter?.from, 'filter.from', problems);
  const to = readBound(filter?.to, 'filter.to', problems);
  if (!problems.empty) throw new BadUserInput(problems.list);
  return { organization, from, to, state: filter?.state ?? null };
}

function readBound(value: string | null | undefined, field: string, problems: Problems) {
  if (value === null || value === undefined) return null;
  const date = parseDate(value);
  if (date) return { date };
  const instant = parseInstant(value);
  if (instant) return { instant };
  problems.add(field, 'must be an ISO 8601 date (2026-03-12) or date and time with its offset');
  return null;
}

/** Adds the filter to a query over `meeting m`; dates are the commune's local dates. */
export function applyMeetingFilter(
  qb: SelectQueryBuilder<Meeting>,
  filter: CheckedMeetingFilter,
  timeZone: string,
): SelectQueryBuilder<Meeting> {
  if (filter.organization) {
    qb.andWhere('m.organization_id = :organization', { organization: filter.organization });
  }
  if (filter.state) qb.andWhere('m.state = :state', { state: filter.state });
  for (const [name, bound, comparison] of [
    ['from', filter.from, '>='],
    ['to', filter.to, '<'],
  ] as const) {
    if (!bound) continue;
    const sql =
      'date' in bound
        ? `m.starts_at ${comparison} (CAST(:${name} AS timestamp) AT TIME ZONE :timeZone)`
        : `m.starts_at ${comparison} CAST(:${name} AS timestamptz)`;
    qb.andWhere(sql, {
      [name]: 'date' in bound ? bound.date : bound.instant.toISOString(),
      timeZone,
    });
  }
  return qb;
}
