import {
  Kind,
  TypeInfo,
  getArgumentValues,
  isObjectType,
  parse,
  print,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { AnswerScreen } from './claims';
import { routingOf, shapeOf, type MergeShape, type Routing } from './shapes';

/** One root field of a subgraph fetch, with how to route and merge it. */
export interface RootField {
  responseKey: string;
  fieldName: string;
  shape: MergeShape;
  routing: Routing;
  node: FieldNode;
  /** For connections: the variable that carries each commune's own `after` cursor. */
  afterVariable?: string;
}

/** A subgraph fetch as the executor sees it: parsed, classified, and rewritten once. */
export interface AnalysedOperation {
  kind: 'query' | 'mutation';
  /** `_entities(representations: …)`: routed by the commune in each representation. */
  entities: boolean;
  /** `_service { sdl }`: answered by the hub from the contract. */
  service: boolean;
  fields: RootField[];
  /**
   * The text sent to communes: connection fields read `after` from a per-commune variable,
   * and select what merging needs (cursors, `pageInfo.hasNextPage`, `totalCount`, the `key`
   * of buckets, and `communeCode` wherever the type has it, to check what a commune claims).
   */
  text: string;
  /** Reads each commune's answer against `text`: what it selected, what it claims. */
  screen: AnswerScreen;
}

const AFTER_PREFIX = '__networkAfter';

/** Analyses a fetch against its subgraph's schema; callers cache by query text. */
export function analyseOperation(
  query: string,
  schema: GraphQLSchema,
  operationName?: string | null,
): AnalysedOperation {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  if (!operation) throw new Error('the fetch holds no operation');
  if (operation.operation === 'subscription')
    throw new Error('subscriptions are not served by the network');
  const kind = operation.operation;
  const rootType = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  if (!rootType) throw new Error(`the subgraph has no ${kind} type`);
  const fields: RootField[] = [];
  let counter = 0;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD)
      throw new Error('root fragments are not supported in subgraph fetches');
    if (selection.name.value === '__typename') continue;
    const definition = rootType.getFields()[selection.name.value];
    if (!definition) throw new Error(`unknown root field ${selection.name.value}`);
    const shape = shapeOf(definition.type);
    fields.push({
      responseKey: selection.alias?.value ?? selection.name.value,
      fieldName: selection.name.value,
      shape,
      routing: routingOf(definition, kind),
      node: selection,
      ...(shape === 'connection' ? { afterVariable: `${AFTER_PREFIX}${counter++}` } : {}),
    });
  }
  const names = fields.map((f) => f.fieldName);
  const sent = rewrite(document, operation, fields, schema);
  return {
    kind,
    entities: names.includes('_entities'),
    service: names.length > 0 && names.every((n) => n === '_service'),
    fields,
    text: print(sent),
    screen: new AnswerScreen(schema, sent, operationName),
  };
}

/** The arguments of a root field with variables and defaults applied. */
export function argumentsOf(
  field: RootField,
  schema: GraphQLSchema,
  kind: 'query' | 'mutation',
  variables: Record<string, unknown>,
): Record<string, unknown> {
  const rootType = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  const definition = rootType!.getFields()[field.fieldName]!;
  return getArgumentValues(definition, field.node, variables);
}

function rewrite(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  fields: RootField[],
  schema: GraphQLSchema,
): DocumentNode {
  const connections = new Map(
    fields.filter((f) => f.afterVariable).map((f) => [f.node, f.afterVariable!]),
  );
  const typeInfo = new TypeInfo(schema);
  const withClaims = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet(node) {
        const type = typeInfo.getParentType();
        if (!isObjectType(type) || !('communeCode' in type.getFields())) return undefined;
        return ensureSelected(node, 'communeCode');
      },
    }),
  );
  const rewritten = visit(withClaims, {
    OperationDefinition(node) {
      if (node.loc?.start !== operation.loc?.start) return undefined;
      const extra = [...connections.values()].map((name) => ({
        kind: Kind.VARIABLE_DEFINITION as const,
        variable: { kind: Kind.VARIABLE as const, name: { kind: Kind.NAME as const, value: name } },
        type: {
          kind: Kind.NAMED_TYPE as const,
          name: { kind: Kind.NAME as const, value: 'String' },
        },
      }));
      const selections = node.selectionSet.selections.map((selection) => {
        if (selection.kind !== Kind.FIELD) return selection;
        const original = fields.find((f) => sameField(f.node, selection));
        // Buckets merge by key: without it, every commune's buckets would fall into one.
        if (original?.shape === 'buckets' && selection.selectionSet)
          return { ...selection, selectionSet: ensureSelected(selection.selectionSet, 'key') };
        if (!original?.afterVariable) return selection;
        return withConnectionNeeds(selection, original.afterVariable);
      });
      return {
        ...node,
        variableDefinitions: [...(node.variableDefinitions ?? []), ...extra],
        selectionSet: { ...node.selectionSet, selections },
      };
    },
  });
  return withoutUnusedVariables(rewritten);
}

/** Drops variable definitions nothing reads any more (the replaced `after`): GraphQL forbids them. */
function withoutUnusedVariables(document: DocumentNode): DocumentNode {
  return visit(document, {
    OperationDefinition(node) {
      const used = new Set<string>();
      visit(node.selectionSet, {
        Variable(variable) {
          used.add(variable.name.value);
        },
      });
      return {
        ...node,
        variableDefinitions: (node.variableDefinitions ?? []).filter((d) =>
          used.has(d.variable.name.value),
        ),
      };
    },
  });
}

function sameField(a: FieldNode, b: FieldNode): boolean {
  return (a.alias?.value ?? a.name.value) === (b.alias?.value ?? b.name.value);
}

/** A connection field reading `after` from the commune's variable, selecting what merging needs. */
function withConnectionNeeds(field: FieldNode, afterVariable: string): FieldNode {
  const args = (field.arguments ?? []).filter((a) => a.name.value !== 'after');
  args.push({
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: 'after' },
    value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: afterVariable } },
  });
  let selectionSet = field.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] };
  selectionSet = ensureSelected(selectionSet, 'totalCount');
  selectionSet = ensureNested(selectionSet, 'edges', 'cursor');
  selectionSet = ensureNested(selectionSet, 'pageInfo', 'hasNextPage');
  return { ...field, arguments: args, selectionSet };
}

function ensureSelected(set: SelectionSetNode, name: string): SelectionSetNode {
  const present = set.selections.some(
    (s) => s.kind === Kind.FIELD && !s.alias && s.name.value === name,
  );
  if (present) return set;
  return { ...set, selections: [...set.selections, leaf(name)] };
}

function ensureNested(set: SelectionSetNode, parent: string, child: string): SelectionSetNode {
  const index = set.selections.findIndex(
    (s) => s.kind === Kind.FIELD && !s.alias && s.name.value === parent,
  );
  if (index < 0) {
    return {
      ...set,
      selections: [
        ...set.selections,
        { ...leaf(parent), selectionSet: { kind: Kind.SELECTION_SET, selections: [leaf(child)] } },
      ],
    };
  }
  const existing = set.selections[index] as FieldNode;
  const selections = [...set.selections];
  selections[index] = { ...existing, selectionSet: ensureSelected(existing.selectionSet!, child) };
  return { ...set, selections };
}

function leaf(name: string): FieldNode {
  return { kind: Kind.FIELD, name: { kind: Kind.NAME, value: name } };
}
