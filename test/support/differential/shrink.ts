import { ASTNode, DocumentNode, FragmentDefinitionNode, GraphQLSchema, Kind, validate, visit } from 'graphql';

/** Kinds of nodes the shrinker tries to remove, one at a time. */
const REMOVABLE = new Set<string>([Kind.FIELD, Kind.INLINE_FRAGMENT, Kind.FRAGMENT_SPREAD, Kind.ARGUMENT, Kind.DIRECTIVE, Kind.FRAGMENT_DEFINITION, Kind.VARIABLE_DEFINITION, Kind.OPERATION_DEFINITION]);

type Step = 'remove' | 'unalias' | 'inline';

/**
 * The document with one change at its `index`-th node of the step's kind: a removable node
 * removed, an alias dropped, or a fragment spread replaced by the fragment's selections inline.
 */
function candidate(document: DocumentNode, index: number, step: Step): DocumentNode | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  let seen = -1;
  let changed = false;
  const result = visit(document, {
    enter(node: ASTNode) {
      if (changed) return undefined;
      if (step === 'unalias') {
        if (node.kind !== Kind.FIELD || !node.alias) return undefined;
      } else if (step === 'inline') {
        if (node.kind !== Kind.FRAGMENT_SPREAD) return undefined;
      } else if (!REMOVABLE.has(node.kind)) return undefined;
      seen += 1;
      if (seen !== index) return undefined;
      changed = true;
      if (node.kind === Kind.FIELD && step === 'unalias') return { ...node, alias: undefined };
      if (node.kind === Kind.FRAGMENT_SPREAD && step === 'inline') {
        const fragment = fragments.get(node.name.value);
        return fragment ? { kind: Kind.INLINE_FRAGMENT, typeCondition: fragment.typeCondition, directives: node.directives, selectionSet: fragment.selectionSet } : undefined;
      }
      return null;
    },
  });
  return changed ? withoutUnused(result) : undefined;
}

/** Drops the fragments and variables nothing uses any more (validation refuses unused ones). */
function withoutUnused(document: DocumentNode): DocumentNode {
  let current = document;
  for (;;) {
    const spread = new Set<string>();
    const variables = new Set<string>();
    for (const definition of current.definitions) {
      visit(definition, {
        FragmentSpread: (node) => void spread.add(node.name.value),
        VariableDefinition: () => false,
        Variable: (node) => void variables.add(node.name.value),
      });
    }
    const definitions = current.definitions
      .filter((d) => d.kind !== Kind.FRAGMENT_DEFINITION || spread.has(d.name.value))
      .map((d) => (d.kind === Kind.OPERATION_DEFINITION ? { ...d, variableDefinitions: d.variableDefinitions?.filter((v) => variables.has(v.variable.name.value)) } : d));
    const same = definitions.length === current.definitions.length && definitions.every((d, i) => d.kind !== Kind.OPERATION_DEFINITION || d.variableDefinitions?.length === (current.definitions[i] as typeof d).variableDefinitions?.length);
    current = { ...current, definitions };
    if (same) return current;
  }
}

/** Variables the document still defines: the others are dropped with their values. */
function usedVariables(document: DocumentNode, variables: Record<string, unknown>): Record<string, unknown> {
  const defined = new Set<string>();
  visit(document, { VariableDefinition: (node) => void defined.add(node.variable.name.value) });
  return Object.fromEntries(Object.entries(variables).filter(([name]) => defined.has(name)));
}

/**
 * The smallest operation (greedy, one node at a time) for which `differs` still holds and which
 * still validates against the schema (unless the original did not): what a reader of a failure
 * needs to see.
 */
export async function shrink(
  schema: GraphQLSchema,
  start: { document: DocumentNode; variables: Record<string, unknown> },
  differs: (document: DocumentNode, variables: Record<string, unknown>) => Promise<boolean>,
  maxTries = 400,
): Promise<{ document: DocumentNode; variables: Record<string, unknown>; tries: number }> {
  const mustValidate = validate(schema, start.document).length === 0;
  let current = start;
  let tries = 0;
  let progress = true;
  while (progress && tries < maxTries) {
    progress = false;
    for (const step of ['remove', 'inline', 'unalias'] as const) {
      for (let index = 0; tries < maxTries; index += 1) {
        const document = candidate(current.document, index, step);
        if (!document) break;
        if (document.definitions.every((d) => d.kind !== Kind.OPERATION_DEFINITION)) continue;
        if (mustValidate && validate(schema, document).length > 0) continue;
        tries += 1;
        const variables = usedVariables(document, current.variables);
        if (await differs(document, variables)) {
          current = { document, variables };
          progress = true;
          index -= 1; // the same index now names the next node
        }
      }
    }
  }
  return { ...current, tries };
}
