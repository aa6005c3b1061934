import { createHash } from 'node:crypto';
import {
  ArgumentNode,
  DefinitionNode,
  DirectiveNode,
  DocumentNode,
  FragmentDefinitionNode,
  Kind,
  OperationDefinitionNode,
  print,
  SelectionNode,
  visit,
} from 'graphql';

/**
 * The operation (by name, or the only one) and the fragments it uses, transitively; null when
 * the document does not name one operation unambiguously.
 */
export function operationWithFragments(document: DocumentNode, operationName?: string | null): { operation: OperationDefinitionNode; fragments: FragmentDefinitionNode[] } | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return null;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const used = new Map<string, FragmentDefinitionNode>();
  const pending: DefinitionNode[] = [operation];
  while (pending.length) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  return { operation, fragments: [...used.values()] };
}

const selectionKey = (s: SelectionNode) => (s.kind === Kind.FIELD ? `0${s.name.value}` : s.kind === Kind.FRAGMENT_SPREAD ? `1${s.name.value}` : `2${s.typeCondition?.name.value ?? ''}`);
const byName = <T extends ArgumentNode | DirectiveNode>(a: T, b: T) => a.name.value.localeCompare(b.name.value);

/**
 * The operation's signature, as usage reporting compares operations: literals hidden (they may
 * hold personal data and vary per call), aliases dropped, selections, arguments and fragments
 * sorted, whitespace reduced. Two calls that differ only in those ways share a signature.
 */
export function operationSignature(document: DocumentNode, operationName?: string | null): string | null {
  const selected = operationWithFragments(document, operationName);
  if (!selected) return null;
  const definitions = [selected.operation, ...selected.fragments.sort((a, b) => a.name.value.localeCompare(b.name.value))];
  const normalised = visit({ kind: Kind.DOCUMENT, definitions } as DocumentNode, {
    IntValue: (node) => ({ ...node, value: '0' }),
    FloatValue: (node) => ({ ...node, value: '0' }),
    StringValue: (node) => ({ ...node, value: '', block: false }),
    ListValue: (node) => ({ ...node, values: [] }),
    ObjectValue: (node) => ({ ...node, fields: [] }),
    Field: {
      leave: (node) => ({ ...node, alias: undefined, arguments: [...(node.arguments ?? [])].sort(byName), directives: [...(node.directives ?? [])].sort(byName) }),
    },
    SelectionSet: { leave: (node) => ({ ...node, selections: [...node.selections].sort((a, b) => selectionKey(a).localeCompare(selectionKey(b))) }) },
    OperationDefinition: {
      leave: (node) => ({ ...node, variableDefinitions: [...(node.variableDefinitions ?? [])].sort((a, b) => a.variable.name.value.localeCompare(b.variable.name.value)) }),
    },
  });
  return print(normalised)
    .replace(/\s+/g, ' ')
    .replace(/([^_a-zA-Z0-9]) /g, '$1')
    .replace(/ ([^_a-zA-Z0-9])/g, '$1');
}

export function signatureHash(signature: string): string {
  return createHash('sha256').update(signature, 'utf8').digest('hex');
}
