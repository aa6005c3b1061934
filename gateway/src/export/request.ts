import { DocumentNode, FieldNode, getOperationAST, GraphQLError, Kind, OperationDefinitionNode, parse, SelectionSetNode } from 'graphql';

/** The two output formats of an export. */
export type ExportFormat = 'csv' | 'ndjson';

/** A validated export request. */
export interface ExportRequest {
  query: string;
  operationName?: string;
  variables: Record<string, unknown>;
  /** Field names (response keys) from `data` to the connection, e.g. ["dossiers"]. */
  path: string[];
  format: ExportFormat;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The connection field at the end of the path. */
  connection: FieldNode;
}

/** A request the export refuses before running anything: HTTP 400 with a message saying what to change. */
export class ExportRequestError extends Error {
  constructor(message: string, readonly code = 'BAD_USER_INPUT', readonly status = 400) {
    super(message);
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Reads {query, variables, operationName, path, format} from a POST JSON body or GET query parameters. */
export function readExportParameters(method: string, body: unknown, queryParams: Record<string, unknown>): Record<string, unknown> {
  if (method === 'GET') {
    const raw = queryParams.variables;
    let variables: unknown = undefined;
    if (typeof raw === 'string' && raw.trim() !== '') {
      try {
        variables = JSON.parse(raw);
      } catch {
        throw new ExportRequestError('`variables` is not valid JSON; pass a JSON object, e.g. variables={"year":2023}');
      }
    }
    return { ...queryParams, variables };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new ExportRequestError('The request body is not a JSON object; send {"query": "...", "path": "dossiers", "format": "csv"} with content-type application/json', 'BAD_REQUEST');
  }
  return body as Record<string, unknown>;
}

function fieldsOf(selectionSet: SelectionSetNode | undefined): FieldNode[] {
  return (selectionSet?.selections ?? []).filter((s): s is FieldNode => s.kind === Kind.FIELD);
}

function child(selectionSet: SelectionSetNode | undefined, key: string): FieldNode | undefined {
  return fieldsOf(selectionSet).find((f) => (f.alias ?? f.name).value === key);
}

/**
 * Validates an export: a query operation that declares `$after: String`, a path of response keys
 * to a connection that passes `after: $after` and selects `edges { node { … } }` and
 * `pageInfo { hasNextPage endCursor }`, and a format of csv or ndjson.
 */
export function parseExportRequest(params: Record<string, unknown>): ExportRequest {
  const query = text(params.query);
  if (!query) throw new ExportRequestError('`query` is missing; pass the GraphQL operation to export');
  const rawPath = text(params.path);
  if (!rawPath) throw new ExportRequestError('`path` is missing; pass the connection to export, e.g. "dossiers" or "data.dossiers"');
  const format = (text(params.format) ?? 'csv').toLowerCase();
  if (format !== 'csv' && format !== 'ndjson') throw new ExportRequestError(`\`format\` "${params.format}" is not supported; pass "csv" or "ndjson"`);
  const variables = params.variables ?? {};
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) throw new ExportRequestError('`variables` must be a JSON object');
  const operationName = text(params.operationName);

  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 15_000 });
  } catch (error) {
    throw new ExportRequestError(`The query does not parse: ${(error as GraphQLError).message}`, 'GRAPHQL_PARSE_FAILED');
  }
  const operation = getOperationAST(document, operationName);
  if (!operation) throw new ExportRequestError(operationName ? `The query has no operation named "${operationName}"` : 'The query holds several operations; pass `operationName`');
  if (operation.operation !== 'query') throw new ExportRequestError(`Only queries can be exported; this operation is a ${operation.operation}`);
  const after = operation.variableDefinitions?.find((v) => v.variable.name.value === 'after');
  if (!after || after.type.kind !== Kind.NAMED_TYPE || after.type.name.value !== 'String') {
    throw new ExportRequestError(
      'The operation must declare `$after: String` (nullable) and pass it to the exported connection, e.g. `query($after: String) { dossiers(first: 100, after: $after) { … } }`: the export follows `pageInfo.endCursor` page by page through it',
    );
  }

  const path = rawPath.replace(/^data\./, '').split('.').filter(Boolean);
  let selectionSet: SelectionSetNode | undefined = operation.selectionSet;
  let connection: FieldNode | undefined;
  for (const key of path) {
    connection = child(selectionSet, key);
    if (!connection) throw new ExportRequestError(`\`path\` "${rawPath}": the operation selects no field "${key}" there (fragments are not followed along the path; select the fields inline)`);
    selectionSet = connection.selectionSet;
  }
  const passesAfter = connection!.arguments?.some((a) => a.name.value === 'after' && a.value.kind === Kind.VARIABLE && a.value.name.value === 'after');
  if (!passesAfter) throw new ExportRequestError(`\`path\` "${rawPath}": pass \`after: $after\` to that connection so that the export can follow its cursors`);
  const edges = child(selectionSet, 'edges');
  if (!edges || !child(edges.selectionSet, 'node')) throw new ExportRequestError(`\`path\` "${rawPath}": select \`edges { node { … } }\` on the connection; each node becomes one row`);
  const pageInfo = child(selectionSet, 'pageInfo');
  if (!pageInfo || !child(pageInfo.selectionSet, 'hasNextPage') || !child(pageInfo.selectionSet, 'endCursor')) {
    throw new ExportRequestError(`\`path\` "${rawPath}": select \`pageInfo { hasNextPage endCursor }\` on the connection so that the export can follow its pages`);
  }
  return { query, operationName, variables: variables as Record<string, unknown>, path, format, document, operation, connection: connection! };
}
