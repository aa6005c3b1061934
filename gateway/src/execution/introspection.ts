import { DocumentNode, executeSync, FieldNode, GraphQLSchema, Kind, OperationDefinitionNode, SelectionNode, SelectionSetNode, visit, type FragmentDefinitionNode } from 'graphql';

/**
 * Schema introspection (`__schema`, `__type`) is answered by graphql-js over the API schema,
 * never planned. @apollo/gateway hands the whole operation to federation-internals, whose
 * introspection types lag graphql-js's (no `__Type.isOneOf`, which graphql 16.15 and
 * `getIntrospectionQuery({ oneOf: true })` have: "Cannot query field isOneOf"), and runs each
 * introspection field alone after expanding its fragments. Here the two parts are split once per
 * operation:
 * - `planned`: the operation with each `__schema`/`__type` field replaced by a placeholder
 *   `responseName: __typename`, which federation-internals and the planner understand;
 * - `introspection`: the operation with only its root introspection fields (under the same
 *   fragments and `@skip`/`@include`), executed by graphql-js as one document, so that fields of
 *   the same response name merge as the spec says.
 * The response shaping puts the second's values where the placeholders are, in the client's order.
 */
export interface SplitOperation {
  /** The document to plan and to shape (one operation and its fragments). */
  planned: DocumentNode;
  /** The root introspection part, when the operation has one. */
  introspection?: DocumentNode;
  /** Response names of the placeholders (at the root). */
  placeholders: Set<string>;
}

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);
/** Response name of the `__typename` added to selection sets whose every selection is conditional; never shaped into the response. */
export const KEEP_FIELD = '__bdg_keep';

const split = new WeakMap<OperationDefinitionNode, SplitOperation>();

export function splitIntrospection(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, queryTypeName: string): SplitOperation {
  let entry = split.get(operation);
  if (entry) return entry;
  const definitions = [operation, ...Object.values(fragments)];
  const placeholders = new Set<string>();
  // Validation allows `__schema` and `__type` on the query root only, wherever its selection sets are.
  const planned = visit({ kind: Kind.DOCUMENT, definitions }, {
    SelectionSet(node: SelectionSetNode) {
      // Every selection conditional (`sectors { count @include(if: $no) }`): the query planner
      // drops such a field when all are skipped, and its non-null parent then nulls `data`; the
      // spec's answer is `{}`. An unconditional `__typename` under a hidden name keeps it planned.
      const conditional = (selection: SelectionNode) => selection.directives?.some((d) => d.name.value === 'skip' || d.name.value === 'include');
      if (node.selections.length === 0 || !node.selections.every(conditional)) return undefined;
      return { ...node, selections: [...node.selections, { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: KEEP_FIELD }, name: { kind: Kind.NAME, value: '__typename' } }] };
    },
    Field(node: FieldNode) {
      if (!INTROSPECTION_FIELDS.has(node.name.value)) return undefined;
      const responseName = node.alias?.value ?? node.name.value;
      placeholders.add(responseName);
      return { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: responseName }, name: { kind: Kind.NAME, value: '__typename' }, directives: node.directives } satisfies FieldNode;
    },
  });
  entry = { planned: withoutUnusedFragments(planned), placeholders, introspection: placeholders.size > 0 ? introspectionPart(operation, fragments, queryTypeName) : undefined };
  split.set(operation, entry);
  return entry;
}

/**
 * The planned document without the hidden `__typename`s: for the query planner when it cannot
 * plan one (a `__typename` on a type that is a non-resolvable `@interfaceObject` in the subgraph
 * answering there: "Cannot add fragment of condition …"). The all-skipped selection is then
 * dropped from the plan, as @apollo/gateway drops it.
 */
export function withoutKeepFields(document: DocumentNode): DocumentNode {
  return visit(document, {
    Field(node: FieldNode) {
      return node.alias?.value === KEEP_FIELD ? null : undefined;
    },
  });
}

/** The fragments only the introspection used (on `__Type`, …) are dropped: federation-internals would refuse their fields. */
function withoutUnusedFragments(document: DocumentNode): DocumentNode {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const used = new Set<string>();
  const use = (node: DocumentNode['definitions'][number]) =>
    visit(node, {
      FragmentSpread({ name }) {
        if (used.has(name.value)) return;
        used.add(name.value);
        const fragment = fragments.get(name.value);
        if (fragment) use(fragment);
      },
    });
  document.definitions.forEach((definition) => definition.kind === Kind.OPERATION_DEFINITION && use(definition));
  return { ...document, definitions: document.definitions.filter((definition) => definition.kind !== Kind.FRAGMENT_DEFINITION || used.has(definition.name.value)) };
}

/** The operation keeping, in its query-root selection sets, only introspection fields and `__typename`. */
function introspectionPart(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, queryTypeName: string): DocumentNode {
  const keep = (set: SelectionSetNode): SelectionSetNode => ({
    ...set,
    selections: set.selections.flatMap((selection): SelectionNode[] => {
      if (selection.kind === Kind.FIELD) return selection.name.value.startsWith('__') ? [selection] : [];
      if (selection.kind === Kind.INLINE_FRAGMENT) return !selection.typeCondition || selection.typeCondition.name.value === queryTypeName ? [{ ...selection, selectionSet: keep(selection.selectionSet) }] : [];
      return [selection];
    }),
  });
  const rootFragments = Object.values(fragments).map((fragment) => (fragment.typeCondition.name.value === queryTypeName ? { ...fragment, selectionSet: keep(fragment.selectionSet) } : fragment));
  return { kind: Kind.DOCUMENT, definitions: [{ ...operation, selectionSet: keep(operation.selectionSet) }, ...rootFragments] };
}

/** The root introspection values by response name (graphql-js's execution over the API schema). */
export function executeIntrospection(schema: GraphQLSchema, document: DocumentNode, variableValues: Record<string, unknown> | undefined): Record<string, unknown> {
  const { data, errors } = executeSync({ schema, document, rootValue: {}, variableValues });
  if ((errors && errors.length > 0) || !data) throw new Error(`Introspection should not have failed but got ${JSON.stringify(errors)}`);
  return data as Record<string, unknown>;
}
