/** A reason a schema is refused, or a change, as the API and the CLI report it. */

/** Why a publish or a check was refused, or "ok". */
export type CheckOutcome = 'ok' | 'invalid-sdl' | 'composition-failed' | 'classification-failed' | 'breaking-changes';

export interface CheckError {
  /** GRAPHQL_PARSE_FAILED, the composition error code (e.g. FIELD_TYPE_MISMATCH), UNCLASSIFIED_FIELD or CLASSIFICATION_CONFLICT. */
  code: string;
  message: string;
  /** Subgraph the error is about, when known. */
  subgraph?: string;
  /** Line and column in the subgraph's SDL, when known. */
  locations?: { line: number; column: number }[];
}

export enum ChangeKind {
  TYPE_ADDED = 'TYPE_ADDED',
  TYPE_REMOVED = 'TYPE_REMOVED',
  TYPE_KIND_CHANGED = 'TYPE_KIND_CHANGED',
  FIELD_ADDED = 'FIELD_ADDED',
  FIELD_REMOVED = 'FIELD_REMOVED',
  FIELD_TYPE_CHANGED = 'FIELD_TYPE_CHANGED',
  FIELD_DEPRECATED = 'FIELD_DEPRECATED',
  ARG_ADDED = 'ARG_ADDED',
  REQUIRED_ARG_ADDED = 'REQUIRED_ARG_ADDED',
  ARG_REMOVED = 'ARG_REMOVED',
  ARG_TYPE_CHANGED = 'ARG_TYPE_CHANGED',
  INPUT_FIELD_ADDED = 'INPUT_FIELD_ADDED',
  REQUIRED_INPUT_FIELD_ADDED = 'REQUIRED_INPUT_FIELD_ADDED',
  INPUT_FIELD_REMOVED = 'INPUT_FIELD_REMOVED',
  INPUT_FIELD_TYPE_CHANGED = 'INPUT_FIELD_TYPE_CHANGED',
  ENUM_VALUE_ADDED = 'ENUM_VALUE_ADDED',
  ENUM_VALUE_REMOVED = 'ENUM_VALUE_REMOVED',
  UNION_MEMBER_ADDED = 'UNION_MEMBER_ADDED',
  UNION_MEMBER_REMOVED = 'UNION_MEMBER_REMOVED',
  INTERFACE_ADDED = 'INTERFACE_ADDED',
  INTERFACE_REMOVED = 'INTERFACE_REMOVED',
  CLASSIFICATION_RAISED = 'CLASSIFICATION_RAISED',
  CLASSIFICATION_LOWERED = 'CLASSIFICATION_LOWERED',
}

/** One difference between the current and the proposed client-facing schema. */
export interface SchemaChange {
  kind: ChangeKind;
  /** Schema coordinate: "Type", "Type.field", "Type.field(arg:)", "Enum.VALUE". */
  coordinate: string;
  /** True when a client operation that worked before can fail after. */
  breaking: boolean;
  message: string;
  /** The other type involved: the removed union member or interface. */
  related?: string;
}

/** A client operation, seen by the gateway in the usage window, that a change would break. */
export interface AffectedOperation {
  signatureHash: string;
  operationName: string | null;
  /** Normalised operation text (literals hidden). */
  signature: string;
  /** Executions in the window. */
  count: number;
  /** Client names that sent it ("" = unnamed). */
  clients: string[];
  /** UTC ISO instant of the last execution. */
  lastSeenAt: string;
  /** The breaking changes' coordinates this operation uses. */
  coordinates: string[];
}

/** The result of `subgraph check`, also the body of a refused publish. */
export interface CheckReport {
  subgraph: string;
  outcome: CheckOutcome;
  /** True when nothing refuses the schema (with --force, breaking changes do not). */
  accepted: boolean;
  forced: boolean;
  errors: CheckError[];
  /** Every change of the client-facing schema, breaking ones first. */
  changes: SchemaChange[];
  affectedOperations: AffectedOperation[];
  /** Days of client usage the check looked at. */
  usageWindowDays: number;
  /** The version the check compared against (null on an empty registry). */
  baseVersion: number | null;
  /** One line: what the publish would change. */
  summary: string;
}
