import {
  getNullableType,
  isListType,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/** A field as the cost estimate sees it; the hub decides its fan-out from this. */
export interface CostedField {
  parentType: string;
  fieldName: string;
  /** Its arguments with variables and defaults applied. */
  args: Record<string, unknown>;
  /** A field of the query or mutation type itself. */
  root: boolean;
}

export interface CostOptions {
  /** Rows assumed for a list that has no `first`/`last` (default 10). */
  defaultListSize?: number | undefined;
  /** Rows assumed for a page asked with `first: null` (default 20, the node's page size). */
  defaultPageSize?: number | undefined;
  /** How many communes a field is sent to (the hub: a root field's `communes`, else every member serving it); 1 when absent. */
  fanOut?: ((field: CostedField) => number) | undefined;
  /** A list's size when the caller knows better than the default (the hub: how many communes it has). */
  listSize?: ((field: CostedField) => number | undefined) | undefined;
}

export const DEFAULT_LIST_SIZE = 10;
const DEFAULT_PAGE_SIZE = 20;
/** Fields visited before the estimate gives up: a document this large is refused as too costly. */
const MAX_ESTIMATED_FIELDS = 10_000;

/**
 * The estimated cost of an operation: each field costs 1 plus its selection's cost, times the
 * rows of a list (`first`/`last`, the federation `representations`, else a default) and times
 * the communes the field fans out to. `Infinity` when the document is too large to estimate;
 * `undefined` when its variables are invalid (execution refuses it before any work).
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  options: CostOptions = {},
): number | undefined {
  try {
    return getComplexity({
      schema,
      query: document,
      ...(variables ? { variables } : {}),
      ...(operationName ? { operationName } : {}),
      estimators: [costEstimator(schema, options)],
      maxQueryNodes: MAX_ESTIMATED_FIELDS,
    });
  } catch (error: unknown) {
    if ((error as Error).message.includes('maximum allowed number of nodes')) return Infinity;
    return undefined;
  }
}

function costEstimator(schema: GraphQLSchema, options: CostOptions): ComplexityEstimator {
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
  return ({ type, field, args, childComplexity }) => {
    // Introspection reads the schema in memory (GraphiQL's query would count as a large one).
    if (field.name.startsWith('__')) return 0;
    const costed = {
      parentType: type.name,
      fieldName: field.name,
      args,
      root: roots.has(type.name),
    };
    const width = options.fanOut?.(costed) ?? 1;
    return width * (1 + rowsOf(type, field, args, costed, options) * childComplexity);
  };
}

/** How many times a field's selection is resolved per parent. */
function rowsOf(
  parent: GraphQLCompositeType,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  costed: CostedField,
  options: CostOptions,
): number {
  const paged = field.args.some((a) => a.name === 'first' || a.name === 'last');
  if (paged) {
    const size = args['first'] ?? args['last'];
    return typeof size === 'number' ? size : (options.defaultPageSize ?? DEFAULT_PAGE_SIZE);
  }
  const representations = args['representations'];
  if (Array.isArray(representations)) return representations.length;
  // A Relay connection's `edges` are the page its field's `first` already counted.
  if (!isListType(getNullableType(field.type)) || parent.name.endsWith('Connection')) return 1;
  return options.listSize?.(costed) ?? options.defaultListSize ?? DEFAULT_LIST_SIZE;
}
