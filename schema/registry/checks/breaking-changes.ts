import {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLOutputType,
  GraphQLSchema,
  GraphQLType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isListType,
  isNamedType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
  isRequiredInputField,
  isScalarType,
  isUnionType,
} from 'graphql';
import { ChangeKind, SchemaChange } from './types';

/**
 * Differences between two client-facing (API) schemas, each marked breaking when an operation
 * that was valid and worked against the old schema can fail against the new one:
 * removed types, fields, arguments and enum values; changed field types (nullability made
 * looser on output or tighter on input counts); newly required arguments and input fields.
 * Additions and deprecations are listed too (they make the change summary), never breaking.
 */
export function diffSchemas(oldSchema: GraphQLSchema | null, newSchema: GraphQLSchema): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const oldTypes = oldSchema ? userTypes(oldSchema) : new Map<string, GraphQLNamedType>();
  const newTypes = userTypes(newSchema);
  for (const [name, oldType] of oldTypes) {
    const newType = newTypes.get(name);
    if (!newType) {
      changes.push(change(ChangeKind.TYPE_REMOVED, name, true, `Type ${name} was removed`));
    } else if (kindOf(oldType) !== kindOf(newType)) {
      changes.push(change(ChangeKind.TYPE_KIND_CHANGED, name, true, `Type ${name} changed from ${kindOf(oldType)} to ${kindOf(newType)}`));
    } else {
      changes.push(...diffType(oldType, newType));
    }
  }
  for (const [name, newType] of newTypes) {
    if (!oldTypes.has(name)) changes.push(change(ChangeKind.TYPE_ADDED, name, false, `Type ${name} (${kindOf(newType)}) was added`));
  }
  return sortChanges(changes);
}

/** Breaking changes first, then by coordinate: the order the CLI prints. */
export function sortChanges(changes: SchemaChange[]): SchemaChange[] {
  return [...changes].sort((a, b) => Number(b.breaking) - Number(a.breaking) || a.coordinate.localeCompare(b.coordinate) || a.kind.localeCompare(b.kind));
}

function change(kind: ChangeKind, coordinate: string, breaking: boolean, message: string, related?: string): SchemaChange {
  return { kind, coordinate, breaking, message, ...(related ? { related } : {}) };
}

function userTypes(schema: GraphQLSchema): Map<string, GraphQLNamedType> {
  return new Map(Object.entries(schema.getTypeMap()).filter(([name, type]) => !name.startsWith('__') && !isIntrospectionType(type)));
}

function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return 'object type';
  if (isInterfaceType(type)) return 'interface';
  if (isUnionType(type)) return 'union';
  if (isEnumType(type)) return 'enum';
  if (isInputObjectType(type)) return 'input object';
  if (isScalarType(type)) return 'scalar';
  return 'type';
}

function diffType(oldType: GraphQLNamedType, newType: GraphQLNamedType): SchemaChange[] {
  if ((isObjectType(oldType) || isInterfaceType(oldType)) && (isObjectType(newType) || isInterfaceType(newType))) {
    const changes = diffOutputFields(oldType.name, oldType.getFields(), newType.getFields());
    const oldInterfaces = new Set(oldType.getInterfaces().map((i) => i.name));
    const newInterfaces = new Set(newType.getInterfaces().map((i) => i.name));
    for (const name of oldInterfaces) {
      if (!newInterfaces.has(name)) changes.push(change(ChangeKind.INTERFACE_REMOVED, oldType.name, true, `${oldType.name} no longer implements ${name}`, name));
    }
    for (const name of newInterfaces) {
      if (!oldInterfaces.has(name)) changes.push(change(ChangeKind.INTERFACE_ADDED, oldType.name, false, `${oldType.name} now implements ${name}`, name));
    }
    return changes;
  }
  if (isInputObjectType(oldType) && isInputObjectType(newType)) return diffInputFields(oldType.name, oldType.getFields(), newType.getFields());
  if (isEnumType(oldType) && isEnumType(newType)) {
    const oldValues = new Set(oldType.getValues().map((v) => v.name));
    const newValues = new Set(newType.getValues().map((v) => v.name));
    const changes: SchemaChange[] = [];
    for (const value of oldValues) {
      if (!newValues.has(value)) changes.push(change(ChangeKind.ENUM_VALUE_REMOVED, `${oldType.name}.${value}`, true, `Enum value ${oldType.name}.${value} was removed`));
    }
    for (const value of newValues) {
      if (!oldValues.has(value)) changes.push(change(ChangeKind.ENUM_VALUE_ADDED, `${oldType.name}.${value}`, false, `Enum value ${oldType.name}.${value} was added (clients that switch on ${oldType.name} may meet it)`));
    }
    return changes;
  }
  if (isUnionType(oldType) && isUnionType(newType)) {
    const oldMembers = new Set(oldType.getTypes().map((t) => t.name));
    const newMembers = new Set(newType.getTypes().map((t) => t.name));
    const changes: SchemaChange[] = [];
    for (const member of oldMembers) {
      if (!newMembers.has(member)) changes.push(change(ChangeKind.UNION_MEMBER_REMOVED, oldType.name, true, `${member} was removed from union ${oldType.name}`, member));
    }
    for (const member of newMembers) {
      if (!oldMembers.has(member)) changes.push(change(ChangeKind.UNION_MEMBER_ADDED, oldType.name, false, `${member} was added to union ${oldType.name}`, member));
    }
    return changes;
  }
  return [];
}

function diffOutputFields(typeName: string, oldFields: Record<string, GraphQLField<unknown, unknown>>, newFields: Record<string, GraphQLField<unknown, unknown>>): SchemaChange[] {
  const changes: SchemaChange[] = [];
  for (const [name, oldField] of Object.entries(oldFields)) {
    const coordinate = `${typeName}.${name}`;
    const newField = newFields[name];
    if (!newField) {
      changes.push(change(ChangeKind.FIELD_REMOVED, coordinate, true, `Field ${coordinate} was removed${oldField.deprecationReason ? ' (it was deprecated)' : ''}`));
      continue;
    }
    if (String(oldField.type) !== String(newField.type)) {
      const safe = isSafeOutputChange(oldField.type, newField.type);
      const why = safe ? '' : loosenedNullability(oldField.type, newField.type) ? ' (nullability made looser on output: clients may now receive null)' : '';
      changes.push(change(ChangeKind.FIELD_TYPE_CHANGED, coordinate, !safe, `Field ${coordinate} changed type from ${oldField.type} to ${newField.type}${why}`));
    }
    if (!oldField.deprecationReason && newField.deprecationReason) {
      changes.push(change(ChangeKind.FIELD_DEPRECATED, coordinate, false, `Field ${coordinate} was deprecated: ${newField.deprecationReason}`));
    }
    changes.push(...diffArguments(coordinate, oldField.args, newField.args));
  }
  for (const [name, newField] of Object.entries(newFields)) {
    if (!oldFields[name]) changes.push(change(ChangeKind.FIELD_ADDED, `${typeName}.${name}`, false, `Field ${typeName}.${name}: ${newField.type} was added`));
  }
  return changes;
}

function diffArguments(fieldCoordinate: string, oldArgs: readonly GraphQLArgument[], newArgs: readonly GraphQLArgument[]): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const newByName = new Map(newArgs.map((a) => [a.name, a]));
  const oldNames = new Set(oldArgs.map((a) => a.name));
  for (const oldArg of oldArgs) {
    const coordinate = `${fieldCoordinate}(${oldArg.name}:)`;
    const newArg = newByName.get(oldArg.name);
    if (!newArg) {
      changes.push(change(ChangeKind.ARG_REMOVED, coordinate, true, `Argument ${coordinate} was removed`));
    } else if (String(oldArg.type) !== String(newArg.type)) {
      const safe = isSafeInputChange(oldArg.type, newArg.type);
      const why = safe ? '' : tightenedNullability(oldArg.type, newArg.type) ? ' (nullability made tighter on input: clients that omit it or send null fail)' : '';
      changes.push(change(ChangeKind.ARG_TYPE_CHANGED, coordinate, !safe, `Argument ${coordinate} changed type from ${oldArg.type} to ${newArg.type}${why}`));
    }
  }
  for (const newArg of newArgs) {
    if (oldNames.has(newArg.name)) continue;
    const coordinate = `${fieldCoordinate}(${newArg.name}:)`;
    if (isRequiredArgument(newArg)) {
      changes.push(change(ChangeKind.REQUIRED_ARG_ADDED, coordinate, true, `Required argument ${coordinate}: ${newArg.type} was added (operations without it fail)`));
    } else {
      changes.push(change(ChangeKind.ARG_ADDED, coordinate, false, `Optional argument ${coordinate}: ${newArg.type} was added`));
    }
  }
  return changes;
}

function diffInputFields(typeName: string, oldFields: Record<string, GraphQLInputField>, newFields: Record<string, GraphQLInputField>): SchemaChange[] {
  const changes: SchemaChange[] = [];
  for (const [name, oldField] of Object.entries(oldFields)) {
    const coordinate = `${typeName}.${name}`;
    const newField = newFields[name];
    if (!newField) {
      changes.push(change(ChangeKind.INPUT_FIELD_REMOVED, coordinate, true, `Input field ${coordinate} was removed`));
    } else if (String(oldField.type) !== String(newField.type)) {
      const safe = isSafeInputChange(oldField.type, newField.type);
      const why = safe ? '' : tightenedNullability(oldField.type, newField.type) ? ' (nullability made tighter on input)' : '';
      changes.push(change(ChangeKind.INPUT_FIELD_TYPE_CHANGED, coordinate, !safe, `Input field ${coordinate} changed type from ${oldField.type} to ${newField.type}${why}`));
    }
  }
  for (const [name, newField] of Object.entries(newFields)) {
    if (oldFields[name]) continue;
    const coordinate = `${typeName}.${name}`;
    if (isRequiredInputField(newField)) {
      changes.push(change(ChangeKind.REQUIRED_INPUT_FIELD_ADDED, coordinate, true, `Required input field ${coordinate}: ${newField.type} was added (inputs without it fail)`));
    } else {
      changes.push(change(ChangeKind.INPUT_FIELD_ADDED, coordinate, false, `Optional input field ${coordinate}: ${newField.type} was added`));
    }
  }
  return changes;
}

/** An output type may become stricter (non-null, same named type) but not looser or different. */
function isSafeOutputChange(oldType: GraphQLOutputType | GraphQLType, newType: GraphQLOutputType | GraphQLType): boolean {
  if (isListType(oldType)) {
    return (isListType(newType) && isSafeOutputChange(oldType.ofType, newType.ofType)) || (isNonNullType(newType) && isSafeOutputChange(oldType, newType.ofType));
  }
  if (isNonNullType(oldType)) return isNonNullType(newType) && isSafeOutputChange(oldType.ofType, newType.ofType);
  if (isNamedType(oldType)) {
    return (isNamedType(newType) && oldType.name === newType.name) || (isNonNullType(newType) && isSafeOutputChange(oldType, newType.ofType));
  }
  return false;
}

/** An input type may become looser (nullable, same named type) but not stricter or different. */
function isSafeInputChange(oldType: GraphQLInputType | GraphQLType, newType: GraphQLInputType | GraphQLType): boolean {
  if (isListType(oldType)) return isListType(newType) && isSafeInputChange(oldType.ofType, newType.ofType);
  if (isNonNullType(oldType)) {
    return (isNonNullType(newType) && isSafeInputChange(oldType.ofType, newType.ofType)) || (!isNonNullType(newType) && isSafeInputChange(oldType.ofType, newType));
  }
  if (isNamedType(oldType)) return isNamedType(newType) && oldType.name === newType.name;
  return false;
}

/** Same type once every non-null is dropped, and the new one has fewer non-nulls. */
function loosenedNullability(oldType: GraphQLType, newType: GraphQLType): boolean {
  return stripNonNull(oldType) === stripNonNull(newType) && nonNullCount(newType) < nonNullCount(oldType);
}

function tightenedNullability(oldType: GraphQLType, newType: GraphQLType): boolean {
  return stripNonNull(oldType) === stripNonNull(newType) && nonNullCount(newType) > nonNullCount(oldType);
}

function stripNonNull(type: GraphQLType): string {
  return String(type).replace(/!/g, '');
}

function nonNullCount(type: GraphQLType): number {
  return (String(type).match(/!/g) ?? []).length;
}
