/** The queries of issue 10's attacker, and their cousins for each limit. */

/** `organizations { members { person { memberships { organization … } } } }` four times over: depth 18. */
export const DEPTH_ATTACK = `{ organizations { ${'members { person { memberships { organization { '.repeat(4)}name${' } } } }'.repeat(4)} } }`;

/** 1,000 aliases of `businesses(first: 100)`: 10,000 tokens. */
export const ALIAS_ATTACK = aliasesOfBusinesses(1_000);

export function aliasesOfBusinesses(count: number): string {
  const fields = Array.from(
    { length: count },
    (_, i) => `a${i}: businesses(first: 100) { totalCount }`,
  );
  return `{ ${fields.join(' ')} }`;
}

/** No alias, no depth: just more tokens than the default 2,000. */
export const TOKEN_FLOOD = `{ ${'__typename '.repeat(2_500)}}`;

/** 31 directives, each on its own selection of the same field (which GraphQL merges). */
export const DIRECTIVE_FLOOD = `{ ${'__typename @include(if: true) '.repeat(31)}}`;

/**
 * Nine levels of lists without `first` (under the depth limit): 10 rows assumed per list, so
 * 122,211 per commune, past the default cost of 50,000.
 */
export const NESTED_LISTS = `{ organizations { members { person { memberships { organization { members { person { memberships { role } } } } } } } } }`;
