import type { SelectQueryBuilder } from 'typeorm';
import { BadUserInput, Problems, foldText, type SortKey } from '@communes/kit';
import type { Component } from './component.entity';
import { developmentStatusFromGraphql, softwareTypeFromGraphql } from './enums';
import type { ComponentFilter } from './generated/graphql';
import { CATEGORIES, isSpdxLicenseId, languageTagProblem } from './publiccode';

export type ComponentOrderField = 'NAME' | 'RELEASE_DATE' | 'UPDATED_AT';

export const COMPONENT_ORDER: Record<ComponentOrderField, SortKey> = {
  NAME: { column: 'c.name_sort', idColumn: 'c.id', timestamp: false },
  RELEASE_DATE: { column: 'c.release_sort', idColumn: 'c.id', timestamp: false },
  UPDATED_AT: { column: 'c.updated_at', idColumn: 'c.id', timestamp: true },
};

/** The sort key of a component in an order, as its cursor carries it. */
export function componentSortKey(component: Component, field: ComponentOrderField): string {
  switch (field) {
    case 'NAME':
      return component.nameSort;
    case 'RELEASE_DATE':
      return component.releaseSort;
    case 'UPDATED_AT':
      return component.updatedAt.toISOString();
  }
}

export interface CheckedComponentFilter {
  words: string[];
  category: string | null;
  license: string | null;
  softwareType: string | null;
  developmentStatus: string | null;
  language: string | null;
  url: string | null;
}

const MAX_SEARCH = 200;

/** Checks the whole filter and reports every problem at once, as `filter.<field>`. */
export function checkComponentFilter(
  filter: ComponentFilter | null | undefined,
): CheckedComponentFilter {
  const problems = new Problems();
  let words: string[] = [];
  if (filter?.search != null) {
    words = foldText(filter.search).split(' ').filter(Boolean);
    if (filter.search.length > MAX_SEARCH) {
      problems.add('filter.search', `must be at most ${MAX_SEARCH} characters`);
    } else if (words.length === 0) {
      problems.add('filter.search', 'must contain a letter or a digit');
    }
  }
  if (filter?.category != null && !CATEGORIES.includes(filter.category)) {
    problems.add('filter.category', 'must be a publiccode.yml category, e.g. document-management');
  }
  if (filter?.license != null && !isSpdxLicenseId(filter.license)) {
    problems.add('filter.license', 'must be one SPDX licence identifier, e.g. EUPL-1.2');
  }
  if (filter?.language != null) {
    const problem = languageTagProblem(filter.language);
    if (problem) problems.add('filter.language', problem);
  }
  if (filter?.url != null && filter.url.trim() === '') {
    problems.add('filter.url', 'must not be empty');
  }
  if (!problems.empty) throw new BadUserInput(problems.list);
  return {
    words,
    category: filter?.category ?? null,
    license: filter?.license ?? null,
    softwareType: filter?.softwareType ? softwareTypeFromGraphql(filter.softwareType) : null,
    developmentStatus: filter?.developmentStatus
      ? developmentStatusFromGraphql(filter.developmentStatus)
      : null,
    language: filter?.language?.toLowerCase() ?? null,
    url: filter?.url?.trim() ?? null,
  };
}

/** Adds the filter to a query over `component c`. */
export function applyComponentFilter(
  qb: SelectQueryBuilder<Component>,
  filter: CheckedComponentFilter,
): SelectQueryBuilder<Component> {
  if (filter.words.length > 0) {
    // Each word as a prefix, stemmed in French or in English: "documents" finds "Document".
    const query = filter.words
      .map((_w, i) => `(to_tsquery('french', :w${i}) || to_tsquery('english', :w${i}))`)
      .join(' && ');
    qb.andWhere(
      `c.search_vector @@ (${query})`,
      Object.fromEntries(filter.words.map((w, i) => [`w${i}`, `${w}:*`])),
    );
  }
  if (filter.category) {
    qb.andWhere('c.categories @> ARRAY[CAST(:category AS text)]', { category: filter.category });
  }
  if (filter.license) {
    qb.andWhere('c.license_ids @> ARRAY[CAST(:license AS text)]', { license: filter.license });
  }
  if (filter.softwareType) qb.andWhere('c.software_type = :type', { type: filter.softwareType });
  if (filter.developmentStatus) {
    qb.andWhere('c.development_status = :status', { status: filter.developmentStatus });
  }
  if (filter.language) {
    // `fr` matches `fr` and `fr-BE`; `fr-BE` matches itself only.
    qb.andWhere(
      `EXISTS (SELECT 1 FROM unnest(c.languages) AS l(tag)
        WHERE lower(l.tag) = :language OR lower(l.tag) LIKE :languagePrefix)`,
      { language: filter.language, languagePrefix: `${filter.language}-%` },
    );
  }
  if (filter.url) qb.andWhere('c.url = :url', { url: filter.url });
  return qb;
}
