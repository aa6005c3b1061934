import {
  DocumentNode,
  execute,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLSchema,
  isAbstractType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
} from 'graphql';
// graphql-js's own CollectFields (the spec's algorithm), so the order checked is the reference's.
import { collectFields, collectSubfields } from 'graphql/execution/collectFields';

/** What graphql-js says an operation's answer must look like, where it can say it without the subgraphs. */
export interface Reference {
  /** graphql-js's answer to a root introspection field of the operation, over the API schema. */
  introspection(responseName: string): unknown;
  /** Every object of `data` has its keys in the order CollectFields gives for its type (the spec's response order). */
  inSpecOrder(data: unknown): boolean;
}

export function referenceFor(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): Reference {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  let introspected: Record<string, unknown> | undefined;

  /** The keys of `value` in order for an object of `type` selected by `fieldNodes` (the root when undefined). */
  function ordered(value: Record<string, unknown>, type: GraphQLObjectType, fieldNodes?: readonly FieldNode[]): boolean {
    const fields = fieldNodes ? collectSubfields(schema, fragments, variables, type, fieldNodes) : collectFields(schema, fragments, variables, type, operation.selectionSet);
    const expected = [...fields.keys()].filter((key) => key in value);
    if (JSON.stringify(expected) !== JSON.stringify(Object.keys(value))) return false;
    return expected.every((key) => {
      const nodes = fields.get(key)!;
      const name = nodes[0].name.value;
      if (name.startsWith('__')) return true; // __typename is a leaf; root introspection is checked against graphql-js's answer
      return valueInOrder(value[key], type.getFields()[name].type, nodes);
    });
  }

  function valueInOrder(value: unknown, type: GraphQLOutputType, fieldNodes: readonly FieldNode[]): boolean {
    if (value === null || value === undefined) return true;
    const nullable = getNullableType(type);
    if (isListType(nullable)) return Array.isArray(value) && value.every((item) => valueInOrder(item, nullable.ofType, fieldNodes));
    const named: GraphQLNamedType = getNamedType(nullable);
    if (typeof value !== 'object') return true;
    if (isObjectType(named)) return ordered(value as Record<string, unknown>, named, fieldNodes);
    // An abstract type without its __typename in the answer: in order for one of its possible types.
    if (isAbstractType(named)) return schema.getPossibleTypes(named).some((candidate) => ordered(value as Record<string, unknown>, candidate, fieldNodes));
    return true;
  }

  return {
    introspection(responseName) {
      if (!introspected) {
        const definitions = document.definitions.map((d) => (d.kind === Kind.OPERATION_DEFINITION ? { ...d, selectionSet: { ...d.selectionSet, selections: d.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__')) } } : d));
        introspected = JSON.parse(JSON.stringify(execute({ schema, document: { ...document, definitions }, variableValues: variables, rootValue: {} }))).data ?? {};
      }
      return introspected![responseName];
    },
    inSpecOrder(data) {
      const root = schema.getQueryType();
      return data === null || data === undefined || (!!root && typeof data === 'object' && ordered(data as Record<string, unknown>, root));
    },
  };
}
