import { parse, visit, type ASTNode } from 'graphql';
import { contractSdl, contractSubgraphNames } from './contract';

/**
 * Every type, field, argument, input field and enum value of the contract carries a description:
 * the contract is what developers explore in the IDE and introspection, so an undescribed element
 * is a gap in the API's documentation. Lists each one missing as `Type.field(argument)`.
 */
function undescribed(sdl: string): string[] {
  const missing: string[] = [];
  const typeNames: string[] = [];
  const fieldNames: string[] = [];
  const described = (node: { description?: { value: string } | undefined }): boolean =>
    (node.description?.value.trim() ?? '') !== '';
  const enterType = (
    node: ASTNode & { name: { value: string }; description?: { value: string } },
  ) => {
    typeNames.push(node.name.value);
    if (!described(node)) missing.push(node.name.value);
  };
  const leaveType = () => {
    typeNames.pop();
  };
  const typeVisitor = { enter: enterType, leave: leaveType };
  // Extensions describe nothing themselves: their fields are checked under the extended type's name.
  const extensionVisitor = {
    enter: (node: { name: { value: string } }) => {
      typeNames.push(node.name.value);
    },
    leave: leaveType,
  };
  visit(parse(sdl), {
    ObjectTypeDefinition: typeVisitor,
    InterfaceTypeDefinition: typeVisitor,
    InputObjectTypeDefinition: typeVisitor,
    EnumTypeDefinition: typeVisitor,
    UnionTypeDefinition: typeVisitor,
    ScalarTypeDefinition: typeVisitor,
    ObjectTypeExtension: extensionVisitor,
    InterfaceTypeExtension: extensionVisitor,
    InputObjectTypeExtension: extensionVisitor,
    EnumTypeExtension: extensionVisitor,
    DirectiveDefinition: () => false,
    FieldDefinition: {
      enter(node) {
        fieldNames.push(node.name.value);
        if (!described(node)) missing.push(`${typeNames.at(-1)}.${node.name.value}`);
      },
      leave() {
        fieldNames.pop();
      },
    },
    InputValueDefinition(node, _key, _parent, _path, ancestors) {
      const owner = ancestors.at(-1) as ASTNode | undefined;
      const path =
        owner && 'kind' in owner && owner.kind === 'FieldDefinition'
          ? `${typeNames.at(-1)}.${fieldNames.at(-1)}(${node.name.value})`
          : `${typeNames.at(-1)}.${node.name.value}`;
      if (!described(node)) missing.push(path);
    },
    EnumValueDefinition(node) {
      if (!described(node)) missing.push(`${typeNames.at(-1)}.${node.name.value}`);
    },
  });
  return missing;
}

describe('contract descriptions', () => {
  it('finds the contract files', () => {
    expect(contractSubgraphNames().length).toBeGreaterThan(0);
  });

  it.each(contractSubgraphNames())('describes every element of %s.graphql', (subgraph) => {
    expect(undescribed(contractSdl(subgraph))).toEqual([]);
  });

  it('reports what it misses by path', () => {
    const sdl = `
      "Described."
      type Query { items(filter: String): [String!]! }
      "Described."
      enum E { A }
      input I { x: Int }
    `;
    expect(undescribed(sdl)).toEqual(['Query.items', 'Query.items(filter)', 'E.A', 'I', 'I.x']);
  });
});
