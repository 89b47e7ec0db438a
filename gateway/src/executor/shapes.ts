import {
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * How answers of many communes to one root field become one answer, read from the field's
 * return type: a connection merges as a network page, buckets (`key`, `count`) merge by key,
 * largest count first, except month buckets (a bucket type named `…MonthCount`, keys
 * `2026-03`), a time series kept in key order, oldest first; a list concatenates; anything
 * else is taken from the one commune that answers.
 */
export type MergeShape = 'connection' | 'buckets' | 'monthBuckets' | 'list' | 'single';

export function shapeOf(type: GraphQLOutputType): MergeShape {
  const unwrapped = isNonNullType(type) ? type.ofType : type;
  if (isListType(unwrapped)) {
    const item = getNamedType(unwrapped);
    if (isObjectType(item) && 'key' in item.getFields() && 'count' in item.getFields())
      return item.name.endsWith('MonthCount') ? 'monthBuckets' : 'buckets';
    return 'list';
  }
  const named = getNamedType(unwrapped);
  if (isObjectType(named)) {
    const fields = named.getFields();
    if ('edges' in fields && 'pageInfo' in fields && 'totalCount' in fields) return 'connection';
  }
  return 'single';
}

/** How a root field chooses its communes, read from its arguments. */
export type Routing =
  | { kind: 'communes'; argument: 'communes' }
  | { kind: 'one'; argument: string; path: string[] }
  | { kind: 'all' };

export function routingOf(
  field: GraphQLField<unknown, unknown>,
  operation: 'query' | 'mutation',
): Routing {
  const names = field.args.map((a) => a.name);
  if (operation === 'query' && names.includes('communes'))
    return { kind: 'communes', argument: 'communes' };
  if (names.includes('communeCode')) return { kind: 'one', argument: 'communeCode', path: [] };
  if (operation === 'mutation') {
    if (names.includes('commune')) return { kind: 'one', argument: 'commune', path: [] };
    if (names.includes('input')) return { kind: 'one', argument: 'input', path: ['communeCode'] };
  }
  return { kind: 'all' };
}

/** Contract errors: fields the executor could not route or merge. Checked at composition. */
export function contractProblems(subgraph: string, schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  const query = schema.getQueryType();
  for (const field of Object.values(query?.getFields() ?? {})) {
    if (field.name.startsWith('_')) continue;
    const routing = routingOf(field, 'query');
    const shape = shapeOf(field.type);
    if (routing.kind !== 'one' && shape === 'single') {
      problems.push(
        `${subgraph}: Query.${field.name} spans communes but returns ${String(field.type)}, which the hub cannot merge (use a connection, a list or buckets with key and count)`,
      );
    }
  }
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    if (routingOf(field, 'mutation').kind !== 'one') {
      problems.push(
        `${subgraph}: Mutation.${field.name} names no commune (commune: ID!, communeCode, or input.communeCode)`,
      );
    }
  }
  return problems;
}
