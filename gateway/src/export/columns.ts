import {
  FieldNode, FragmentDefinitionNode, getNamedType, getNullableType, GraphQLCompositeType, GraphQLNamedType, GraphQLOutputType, GraphQLSchema, isCompositeType, isListType,
  isObjectType, isInterfaceType, Kind, SelectionSetNode,
} from 'graphql';
import { ExportRequest, ExportRequestError } from './request';

/** One CSV column: the dotted response path inside a node; lists are written as JSON. */
export interface Column {
  name: string;
  path: string[];
  json: boolean;
}

function fieldType(_schema: GraphQLSchema, parent: GraphQLCompositeType, name: string): GraphQLOutputType | undefined {
  if (name === '__typename') return undefined;
  if (!isObjectType(parent) && !isInterfaceType(parent)) return undefined;
  return parent.getFields()[name]?.type;
}

/**
 * The columns of an export, in selection order, from the operation and the schema (not from the
 * data, so that the header is known before the first row and a null object still has its
 * columns): nested objects become dotted columns (`procedure.name`), lists one JSON column.
 */
export function columnsOf(schema: GraphQLSchema, request: ExportRequest): Column[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of request.document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  // Type of the connection at the end of the path, then its node type.
  let type: GraphQLCompositeType | undefined = schema.getQueryType() ?? undefined;
  let selectionSet: SelectionSetNode | undefined = request.operation.selectionSet;
  let field: FieldNode | undefined;
  for (const key of [...request.path, 'edges', 'node']) {
    field = selectionSet?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && (s.alias ?? s.name).value === key);
    const next: GraphQLOutputType | undefined = type && field ? fieldType(schema, type, field.name.value) : undefined;
    const named: GraphQLNamedType | undefined = next ? getNamedType(next) : undefined;
    if (!field || !named || !isCompositeType(named)) throw new ExportRequestError(`\`path\` ${request.path.join('.')}: the schema has no connection with edges { node } there`);
    type = named;
    selectionSet = field.selectionSet;
  }

  const columns = new Map<string, Column>();
  const visit = (set: SelectionSetNode, parent: GraphQLCompositeType, prefix: string[]) => {
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) {
        const condition = s.typeCondition ? schema.getType(s.typeCondition.name.value) : parent;
        if (condition && isCompositeType(condition)) visit(s.selectionSet, condition, prefix);
      } else if (s.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(s.name.value);
        const condition = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && condition && isCompositeType(condition)) visit(fragment.selectionSet, condition, prefix);
      } else {
        const path = [...prefix, (s.alias ?? s.name).value];
        const t = fieldType(schema, parent, s.name.value);
        const named = t ? getNamedType(t) : undefined;
        if (s.selectionSet && t && !isListType(getNullableType(t)) && named && isCompositeType(named)) visit(s.selectionSet, named, path);
        else columns.set(path.join('.'), { name: path.join('.'), path, json: !!t && isListType(getNullableType(t)) });
      }
    }
  };
  visit(selectionSet!, type!, []);
  return [...columns.values()];
}

/** A cell's text: empty for null, JSON for lists (and any object left), else the value as text. */
export function cellOf(node: unknown, column: Column): string {
  let value: unknown = node;
  for (const key of column.path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  if (value === null || value === undefined) return '';
  if (column.json || typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
