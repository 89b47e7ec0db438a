import {
  Kind,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isListType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * What one commune's answer to one fetch holds, once read against the fetch it was sent:
 * only what the fetch selected, how many objects claim another commune, and whether the
 * answer has the shape asked for at all.
 */
export interface ScreenedAnswer {
  data: Record<string, unknown> | null;
  /** Objects whose ownership names another commune. */
  foreign: number;
  /** Where the answer stops matching the fetch (not a GraphQL answer to it); null if it matches. */
  malformed: string | null;
}

/** One response key of a selection set on one concrete type: its field and merged sub-selections. */
interface CollectedField {
  fieldName: string;
  selectionSet: SelectionSetNode | undefined;
}

/**
 * Reads a commune's answer along the fetch's selection set and its subgraph's schema, so
 * that no alias or extra key can hide a claim.
 *
 * The rule of ownership: a commune speaks only for itself. Its answer claims a commune
 * wherever it says who owns something, and every such claim must name the commune itself:
 * - a `communeCode` field, on any type (the key of every commune-owned entity, and the owner
 *   of rows such as `Category`);
 * - the `code` of a `Commune` object: the entity itself in `_entities`, and every
 *   `commune { code }` reference from an owned object to its owner.
 * Fields that name another commune without claiming ownership (`Adoption.publisherCode`: the
 * commune publishing software this commune adopted) are links, not claims: the hub resolves
 * them with the commune they name, which answers for itself, so they cannot make the network
 * attribute anything to the wrong commune. A contract field that states ownership must be
 * named `communeCode` (or be a `Commune`) for this rule to see it.
 *
 * Keys the fetch did not select are dropped, so that an answer cannot add fields the
 * planner takes from another subgraph (a commune's name from the registry).
 */
export class AnswerScreen {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  /** Fields per selection set and concrete type: answers repeat the same shapes many times. */
  private readonly collected = new WeakMap<
    SelectionSetNode,
    Map<string, Map<string, CollectedField>>
  >();
  private readonly root: GraphQLObjectType;
  private readonly selectionSet: SelectionSetNode;

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    operationName?: string | null,
  ) {
    let operation = null;
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        this.fragments.set(definition.name.value, definition);
      if (
        definition.kind === Kind.OPERATION_DEFINITION &&
        !operation &&
        (!operationName || definition.name?.value === operationName)
      )
        operation = definition;
    }
    if (!operation) throw new Error('the fetch holds no operation');
    const root =
      operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
    if (!root) throw new Error(`the subgraph has no ${operation.operation} type`);
    this.root = root;
    this.selectionSet = operation.selectionSet;
  }

  /** The answer of `commune`, screened. */
  check(data: Record<string, unknown> | null, commune: string): ScreenedAnswer {
    let foreign = 0;
    let malformed: string | null = null;
    const fail = (path: readonly (string | number)[], what: string): null => {
      malformed ??= `${what} at ${path.join('.') || 'the root'}`;
      return null;
    };
    const visitValue = (
      value: unknown,
      type: GraphQLOutputType,
      set: SelectionSetNode | undefined,
      path: (string | number)[],
    ): unknown => {
      if (value === null || value === undefined) return value;
      const nullable = getNullableType(type);
      if (isListType(nullable)) {
        if (!Array.isArray(value)) return fail(path, 'a list was expected');
        return value.map((item, i) => visitValue(item, nullable.ofType, set, [...path, i]));
      }
      if (isLeafType(nullable)) {
        return typeof value === 'object' ? fail(path, 'a scalar was expected') : value;
      }
      if (!isCompositeType(nullable) || !set || !isPlainObject(value))
        return fail(path, 'an object was expected');
      return visitObject(value, nullable, set, path);
    };
    const visitObject = (
      value: Record<string, unknown>,
      type: GraphQLCompositeType,
      set: SelectionSetNode,
      path: (string | number)[],
    ): Record<string, unknown> | null => {
      const concrete = this.concreteType(value, type);
      if (!concrete) return fail(path, `an object of type ${type.name} was expected`);
      const fields = this.fieldsOf(set, concrete);
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const field = fields.get(key);
        if (!field) continue;
        if (field.fieldName === '__typename') {
          out[key] = item;
          continue;
        }
        const definition = concrete.getFields()[field.fieldName];
        if (!definition) return fail([...path, key], 'an unknown field was answered');
        if (claimsOwnership(concrete, field.fieldName) && item !== null && item !== commune)
          foreign += 1;
        out[key] = visitValue(item, definition.type, field.selectionSet, [...path, key]);
      }
      return out;
    };
    if (data === null) return { data: null, foreign: 0, malformed: null };
    const screened = visitObject(data, this.root, this.selectionSet, []);
    return { data: malformed ? null : screened, foreign, malformed };
  }

  /** The object type an answered object is: the field's, or the one its `__typename` names. */
  private concreteType(
    value: Record<string, unknown>,
    type: GraphQLCompositeType,
  ): GraphQLObjectType | null {
    const typename = value['__typename'];
    if (isObjectType(type)) return typename === undefined || typename === type.name ? type : null;
    if (typeof typename !== 'string') return null;
    const named = this.schema.getType(typename);
    return isObjectType(named) && this.schema.isSubType(type, named) ? named : null;
  }

  /** The selection set's fields on `type`, by response key, fragments flattened (cached). */
  private fieldsOf(set: SelectionSetNode, type: GraphQLObjectType): Map<string, CollectedField> {
    let byType = this.collected.get(set);
    if (!byType) {
      byType = new Map();
      this.collected.set(set, byType);
    }
    let fields = byType.get(type.name);
    if (!fields) {
      const nodes = new Map<string, FieldNode[]>();
      this.collect(set.selections, type, nodes);
      fields = new Map(
        [...nodes.entries()].map(([key, list]) => [
          key,
          { fieldName: list[0]!.name.value, selectionSet: mergeSelectionSets(list) },
        ]),
      );
      byType.set(type.name, fields);
    }
    return fields;
  }

  private collect(
    selections: readonly SelectionNode[],
    type: GraphQLObjectType,
    into: Map<string, FieldNode[]>,
  ): void {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        into.set(key, [...(into.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        if (!condition || this.applies(condition, type))
          this.collect(selection.selectionSet.selections, type, into);
      } else {
        const fragment = this.fragments.get(selection.name.value);
        if (fragment && this.applies(fragment.typeCondition.name.value, type))
          this.collect(fragment.selectionSet.selections, type, into);
      }
    }
  }

  private applies(condition: string, type: GraphQLObjectType): boolean {
    const named = this.schema.getType(condition);
    return named === type || (isAbstractType(named) && this.schema.isSubType(named, type));
  }
}

/** Fields that say which commune owns what they are on (see `AnswerScreen`). */
function claimsOwnership(type: GraphQLObjectType, fieldName: string): boolean {
  return fieldName === 'communeCode' || (type.name === 'Commune' && fieldName === 'code');
}

/** The sub-selections of every node of one response key, as one selection set. */
function mergeSelectionSets(nodes: FieldNode[]): SelectionSetNode | undefined {
  const sets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  if (sets.length <= 1) return sets[0];
  return { kind: Kind.SELECTION_SET, selections: sets.flatMap((set) => set.selections) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
