import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '@communes/kit';
import type { MeetingState } from './meeting.entity';
import { isStaff } from './access';

/** Meetings anonymous callers and other communes' staff may see: from PUBLISHED on. */
export const PUBLIC_MEETING_STATES: readonly MeetingState[] = ['PUBLISHED', 'DECIDED', 'CLOSED'];

export function isMeetingPublic(state: MeetingState): boolean {
  return PUBLIC_MEETING_STATES.includes(state);
}

const PUBLIC_STATES_SQL = PUBLIC_MEETING_STATES.map((s) => `'${s}'`).join(', ');

/** Narrows a query over `meeting <alias>` to what the caller may see. */
export function visibleMeetings<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  ctx: RequestContext,
  alias = 'm',
): SelectQueryBuilder<T> {
  if (isStaff(ctx)) return qb;
  return qb.andWhere(`${alias}.state IN (${PUBLIC_STATES_SQL})`);
}

/**
 * Narrows a query over `item <alias>` to what the caller may see: for non-staff, public items
 * of meetings they may see (an item not on any meeting's agenda is a draft).
 */
export function visibleItems<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  ctx: RequestContext,
  alias = 'i',
): SelectQueryBuilder<T> {
  if (isStaff(ctx)) return qb;
  return qb.andWhere(
    `${alias}.public AND EXISTS (SELECT 1 FROM meeting vm WHERE vm.id = ${alias}.meeting_id AND vm.state IN (${PUBLIC_STATES_SQL}))`,
  );
}
