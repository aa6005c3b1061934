import {
  DocumentNode, FieldNode, FragmentDefinitionNode, getNamedType, getOperationAST, GraphQLCompositeType, GraphQLObjectType, GraphQLOutputType,
  GraphQLSchema, isAbstractType, isCompositeType, isListType, isNonNullType, isObjectType, Kind, SelectionSetNode,
} from 'graphql';
import type { Level } from './decide';
import { CITIZEN_CCCD_KEY, CITIZEN_ID_KEY, Denial, HELPER_PREFIX, PERSON_TYPE, TYPENAME_KEY } from './rewrite';

/** A person whose data a response carries: the opaque citizen id and, when fetched, the CCCD. */
export interface Subject {
  id: string;
  cccd?: string;
}

export interface ResponseWalk {
  /** Coordinates of the personal fields returned with a value. */
  personalFields: Set<string>;
  /** The persons whose personal data the response carries, by citizen id. */
  subjects: Map<string, Subject>;
  /** Where personal values sit, so that they can be withheld when the access record fails. */
  locations: { parent: Record<string, unknown>; key: string }[];
  /** FORBIDDEN errors at the paths of denied fields. */
  errors: { message: string; path: (string | number)[]; extensions: Record<string, unknown> }[];
}

type Path = (string | number)[];

/**
 * Walks the data of an executed (rewritten) operation: nulls denied fields (with null bubbling
 * for non-null types) and reports them, and finds the personal fields returned and whose they are.
 */
export function walkResponse(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  data: Record<string, unknown>,
  levels: Record<string, Level>,
  denials: Map<FieldNode, Denial>,
): { walk: ResponseWalk; dataIsNull: boolean } {
  const walk: ResponseWalk = { personalFields: new Set(), subjects: new Map(), locations: [], errors: [] };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return { walk, dataIsNull: false };
  const reported = new Set<string>();

  const applies = (typeName: string | undefined, concrete: GraphQLObjectType): boolean => {
    if (!typeName || typeName === concrete.name) return true;
    const type = schema.getType(typeName);
    return !!type && isAbstractType(type) && schema.isSubType(type, concrete);
  };
  // Each named fragment is expanded once per selection set: its fields merge anyway, and
  // expanding repeated spreads again would grow exponentially (a "fragment bomb").
  function collect(selectionSet: SelectionSetNode, concrete: GraphQLObjectType, into: FieldNode[], expanded = new Set<string>()): FieldNode[] {
    for (const s of selectionSet.selections) {
      if (s.kind === Kind.FIELD) into.push(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (applies(s.typeCondition?.name.value, concrete)) collect(s.selectionSet, concrete, into, expanded);
      } else if (!expanded.has(s.name.value)) {
        expanded.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        if (fragment && applies(fragment.typeCondition.name.value, concrete)) collect(fragment.selectionSet, concrete, into, expanded);
      }
    }
    return into;
  }

  const addSubject = (obj: Record<string, unknown>) => {
    const id = obj[CITIZEN_ID_KEY];
    if (typeof id === 'string' && !walk.subjects.has(id)) walk.subjects.set(id, { id, cccd: typeof obj[CITIZEN_CCCD_KEY] === 'string' ? (obj[CITIZEN_CCCD_KEY] as string) : undefined });
  };
  // The persons a personal field's value points at (Business.legalRepresentative, Household.members, …).
  const subjectsIn = (value: unknown) => {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item && typeof item === 'object' && (item as Record<string, unknown>)[TYPENAME_KEY] === PERSON_TYPE) addSubject(item as Record<string, unknown>);
    }
  };

  /** Returns true when the value must become null and its type forbids it (bubble up). */
  function walkValue(value: unknown, type: GraphQLOutputType, selectionSet: SelectionSetNode, path: Path): boolean {
    if (value == null) return false;
    const nonNull = isNonNullType(type);
    const inner = nonNull ? type.ofType : type;
    if (isListType(inner)) {
      const items = value as unknown[];
      let mustNull = false;
      items.forEach((item, i) => {
        if (walkValue(item, inner.ofType, selectionSet, [...path, i])) {
          items[i] = null;
          if (isNonNullType(inner.ofType)) mustNull = true;
        }
      });
      return mustNull;
    }
    if (!isCompositeType(inner)) return false;
    return walkObject(value as Record<string, unknown>, inner, selectionSet, path);
  }

  /** Returns true when a non-null field of this object was nulled, so the object itself must be null. */
  function walkObject(obj: Record<string, unknown>, type: GraphQLCompositeType, selectionSet: SelectionSetNode, path: Path): boolean {
    const named = typeof obj[TYPENAME_KEY] === 'string' ? schema.getType(obj[TYPENAME_KEY] as string) : type;
    if (!named || !isObjectType(named)) return false;
    let personalHere = false;
    let mustNull = false;
    for (const node of collect(selectionSet, named, [])) {
      const key = (node.alias ?? node.name).value;
      const denial = denials.get(node);
      if (denial) {
        obj[key] = null;
        const fieldPath = [...path, key];
        const id = fieldPath.join('.');
        if (!reported.has(id)) {
          reported.add(id);
          walk.errors.push({ message: denial.decision.message, path: fieldPath, extensions: { code: 'FORBIDDEN', reason: denial.decision.reason, field: denial.coordinate } });
        }
        const definition = named.getFields()[denial.fieldName];
        if (definition && isNonNullType(definition.type)) mustNull = true;
        continue;
      }
      // __typename, and the keys the gateway added for itself (a Citizen's id and CCCD).
      if (node.name.value.startsWith('__') || node.alias?.value.startsWith(HELPER_PREFIX)) continue;
      const definition = named.getFields()[node.name.value];
      if (!definition) continue;
      const coordinate = `${named.name}.${node.name.value}`;
      const value = obj[key];
      const level = levels[coordinate];
      if (level !== 'PUBLIC' && value != null && !(Array.isArray(value) && value.length === 0)) {
        walk.personalFields.add(coordinate);
        walk.locations.push({ parent: obj, key });
        personalHere = true;
        if (named.name !== PERSON_TYPE) subjectsIn(value);
      }
      if (node.selectionSet && value != null && isCompositeType(getNamedType(definition.type))) {
        if (walkValue(value, definition.type, node.selectionSet, [...path, key])) {
          obj[key] = null;
          if (isNonNullType(definition.type)) mustNull = true;
        }
      }
    }
    if (personalHere && named.name === PERSON_TYPE) addSubject(obj);
    return mustNull;
  }

  const root = schema.getRootType(operation.operation)!;
  const dataIsNull = walkObject(data, root, operation.selectionSet, []);
  return { walk, dataIsNull };
}

/** Removes the keys the gateway added for itself (object types, citizen ids). */
export function stripHelperKeys(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) stripHelperKeys(item);
  } else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    delete obj[TYPENAME_KEY];
    delete obj[CITIZEN_ID_KEY];
    delete obj[CITIZEN_CCCD_KEY];
    for (const inner of Object.values(obj)) stripHelperKeys(inner);
  }
}
