import { ChangeKind, SchemaChange } from './types';

/**
 * Which recorded usage a breaking change affects. The gateway records, per operation, the
 * coordinates it uses ("Type.field", "Type.field(arg:)", "Input.field", "Enum.VALUE") and bare
 * type names for fragment conditions and variable types; an input object or enum passed in a
 * variable is opaque, so its bare type name stands for "may use any of its fields or values".
 */
export interface UsageQuery {
  /** Operations recording one of these coordinates are affected. */
  coordinates: string[];
  /** Operations recording any coordinate of these types are affected (a removed type). */
  typeNames: string[];
}

export function usageQueryFor(change: SchemaChange): UsageQuery {
  const { coordinate } = change;
  const typeName = coordinate.split('.')[0];
  const fieldCoordinate = coordinate.replace(/\(.*\)$/, '');
  switch (change.kind) {
    case ChangeKind.TYPE_REMOVED:
    case ChangeKind.TYPE_KIND_CHANGED:
      return { coordinates: [], typeNames: [coordinate] };
    case ChangeKind.FIELD_REMOVED:
    case ChangeKind.FIELD_TYPE_CHANGED:
    case ChangeKind.CLASSIFICATION_RAISED:
      return { coordinates: [coordinate], typeNames: [] };
    case ChangeKind.REQUIRED_ARG_ADDED:
      return { coordinates: [fieldCoordinate], typeNames: [] };
    case ChangeKind.ARG_REMOVED:
    case ChangeKind.ARG_TYPE_CHANGED:
      return { coordinates: [coordinate], typeNames: [] };
    case ChangeKind.INPUT_FIELD_REMOVED:
    case ChangeKind.INPUT_FIELD_TYPE_CHANGED:
    case ChangeKind.ENUM_VALUE_REMOVED:
      return { coordinates: [coordinate, typeName], typeNames: [] };
    case ChangeKind.REQUIRED_INPUT_FIELD_ADDED:
      return { coordinates: [], typeNames: [typeName] };
    case ChangeKind.UNION_MEMBER_REMOVED:
    case ChangeKind.INTERFACE_REMOVED:
      return { coordinates: [coordinate, ...(change.related ? [change.related] : [])], typeNames: [] };
    default:
      return { coordinates: [], typeNames: [] };
  }
}
