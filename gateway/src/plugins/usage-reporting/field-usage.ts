import { DocumentNode, getNamedType, GraphQLSchema, isEnumType, isInputObjectType, Kind, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { operationWithFragments } from './signature';

/** A schema coordinate an operation uses, with the type it belongs to. */
export interface UsedCoordinate {
  coordinate: string;
  typeName: string;
}

/**
 * The schema coordinates one operation uses, walked with graphql's TypeInfo over the schema the
 * gateway serves: "Type.field" for each selected field, "Type.field(arg:)" for each argument
 * given, "Input.field" and "Enum.VALUE" for literals, and a bare type name for fragment type
 * conditions and for input objects or enums passed in variables (their fields are not visible).
 * This is what the registry matches breaking changes against.
 */
export function usedCoordinates(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): UsedCoordinate[] {
  const selected = operationWithFragments(document, operationName);
  if (!selected) return [];
  const used = new Map<string, string>();
  const add = (coordinate: string, typeName: string) => used.set(coordinate, typeName);
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = typeInfo.getParentType();
      if (parent && typeInfo.getFieldDef() && !node.name.value.startsWith('__')) add(`${parent.name}.${node.name.value}`, parent.name);
    },
    Argument(node) {
      const parent = typeInfo.getParentType();
      const field = typeInfo.getFieldDef();
      if (parent && field && !typeInfo.getDirective() && typeInfo.getArgument()) add(`${parent.name}.${field.name}(${node.name.value}:)`, parent.name);
    },
    ObjectField(node) {
      const parent = getNamedType(typeInfo.getParentInputType() ?? undefined);
      if (parent && isInputObjectType(parent)) add(`${parent.name}.${node.name.value}`, parent.name);
    },
    EnumValue(node) {
      const type = getNamedType(typeInfo.getInputType() ?? undefined);
      if (type && isEnumType(type)) add(`${type.name}.${node.value}`, type.name);
    },
    VariableDefinition() {
      const type = getNamedType(typeInfo.getInputType() ?? undefined);
      if (type && (isInputObjectType(type) || isEnumType(type))) add(type.name, type.name);
    },
    InlineFragment(node) {
      if (node.typeCondition) add(node.typeCondition.name.value, node.typeCondition.name.value);
    },
    FragmentDefinition(node) {
      add(node.typeCondition.name.value, node.typeCondition.name.value);
    },
  });
  for (const definition of [selected.operation, ...selected.fragments]) visit({ kind: Kind.DOCUMENT, definitions: [definition] }, visitor);
  return [...used].map(([coordinate, typeName]) => ({ coordinate, typeName })).sort((a, b) => a.coordinate.localeCompare(b.coordinate));
}
