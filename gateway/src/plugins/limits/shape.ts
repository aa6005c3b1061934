import { DocumentNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';

/** Static measures of one operation, with fragments expanded where they are spread. */
export interface OperationShape {
  /** Deepest field nesting (a root field is depth 1); introspection subtrees are not counted. */
  depth: number;
  /** Fields with an alias, counted once per place a fragment is spread. */
  aliases: number;
  /** Distinct response keys at the root, without __typename. */
  rootFields: number;
  /** Selects __schema or __type somewhere. */
  introspection: boolean;
}

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

interface Measure {
  depth: number;
  aliases: number;
  introspection: boolean;
}

export function measureOperation(document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  // Memoised per fragment: a fragment spread many times (or fragments spreading each other) is
  // measured once, so a small document cannot make this walk exponential.
  const memo = new Map<string, Measure>();
  const visiting = new Set<string>();

  function measure(selectionSet: SelectionSetNode): Measure {
    const result: Measure = { depth: 0, aliases: 0, introspection: false };
    for (const selection of selectionSet.selections) {
      let inner: Measure | undefined;
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) result.aliases += 1;
        if (INTROSPECTION_FIELDS.has(selection.name.value)) {
          result.introspection = true;
          continue;
        }
        const below = selection.selectionSet ? measure(selection.selectionSet) : { depth: 0, aliases: 0, introspection: false };
        inner = { ...below, depth: below.depth + 1 };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = measure(selection.selectionSet);
      } else {
        inner = fragmentMeasure(selection.name.value);
      }
      result.depth = Math.max(result.depth, inner.depth);
      result.aliases += inner.aliases;
      result.introspection ||= inner.introspection;
    }
    return result;
  }

  function fragmentMeasure(name: string): Measure {
    const known = memo.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    // Unknown or cyclic spreads fail validation before this runs; count them as nothing.
    if (!fragment || visiting.has(name)) return { depth: 0, aliases: 0, introspection: false };
    visiting.add(name);
    const result = measure(fragment.selectionSet);
    visiting.delete(name);
    memo.set(name, result);
    return result;
  }

  const rootKeys = new Set<string>();
  const collectRoot = (selectionSet: SelectionSetNode, seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '__typename') rootKeys.add((selection.alias ?? selection.name).value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collectRoot(selection.selectionSet, seen);
      } else if (!seen.has(selection.name.value) && fragments.has(selection.name.value)) {
        seen.add(selection.name.value);
        collectRoot(fragments.get(selection.name.value)!.selectionSet, seen);
      }
    }
  };
  collectRoot(operation.selectionSet, new Set());
  const measured = measure(operation.selectionSet);
  return { depth: measured.depth, aliases: measured.aliases, rootFields: rootKeys.size, introspection: measured.introspection };
}
