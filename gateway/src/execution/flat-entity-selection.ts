import type { FetchNode } from '@apollo/query-planner';
import { Kind, parse, type SelectionNode } from 'graphql';

/**
 * What an `_entities` fetch selects, when it selects only leaf fields of each entity type (no
 * aliases, arguments, directives, fragments or sub-selections): then an entity's answer is
 * its fields' values, which depend on the subgraph and the representation alone, so a request
 * can answer such a fetch from what the same subgraph already answered it for the same
 * representation (entity-answers.ts). Any other fetch is `undefined`: it is always sent.
 */
export interface FlatEntitySelection {
  /** The subgraph the fetch goes to: only its own earlier answers can serve it. */
  subgraph: string;
  /** The fields selected on each type, by type name. */
  fieldsByType: ReadonlyMap<string, readonly string[]>;
  /** Whether `__typename` is selected on the entities. */
  typename: boolean;
}

const byFetch = new WeakMap<FetchNode, FlatEntitySelection | null>();

export function flatEntitySelection(fetch: FetchNode): FlatEntitySelection | undefined {
  let selection = byFetch.get(fetch);
  if (selection === undefined) {
    selection = fetch.requires ? analyse(fetch) ?? null : null;
    byFetch.set(fetch, selection);
  }
  return selection ?? undefined;
}

function analyse(fetch: FetchNode): FlatEntitySelection | undefined {
  const document = fetch.operationDocumentNode ?? parse(fetch.operation);
  if (document.definitions.length !== 1) return undefined;
  const [operation] = document.definitions;
  if (operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query' || operation.directives?.length) return undefined;
  const roots = operation.selectionSet.selections;
  const root = roots[0];
  if (roots.length !== 1 || root.kind !== Kind.FIELD || root.name.value !== '_entities' || root.alias || root.directives?.length || !root.selectionSet) return undefined;
  const fieldsByType = new Map<string, string[]>();
  let typename = false;
  for (const selection of root.selectionSet.selections) {
    if (selection.kind === Kind.FIELD && isPlainLeaf(selection) && selection.name.value === '__typename') {
      typename = true;
    } else if (selection.kind === Kind.INLINE_FRAGMENT && selection.typeCondition && !selection.directives?.length) {
      const fields = fieldsByType.get(selection.typeCondition.name.value) ?? [];
      for (const field of selection.selectionSet.selections) {
        if (field.kind !== Kind.FIELD || !isPlainLeaf(field)) return undefined;
        fields.push(field.name.value);
      }
      fieldsByType.set(selection.typeCondition.name.value, fields);
    } else {
      return undefined;
    }
  }
  return fieldsByType.size > 0 ? { subgraph: fetch.serviceName, fieldsByType, typename } : undefined;
}

function isPlainLeaf(selection: SelectionNode & { kind: Kind.FIELD }): boolean {
  return !selection.alias && !selection.arguments?.length && !selection.directives?.length && !selection.selectionSet;
}
