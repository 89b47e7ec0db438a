import type { SelectQueryBuilder } from 'typeorm';
import { BadUserInput, Problems, type SortKey } from '@communes/kit';
import type { Adoption, AdoptionStatus } from './adoption.entity';
import type { AdoptionFilter } from './generated/graphql';

export type AdoptionOrderField = 'SINCE' | 'COMPONENT_NAME';

export const ADOPTION_ORDER: Record<AdoptionOrderField, SortKey> = {
  SINCE: { column: 'a.since', idColumn: 'a.id', timestamp: false },
  COMPONENT_NAME: { column: 'a.component_name_sort', idColumn: 'a.id', timestamp: false },
};

export function adoptionSortKey(adoption: Adoption, field: AdoptionOrderField): string {
  return field === 'SINCE' ? adoption.since : adoption.componentNameSort;
}

/** Current adoptions: what a null `filter.status` means. */
export const CURRENT: readonly AdoptionStatus[] = ['EVALUATING', 'IN_PRODUCTION'];

export interface CheckedAdoptionFilter {
  componentUrl: string | null;
  statuses: readonly AdoptionStatus[];
}

export function checkAdoptionFilter(
  filter: AdoptionFilter | null | undefined,
): CheckedAdoptionFilter {
  const problems = new Problems();
  const componentUrl = filter?.componentUrl?.trim() ?? null;
  if (componentUrl === '') problems.add('filter.componentUrl', 'must not be empty');
  if (filter?.status && filter.status.length === 0) {
    problems.add('filter.status', 'must name at least one status (null: current adoptions)');
  }
  if (!problems.empty) throw new BadUserInput(problems.list);
  return { componentUrl, statuses: filter?.status ?? CURRENT };
}

export function applyAdoptionFilter(
  qb: SelectQueryBuilder<Adoption>,
  filter: CheckedAdoptionFilter,
): SelectQueryBuilder<Adoption> {
  qb.andWhere('a.status IN (:...statuses)', { statuses: filter.statuses });
  if (filter.componentUrl) qb.andWhere('a.component_url = :url', { url: filter.componentUrl });
  return qb;
}
