import {
  ASTNode, DirectiveNode, DocumentNode, FieldNode, FragmentDefinitionNode, getNamedType, GraphQLCompositeType, GraphQLInputType, GraphQLSchema, isAbstractType,
  isCompositeType, isInputObjectType, isIntrospectionType, isListType, isNonNullType, Kind, OperationDefinitionNode, SelectionNode, SelectionSetNode, ValueNode,
} from 'graphql';
import type { Decision, Level } from './decide';

/** Response keys the gateway adds for itself and removes before the response leaves. */
export const HELPER_PREFIX = '__bdg_';
export const TYPENAME_KEY = '__bdg_t';
export const CITIZEN_ID_KEY = '__bdg_id';
export const CITIZEN_CCCD_KEY = '__bdg_cccd';
/** The type whose `id` identifies the person a personal field is about. */
export const PERSON_TYPE = 'Citizen';

export interface Denial {
  /** The denied field, or the personal input field its arguments used. */
  coordinate: string;
  /** The name of the field that was removed. */
  fieldName: string;
  decision: Extract<Decision, { allowed: false }>;
}

export interface AccessPlan {
  document: DocumentNode;
  /** Replacement nodes of denied fields (`key: __typename`) → why. */
  denials: Map<FieldNode, Denial>;
  /** Every non-public coordinate the operation selects or filters on, with its decision. */
  decisions: Map<string, Decision>;
}

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
const KEEP_APART: DirectiveNode = { kind: Kind.DIRECTIVE, name: name('include'), arguments: [{ kind: Kind.ARGUMENT, name: name('if'), value: { kind: Kind.BOOLEAN, value: true } }] };
const field = (alias: string, fieldName: string): FieldNode => ({ kind: Kind.FIELD, alias: name(alias), name: name(fieldName) });

/**
 * Step 3, check: rewrites an operation so that every field the caller may not read is replaced by
 * `sameKey: __typename` (planned and fetched as nothing personal; nulled and reported afterwards),
 * and adds the helper keys the response walk needs (each object's type, each Citizen's id).
 */
export function planAccess(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  levels: Record<string, Level>,
  decide: (coordinate: string, level: Level | undefined) => Decision,
  /** Also fetch each Citizen's CCCD, so that the access record can be found by the person it is about. */
  withCccd = false,
): AccessPlan {
  const denials = new Map<FieldNode, Denial>();
  const decisions = new Map<string, Decision>();
  const decideOnce = (coordinate: string): Decision => {
    let decision = decisions.get(coordinate);
    if (!decision) {
      decision = decide(coordinate, levels[coordinate]);
      if (levels[coordinate] !== 'PUBLIC') decisions.set(coordinate, decision);
    }
    return decision;
  };

  function inputCoordinates(type: GraphQLInputType, value: ValueNode | unknown, isAst: boolean, out: string[]): void {
    if (value == null) return;
    if (isNonNullType(type)) return inputCoordinates(type.ofType, value, isAst, out);
    if (isAst && (value as ValueNode).kind === Kind.VARIABLE) return inputCoordinates(type, variables[(value as any).name.value], false, out);
    if (isListType(type)) {
      const items = isAst ? ((value as ValueNode).kind === Kind.LIST ? (value as any).values : [value]) : Array.isArray(value) ? value : [value];
      for (const item of items) inputCoordinates(type.ofType, item, isAst, out);
      return;
    }
    if (!isInputObjectType(type)) return;
    const fields = type.getFields();
    const entries: [string, unknown][] = isAst
      ? (value as ValueNode).kind === Kind.OBJECT ? (value as any).fields.map((f: any) => [f.name.value, f.value]) : []
      : typeof value === 'object' ? Object.entries(value as object) : [];
    for (const [key, inner] of entries) {
      if (!fields[key] || inner == null || (isAst && (inner as ValueNode).kind === Kind.NULL)) continue;
      const coordinate = `${type.name}.${key}`;
      if (levels[coordinate] && levels[coordinate] !== 'PUBLIC') out.push(coordinate);
      inputCoordinates(fields[key].type, inner, isAst, out);
    }
  }

  function rewriteSelectionSet(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, root: boolean): SelectionSetNode {
    // The schema's own description (__Schema, __Type, …, reached through a fragment on one of
    // them) is public and answered by the gateway: none of its fields is a coordinate to decide.
    if (isIntrospectionType(parent)) return selectionSet;
    const selections: SelectionNode[] = [];
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        selections.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : parent;
        selections.push({ ...selection, selectionSet: rewriteSelectionSet(selection.selectionSet, type, root) });
      } else {
        selections.push(rewriteField(selection, parent));
      }
    }
    if (!root) {
      selections.push(field(TYPENAME_KEY, '__typename'));
      const possible = isAbstractType(parent) ? schema.getPossibleTypes(parent).map((t) => t.name) : [parent.name];
      if (possible.includes(PERSON_TYPE)) {
        // `@include(if: true)` keeps this fragment apart: merged with a client's own `... on Citizen`
        // (federation-internals merges fragments of one type condition and directives), it would
        // move the client's fields before their siblings in the response.
        selections.push({ kind: Kind.INLINE_FRAGMENT, typeCondition: { kind: Kind.NAMED_TYPE, name: name(PERSON_TYPE) }, directives: [KEEP_APART], selectionSet: { kind: Kind.SELECTION_SET, selections: withCccd ? [field(CITIZEN_ID_KEY, 'id'), field(CITIZEN_CCCD_KEY, 'cccd')] : [field(CITIZEN_ID_KEY, 'id')] } });
      }
    }
    return { ...selectionSet, selections };
  }

  function rewriteField(node: FieldNode, parent: GraphQLCompositeType): FieldNode {
    if (node.name.value.startsWith('__')) return node;
    const definition = 'getFields' in parent ? parent.getFields()[node.name.value] : undefined;
    if (!definition) return node; // validation already refused unknown fields
    // The field itself, then any classified input field its arguments use (a personal filter).
    const coordinates = [`${parent.name}.${node.name.value}`];
    for (const argNode of node.arguments ?? []) {
      const arg = definition.args.find((a) => a.name === argNode.name.value);
      if (arg) inputCoordinates(arg.type, argNode.value, true, coordinates);
    }
    for (const coordinate of coordinates) {
      const decision = decideOnce(coordinate);
      if (!decision.allowed) {
        const replacement = field((node.alias ?? node.name).value, '__typename');
        denials.set(replacement, { coordinate, fieldName: node.name.value, decision });
        return replacement;
      }
    }
    const type = getNamedType(definition.type);
    if (!node.selectionSet || !isCompositeType(type)) return node;
    return { ...node, selectionSet: rewriteSelectionSet(node.selectionSet, type, false) };
  }

  const definitions = document.definitions.map((definition): typeof definition => {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      const root = schema.getRootType(definition.operation)!;
      return { ...definition, selectionSet: rewriteSelectionSet(definition.selectionSet, root, true) } as OperationDefinitionNode;
    }
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const type = schema.getType(definition.typeCondition.name.value) as GraphQLCompositeType;
      return { ...definition, selectionSet: rewriteSelectionSet(definition.selectionSet, type, false) } as FragmentDefinitionNode;
    }
    return definition;
  });
  return { document: { ...document, definitions } as DocumentNode, denials, decisions };
}

export type { ASTNode };
