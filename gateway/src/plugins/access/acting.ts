import type { OperationDefinitionNode } from 'graphql';
import { Kind } from 'graphql';
import { Grant, grantInForce } from '../../../../schema/grants/grant';

/**
 * The administrative units an agency may act for today: the `actsFor` of its grants in force.
 * The gateway signs them into every subgraph call (x-caller-acts-for); a subgraph that changes
 * data (the dossiers' processing steps) decides with them where the data is now, which only it
 * knows.
 */
export function unitsActedFor(grants: Grant[], day: string): string[] {
  return [...new Set(grants.filter((g) => grantInForce(g, day)).flatMap((g) => g.actsFor ?? []))].sort();
}

/**
 * The root fields a mutation calls, as coordinates ("Mutation.completeDossier"), for its access
 * record: what was asked to change. Fragments at the root are followed (a cycle cannot occur in a
 * validated document).
 */
export function mutationCoordinates(operation: OperationDefinitionNode, fragments: Record<string, { selectionSet: OperationDefinitionNode['selectionSet'] }>, typeName = 'Mutation'): string[] {
  const out = new Set<string>();
  const visit = (set: OperationDefinitionNode['selectionSet']) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '__typename') out.add(`${typeName}.${selection.name.value}`);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (fragments[selection.name.value]) visit(fragments[selection.name.value].selectionSet);
    }
  };
  visit(operation.selectionSet);
  return [...out];
}
