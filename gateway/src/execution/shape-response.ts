import {
  baseType,
  CompositeType,
  ERRORS,
  isCompositeType,
  isCustomScalarType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isSubtype,
  isUnionType,
  NamedType,
  Operation,
  Schema,
  Type,
  typenameFieldName,
} from '@apollo/federation-internals';
import { DirectiveNode, DocumentNode, FieldNode, FragmentDefinitionNode, GraphQLError, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { KEEP_FIELD } from './introspection';

/**
 * The last step of executing a query plan: the subgraphs' merged answers are shaped into the
 * response the client asked for (its fields in its order, aliases, `@skip`/`@include`,
 * `__typename`, nulls propagated to the nearest nullable field, invalid values reported).
 *
 * Same rules and same errors as @apollo/gateway 2.14's `computeResponse`, which interprets the
 * operation anew for every object of every response (two directive look-ups per selection per
 * object, a schema look-up per leaf): it was 17% of the gateway's CPU on the standard benchmark
 * query. Here the operation is compiled once into `ResponseShape`, cached with it, and the
 * per-object work is property reads.
 */
export interface ResponseShape {
  schema: Schema;
  rootType: CompositeType;
  selections: SelectionShape[];
  /** Variables' default values, under the request's own. */
  defaultedVariables: Record<string, unknown>;
  /**
   * Output objects are plain `{}` (fast to fill and to serialise), unless a response name is
   * `__proto__`, which would set a plain object's prototype: then prototype-less objects.
   */
  newObject: () => Record<string, unknown>;
  /**
   * Some named fragment is spread more than once: an object then applies each named fragment
   * once (the spec's CollectFields skips a visited fragment). Without it, `...F1 ...F1` in F0,
   * `...F2 ...F2` in F1, … is walked 2^n times per object: a 2 KB document holding the
   * gateway for minutes.
   */
  dedupeSpreads: boolean;
}

/** `@skip(if:)` / `@include(if:)`: a literal, or the name of a variable. */
type Condition = boolean | string;

interface Conditions {
  skip?: Condition;
  include?: Condition;
}

interface FieldShape {
  kind: 'field';
  responseName: string;
  conditions?: Conditions;
  /** A root `__schema`/`__type` (its placeholder): the value is the introspection's. */
  isIntrospection: boolean;
  isTypename: boolean;
  value: ValueShape;
  /** The field's own selections (composite fields only). */
  selections?: SelectionShape[];
}

interface FragmentShape {
  kind: 'fragment';
  conditions?: Conditions;
  typeCondition?: CompositeType;
  selections: SelectionShape[];
  /** Whether the type condition applies, by the name of the object's type. */
  applies: Map<string, boolean>;
  /** A named fragment's spread: its `selections` are shared by every spread of that name. */
  named: boolean;
}

type SelectionShape = FieldShape | FragmentShape;

type ValueShape =
  | { kind: 'nonNull'; type: Type; of: ValueShape }
  | { kind: 'list'; type: Type; of: ValueShape }
  | { kind: 'composite'; type: CompositeType }
  | { kind: 'leaf'; type: Type; isValid: (value: unknown) => boolean };

/**
 * The shape is compiled from the operation's document as the client wrote it (after the
 * introspection split), not from federation-internals' `Operation`: that one keys selections by
 * response name and type condition, so a second `... on Citizen` is merged into the first and its
 * fields answered before the fields written between the two. The spec's CollectFields orders a
 * response by each field's first selection; walking the document in order does exactly that.
 *
 * `introspectionPlaceholders`: response names of the root fields that stand for `__schema` and
 * `__type` (introspection.ts); their values come from the introspection part of the operation.
 */
export function compileResponseShape(operation: Operation, document: DocumentNode, introspectionPlaceholders: ReadonlySet<string> = new Set()): ResponseShape {
  const schema = operation.schema();
  const rootType = schema.schemaDefinition.rootType(operation.rootKind)!;
  const definition = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (operation.name === undefined || d.name?.value === operation.name));
  if (!definition) throw new Error(`The document has no operation ${operation.name ?? ''}`);
  const fragmentNodes = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  /**
   * A named fragment compiled once, however often it is spread (its fields are of its own type
   * condition); at the root separately, where placeholders become introspection fields.
   */
  const compiledFragments = new Map<string, SelectionShape[]>();
  let spreads = 0;
  let protoName = false;

  const compile = (set: SelectionSetNode, parentType: CompositeType, atRoot = false): SelectionShape[] => {
    const shapes: SelectionShape[] = [];
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const responseName = selection.alias?.value ?? selection.name.value;
        if (responseName === KEEP_FIELD) continue;
        const shape = compileField(schema, selection, parentType, compile);
        if (responseName === '__proto__') protoName = true;
        if (atRoot && shape.isTypename && introspectionPlaceholders.has(responseName)) shape.isIntrospection = true;
        shapes.push(shape);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeCondition = selection.typeCondition ? compositeType(schema, selection.typeCondition.name.value) : undefined;
        shapes.push({ kind: 'fragment', conditions: conditionsOf(selection.directives), typeCondition, selections: compile(selection.selectionSet, typeCondition ?? parentType, atRoot), applies: new Map(), named: false });
      } else {
        const name = selection.name.value;
        const fragment = fragmentNodes.get(name);
        if (!fragment) throw new Error(`Unknown fragment "${name}"`);
        const typeCondition = compositeType(schema, fragment.typeCondition.name.value);
        const key = atRoot ? `root:${name}` : name;
        let selections = compiledFragments.get(key);
        if (!selections) {
          selections = compile(fragment.selectionSet, typeCondition, atRoot);
          compiledFragments.set(key, selections);
        }
        spreads += 1;
        shapes.push({ kind: 'fragment', conditions: conditionsOf(selection.directives), typeCondition, selections, applies: new Map(), named: true });
      }
    }
    return shapes;
  };
  const selections = compile(definition.selectionSet, rootType, true);
  return {
    schema,
    rootType,
    selections,
    defaultedVariables: operation.collectDefaultedVariableValues(),
    newObject: protoName ? () => Object.create(null) : () => ({}),
    dedupeSpreads: spreads > compiledFragments.size,
  };
}

function compositeType(schema: Schema, name: string): CompositeType {
  const type = schema.type(name);
  if (!type || !isCompositeType(type)) throw new Error(`"${name}" is not a composite type of the API schema`);
  return type;
}

function compileField(schema: Schema, node: FieldNode, parentType: CompositeType, compile: (set: SelectionSetNode, parentType: CompositeType) => SelectionShape[]): FieldShape {
  const name = node.name.value;
  const responseName = node.alias?.value ?? name;
  const conditions = conditionsOf(node.directives);
  if (name === typenameFieldName) {
    return { kind: 'field', responseName, conditions, isIntrospection: false, isTypename: true, value: { kind: 'leaf', type: schema.stringType(), isValid: leafCheck(schema, schema.stringType()) } };
  }
  const definition = isUnionType(parentType) ? undefined : parentType.field(name);
  if (!definition?.type) throw new Error(`Cannot query field "${name}" on type "${parentType}"`);
  const fieldType = definition.type;
  return {
    kind: 'field',
    responseName,
    conditions,
    isIntrospection: false,
    isTypename: false,
    value: compileValue(schema, fieldType),
    selections: node.selectionSet ? compile(node.selectionSet, baseType(fieldType) as CompositeType) : undefined,
  };
}

function conditionsOf(directives: readonly DirectiveNode[] | undefined): Conditions | undefined {
  if (!directives?.length) return undefined;
  const read = (directiveName: string): Condition | undefined => {
    const applied = directives.find((d) => d.name.value === directiveName);
    if (!applied) return undefined;
    const value = applied.arguments?.find((a) => a.name.value === 'if')?.value;
    if (value?.kind === Kind.VARIABLE) return value.name.value;
    if (value?.kind === Kind.BOOLEAN) return value.value;
    throw new Error(`@${directiveName} needs "if" as a Boolean or a variable`);
  };
  const skip = read('skip');
  const include = read('include');
  return skip === undefined && include === undefined ? undefined : { skip, include };
}

const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

function compileValue(schema: Schema, type: Type): ValueShape {
  if (isNonNullType(type)) return { kind: 'nonNull', type, of: compileValue(schema, type.ofType) };
  if (isListType(type)) return { kind: 'list', type, of: compileValue(schema, type.ofType) };
  if (isCompositeType(type)) return { kind: 'composite', type };
  return { kind: 'leaf', type, isValid: leafCheck(schema, type as NamedType) };
}

/** federation-internals' isValidLeafValue, decided once per type. */
function leafCheck(schema: Schema, type: NamedType): (value: unknown) => boolean {
  if (isCustomScalarType(type)) return () => true;
  if (isEnumType(type)) return (value) => typeof value === 'string' && type.value(value) !== undefined;
  if (type === schema.booleanType()) return (value) => typeof value === 'boolean';
  if (type === schema.intType()) return (value) => typeof value === 'number' && Number.isFinite(value) && INTEGER.test(String(value));
  if (type === schema.idType()) return (value) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value) && INTEGER.test(String(value)));
  if (type === schema.floatType()) return (value) => typeof value === 'number' && Number.isFinite(value);
  return (value) => typeof value === 'string';
}

interface Run {
  schema: Schema;
  newObject: () => Record<string, unknown>;
  variables: Record<string, unknown>;
  errors: GraphQLError[];
  introspection: (responseName: string) => unknown;
  dedupeSpreads: boolean;
}

const OK = 0;
const NULL_BUBBLE_UP = 1;

/**
 * Flags of the value `updateValue` just returned, read by its caller right after the call
 * (the walk is synchronous): saves allocating a result object per value.
 */
const NO_FLAGS = 0;
const HAS_ERRORS = 1;
const INVALID = 3; // has errors, and the null must go up to the parent
let returnedFlags = NO_FLAGS;

export function shapeResponse(
  shape: ResponseShape,
  input: Record<string, unknown> | null | undefined,
  variables: Record<string, unknown> | undefined,
  introspection: (responseName: string) => unknown,
): { data: Record<string, unknown> | null | undefined; errors: GraphQLError[] } {
  if (!input) return { data: input, errors: [] };
  const run: Run = { schema: shape.schema, newObject: shape.newObject, variables: { __proto__: null, ...shape.defaultedVariables, ...variables }, errors: [], introspection, dedupeSpreads: shape.dedupeSpreads };
  const data = shape.newObject();
  const result = applySelections(run, shape.selections, input, data, [], shape.rootType);
  return { data: result === NULL_BUBBLE_UP ? null : data, errors: run.errors };
}

/**
 * The root fields the plan answered nothing for (absent from the merged answers, not skipped, not
 * `__typename` or introspection): when no fetch failed, the query planner found no subgraph that
 * can resolve them (e.g. a field of an interface whose only implementations are behind a
 * non-resolvable `@interfaceObject`: it plans no fetch at all, and @apollo/gateway answers null
 * without an error).
 */
export function unresolvedRootFields(shape: ResponseShape, input: Record<string, unknown> | null | undefined, variables: Record<string, unknown> | undefined): string[] {
  const defaulted = { __proto__: null, ...shape.defaultedVariables, ...variables } as Record<string, unknown>;
  const out: string[] = [];
  const walked = new Set<SelectionShape[]>();
  const walk = (selections: SelectionShape[]) => {
    for (const selection of selections) {
      if (selection.conditions && skipped(selection.conditions, defaulted)) continue;
      if (selection.kind === 'fragment') {
        if (selection.named && walked.has(selection.selections)) continue;
        walked.add(selection.selections);
        walk(selection.selections);
      }
      else if (!selection.isTypename && !selection.isIntrospection && !(input && hasOwn(input, selection.responseName))) out.push(selection.responseName);
    }
  };
  walk(shape.selections);
  return out;
}

function conditionValue(condition: Condition, variables: Record<string, unknown>): boolean {
  if (typeof condition === 'boolean') return condition;
  const value = variables[condition];
  if (typeof value !== 'boolean') throw new Error(`Unexpected value ${value} for variable $${condition} of a @skip/@include`);
  return value;
}

function skipped(conditions: Conditions, variables: Record<string, unknown>): boolean {
  return (conditions.skip !== undefined && conditionValue(conditions.skip, variables)) || (conditions.include !== undefined && !conditionValue(conditions.include, variables));
}

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/**
 * `parentType` names fields in messages (as @apollo/gateway: the innermost fragment's type);
 * `runtimeType` is the object's own type as far as known, for deciding which fragments apply:
 * inside `... on Applicant`, a Business is still a Business, so a nested `... on Business` applies
 * even when the subgraph sent no __typename (@apollo/gateway tests it against Applicant and drops it).
 */
function applySelections(
  run: Run,
  selections: SelectionShape[],
  input: Record<string, unknown>,
  output: Record<string, unknown>,
  path: (string | number)[],
  parentType: CompositeType,
  runtimeType: CompositeType = parentType,
  /** The named fragments this object has applied already (only when `run.dedupeSpreads`). */
  applied?: Set<SelectionShape[]>,
): number {
  for (const shape of selections) {
    if (shape.conditions && skipped(shape.conditions, run.variables)) continue;
    if (shape.kind === 'field') {
      const name = shape.responseName;
      const outputValue = output[name];
      if (shape.isIntrospection) {
        if (outputValue === undefined) output[name] = run.introspection(name);
        continue;
      }
      let inputValue = hasOwn(input, name) ? (input[name] ?? null) : null;
      if (shape.isTypename) {
        if (outputValue === undefined) {
          if (inputValue === null && name !== typenameFieldName) inputValue = input[typenameFieldName] ?? null;
          const type = typeof inputValue === 'string' ? (run.schema.type(inputValue) ?? parentType) : parentType;
          if (!isObjectType(type)) return NULL_BUBBLE_UP;
          output[name] = type.name;
        }
        continue;
      }
      path.push(name);
      output[name] = updateValue(run, shape.value, shape.selections, outputValue, inputValue, path, parentType);
      path.pop();
      if (returnedFlags === INVALID) return NULL_BUBBLE_UP;
    } else {
      const typename = input[typenameFieldName];
      if (typename !== undefined && typename !== null && typeof typename !== 'string') throw new Error(`Got unexpected value for __typename: ${typename}`);
      if (fragmentApplies(run.schema, shape, typename as string | undefined, runtimeType)) {
        if (run.dedupeSpreads) {
          applied ??= new Set();
          // Applying it again would change nothing: every value it selects is already in `output`.
          if (shape.named && applied.has(shape.selections)) continue;
          if (shape.named) applied.add(shape.selections);
        }
        const nestedRuntimeType = isObjectType(runtimeType) ? runtimeType : (shape.typeCondition ?? runtimeType);
        if (applySelections(run, shape.selections, input, output, path, shape.typeCondition ?? parentType, nestedRuntimeType, applied) === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
      }
    }
  }
  return OK;
}

function fragmentApplies(schema: Schema, shape: FragmentShape, typename: string | undefined, parentType: CompositeType): boolean {
  if (!shape.typeCondition) return true;
  const key = typename || parentType.name;
  let applies = shape.applies.get(key);
  if (applies === undefined) {
    const type = typename ? schema.type(typename) : parentType;
    applies = !!type && isSubtype(shape.typeCondition, type);
    shape.applies.set(key, applies);
  }
  return applies;
}

function describeLast(path: (string | number)[], type: Type, parentType: CompositeType): string {
  const last = path[path.length - 1];
  return typeof last === 'string' ? `field ${parentType}.${last}` : `array element of type ${type} at index ${last}`;
}

function updateValue(
  run: Run,
  shape: ValueShape,
  selections: SelectionShape[] | undefined,
  outputValue: unknown,
  inputValue: unknown,
  path: (string | number)[],
  parentType: CompositeType,
): unknown {
  if (outputValue === null || (outputValue !== undefined && !selections)) {
    returnedFlags = NO_FLAGS;
    return outputValue;
  }
  switch (shape.kind) {
    case 'nonNull': {
      const updated = updateValue(run, shape.of, selections, outputValue, inputValue, path, parentType);
      if (updated === null) {
        if (returnedFlags === NO_FLAGS) {
          run.errors.push(ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${describeLast(path, shape.of.type, parentType)}.`, { path: Array.from(path) }));
        }
        returnedFlags = INVALID;
        return null;
      }
      returnedFlags = NO_FLAGS;
      return updated;
    }
    case 'list': {
      if (inputValue === null) return nothing();
      if (!Array.isArray(inputValue)) throw new Error(`Invalid non-list value ${inputValue} returned by subgraph for list type ${shape.type}`);
      if (outputValue !== undefined && !Array.isArray(outputValue)) throw new Error(`Invalid non-list value ${outputValue} returned by subgraph for list type ${shape.type}`);
      const existing = outputValue as unknown[] | undefined;
      if (existing && existing.length !== inputValue.length) throw new Error(`[${inputValue}].length (${inputValue.length}) !== [${existing}].length (${existing.length})`);
      const updated = new Array<unknown>(inputValue.length);
      let nullify = false;
      let hasErrors = false;
      for (let i = 0; i < inputValue.length; i += 1) {
        path.push(i);
        updated[i] = updateValue(run, shape.of, selections, existing?.[i], inputValue[i], path, parentType);
        path.pop();
        if (returnedFlags === INVALID) nullify = true;
        if (returnedFlags !== NO_FLAGS) hasErrors = true;
      }
      returnedFlags = hasErrors ? HAS_ERRORS : NO_FLAGS;
      return nullify ? null : updated;
    }
    case 'composite': {
      if (inputValue === null) return nothing();
      if (!selections) throw new Error(`Invalid empty selection set for composite type ${shape.type}`);
      if (typeof inputValue !== 'object') throw new Error(`Invalid non-object value ${inputValue} returned by subgraph for composite type ${shape.type}`);
      if (outputValue !== undefined && typeof outputValue !== 'object') throw new Error(`Invalid non-object value ${inputValue} returned by subgraph for composite type ${shape.type}`);
      const input = inputValue as Record<string, unknown>;
      const inputTypename = input[typenameFieldName];
      if (inputTypename !== undefined && typeof inputTypename !== 'string') throw new Error(`Invalid non-string value ${inputTypename} for __typename at ${path}`);
      let objectType: CompositeType = shape.type;
      if (inputTypename) {
        const named = run.schema.type(inputTypename);
        if (!named || !isCompositeType(named)) {
          run.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${describeLast(path, shape.type, parentType)}.`, { path: Array.from(path) }));
          returnedFlags = HAS_ERRORS;
          return null;
        }
        objectType = named;
      }
      const output = (outputValue ?? run.newObject()) as Record<string, unknown>;
      const bubbled = applySelections(run, selections, input, output, path, objectType) === NULL_BUBBLE_UP;
      returnedFlags = bubbled ? HAS_ERRORS : NO_FLAGS;
      return bubbled ? null : output;
    }
    case 'leaf': {
      if (inputValue === null) return nothing();
      if (outputValue !== undefined) throw new Error(`Excepted output to be undefined but got ${shape.type} for type ${shape.type}`);
      if (shape.isValid(inputValue)) {
        returnedFlags = NO_FLAGS;
        return inputValue;
      }
      run.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${describeLast(path, shape.type, parentType)}.`, { path: Array.from(path) }));
      returnedFlags = HAS_ERRORS;
      return null;
    }
  }
}

function nothing(): null {
  returnedFlags = NO_FLAGS;
  return null;
}
